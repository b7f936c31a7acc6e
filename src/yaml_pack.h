// Pure: a parsed YAML value (a page's front matter) kept as compact bytes, and made a YAML::Node
// again without parsing. Front matter is parsed once, when the site is built; every render,
// listing entry and site.pages entry unpacks the bytes (node building only, about ten times
// cheaper than YAML::Load) instead of parsing the text again. A yaml-cpp tree costs some 300
// bytes a node, so 10,000 pages cannot keep theirs; the bytes cost about what the text does.
#pragma once
#include <string>
#include <string_view>

namespace YAML {
class Node;
}

namespace folio {

// The bytes of node: its kind, tag, 1-based line and value, children in order; aliases are
// expanded (front matter is checked against kMaxYamlValues before it gets here).
std::string pack_yaml(const YAML::Node& node);

// The node the bytes stand for: the same kinds, scalars, tags ("!" for a quoted scalar, which
// Liquid reads as a string) and order as the node that was packed, in memory of its own. The
// lines and the style (flow or block) are not carried over (Mark is read-only); packed_key_line
// gives the lines. Empty bytes give
// an empty map. Bytes that pack_yaml did not make give what could be read of them (never
// reading past their end).
YAML::Node unpack_yaml(std::string_view bytes);

// True when bytes are one whole value as pack_yaml writes it (the index cache refuses others).
bool valid_packed_yaml(std::string_view bytes);

// The 1-based line of key in the packed map (its line in the file that was parsed), or 0 when
// the map has no such key.
int packed_key_line(std::string_view bytes, std::string_view key);

}  // namespace folio
