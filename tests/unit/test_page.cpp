// page: a content file's text -> Page (Jekyll's keys), problems kept with file:line.
#include <boost/test/unit_test.hpp>
#include <yaml-cpp/yaml.h>

#include <string>

#include "helpers.h"
#include "page.h"

using folio::Page;
using folio::derived_url;
using folio::parse_page;
using testing::contains;
using testing::starts_with;

namespace {

Page parse_text(const std::string& text, const std::string& rel = "talks/x.md") {
    return parse_page(text, "content/" + rel, rel);
}

// The page's problem as it is printed; "" when it has none.
std::string error_text(const Page& p) { return p.error ? p.error->text() : ""; }

}  // namespace

BOOST_AUTO_TEST_SUITE(page)

BOOST_AUTO_TEST_CASE(derived_url_table) {
    struct {
        const char* rel;
        const char* url;
    } cases[] = {
        {"index.md", "/"},
        {"x.md", "/x/"},
        {"a/index.md", "/a/"},
        {"a/b.md", "/a/b/"},
        {"a/b/c.md", "/a/b/c/"},
        {"a/b/index.md", "/a/b/"},
        {"_publications/p.md", "/publications/p/"},
        {"_publications/index.md", "/publications/"},
        {"xindex.md", "/xindex/"},
        {"a/myindex.md", "/a/myindex/"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.rel) { BOOST_TEST(derived_url(c.rel) == c.url); }
    }
}

BOOST_AUTO_TEST_CASE(plain_page_fields) {
    const std::string text = "---\ntitle: My Talk\ndate: 2024-03-01\nexcerpt: Short\n---\nHello\n";
    Page p = parse_text(text);
    BOOST_TEST(error_text(p) == "");
    BOOST_TEST(p.source == "content/talks/x.md");
    BOOST_TEST(p.rel == "talks/x.md");
    BOOST_TEST(folio::page_stem(p) == "x");
    BOOST_TEST(p.collection == "");
    BOOST_TEST(p.url == "/talks/x/");
    BOOST_TEST(p.title == "My Talk");
    BOOST_TEST(p.date == "2024-03-01");
    BOOST_TEST(folio::front_text(p, "excerpt") == "Short");
    BOOST_TEST(p.layout == "page");
    BOOST_TEST(text.substr(p.body_offset) == "Hello\n");  // the body is read from the file when needed
    BOOST_TEST(p.body_line == 6);
    BOOST_TEST(p.published);
    BOOST_TEST(!p.author_profile);
    BOOST_TEST(p.redirect_from.empty());
    BOOST_TEST(folio::front_text(p, "title") == "My Talk");
    BOOST_TEST(folio::front_text(p, "missing") == "");
}

BOOST_AUTO_TEST_CASE(collection_from_the_top_level_underscore_folder) {
    Page p = parse_page("---\ntitle: DSP\n---\n", "content/_publications/dsp.md", "_publications/dsp.md");
    BOOST_TEST(p.collection == "publications");
    BOOST_TEST(p.url == "/publications/dsp/");
    BOOST_TEST(folio::page_stem(p) == "dsp");
}

BOOST_AUTO_TEST_CASE(permalink_sets_the_url) {
    BOOST_TEST(parse_text("---\npermalink: /about/\n---\n").url == "/about/");
    BOOST_TEST(parse_text("---\npermalink: about/\n---\n").url == "/about/");
    BOOST_TEST(parse_text("---\npermalink: /404.html\n---\n").url == "/404.html");
    BOOST_TEST(parse_text("---\npermalink: /\n---\n").url == "/");
}

BOOST_AUTO_TEST_CASE(bad_permalink_is_an_error_with_its_line) {
    Page p = parse_text("---\ntitle: x\npermalink: /a/../../etc/\n---\n");
    BOOST_TEST(starts_with(error_text(p), "content/talks/x.md:3: permalink"), error_text(p));
    // The page keeps its derived URL so it answers 500 rather than vanishing.
    BOOST_TEST(p.url == "/talks/x/");
    p = parse_text("---\npermalink: /.git/\n---\n");
    BOOST_TEST(starts_with(error_text(p), "content/talks/x.md:2:"), error_text(p));
}

BOOST_AUTO_TEST_CASE(redirect_from_a_string) {
    Page p = parse_text("---\ntitle: x\nredirect_from: /old/\n---\n");
    BOOST_TEST(error_text(p) == "");
    BOOST_TEST_REQUIRE(p.redirect_from.size() == 1u);
    BOOST_TEST(p.redirect_from[0].from == "/old/");
    BOOST_TEST(p.redirect_from[0].line == 3);
}

BOOST_AUTO_TEST_CASE(redirect_from_a_list_with_line_numbers) {
    Page p = parse_text("---\ntitle: x\nredirect_from:\n  - /old/\n  - old.html\n  - /legacy/?p=12\n---\n");
    BOOST_TEST(error_text(p) == "");
    BOOST_TEST_REQUIRE(p.redirect_from.size() == 3u);
    BOOST_TEST(p.redirect_from[0].from == "/old/");
    BOOST_TEST(p.redirect_from[0].line == 4);
    BOOST_TEST(p.redirect_from[1].from == "/old.html");
    BOOST_TEST(p.redirect_from[1].line == 5);
    BOOST_TEST(p.redirect_from[2].from == "/legacy/?p=12");
    BOOST_TEST(p.redirect_from[2].line == 6);
    // A flow list works too.
    p = parse_text("---\nredirect_from: [/a/, /b/]\n---\n");
    BOOST_TEST_REQUIRE(p.redirect_from.size() == 2u);
    BOOST_TEST(p.redirect_from[1].line == 2);
}

BOOST_AUTO_TEST_CASE(redirect_from_a_map_is_an_error) {
    Page p = parse_text("---\ntitle: x\nredirect_from: {old: /old/}\n---\n");
    BOOST_TEST(error_text(p) == "content/talks/x.md:3: redirect_from: expected a string or a list");
    // Block form: the key's line (4) or the map's first line (5) both point at it.
    p = parse_text("---\ntitle: x\ndate: 2024\nredirect_from:\n  old: /old/\n---\n");
    BOOST_TEST((error_text(p) == "content/talks/x.md:4: redirect_from: expected a string or a list" ||
                error_text(p) == "content/talks/x.md:5: redirect_from: expected a string or a list"),
               error_text(p));
    // A nested list inside the list.
    p = parse_text("---\nredirect_from:\n  - /a/\n  - [/b/, /c/]\n---\n");
    BOOST_TEST(error_text(p) == "content/talks/x.md:4: redirect_from: expected a string or a list");
}

BOOST_AUTO_TEST_CASE(redirect_from_with_a_dot_segment_is_an_error) {
    Page p = parse_text("---\nredirect_from:\n  - /ok/\n  - /a/../b/\n---\n");
    BOOST_TEST(starts_with(error_text(p), "content/talks/x.md:4: redirect_from"), error_text(p));
}

BOOST_AUTO_TEST_CASE(redirect_to) {
    Page p = parse_text("---\ntitle: x\nredirect_to: /elsewhere/\n---\n");
    BOOST_TEST(p.redirect_to == "/elsewhere/");
    BOOST_TEST(p.redirect_to_line == 3);
    p = parse_text("---\nredirect_to: https://example.org/x\n---\n");
    BOOST_TEST(p.redirect_to == "https://example.org/x");
    p = parse_text("---\nredirect_to: \"https://example.org/x\\r\\nSet-Cookie: a=b\"\n---\n");
    BOOST_TEST(starts_with(error_text(p), "content/talks/x.md:2:"), error_text(p));
}

BOOST_AUTO_TEST_CASE(published_and_author_profile_flags) {
    BOOST_TEST(!parse_text("---\npublished: false\n---\n").published);
    BOOST_TEST(parse_text("---\npublished: true\n---\n").published);
    BOOST_TEST(parse_text("---\nauthor_profile: true\n---\n").author_profile);
    BOOST_TEST(!parse_text("---\nauthor_profile: false\n---\n").author_profile);
    BOOST_TEST(!parse_text("---\nsitemap: false\n---\n").in_sitemap);
    // As Jekyll: only false hides a page; a date or a word publishes it (18 pages of a real site
    // answered 500 when folio refused them).
    for (const char* value : {"maybe", "2024-05-01", "journal", "'false'"}) {
        Page p = parse_text(std::string("---\ntitle: x\npublished: ") + value + "\n---\n");
        BOOST_TEST(error_text(p) == "", value);
        BOOST_TEST(p.published, value);
    }
    BOOST_TEST(!parse_text("---\npublished: no\n---\n").published);
}

// As Jekyll's URL#sanitize_url: runs of '/' in a permalink are one (a real site lost 62 pages
// and 122 redirects when folio refused them); the query keeps its own.
BOOST_AUTO_TEST_CASE(double_slashes_in_a_permalink_are_collapsed) {
    for (const auto& [permalink, want] : {std::pair{"/a//b/", "/a/b/"}, std::pair{"//pubs///x.html", "/pubs/x.html"},
                                          std::pair{"a//", "/a/"}}) {
        Page p = parse_text(std::string("---\npermalink: ") + permalink + "\n---\n");
        BOOST_TEST(error_text(p) == "", permalink);
        BOOST_TEST(p.url == want, permalink);
    }
}

BOOST_AUTO_TEST_CASE(title_falls_back_to_the_stem) {
    BOOST_TEST(parse_text("no front matter\n", "notes/reading-list.md").title == "reading-list");
    BOOST_TEST(parse_text("---\nlayout: single\n---\n", "cv.md").title == "cv");
    BOOST_TEST(parse_text("---\ntitle:\n---\n", "cv.md").title == "cv");
}

BOOST_AUTO_TEST_CASE(layout_from_front_matter) {
    BOOST_TEST(parse_text("---\nlayout: single\n---\n").layout == "single");
    BOOST_TEST(parse_text("plain\n").layout == "page");
}

BOOST_AUTO_TEST_CASE(anchor_from_id_else_stem) {
    BOOST_TEST(folio::page_anchor(parse_text("---\nid: DSP\n---\n", "_publications/dsp-icml.md")) == "DSP");
    BOOST_TEST(folio::page_anchor(parse_text("---\ntitle: t\n---\n", "_publications/dsp-icml.md")) == "dsp-icml");
}

BOOST_AUTO_TEST_CASE(title_that_is_a_list_is_an_error) {
    Page p = parse_text("---\ntitle:\n  - a\n  - b\n---\n");
    BOOST_TEST(starts_with(error_text(p), "content/talks/x.md:3: title"), error_text(p));
}

BOOST_AUTO_TEST_CASE(broken_front_matter_keeps_the_derived_url) {
    Page p = parse_text("---\ntitle: ok\nbad: a: b\n---\nbody\n", "notes/broken.md");
    BOOST_TEST(starts_with(error_text(p), "content/notes/broken.md:3: YAML"), error_text(p));
    BOOST_TEST(p.url == "/notes/broken/");
    BOOST_TEST(p.title == "broken");
    p = parse_text("---\ntitle: never closed\n", "notes/open.md");
    BOOST_TEST(starts_with(error_text(p), "content/notes/open.md:1:"), error_text(p));
    BOOST_TEST(p.url == "/notes/open/");
}

BOOST_AUTO_TEST_CASE(every_key_is_kept_in_front) {
    Page p = parse_text("---\ntitle: x\nvenue: ICML\nauthors: [A, B]\n---\n");
    BOOST_TEST(folio::front_text(p, "venue") == "ICML");
    BOOST_TEST(folio::front_of(p)["authors"].IsSequence());
    BOOST_TEST(folio::front_text(p, "authors") == "");
}

BOOST_AUTO_TEST_SUITE_END()
