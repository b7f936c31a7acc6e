// A page through its layout: the template data of one page (names in templates/README.md),
// gathered from the modules that build each part, then the Mustache render.
#include "render.h"

#include <yaml-cpp/yaml.h>

#include <kainjow/mustache.hpp>

#include "config.h"
#include "content.h"
#include "error.h"
#include "html.h"
#include "jekyll/jekyll.h"
#include "jekyll/theme.h"
#include "jsonld.h"
#include "listing.h"
#include "publication.h"
#include "publication_data.h"
#include "site.h"
#include "site_data.h"
#include "site_url.h"
#include "template_data.h"

namespace folio {

namespace mu = kainjow::mustache;

std::string render_page(const SiteView& v, const Page& p, std::string_view body, int status) {
    if (p.error) throw Error(*p.error);
    // A Jekyll site with its own theme: the page through its _layouts/, as Jekyll renders it.
    if (v.site.jekyll && v.site.jekyll->own_theme) return render_theme_page(v, p, body, nullptr);
    // A page of another kind (feed.xml, a JSON template) is its Liquid's output, not in a layout.
    if (!is_html_output(p)) return render_content(v, p, body, v.config.site.base_path, nullptr);
    const Config& c = v.config;
    mu::data d = base_data(v, p.url, status);
    mu::data page = yaml_data(front_of(p));
    page.set("title", decode_html_entities(p.title));  // the template escapes it once
    page.set("url", link_to(c, p.url));
    page.set("path", p.url);
    if (const std::string excerpt = front_text(p, "excerpt"); !page.get("description") && !excerpt.empty())
        page.set("description", excerpt);
    if (!c.site.url.empty() && status == 200) page.set("canonical", absolute_url(c, p.url));
    page.set("is_home", p.url == "/");
    page.set("is_item", !p.collection.empty());
    set_moved(d, "page", std::move(page));
    d.set("author_profile", p.author_profile);
    std::string content = render_content(v, p, body, c.site.base_path, nullptr);
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
