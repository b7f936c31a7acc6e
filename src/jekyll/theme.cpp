// The site's own _layouts/ chain, rendered with Liquid as Jekyll::Renderer does.
#include "jekyll/theme.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>

#include "config.h"
#include "content.h"
#include "fd.h"
#include "front_matter.h"
#include "jekyll/jekyll.h"
#include "jekyll/liquid.h"
#include "jekyll/page_liquid.h"
#include "page.h"
#include "read_file.h"
#include "safe_open.h"
#include "self_links.h"
#include "site.h"
#include "site_view.h"

namespace folio {
namespace {

struct Layout {
    std::string file;  // "_layouts/single.html", for messages
    YAML::Node data;   // its front matter (a map)
    std::string body;
    int body_line = 1;
};

// _layouts/NAME.html below the site folder, opened as pages are (nothing outside the site);
// nullopt when there is none. A front matter that does not parse is a problem and leaves the
// layout without data (Jekyll stops the build; a page served live keeps the rest of its theme).
std::optional<Layout> read_layout(const SiteView& v, const std::string& name, std::vector<Problem>* problems) {
    if (name.empty() || name.find('/') != std::string::npos || name[0] == '.') return std::nullopt;
    Layout l;
    l.file = "_layouts/" + name + ".html";
    const Fd fd(open_within(v.config.content_dir, l.file));
    std::string reason;
    std::optional<std::string> text = fd ? read_open_file(fd.get(), kMaxLayoutBytes, reason) : std::nullopt;
    if (!text) return std::nullopt;
    try {
        FrontMatter fm = parse_front_matter(*text);
        if (fm.data.IsMap() && within_yaml_budget(fm.data)) l.data = fm.data;
        l.body = std::move(fm.body);
        l.body_line = fm.body_line;
    } catch (const LineError& e) {
        if (problems) problems->push_back({v.config.content_dir + "/" + l.file, e.line, e.what()});
        l.body = std::move(*text);
    } catch (const YAML::Exception& e) {
        if (problems) problems->push_back({v.config.content_dir + "/" + l.file, e.mark.line + 1, e.what()});
        l.body = std::move(*text);
    }
    if (!l.data.IsDefined() || !l.data.IsMap()) l.data = YAML::Node(YAML::NodeType::Map);
    return l;
}

std::string layout_key(const YAML::Node& data) {
    const YAML::Node n = data["layout"];
    return n.IsDefined() && n.IsScalar() ? n.Scalar() : std::string();
}

bool no_layout(const std::string& name) { return name.empty() || name == "none" || name == "null"; }

// Jekyll's `layout` variable: the outer layout's front matter under the inner ones' (an inner
// layout's key wins), as Renderer#render_layout deep-merges them.
void merge_under(YAML::Node& into, const YAML::Node& outer) {
    for (const auto& kv : outer) {
        if (!kv.first.IsScalar()) continue;
        const std::string key = kv.first.Scalar();
        YAML::Node mine = into[key];
        if (!static_cast<const YAML::Node&>(into)[key].IsDefined() || mine.IsNull()) into[key] = YAML::Clone(kv.second);
        else if (mine.IsMap() && kv.second.IsMap()) merge_under(mine, kv.second);
    }
}

}  // namespace

std::string theme_layout_name(const Page& p) {
    const std::string name = front_text(p, "layout");
    return no_layout(name) ? std::string() : name;
}

std::string render_theme_page(const SiteView& v, const Page& p, std::string_view body, std::vector<Problem>* problems) {
    LiquidContext ctx = page_liquid_context(v, p);
    std::string html = render_content(v, p, body, v.config.site.base_path, problems, &ctx);
    std::string name = theme_layout_name(p);
    std::set<std::string> used;
    YAML::Node layout_vars(YAML::NodeType::Map);
    for (int depth = 0; !no_layout(name); ++depth) {
        // Jekyll stops at a layout it has already used in this chain; folio also at a depth.
        if (!used.insert(name).second || depth >= kMaxLayoutDepth) {
            if (problems) problems->push_back({p.source, 1, "layout '" + name + "' makes a loop; the chain stops there"});
            break;
        }
        std::optional<Layout> l = read_layout(v, name, problems);
        if (!l) {
            // Jekyll warns and writes the content without that layout.
            if (problems) problems->push_back({p.source, 1, "layout '" + name + "' not found (no _layouts/" + name + ".html)"});
            break;
        }
        merge_under(layout_vars, l->data);
        ctx.vars["layout"] = YAML::Clone(layout_vars);
        ctx.vars["content"] = html;
        ctx.vars["page"]["content"] = html;
        std::vector<LiquidProblem> found;
        html = render_liquid(l->body, ctx, found);
        if (problems)
            for (const auto& f : found)
                problems->push_back({v.config.content_dir + "/" + l->file, l->body_line + f.line - 1, "Liquid: " + f.message});
        name = layout_key(l->data);
    }
    // Links the theme made from site.url (academicpages' base_path is url + baseurl) stay on this
    // host, as the content's own do (content.cpp).
    return localize_self_links(html, v.config.site.url, v.config.site.base_path);
}

}  // namespace folio
