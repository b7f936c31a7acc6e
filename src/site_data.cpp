// site.*, author.*, nav and the other values every layout can use (templates/README.md).
#include "site_data.h"

#include <kainjow/mustache.hpp>

#include "config.h"
#include "site_url.h"
#include "template_data.h"
#include "text.h"

namespace folio {
namespace {

namespace mu = kainjow::mustache;

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
        if (!is_absolute_url(url) && url[0] != '/') url = "/images/" + url;
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
        bool match = u == "/" ? path == "/" : starts_with(path, u);
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

}  // namespace

TemplateData base_data(const SiteView& v, const std::string& path, int status) {
    mu::data d{mu::data::type::object};
    d.set("site", site_data(v.config));
    d.set("author", author_data(v.config));
    d.set("nav", nav_data(v.config, path));
    d.set("status", std::to_string(status));
    d.set("feed_url", link_to(v.config, "/feed.xml"));
    return d;
}

}  // namespace folio
