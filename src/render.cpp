// Template data for a page. Names are documented in templates/README.md.
#include "render.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <sstream>

#include "error.h"
#include "feeds.h"
#include "kramdown.h"
#include "liquid.h"
#include "markdown.h"
#include "publication.h"
#include "self_links.h"

namespace folio {
namespace {

namespace mu = kainjow::mustache;

// YAML -> Mustache data. Plain (unquoted) true/false become booleans so that sections work;
// everything else stays text, exactly as written.
mu::data to_data(const YAML::Node& n) {
    switch (n.Type()) {
    case YAML::NodeType::Map: {
        mu::data obj{mu::data::type::object};
        for (const auto& kv : n)
            if (kv.first.IsScalar()) obj.set(kv.first.Scalar(), to_data(kv.second));
        return obj;
    }
    case YAML::NodeType::Sequence: {
        mu::data list{mu::data::type::list};
        for (const auto& e : n) list.push_back(to_data(e));
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

// Sets key only when value is not empty: an empty string is truthy in Mustache sections.
void set_text(mu::data& obj, const std::string& key, const std::string& value) {
    if (!value.empty()) obj.set(key, value);
}

mu::data site_data(const Config& c) {
    mu::data site{mu::data::type::object};
    set_text(site, "title", c.site.title);
    set_text(site, "url", c.site.url);
    site.set("base_path", c.site.base_path);
    set_text(site, "description", c.site.description);
    set_text(site, "language", c.site.language);
    return site;
}

mu::data author_data(const Config& c) {
    const auto& a = c.author;
    mu::data author{mu::data::type::object};
    set_text(author, "name", a.name);
    if (!a.avatar.empty()) {
        std::string url = a.avatar;
        if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0 && url[0] != '/') url = "/images/" + url;
        author.set("avatar", link_to(c, url));
    }
    set_text(author, "bio", a.bio);
    set_text(author, "location", a.location);
    set_text(author, "employer", a.employer);
    set_text(author, "email", a.email);
    mu::data links{mu::data::type::list};
    for (const auto& l : a.links) {
        mu::data e{mu::data::type::object};
        e.set("key", l.key);
        e.set("label", l.label);
        e.set("url", l.url);
        links.push_back(e);
    }
    author.set("links", links);
    return author;
}

mu::data nav_data(const Config& c, const std::string& path) {
    // The current entry is the longest nav path that is a prefix of the page's path.
    std::size_t best = std::string::npos, best_len = 0;
    for (std::size_t i = 0; i < c.nav.size(); ++i) {
        const std::string& u = c.nav[i].url;
        if (u.empty() || u[0] != '/') continue;
        bool match = u == "/" ? path == "/" : path.rfind(u, 0) == 0;
        if (match && u.size() > best_len) {
            best = i;
            best_len = u.size();
        }
    }
    mu::data nav{mu::data::type::list};
    for (std::size_t i = 0; i < c.nav.size(); ++i) {
        mu::data e{mu::data::type::object};
        e.set("label", c.nav[i].label);
        e.set("url", link_to(c, c.nav[i].url));
        e.set("current", i == best);
        nav.push_back(e);
    }
    return nav;
}

// Where {% include toc %} goes: an HTML comment survives Markdown, and is replaced once the
// headings are known.
constexpr const char* kTocMarker = "<!--folio:toc-->";

mu::data item_data(const SiteView& v, const Page& p, bool with_content = true);
mu::data toc_data(const std::string& html);

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
    std::map<std::string, YAML::Node> docs;
    for (std::size_t i = 0; i < v.site.pages.size(); ++i) {
        const Page& q = v.site.pages[i];
        if (!q.published || !q.error.empty() || q.rel.empty()) continue;
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

// The rendered body of a page: Liquid first (Jekyll sites), then Markdown (with kramdown's
// extras on Jekyll sites) unless the file is HTML. Liquid problems go to problems, with file:line.
std::string content_html(const SiteView& v, const Page& p, std::vector<std::string>* problems) {
    std::string body = page_body(p);
    const bool jekyll = v.site.jekyll != nullptr;
    if (jekyll && has_liquid(body)) {
        LiquidContext ctx;
        ctx.vars = liquid_vars(v, p);
        ctx.include = [&](const std::string& name, const YAML::Node& locals) -> std::optional<std::string> {
            if (name == "base_path") return std::string();
            if (name == "toc") return std::string(kTocMarker);
            if (name.rfind("archive-single", 0) == 0) {
                const YAML::Node post = locals["post"];
                if (!post.IsDefined() || !post["__folio_page"].IsDefined()) return std::string();
                std::size_t i = std::stoul(post["__folio_page"].Scalar());
                if (i >= v.site.pages.size()) return std::string();
                // Without the item's own content: that could hold this very loop again.
                std::string html = v.templates.render_partial("archive-item", item_data(v, v.site.pages[i], false));
                // No blank lines: they would end the HTML block and turn the rest into Markdown.
                std::string out;
                std::istringstream lines(html);
                for (std::string line; std::getline(lines, line);)
                    if (line.find_first_not_of(" \t\r") != std::string::npos) out += line + "\n";
                return out;
            }
            return std::nullopt;
        };
        std::vector<LiquidProblem> found;
        body = render_liquid(body, ctx, found);
        if (problems)
            for (const auto& f : found) problems->push_back(at(p.source, p.body_line + f.line - 1, "Liquid: " + f.message));
    }
    std::string html;
    if (p.html) {
        html = body;
    } else if (jekyll) {
        KramdownPrepared prep = kramdown_before(body);
        html = kramdown_after(render_markdown(prep.markdown, MarkdownOptions{v.config.site.base_path, true}), prep);
    } else {
        html = render_markdown(body, MarkdownOptions{v.config.site.base_path});
    }
    if (std::size_t at_toc = html.find(kTocMarker); at_toc != std::string::npos) {
        mu::data d{mu::data::type::object};
        mu::data toc = toc_data(html);
        d.set("has_toc", !toc.is_empty_list());
        d.set("toc", toc);
        html.replace(at_toc, std::string(kTocMarker).size(), v.templates.render_partial("toc", d));
    }
    // Links to the site's public address (url, plus baseurl on a Jekyll site) stay on this host.
    return localize_self_links(html, v.config.site.url + (v.site.jekyll ? v.site.jekyll->config["baseurl"].as<std::string>("") : ""), v.config.site.base_path);
}

std::string markdown_of(const SiteView& v, const Page& p) { return content_html(v, p, nullptr); }

std::vector<std::string> owner_names(const Config& c) {
    std::vector<std::string> names = c.author.aliases;
    if (!c.author.name.empty()) names.push_back(c.author.name);
    return names;
}

// authors as {name, owner, last}: the owner's own name is shown in bold by the theme.
mu::data author_list(const Config& c, const Page& p) {
    mu::data list{mu::data::type::list};
    const auto authors = authors_of(p);
    const auto owners = owner_names(c);
    for (std::size_t i = 0; i < authors.size(); ++i) {
        mu::data a{mu::data::type::object};
        a.set("name", authors[i]);
        a.set("owner", is_owner(authors[i], owners));
        a.set("last", i + 1 == authors.size());
        list.push_back(a);
    }
    return list;
}

// Publication extras shared by a listing entry and the publication's own page.
void add_publication(const SiteView& v, const Page& p, mu::data& d) {
    d.set("author_list", author_list(v.config, p));
    if (!is_publication(p)) return;
    d.set("bibtex_url", link_to(v.config, bibtex_url(p.url)));
    d.set("kind", publication_kind(p));
}

mu::data item_data(const SiteView& v, const Page& p, bool with_content) {
    mu::data item = to_data(front_of(p));
    item.set("title", p.title);
    item.set("url", link_to(v.config, p.url));
    item.set("anchor", page_anchor(p));
    if (with_content) item.set("content", markdown_of(v, p));
    add_publication(v, p, item);
    return item;
}

// A listing's sort value: `date` falls back to `year` (and the other way round).
std::string sort_value(const Page& p, const std::string& key) {
    std::string s = front_text(p, key.c_str());
    if (s.empty() && key == "date") return sort_value(p, "year");
    if (s.empty() && key == "year" && p.date.size() >= 4) return p.date.substr(0, 4);
    if (key == "title" && s.empty()) return p.title;
    return s;
}

std::string group_label(const std::string& key, const std::string& value) {
    static const std::map<std::string, std::string> kLabels = {
        {"journal", "Journal articles"}, {"conference", "Conference papers"}, {"preprint", "Preprints"},
        {"workshop", "Workshop papers"},  {"book", "Books"},                 {"chapter", "Book chapters"},
        {"thesis", "Theses"},             {"patent", "Patents"},             {"talk", "Talks"}};
    if (key == "category" || key == "type") {
        auto it = kLabels.find(value);
        if (it != kLabels.end()) return it->second;
    }
    if (value.empty()) return "Other";
    std::string out = value;
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

// The items of a `list:` page, ordered by the page's `sort` and `order`, grouped by its
// `group_by` (groups keep the order in which their first item appears).
// kainjow's data takes values by const reference only, so nesting a list of hundreds of entries
// copies all of them each time (a 7,000-item listing briefly held several copies). These move
// instead. list_value() and get() hand out, as const, storage that a non-const data owns, so
// writing through them is sound.
void push_moved(mu::data& list, mu::data&& item) {
    const_cast<mu::list&>(list.list_value()).push_back(std::move(item));
}

void set_moved(mu::data& object, const std::string& name, mu::data&& value) {
    object.set(name, mu::data(false));
    *const_cast<mu::data*>(object.get(name)) = std::move(value);
}

void add_listing(const SiteView& v, const Page& page, mu::data& d) {
    std::vector<std::size_t> order;
    if (auto it = v.site.collections.find(page.list); it != v.site.collections.end()) order = it->second;
    std::string sort_key = front_text(page, "sort");
    if (sort_key.empty()) sort_key = "date";
    std::string dir = front_text(page, "order");
    if (dir.empty()) dir = sort_key == "title" ? "asc" : "desc";
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const std::string x = sort_value(v.site.pages[a], sort_key), y = sort_value(v.site.pages[b], sort_key);
        return dir == "asc" ? x < y : x > y;
    });
    mu::data items{mu::data::type::list};
    std::vector<std::pair<std::string, mu::data>> groups;
    const std::string group_by = front_text(page, "group_by");
    for (std::size_t i : order) {
        const Page& item = v.site.pages[i];
        // Entries carry their front matter, not their rendered bodies: a listing of hundreds of
        // items would render every one of them for a partial that shows none.
        mu::data entry = item_data(v, item, false);
        if (group_by.empty()) {
            push_moved(items, std::move(entry));
            continue;
        }
        items.push_back(entry);
        std::string value = group_by == "category" || group_by == "type" ? publication_kind(item) : sort_value(item, group_by);
        auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& e) { return e.first == value; });
        if (g == groups.end()) {
            groups.emplace_back(value, mu::data{mu::data::type::list});
            g = groups.end() - 1;
        }
        push_moved(g->second, std::move(entry));
    }
    d.set("has_items", !items.is_empty_list());
    set_moved(d, "items", std::move(items));
    if (group_by.empty()) return;
    mu::data glist{mu::data::type::list};
    for (auto& [value, list] : groups) {
        mu::data g{mu::data::type::object};
        g.set("name", group_label(group_by, value));
        g.set("id", heading_slug(group_label(group_by, value)));
        set_moved(g, "items", std::move(list));
        push_moved(glist, std::move(g));
    }
    d.set("has_groups", true);
    set_moved(d, "groups", std::move(glist));
}

// JSON string escaping for JSON-LD inside <script>: '<' is escaped too, so the text can never
// close the script element.
std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '<': out += "\\u003c"; break;
        case '>': out += "\\u003e"; break;
        case '&': out += "\\u0026"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

// schema.org Person for the home page, from [author].
std::string person_jsonld(const Config& c) {
    const auto& a = c.author;
    std::string j = "{\"@context\":\"https://schema.org\",\"@type\":\"Person\",\"name\":" + json_string(a.name);
    if (!c.site.url.empty()) j += ",\"url\":" + json_string(absolute_url(c, "/"));
    if (!a.bio.empty()) j += ",\"description\":" + json_string(a.bio);
    if (!a.employer.empty()) j += ",\"affiliation\":{\"@type\":\"Organization\",\"name\":" + json_string(a.employer) + "}";
    if (!a.email.empty()) j += ",\"email\":" + json_string("mailto:" + a.email);
    if (!a.avatar.empty() && !c.site.url.empty()) j += ",\"image\":" + json_string(c.site.url + link_to(c, a.avatar));
    if (!a.links.empty()) {
        j += ",\"sameAs\":[";
        for (std::size_t i = 0; i < a.links.size(); ++i) j += (i ? "," : "") + json_string(a.links[i].url);
        j += "]";
    }
    return j + "}";
}

mu::data citation_data(const Page& p) {
    Citation c = citation_of(p);
    mu::data d{mu::data::type::object};
    d.set("title", c.title);
    mu::data authors{mu::data::type::list};
    for (const auto& a : c.authors) authors.push_back(mu::data{a});
    d.set("authors", authors);
    set_text(d, "date", c.date);
    set_text(d, "conference", c.conference);
    set_text(d, "journal", c.journal);
    set_text(d, "pdf_url", c.pdf_url);
    set_text(d, "doi", c.doi);
    set_text(d, "arxiv", c.arxiv);
    return d;
}

mu::data toc_data(const std::string& html) {
    mu::data list{mu::data::type::list};
    for (const auto& h : headings_of(html)) {
        if (h.level < 2 || h.level > 3) continue;
        mu::data e{mu::data::type::object};
        e.set("id", h.id);
        e.set("text", h.text);
        e.set("level", std::to_string(h.level));
        e.set("sub", h.level == 3);
        list.push_back(e);
    }
    return list;
}

mu::data base_data(const SiteView& v, const std::string& path, int status) {
    mu::data d{mu::data::type::object};
    d.set("site", site_data(v.config));
    d.set("author", author_data(v.config));
    d.set("nav", nav_data(v.config, path));
    d.set("status", std::to_string(status));
    d.set("feed_url", link_to(v.config, "/feed.xml"));
    return d;
}

}  // namespace

std::string page_content(const SiteView& v, const Page& p, std::vector<std::string>* problems) {
    return content_html(v, p, problems);
}

std::string link_to(const Config& config, const std::string& target) {
    if (!target.empty() && target[0] == '/' && (target.size() < 2 || target[1] != '/')) return config.site.base_path + target;
    return target;
}

std::string render_page(const SiteView& v, const Page& p, int status) {
    if (!p.error.empty()) throw Error(p.error);
    const Config& c = v.config;
    mu::data d = base_data(v, p.url, status);
    mu::data page = to_data(front_of(p));
    page.set("title", p.title);
    page.set("url", link_to(c, p.url));
    page.set("path", p.url);
    if (const std::string excerpt = front_text(p, "excerpt"); !page.get("description") && !excerpt.empty())
        page.set("description", excerpt);
    if (!c.site.url.empty() && status == 200) page.set("canonical", absolute_url(c, p.url));
    page.set("is_home", p.url == "/");
    page.set("is_item", !p.collection.empty());
    set_moved(d, "page", std::move(page));
    d.set("author_profile", p.author_profile);
    std::string content = markdown_of(v, p);
    if (front_text(p, "toc") == "true") {
        mu::data toc = toc_data(content);
        d.set("has_toc", !toc.is_empty_list());
        set_moved(d, "toc", std::move(toc));
    }
    set_moved(d, "content", mu::data(std::move(content)));
    add_publication(v, p, d);
    if (is_publication(p)) {
        d.set("citation", citation_data(p));
        d.set("bibtex", bibtex_of(p, absolute_url(c, p.url)));
    }
    if (p.url == "/" && !c.author.name.empty()) d.set("person_jsonld", person_jsonld(c));
    if (!p.list.empty()) add_listing(v, p, d);
    try {
        return v.templates.render(p.layout, d);
    } catch (const Error& e) {
        throw Error(std::string(e.what()) + " (rendering " + p.source + ")");
    }
}

std::string render_message(const SiteView& v, const std::string& title, const std::string& message_html,
                           const std::string& path, int status) {
    mu::data d = base_data(v, path, status);
    mu::data page{mu::data::type::object};
    page.set("title", title);
    page.set("path", path);
    page.set("url", link_to(v.config, path));
    d.set("page", page);
    d.set("author_profile", false);
    d.set("content", message_html);
    return v.templates.render("page", d);
}

}  // namespace folio
