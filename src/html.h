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

}  // namespace folio
