// Front matter splitting and YAML parsing (yaml-cpp).
#include "front_matter.h"

namespace folio {
namespace {

// yaml-cpp marks are 0-based and relative to the text it was given, which starts on line 2.
constexpr int kYamlFirstLine = 2;

bool is_fence(std::string_view line, bool closing) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line == "---" || (closing && line == "...");
}

}  // namespace

namespace {

bool count_values(const YAML::Node& n, std::size_t& left) {
    if (left == 0) return false;
    --left;
    if (n.IsSequence() || n.IsMap()) {
        for (const auto& e : n) {
            if (n.IsMap()) {
                if (!count_values(e.first, left) || !count_values(e.second, left)) return false;
            } else if (!count_values(e, left)) {
                return false;
            }
        }
    }
    return true;
}

}  // namespace

bool within_yaml_budget(const YAML::Node& node, std::size_t limit) {
    std::size_t left = limit;
    return count_values(node, left);
}

int line_of(const YAML::Node& node) {
    if (!node.IsDefined()) return 0;
    const YAML::Mark m = node.Mark();
    return m.line < 0 ? 0 : m.line + kYamlFirstLine;
}

FrontMatter parse_front_matter(std::string_view text) {
    FrontMatter fm;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::size_t first_end = text.find('\n');
    if (!is_fence(text.substr(0, first_end), false)) {
        fm.data = YAML::Node(YAML::NodeType::Map);
        fm.body = std::string(text);
        return fm;
    }
    if (first_end == std::string_view::npos) throw FrontMatterError{1, "front matter is not closed by a '---' line"};
    std::size_t pos = first_end + 1;
    int line = 2;
    while (true) {
        if (pos > text.size()) throw FrontMatterError{1, "front matter is not closed by a '---' line"};
        std::size_t end = text.find('\n', pos);
        std::string_view l = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        if (is_fence(l, true)) {
            std::string yaml(text.substr(first_end + 1, pos - first_end - 1));
            fm.yaml = yaml;
            try {
                fm.data = YAML::Load(yaml);
            } catch (const YAML::Exception& e) {
                int at = e.mark.line < 0 ? 1 : e.mark.line + kYamlFirstLine;
                throw FrontMatterError{at, "YAML: " + e.msg};
            }
            if (!fm.data.IsDefined() || fm.data.IsNull()) fm.data = YAML::Node(YAML::NodeType::Map);
            if (!fm.data.IsMap()) throw FrontMatterError{kYamlFirstLine, "front matter must be a YAML mapping (key: value lines)"};
            if (!within_yaml_budget(fm.data))
                throw FrontMatterError{kYamlFirstLine, "front matter expands to more than " + std::to_string(kMaxYamlValues) +
                                                           " values (YAML aliases?)"};
            fm.body = end == std::string_view::npos ? std::string() : std::string(text.substr(end + 1));
            fm.body_line = line + 1;
            return fm;
        }
        if (end == std::string_view::npos) throw FrontMatterError{1, "front matter is not closed by a '---' line"};
        pos = end + 1;
        ++line;
    }
}

}  // namespace folio
