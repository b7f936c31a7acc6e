// Building Mustache template data: from YAML, and without kainjow's copies.
#pragma once
#include <string>

#include "templates.h"

namespace YAML {
class Node;
}

namespace folio {

// YAML -> template data. Plain (unquoted) true/false become booleans so that sections work;
// everything else stays text, exactly as written.
TemplateData yaml_data(const YAML::Node& node);

// Sets key only when value is not empty: an empty string is truthy in Mustache sections.
void set_text(TemplateData& object, const std::string& key, const std::string& value);

// kainjow's data takes values by const reference only, so nesting a list of hundreds of entries
// copies all of them each time (a 7,000-item listing briefly held several copies). These move
// instead.
void push_moved(TemplateData& list, TemplateData&& item);
void set_moved(TemplateData& object, const std::string& name, TemplateData&& value);

}  // namespace folio
