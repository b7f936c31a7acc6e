// Shared by the Liquid unit tests and the data runner: the include callback they give Liquid.
#pragma once
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

namespace testing {

// "[NAME post=TITLE key=value ...]", so a test sees which locals an include got; missing.html is
// an include folio does not know (nullopt).
inline std::optional<std::string> marked_include(const std::string& name, const YAML::Node& locals) {
    if (name == "missing.html") return std::nullopt;
    std::string out = "[" + name;
    if (locals["post"].IsDefined() && locals["post"]["title"].IsDefined())
        out += " post=" + locals["post"]["title"].as<std::string>();
    if (locals["include"].IsDefined())
        for (const auto& kv : locals["include"]) out += " " + kv.first.Scalar() + "=" + kv.second.Scalar();
    return out + "]";
}

}  // namespace testing
