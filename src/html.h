// HTML escaping for text and attribute values (one escaper, used wherever folio writes HTML itself).
#pragma once
#include <string>
#include <string_view>

#include "escape.h"

namespace folio {

// Escapes & < > " ' so the result is safe in element text and in quoted attribute values.
std::string escape_html(std::string_view text);

// escape_html's table, for escapers that differ from it in a byte (Jekyll's xml_escape).
const ByteEscaper& html_escaper();

// The text an HTML fragment's entities stand for: &#8217; &#x2019; and the common named ones
// (&amp; &lt; &gt; &quot; &apos; &nbsp; and typographic quotes, dashes, ellipsis) become their
// characters (UTF-8); anything else, a malformed or unknown entity included, stays as written.
// For front-matter titles written with entities (WordPress exports do): escaped for a template
// as they are, they would show "&#8217;" as text.
std::string decode_html_entities(std::string_view text);

}  // namespace folio
