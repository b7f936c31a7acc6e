// render: a page of a site on disk through the project's own templates (render_page,
// render_message, page_content, link_to).
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "error.h"
#include "content.h"
#include "page.h"
#include "render.h"
#include "site_url.h"
#include "site_fixture.h"

using testing::contains;
using testing::SiteOnDisk;

namespace {

const folio::Page& page_at(const folio::Loaded& l, const std::string& url) {
    for (const auto& p : l.site.pages)
        if (p.url == url) return p;
    throw std::runtime_error("no page at " + url);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render)

BOOST_AUTO_TEST_CASE(link_to_prefixes_site_paths_only) {
    folio::Config c;
    c.site.base_path = "/~ada";
    BOOST_TEST(folio::link_to(c, "/notes/") == "/~ada/notes/");
    BOOST_TEST(folio::link_to(c, "/") == "/~ada/");
    BOOST_TEST(folio::link_to(c, "//cdn.example/x") == "//cdn.example/x");
    BOOST_TEST(folio::link_to(c, "https://example.org/") == "https://example.org/");
    BOOST_TEST(folio::link_to(c, "rel/") == "rel/");
    BOOST_TEST(folio::link_to(c, "") == "");
}

BOOST_AUTO_TEST_CASE(page_through_its_layout) {
    SiteOnDisk s("base_path = /~ada");
    s.content("notes.md", "---\ntitle: Notes <&>\nexcerpt: Short\n---\n## Part One\n\nSee [home](/).\n");
    const folio::Loaded& l = s.load();
    const std::string html = folio::render_page(l.view(), page_at(l, "/notes/"), folio::page_body(page_at(l, "/notes/")), 200);
    BOOST_TEST(contains(html, "<!DOCTYPE html>"), html);
    BOOST_TEST(contains(html, "Notes &lt;&amp;&gt;"), html);                       // the title, escaped
    BOOST_TEST(!contains(html, "Notes <&>"), html);
    BOOST_TEST(contains(html, "<h2 id=\"part-one\">Part One</h2>"), html);        // the body, rendered
    BOOST_TEST(contains(html, "<a href=\"/~ada/\">home</a>"), html);               // with the prefix
    BOOST_TEST(contains(html, "https://example.org/~ada/notes/"), html);          // canonical URL
    BOOST_TEST(contains(html, "Short"), html);                                     // excerpt as description
}

// A title written with entities is shown as the characters they stand for, escaped once: not
// "&amp;#8216;" (which showed "&#8216;" as text), and not unescaped either.
BOOST_AUTO_TEST_CASE(entities_in_a_title_are_not_escaped_twice) {
    SiteOnDisk s;
    s.content("notes.md", "---\ntitle: \"&#8216;Notes&#8217; &amp; <b>\"\n---\nText.\n");
    const folio::Loaded& l = s.load();
    const std::string html = folio::render_page(l.view(), page_at(l, "/notes/"), folio::page_body(page_at(l, "/notes/")), 200);
    BOOST_TEST(contains(html, "<h1 class=\"page-title\">\u2018Notes\u2019 &amp; &lt;b&gt;</h1>"), html);
    BOOST_TEST(!contains(html, "&amp;#8216;"), html);
}

BOOST_AUTO_TEST_CASE(table_of_contents_when_asked) {
    SiteOnDisk s;
    s.content("long.md", "---\ntitle: Long\ntoc: true\n---\n## Alpha\n\n### Beta\n\ntext\n");
    s.content("short.md", "---\ntitle: Short\n---\n## Alpha\n");
    const folio::Loaded& l = s.load();
    const std::string with = folio::render_page(l.view(), page_at(l, "/long/"), folio::page_body(page_at(l, "/long/")), 200);
    BOOST_TEST(contains(with, "href=\"#alpha\""), with);
    BOOST_TEST(contains(with, "href=\"#beta\""), with);
    const std::string without = folio::render_page(l.view(), page_at(l, "/short/"), folio::page_body(page_at(l, "/short/")), 200);
    BOOST_TEST(!contains(without, "href=\"#alpha\""), without);
}

BOOST_AUTO_TEST_CASE(publication_page_carries_citation_tags_and_bibtex) {
    SiteOnDisk s;
    s.content("_publications/2024-fast.md", "---\ntitle: Fast Things\nauthors: [Ada Lovelace, Bob Two]\n"
                                            "date: 2024-03-05\nvenue: NeurIPS\ntype: conference\nlayout: single\n---\nAbstract.\n");
    const folio::Loaded& l = s.load();
    const folio::Page& p = l.site.pages.at(l.site.collections.at("publications").at(0));
    const std::string html = folio::render_page(l.view(), p, folio::page_body(p), 200);
    BOOST_TEST(contains(html, "<meta name=\"citation_title\" content=\"Fast Things\""), html);
    BOOST_TEST(contains(html, "<meta name=\"citation_author\" content=\"Bob Two\""), html);
    BOOST_TEST(contains(html, "<pre id=\"bibtex-entry\"><code>@inproceedings{lovelace2024fast,"), html);
    BOOST_TEST(contains(html, "href=\"/publications/2024-fast.bib\""), html);
}

BOOST_AUTO_TEST_CASE(broken_front_matter_throws_with_file_and_line) {
    SiteOnDisk s;
    s.content("bad.md", "---\ntitle: ok\nbad: a: b\n---\nbody\n");
    const folio::Loaded& l = s.load();
    try {
        folio::render_page(l.view(), page_at(l, "/bad/"), folio::page_body(page_at(l, "/bad/")), 200);
        BOOST_FAIL("render_page accepted broken front matter");
    } catch (const folio::Error& e) {
        BOOST_TEST(contains(e.what(), "content/bad.md:3"), e.what());
    }
}

BOOST_AUTO_TEST_CASE(message_through_the_default_layout) {
    SiteOnDisk s;
    const std::string html = folio::render_message(s.load().view(), "Gone <now>", "<p>Sorry.</p>", "/x/", 404);
    BOOST_TEST(contains(html, "Gone &lt;now&gt;"), html);
    BOOST_TEST(contains(html, "<p>Sorry.</p>"), html);
}

BOOST_AUTO_TEST_CASE(content_of_an_html_page_is_not_markdown) {
    SiteOnDisk s;
    s.content("raw.html", "---\ntitle: Raw\n---\n*not emphasis* <b>kept</b>\n");
    s.content("md.md", "---\ntitle: Md\n---\n*emphasis*\n");
    const folio::Loaded& l = s.load();
    std::vector<folio::Problem> problems;
    BOOST_TEST(contains(folio::page_content(l.view(), page_at(l, "/raw/"), &problems), "*not emphasis* <b>kept</b>"));
    BOOST_TEST(folio::page_content(l.view(), page_at(l, "/md/"), &problems) == "<p><em>emphasis</em></p>\n");
    BOOST_TEST(problems.empty());
}

BOOST_AUTO_TEST_SUITE_END()
