// JSON-LD (schema.org) for the home page, safe inside a <script> element.
#pragma once
#include <string>

namespace folio {

struct Config;

// schema.org Person for the home page, from [author].
std::string person_jsonld(const Config& config);

// A JSON string literal in which '<', '>' and '&' are escaped too, so the text can never close
// the script element it stands in.
std::string json_string(const std::string& s);

}  // namespace folio
