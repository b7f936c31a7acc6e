// Template data for publications, from publication.h's reading of their front matter.
#include "publication_data.h"

#include <kainjow/mustache.hpp>

#include "config.h"
#include "publication.h"
#include "site.h"
#include "site_url.h"
#include "template_data.h"

namespace folio {
namespace {

namespace mu = kainjow::mustache;

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

}  // namespace

void add_publication(const SiteView& v, const Page& p, TemplateData& d) {
    d.set("author_list", author_list(v.config, p));
    if (!is_publication(p)) return;
    d.set("bibtex_url", link_to(v.config, bibtex_url(p.url)));
    d.set("kind", publication_kind(p));
}

TemplateData citation_data(const Page& p) {
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

}  // namespace folio
