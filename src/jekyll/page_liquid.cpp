// Jekyll's variables for a page's Liquid, and the academicpages includes folio answers itself.
#include "jekyll/page_liquid.h"

#include <yaml-cpp/yaml.h>

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <map>
#include <sstream>

#include "jekyll/jekyll.h"
#include "jekyll/liquid.h"
#include "listing.h"
#include "site.h"
#include "site_view.h"
#include "templates.h"
#include "jekyll/jekyll_liquid.h"

namespace folio {
namespace {

// A document as Jekyll's Liquid sees it (site.pages, site.posts, collection.docs, post in a loop).
YAML::Node doc_vars(const Page& p, std::size_t index) {
    YAML::Node d = front_of(p);
    if (!d.IsMap()) d = YAML::Node(YAML::NodeType::Map);
    d["url"] = p.url;
    d["title"] = p.title;
    d["path"] = p.rel;
    if (!p.collection.empty()) d["collection"] = p.collection;
    if (!p.date.empty()) d["date"] = p.date;
    if (const std::string excerpt = front_text(p, "excerpt"); !excerpt.empty()) d["excerpt"] = excerpt;
    // Jekyll's posts: category (or categories) as a list, tags always a list.
    if (p.collection == "posts") {
        YAML::Node categories = d["categories"].IsDefined() ? d["categories"] : d["category"];
        if (!categories.IsSequence()) d["categories"] = categories.IsScalar() ? std::vector<std::string>{categories.Scalar()} : std::vector<std::string>{};
        if (!d["tags"].IsSequence()) d["tags"] = d["tags"].IsScalar() ? std::vector<std::string>{d["tags"].Scalar()} : std::vector<std::string>{};
    }
    d["__folio_page"] = std::to_string(index);  // lets an include find the Page again
    return d;
}

// site.* and page.* for a Jekyll page's Liquid.
YAML::Node liquid_vars(const SiteView& v, const Page& p) {
    const JekyllSite& j = *v.site.jekyll;
    YAML::Node site = YAML::Clone(j.config);
    site["url"] = v.config.site.url;
    site["baseurl"] = v.config.site.base_path;
    YAML::Node pages(YAML::NodeType::Sequence);
    for (std::size_t i = 0; i < v.site.pages.size(); ++i) {
        const Page& q = v.site.pages[i];
        if (!q.published || q.error || q.rel.empty()) continue;
        if (q.collection.empty()) pages.push_back(doc_vars(q, i));
    }
    YAML::Node collections(YAML::NodeType::Sequence);
    for (const auto& c : j.collections) {
        YAML::Node list(YAML::NodeType::Sequence);
        std::vector<std::size_t> order;
        if (auto it = v.site.collections.find(c.name); it != v.site.collections.end()) order = it->second;
        // Jekyll orders posts newest first and other collections by path.
        if (c.name != "posts")
            std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v.site.pages[a].rel < v.site.pages[b].rel; });
        for (std::size_t i : order) list.push_back(doc_vars(v.site.pages[i], i));
        site[c.name] = list;
        YAML::Node col(YAML::NodeType::Map);
        col["label"] = c.name;
        col["output"] = c.output ? "true" : "false";
        col["docs"] = list;
        collections.push_back(col);
    }
    site["pages"] = pages;
    site["collections"] = collections;
    YAML::Node vars(YAML::NodeType::Map);
    vars["site"] = site;
    vars["page"] = doc_vars(p, 0);
    vars["base_path"] = v.config.site.base_path;  // academicpages' {% include base_path %} sets it
    return vars;
}

// archive-single.html (a listing entry inside a Liquid loop) as the theme's archive-item partial.
std::string archive_single(const SiteView& v, const YAML::Node& locals) {
    const YAML::Node post = locals["post"];
    // (yaml-cpp throws its own exception for a key looked up in a scalar or a list.)
    if (!post.IsMap() || !post["__folio_page"].IsScalar()) return std::string();
    // Folio writes a page number here, but front matter can hold the same key with any text: not
    // a number of a page (std::stoul would throw a standard exception for it) renders nothing.
    const std::string& number = post["__folio_page"].Scalar();
    if (number.empty() || number.size() > 9 || number.find_first_not_of("0123456789") != std::string::npos)
        return std::string();
    const std::size_t i = std::stoul(number);
    if (i >= v.site.pages.size()) return std::string();
    // Without the item's own content: that could hold this very loop again.
    std::string html = v.templates.render_partial("archive-item", item_data(v, v.site.pages[i]));
    // No blank lines: they would end the HTML block and turn the rest into Markdown.
    std::string out;
    std::istringstream lines(html);
    for (std::string line; std::getline(lines, line);)
        if (line.find_first_not_of(" \t\r") != std::string::npos) out += line + "\n";
    return out;
}

}  // namespace

LiquidContext page_liquid_context(const SiteView& view, const Page& page) {
    LiquidContext ctx;
    ctx.vars = liquid_vars(view, page);
    ctx.include = [v = &view](const std::string& name, const YAML::Node& locals) -> std::optional<std::string> {
        if (name == "base_path") return std::string();
        if (name == "toc") return std::string(kTocMarker);
        if (name.rfind("archive-single", 0) == 0) return archive_single(*v, locals);
        return std::nullopt;
    };
    add_jekyll_site_liquid(view, page, ctx);  // partials, include_relative, link, post_url, ...
    return ctx;
}

}  // namespace folio
