// Jekyll's excerpt: Excerpt#extract_excerpt, then Liquid and the converter.
#include "jekyll/excerpt.h"

#include <vector>

#include "content.h"
#include "jekyll/jekyll.h"
#include "jekyll/liquid.h"

namespace folio {
namespace {

// Jekyll appends the link reference definitions ("[x]: http://...") found after the excerpt
// that the excerpt names, so its reference links still resolve. Read line by line (a regular
// expression engine that recurses would be a risk on hostile text).
std::string used_definitions(std::string_view head, std::string_view tail) {
    std::string out;
    tail = tail.substr(0, kMaxExcerptSource);
    for (std::size_t pos = 0; pos < tail.size();) {
        std::size_t end = tail.find('\n', pos);
        if (end == std::string_view::npos) end = tail.size();
        std::string_view line = tail.substr(pos, end - pos);
        pos = end + 1;
        std::size_t i = 0;
        while (i < line.size() && i < 3 && line[i] == ' ') ++i;
        if (i >= line.size() || line[i] != '[') continue;
        const std::size_t close = line.find("]:", i);
        if (close == std::string_view::npos || close == i + 1 || line.substr(i, close - i).find(']') != std::string_view::npos) continue;
        if (line.find_first_not_of(" \t", close + 2) == std::string_view::npos) continue;
        if (head.find(line.substr(i, close + 1 - i)) == std::string_view::npos) continue;
        out += (out.empty() ? "" : "\n") + std::string(line.substr(i));
    }
    return out;
}

}  // namespace

std::string jekyll_excerpt(std::string_view body, const std::string& separator, const YAML::Node& site,
                           const std::string& link_base) {
    if (separator.empty()) return std::string();
    // Jekyll's front matter pattern ends in `---\s*$\n?`, which takes every blank line after the
    // closing line too: its content, and so the excerpt, starts at the first line with text.
    const std::size_t text = body.find_first_not_of(" \t\r\n\f\v");
    if (text == std::string_view::npos) return std::string();
    const std::size_t line = body.rfind('\n', text);
    body.remove_prefix(line == std::string_view::npos ? 0 : line + 1);
    const std::size_t at = body.find(separator);
    std::string head(body.substr(0, std::min(at, kMaxExcerptSource)));
    if (at != std::string_view::npos) {
        const std::string defs = used_definitions(head, body.substr(at + separator.size()));
        if (!defs.empty()) head += "\n\n" + defs;
    }
    if (has_liquid(head)) {
        LiquidContext ctx;
        ctx.vars = YAML::Node(YAML::NodeType::Map);
        ctx.vars["site"] = YAML::Clone(site);
        std::vector<LiquidProblem> ignored;  // the page's own render reports them
        head = render_liquid(head, ctx, ignored);
    }
    return jekyll_markdown(head, link_base, jekyll_gfm_input(site));
}

}  // namespace folio
