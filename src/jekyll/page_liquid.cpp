// Jekyll's variables for a page's Liquid, and the academicpages includes folio answers itself.
#include "jekyll/page_liquid.h"

#include <yaml-cpp/yaml.h>

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <sstream>

#include "jekyll/jekyll.h"
#include "jekyll/liquid.h"
#include "listing.h"
#include "site.h"
#include "site_view.h"
#include "templates.h"
#include "utc_time.h"
#include "jekyll/jekyll_liquid.h"

namespace folio {
namespace {

constexpr const char* kPageKey = "__folio_page";  // a document's index in Site::pages

// d[key] = value for a document of page p. A key its front matter does not have is added
// without operator[]'s search through every key (which compares each as text): a listing of
// 1,000 documents makes 7,000 of these.
template <typename T>
void put(YAML::Node& d, const Page& p, const char* key, const T& value) {
    if (front_has(p, key)) d[key] = value;
    else d.force_insert(key, value);
}

// Jekyll's order of a collection's documents (Document#<=>): by date, then by path; a document
// without a date is dated when the site was built, after every dated one.
bool document_before(const Page& a, const Page& b) {
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    if (a.date != b.date) return a.date < b.date;
    return a.rel < b.rel;
}

// A document as Jekyll's Liquid sees it (site.pages, site.posts, collection.docs, post in a loop).
YAML::Node doc_vars(const Page& p, std::size_t index, const std::string& site_time) {
    // The key that lets an include find the Page again goes first: archive-single looks it up
    // for every entry of a listing, and yaml-cpp finds a key by comparing each one before it.
    YAML::Node d(YAML::NodeType::Map);
    d.force_insert(kPageKey, std::to_string(index));
    for (const auto& kv : front_of(p))
        if (!(kv.first.IsScalar() && kv.first.Scalar() == kPageKey)) d.force_insert(kv.first, kv.second);
    put(d, p, "url", p.url);
    // A page (not a document) has no title of its own in Jekyll: page.title is nil unless its
    // front matter or a default sets one (academicpages' <title> is then the site's). folio's
    // listing stand-ins (no file) keep the title they were given.
    const bool untitled_page = p.collection.empty() && !p.rel.empty() && !static_cast<const YAML::Node&>(d)["title"].IsDefined();
    if (!untitled_page) put(d, p, "title", p.title);
    put(d, p, "path", p.rel);
    // Jekyll's own keys of a document (Document#to_liquid) or a page (Page#to_liquid).
    const std::string name = p.rel.substr(p.rel.rfind('/') + 1);
    const std::size_t dot = name.rfind('.');
    const std::string ext = dot == std::string::npos ? std::string() : name.substr(dot);
    std::string stem = name.substr(0, dot), date, slug;
    if (p.collection == "posts" && split_post_name(stem, date, slug)) stem = slug;
    put(d, p, "relative_path", p.rel);
    if (!p.collection.empty()) {
        put(d, p, "collection", p.collection);
        put(d, p, "ext", ext);
        if (!front_has(p, "slug")) d.force_insert("slug", stem);
        // Document#id: the URL's folder and the slug ("/publication/2009-10-01-paper-title-number-1").
        std::string url = p.url;
        while (url.size() > 1 && url.back() == '/') url.pop_back();
        const std::string folder = url.substr(0, url.rfind('/'));
        const std::string own_slug = front_text(p, "slug");
        put(d, p, "id", folder + "/" + (own_slug.empty() ? stem : own_slug));
    } else {
        put(d, p, "name", name);
        put(d, p, "dir", p.url.substr(0, p.url.rfind('/') + 1));
    }
    // A document without a date is dated when the site was built (Document#date: site.time).
    if (!p.date.empty()) put(d, p, "date", p.date);
    else if (!p.collection.empty() && !site_time.empty()) put(d, p, "date", site_time);
    if (const std::string excerpt = front_text(p, "excerpt"); !excerpt.empty()) put(d, p, "excerpt", excerpt);
    else if (!p.excerpt.empty()) put(d, p, "excerpt", p.excerpt);
    // Jekyll's posts: category (or categories) as a list, tags always a list.
    if (p.collection == "posts") {
        YAML::Node categories = d["categories"].IsDefined() ? d["categories"] : d["category"];
        if (!categories.IsSequence()) d["categories"] = categories.IsScalar() ? std::vector<std::string>{categories.Scalar()} : std::vector<std::string>{};
        if (!d["tags"].IsSequence()) d["tags"] = d["tags"].IsScalar() ? std::vector<std::string>{d["tags"].Scalar()} : std::vector<std::string>{};
    }
    return d;
}

// Jekyll's site.time is when the site was built; a site served live was last "built" when its
// newest file changed, so a page is the same on every request until then. "" when unknown.
std::string site_time(const SiteView& v) {
    return v.last_modified > 0 ? utc_time(v.last_modified, "%Y-%m-%d %H:%M:%S +0000") : std::string();
}

// page.previous and page.next of a document: the documents before and after it in its
// collection's order (Jekyll's Document#previous_doc, next_doc); nil at either end.
void add_neighbours(const SiteView& v, const Page& p, YAML::Node& vars) {
    if (p.collection.empty()) return;
    auto it = v.site.collections.find(p.collection);
    if (it == v.site.collections.end()) return;
    std::vector<std::size_t> order = it->second;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return document_before(v.site.pages[a], v.site.pages[b]); });
    for (std::size_t k = 0; k < order.size(); ++k) {
        if (&v.site.pages[order[k]] != &p) continue;
        YAML::Node page = vars["page"];
        if (k > 0) page["previous"] = doc_vars(v.site.pages[order[k - 1]], order[k - 1], site_time(v));
        if (k + 1 < order.size()) page["next"] = doc_vars(v.site.pages[order[k + 1]], order[k + 1], site_time(v));
        return;
    }
}

// site.* and page.* for a Jekyll page's Liquid.
//
// Built from the root down, each new node put into the tree as soon as it is made: yaml-cpp
// merges two trees' memory when one is put into the other, copying the node set of the one put
// in. Put a node of a few values into the big tree and that is a few values copied; put the
// 1,000-document list into a new small map (as this did before) and its whole set is copied, at
// every such step (a third of the time of a 1,000-item listing page went there).
YAML::Node liquid_vars(const SiteView& v, const Page& p) {
    const JekyllSite& j = *v.site.jekyll;
    YAML::Node vars(YAML::NodeType::Map);
    vars["site"] = YAML::Clone(j.config);
    YAML::Node site = vars["site"];
    site["url"] = v.config.site.url;
    site["baseurl"] = v.config.site.base_path;
    const std::string now = site_time(v);
    if (!static_cast<const YAML::Node&>(site)["time"].IsDefined() && !now.empty()) site["time"] = now;
    std::vector<YAML::Node> lists;  // each collection's documents, in j.collections' order
    for (const auto& c : j.collections) {
        site[c.name] = YAML::Node(YAML::NodeType::Sequence);
        YAML::Node list = site[c.name];
        std::vector<std::size_t> order;
        if (auto it = v.site.collections.find(c.name); it != v.site.collections.end()) order = it->second;
        // Jekyll orders other collections as Document#<=> does: by date, then by path (a document
        // without a date is dated site.time: last); site.posts is that order reversed (posts of
        // one day in reverse order of their paths).
        const bool posts = c.name == "posts";
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return posts ? document_before(v.site.pages[b], v.site.pages[a]) : document_before(v.site.pages[a], v.site.pages[b]);
        });
        for (std::size_t i : order) list.push_back(doc_vars(v.site.pages[i], i, now));
        lists.push_back(list);
    }
    site["pages"] = YAML::Node(YAML::NodeType::Sequence);
    YAML::Node pages = site["pages"];
    // Jekyll sorts site.pages by file name wherever the file is (Reader#sort_files!).
    std::vector<std::size_t> listed;
    for (std::size_t i = 0; i < v.site.pages.size(); ++i) {
        const Page& q = v.site.pages[i];
        if (q.published && !q.error && !q.rel.empty() && q.collection.empty()) listed.push_back(i);
    }
    const auto name_of = [&](std::size_t i) {
        const std::string& rel = v.site.pages[i].rel;
        return std::string_view(rel).substr(rel.rfind('/') == std::string::npos ? 0 : rel.rfind('/') + 1);
    };
    std::stable_sort(listed.begin(), listed.end(), [&](std::size_t a, std::size_t b) { return name_of(a) < name_of(b); });
    for (std::size_t i : listed) pages.push_back(doc_vars(v.site.pages[i], i, now));
    site["collections"] = YAML::Node(YAML::NodeType::Sequence);
    YAML::Node collections = site["collections"];
    // Jekyll's site.collections is sorted by label (SiteDrop#collections).
    std::vector<std::size_t> by_label(j.collections.size());
    for (std::size_t k = 0; k < by_label.size(); ++k) by_label[k] = k;
    std::sort(by_label.begin(), by_label.end(), [&](std::size_t a, std::size_t b) { return j.collections[a].name < j.collections[b].name; });
    for (std::size_t k : by_label) {
        YAML::Node col(YAML::NodeType::Map);
        col["label"] = j.collections[k].name;
        col["output"] = j.collections[k].output ? "true" : "false";
        collections.push_back(col);  // col is in the big tree from here on
        col["docs"] = lists[k];
    }
    vars["page"] = doc_vars(p, 0, now);
    add_neighbours(v, p, vars);
    // site.related_posts of a document: Jekyll without lsi takes the ten newest posts but itself
    // (itself, not another post of the same permalink: that one is listed).
    if (!p.collection.empty() && site["posts"].IsSequence()) {
        const YAML::Node posts = site["posts"];
        site["related_posts"] = YAML::Node(YAML::NodeType::Sequence);
        YAML::Node related = site["related_posts"];
        for (std::size_t k = 0; k < posts.size() && related.size() < 10; ++k) {
            // Each entry's kPageKey is its index in Site::pages, written by doc_vars.
            const YAML::Node key = posts[k][kPageKey];
            const std::size_t index = key.IsScalar() ? std::strtoul(key.Scalar().c_str(), nullptr, 10) : v.site.pages.size();
            if (!(index < v.site.pages.size() && &v.site.pages[index] == &p)) related.push_back(posts[k]);
        }
    }
    vars["base_path"] = v.config.site.base_path;  // academicpages' {% include base_path %} sets it
    return vars;
}

// archive-single.html (a listing entry inside a Liquid loop) as the theme's archive-item partial.
std::string archive_single(const SiteView& v, const YAML::Node& locals) {
    const YAML::Node post = locals["post"];
    // (yaml-cpp: a missing key gives an invalid node, on which anything but IsDefined throws.)
    const YAML::Node key = post.IsDefined() && post.IsMap() ? post[kPageKey] : YAML::Node();
    if (!key.IsDefined() || !key.IsScalar() || key.Scalar().empty() ||
        key.Scalar().find_first_not_of("0123456789") != std::string::npos || key.Scalar().size() > 18)
        return std::string();
    std::size_t i = std::stoul(key.Scalar());
    if (i >= v.site.pages.size()) return std::string();
    // Without the item's own content: that could hold this very loop again.
    // post holds the page's front matter already (doc_vars): not unpacked again.
    std::string html = v.templates.render_partial("archive-item", item_data(v, v.site.pages[i], post));
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
    ctx.cache = view.liquid;  // parsed once while the site stays loaded
    ctx.vars = liquid_vars(view, page);
    // In folio's theme, three academicpages includes are folio's own; in the site's own theme
    // (jekyll/theme.h) every include is the site's, from _includes/.
    if (!view.site.jekyll || !view.site.jekyll->own_theme)
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
