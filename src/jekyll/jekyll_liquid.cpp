// Jekyll's Liquid tags and objects that need the whole site, for one page's LiquidContext.
#include "jekyll/jekyll_liquid.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "config.h"
#include "content.h"
#include "jekyll/jekyll.h"
#include "jekyll/kramdown.h"
#include "jekyll/liquid.h"
#include "page.h"
#include "site.h"
#include "site_view.h"
#include "markdown.h"
#include "fd.h"
#include "front_matter.h"
#include "read_file.h"
#include "safe_open.h"

namespace folio {
namespace {

// The largest _includes/ file or include_relative file read for Liquid.
constexpr std::size_t kMaxPartialBytes = 1024 * 1024;

// A partial's text: rel below the site folder, opened as the site walk opens pages (links that
// stay inside the site allowed, none out of it, no "..": open_within), a regular file of at
// most kMaxPartialBytes; nullopt otherwise.
std::optional<std::string> read_partial(const std::string& root, const std::string& rel) {
    const Fd fd(open_within(root, rel));
    std::string reason;
    return fd ? read_open_file(fd.get(), kMaxPartialBytes, reason) : std::nullopt;
}

// The nodes below are made inside the variables' tree before anything is put into them: a list
// made apart that takes in site.posts' documents would copy the whole tree's node set (yaml-cpp
// merges memories; HACKING.md, library fact 5), once per list.

// vars["paginator"]: jekyll-paginate's paginator as the site's index.html sees it at page
// number `num` (1 at /, 2 at /page2/, ...): that page's slice of site.posts, and the numbers and
// paths of the pages around it (nil at either end; the first page's path is "/").
void add_paginator(const JekyllSite& j, YAML::Node& vars, long long num) {
    const YAML::Node site = static_cast<const YAML::Node&>(vars)["site"];
    if (!site.IsDefined() || !site.IsMap()) return;
    const YAML::Node posts = site["posts"];
    const long long per_page = jekyll_per_page(j);
    if (per_page <= 0 || !posts.IsDefined() || !posts.IsSequence()) return;
    const long long total = static_cast<long long>(posts.size());
    const long long pages = std::min((total + per_page - 1) / per_page, kMaxPagerPages);
    num = std::clamp(num, 1LL, std::max(pages, 1LL));
    vars["paginator"] = YAML::Node(YAML::NodeType::Map);
    YAML::Node pg = vars["paginator"];
    pg["page"] = num;
    pg["per_page"] = per_page;
    pg["posts"] = YAML::Node(YAML::NodeType::Sequence);
    YAML::Node slice = pg["posts"];
    for (long long i = (num - 1) * per_page; i < std::min(num * per_page, total); ++i) slice.push_back(posts[static_cast<std::size_t>(i)]);
    pg["total_posts"] = total;
    pg["total_pages"] = pages;
    const auto path = [&](long long k) { return k <= 1 ? std::string("/") : jekyll_pager_path(j, k); };
    pg["previous_page"] = num > 1 ? YAML::Node(num - 1) : YAML::Node();
    pg["previous_page_path"] = num > 1 ? YAML::Node(path(num - 1)) : YAML::Node();
    if (num < pages) {
        pg["next_page"] = num + 1;
        pg["next_page_path"] = path(num + 1);
    }
}

// Jekyll's tags and filters that need the site: partials from _includes/, files beside the page,
// link and post_url, markdownify. Names are paths below the site: none may lead out of it.
void set_tags(const SiteView& v, const Page& p, LiquidContext& ctx) {
    const std::string root = v.config.content_dir;
    auto read_below = [root](const std::string& rel) { return read_partial(root, rel); };
    ctx.partial = [read_below](const std::string& name) { return read_below("_includes/" + name); };
    const std::string dir = p.rel.find('/') == std::string::npos ? "" : p.rel.substr(0, p.rel.rfind('/') + 1);
    ctx.include_relative = [read_below, dir](const std::string& path) { return read_below(dir + path); };
    ctx.link = [&v](const std::string& path) -> std::optional<std::string> {
        for (const Page& q : v.site.pages)
            if (q.rel == path) return q.url;
        return std::nullopt;
    };
    ctx.post_url = [&v](const std::string& name) -> std::optional<std::string> {
        for (const Page& q : v.site.pages)
            if (q.collection == "posts" && q.rel.rfind("_posts/" + name + ".", 0) == 0) return q.url;
        return std::nullopt;
    };
    ctx.markdownify = [&v](const std::string& markdown) { return jekyll_markdown(markdown, v.config.site.base_path, jekyll_gfm_input(v.site.jekyll->config)); };
}

// site[as] (site.tags or site.categories): each name of the posts' `key`, in the order the posts
// first use it (oldest post first), with its posts newest first, as Jekyll builds them.
// site.posts is newest first.
void add_posts_by(YAML::Node& site, const char* key, const char* as) {
    const YAML::Node posts = static_cast<const YAML::Node&>(site)["posts"];
    site[as] = YAML::Node(YAML::NodeType::Map);
    YAML::Node by = site[as];
    if (!posts.IsDefined() || !posts.IsSequence()) return;
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::size_t>> lists;  // name -> posts, oldest first
    for (std::size_t i = posts.size(); i-- > 0;) {
        const YAML::Node names = posts[i][key];
        if (!names.IsSequence()) continue;
        for (const YAML::Node& n : names) {
            if (!n.IsScalar()) continue;
            auto [it, fresh] = lists.emplace(n.Scalar(), std::vector<std::size_t>());
            if (fresh) order.push_back(n.Scalar());
            it->second.push_back(i);
        }
    }
    for (const std::string& name : order) {
        YAML::Node newest_first(YAML::NodeType::Sequence);
        by.force_insert(name, newest_first);  // a node of one value into the tree: now in its memory
        const std::vector<std::size_t>& list = lists[name];
        for (std::size_t k = list.size(); k-- > 0;) newest_first.push_back(posts[list[k]]);
    }
}

// vars["layout"]: the front matter of the page's layout file (_layouts/NAME.html), Jekyll's
// `layout` object as the page's own Liquid sees it. folio renders the page in its own templates;
// the site's layouts themselves are the theme engine's (issue 14). No such file, or no front
// matter in it: no layout object, as in Jekyll.
void add_layout(const SiteView& v, const Page& p, YAML::Node& vars) {
    const std::string name = front_text(p, "layout");
    if (name.empty() || name.find('/') != std::string::npos || name[0] == '.') return;
    const std::optional<std::string> text = read_partial(v.config.content_dir, "_layouts/" + name + ".html");
    if (!text) return;
    try {
        FrontMatter fm = parse_front_matter(*text);
        if (fm.data.IsMap() && fm.data.size() > 0 && within_yaml_budget(fm.data)) vars["layout"] = fm.data;
    } catch (const Error&) {
        // A layout whose front matter does not parse gives no layout object; --check reports the
        // file when the theme engine reads it.
    } catch (const YAML::Exception&) {
    }
}

}  // namespace

void add_jekyll_site_liquid(const SiteView& v, const Page& p, LiquidContext& ctx) {
    if (!v.site.jekyll) return;
    set_tags(v, p, ctx);
    // _config.yml's liquid: error_mode (lax, warn: folio reads lax and reports; strict) and
    // strict_variables. strict_filters needs nothing: an unknown filter is always reported.
    // (A missing key gives an invalid node, which throws on anything but IsDefined.)
    const YAML::Node liquid = static_cast<const YAML::Node&>(v.site.jekyll->config)["liquid"];
    if (liquid.IsDefined() && liquid.IsMap()) {
        const YAML::Node mode = liquid["error_mode"], vars = liquid["strict_variables"];
        if (mode.IsDefined() && mode.IsScalar() && mode.Scalar() == "strict") ctx.strict = true;
        if (vars.IsDefined() && vars.IsScalar() && vars.Scalar() == "true") ctx.strict_variables = true;
    }
    ctx.vars["jekyll"]["environment"] = v.site.jekyll->environment;
    const YAML::Node read = ctx.vars;  // const: reading must not add keys
    if (read["site"].IsMap()) {
        YAML::Node site = ctx.vars["site"];
        if (!read["site"]["tags"].IsDefined()) add_posts_by(site, "tags", "tags");
        if (!read["site"]["categories"].IsDefined()) add_posts_by(site, "categories", "categories");
    }
    if (p.rel == "index.html") add_paginator(*v.site.jekyll, ctx.vars, v.paginator_page);
    add_layout(v, p, ctx.vars);
}

}  // namespace folio
