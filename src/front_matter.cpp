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

namespace {

bool is_merge_key(const YAML::Node& key) { return key.IsScalar() && key.Scalar() == "<<" && key.Tag() != "!"; }

void resolve_merges(YAML::Node node, std::size_t& left, int depth) {
    if (left == 0 || depth > 64) return;
    --left;
    if (node.IsSequence()) {
        for (YAML::Node item : node) resolve_merges(item, left, depth + 1);
        return;
    }
    if (!node.IsMap()) return;
    YAML::Node merged;
    for (auto kv : node) {
        if (is_merge_key(kv.first)) merged = kv.second;
        else resolve_merges(kv.second, left, depth + 1);
    }
    if (!merged.IsDefined()) return;
    node.remove("<<");
    std::vector<YAML::Node> sources;
    if (merged.IsMap()) sources.push_back(merged);
    else if (merged.IsSequence())
        for (const YAML::Node& m : merged)
            if (m.IsMap()) sources.push_back(m);
    for (YAML::Node& src : sources) {
        resolve_merges(src, left, depth + 1);
        for (const auto& kv : src)
            if (kv.first.IsScalar() && !static_cast<const YAML::Node&>(node)[kv.first.Scalar()].IsDefined())
                node[kv.first.Scalar()] = kv.second;
    }
}

}  // namespace

void resolve_merge_keys(YAML::Node& node) {
    std::size_t left = kMaxYamlValues;
    resolve_merges(node, left, 0);
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
            resolve_merge_keys(fm.data);
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
