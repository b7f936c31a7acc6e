// Template data for a page. Names are documented in templates/README.md.
#include "render.h"

#include "error.h"
#include "markdown.h"

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

std::string markdown_of(const SiteView& v, const Page& p) {
    return render_markdown(p.body, MarkdownOptions{v.config.site.base_path});
}

mu::data item_data(const SiteView& v, const Page& p) {
    mu::data item = to_data(p.front);
    item.set("title", p.title);
    item.set("url", link_to(v.config, p.url));
    item.set("anchor", p.anchor);
    item.set("content", markdown_of(v, p));
    return item;
}

mu::data base_data(const SiteView& v, const std::string& path, int status) {
    mu::data d{mu::data::type::object};
    d.set("site", site_data(v.config));
    d.set("author", author_data(v.config));
    d.set("nav", nav_data(v.config, path));
    d.set("status", std::to_string(status));
    return d;
}

}  // namespace

std::string link_to(const Config& config, const std::string& target) {
    if (!target.empty() && target[0] == '/' && (target.size() < 2 || target[1] != '/')) return config.site.base_path + target;
    return target;
}

std::string render_page(const SiteView& v, const Page& p, int status) {
    if (!p.error.empty()) throw Error(p.error);
    mu::data d = base_data(v, p.url, status);
    mu::data page = to_data(p.front);
    page.set("title", p.title);
    page.set("url", link_to(v.config, p.url));
    page.set("path", p.url);
    d.set("page", page);
    d.set("author_profile", p.author_profile);
    d.set("content", markdown_of(v, p));
    if (!p.list.empty()) {
        mu::data items{mu::data::type::list};
        auto it = v.site.collections.find(p.list);
        if (it != v.site.collections.end())
            for (std::size_t i : it->second) items.push_back(item_data(v, v.site.pages[i]));
        d.set("has_items", !items.is_empty_list());
        d.set("items", items);
    }
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
