// Template data from YAML, and moves into kainjow's data where it only offers copies.
#include "template_data.h"

#include <yaml-cpp/yaml.h>

#include <kainjow/mustache.hpp>

namespace folio {

namespace mu = kainjow::mustache;

TemplateData yaml_data(const YAML::Node& n) {
    switch (n.Type()) {
    case YAML::NodeType::Map: {
        mu::data obj{mu::data::type::object};
        for (const auto& kv : n)
            if (kv.first.IsScalar()) obj.set(kv.first.Scalar(), yaml_data(kv.second));
        return obj;
    }
    case YAML::NodeType::Sequence: {
        mu::data list{mu::data::type::list};
        for (const auto& e : n) list.push_back(yaml_data(e));
        return list;
    }
    case YAML::NodeType::Scalar: {
        const std::string& s = n.Scalar();
        if (n.Tag() == "?") {
            if (s == "true" || s == "True" || s == "TRUE") return mu::data{true};
            if (s == "false" || s == "False" || s == "FALSE") return mu::data{false};
        }
        return mu::data{s};
    }
    default:
        return mu::data{false};
    }
}

void set_text(TemplateData& obj, const std::string& key, const std::string& value) {
    if (!value.empty()) obj.set(key, value);
}

// list_value() and get() hand out, as const, storage that a non-const data owns, so writing
// through them is sound.
void push_moved(TemplateData& list, TemplateData&& item) {
    const_cast<mu::list&>(list.list_value()).push_back(std::move(item));
}

void set_moved(TemplateData& object, const std::string& name, TemplateData&& value) {
    object.set(name, mu::data(false));
    *const_cast<mu::data*>(object.get(name)) = std::move(value);
}

}  // namespace folio
