// Pure: a content file's text -> (YAML front matter, Markdown body); errors carry the line.
#pragma once
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

#include "error.h"

namespace folio {

struct FrontMatter {
    YAML::Node data;     // a map (empty when the file has no front matter)
    std::string yaml;    // its text, between the fences
    std::string body;    // the text after the closing "---"
    int body_line = 1;   // line number of the body's first line in the file
};

// line: 1-based, in the file.
struct FrontMatterError : LineError {
    using LineError::LineError;
};

// Splits and parses. A file whose first line is "---" has front matter up to the next line
// that is "---" or "...". Throws FrontMatterError.
FrontMatter parse_front_matter(std::string_view text);

// YAML aliases let a few hundred bytes stand for billions of values (an "alias bomb"): front
// matter and _config.yml may expand to at most this many values.
inline constexpr std::size_t kMaxYamlValues = 20000;

// True when node, with every alias expanded, holds at most limit values (stops counting there).
bool within_yaml_budget(const YAML::Node& node, std::size_t limit = kMaxYamlValues);

// YAML's merge key, as Ruby's YAML (and so Jekyll) reads it: in every map, `<<: *anchor` (or a
// list of anchors) adds the keys of the map(s) it names that the map does not have itself, and
// the "<<" key goes (academicpages' _data/ui-text.yml makes "en-US" from "en" that way; yaml-cpp
// keeps "<<" as an ordinary key). Call it after within_yaml_budget: it visits at most that many
// values.
void resolve_merge_keys(YAML::Node& node);

// The 1-based file line of a node taken from FrontMatter::data (0 when unknown).
int line_of(const YAML::Node& node);

}  // namespace folio
