// publication_data: a publication's author list, BibTeX link, kind and citation tags, from a
// real site on disk.
#include <boost/test/unit_test.hpp>

#include <kainjow/mustache.hpp>

#include "publication_data.h"
#include "site.h"
#include "site_fixture.h"

using testing::SiteOnDisk;

namespace {

const folio::Page* page_at(const folio::Loaded& l, const std::string& rel) {
    for (const folio::Page& p : l.site.pages)
        if (p.rel == rel) return &p;
    return nullptr;
}

std::string with_publication(const folio::Loaded& l, const std::string& rel, const std::string& tmpl) {
    const folio::Page* p = page_at(l, rel);
    if (!p) return "<no page " + rel + ">";
    folio::TemplateData d{folio::TemplateData::type::object};
    folio::add_publication(l.view(), *p, d);
    return kainjow::mustache::mustache(tmpl).render(d);
}

std::string citation(const folio::Loaded& l, const std::string& rel, const std::string& tmpl) {
    const folio::Page* p = page_at(l, rel);
    return p ? kainjow::mustache::mustache(tmpl).render(folio::citation_data(*p)) : "<no page " + rel + ">";
}

const char* kAuthors = "{{#author_list}}{{#owner}}<b>{{/owner}}{{name}}{{#owner}}</b>{{/owner}}{{^last}}, {{/last}}{{/author_list}}";

}  // namespace

BOOST_AUTO_TEST_SUITE(publication_data)

// The owner is found by name or alias, ignoring case, spaces, dots and the equal-contribution
// marks; the names are shown as written.
BOOST_AUTO_TEST_CASE(author_list_marks_the_owner_and_the_last) {
    SiteOnDisk s("[author]\naliases = A. Lovelace");
    s.content("_publications/p.md", "---\ntitle: Engines\nauthors: [Charles Babbage, ada lovelace*, Mary Somerville]\n---\n");
    s.content("_publications/q.md", "---\ntitle: Notes\nauthors: \"A.Lovelace and L. Menabrea\"\n---\n");
    const auto& l = s.load();
    BOOST_TEST(with_publication(l, "_publications/p.md", kAuthors) == "Charles Babbage, <b>ada lovelace*</b>, Mary Somerville");
    BOOST_TEST(with_publication(l, "_publications/q.md", kAuthors) == "<b>A.Lovelace</b>, L. Menabrea");
}

BOOST_AUTO_TEST_CASE(bibtex_url_and_kind_only_for_publications) {
    SiteOnDisk s("base_path = /~ada");
    s.content("_publications/2025-dsp.md", "---\ntitle: DSP\nauthors: [Ada Lovelace]\ncategory: Conferences\n---\n");
    s.content("_talks/t.md", "---\ntitle: A talk\n---\n");  // in a collection, but no authors nor bibtex
    const auto& l = s.load();
    const char* tmpl = "{{bibtex_url}}|{{kind}}|{{#author_list}}x{{/author_list}}";
    BOOST_TEST(with_publication(l, "_publications/2025-dsp.md", tmpl) == "/~ada/publications/2025-dsp.bib|conference|x");
    BOOST_TEST(with_publication(l, "_talks/t.md", tmpl) == "||");
}

BOOST_AUTO_TEST_CASE(citation_tags_from_the_front_matter) {
    SiteOnDisk s;
    s.content("_publications/j.md",
              "---\ntitle: On Engines\nauthors: [Ada Lovelace*, Charles Babbage\xE2\x80\xA0]\ndate: 2024-03-05\n"
              "category: manuscripts\nvenue: Journal of Engines\ndoi: 10.1/x\npaperurl: https://arxiv.org/abs/2401.00001\n---\n");
    s.content("_publications/c.md", "---\ntitle: Notes\nauthors: [Ada]\nyear: 1843\nvenue: Proc. Notes\npaperurl: https://example.org/n.pdf\n---\n");
    const auto& l = s.load();
    const char* tmpl =
        "{{title}}|{{#authors}}{{.}};{{/authors}}|{{date}}|{{conference}}|{{journal}}|{{pdf_url}}|{{doi}}|{{arxiv}}";
    BOOST_TEST(citation(l, "_publications/j.md", tmpl) ==
               "On Engines|Ada Lovelace;Charles Babbage;|2024/03/05||Journal of Engines|https://arxiv.org/pdf/2401.00001|10.1/x|2401.00001");
    BOOST_TEST(citation(l, "_publications/c.md", tmpl) == "Notes|Ada;|1843|Proc. Notes||https://example.org/n.pdf||");
    // Absent values are left out, so a layout's {{#doi}} section is skipped.
    BOOST_TEST(citation(l, "_publications/c.md", "{{#doi}}D{{/doi}}{{#arxiv}}A{{/arxiv}}{{#journal}}J{{/journal}}") == "");
}

BOOST_AUTO_TEST_SUITE_END()
