// JSON-LD (schema.org) for the home page, safe inside a <script> element.
#pragma once
#include <string>

namespace folio {

struct Config;

// schema.org Person for the home page, from [author].
std::string person_jsonld(const Config& config);

}  // namespace folio
