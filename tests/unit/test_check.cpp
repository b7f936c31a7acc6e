// check: --check over a site on disk: every problem with file:line, the summary, the status.
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "check.h"
#include "site_fixture.h"

using testing::contains;
using testing::SiteOnDisk;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(check)

BOOST_AUTO_TEST_CASE(a_clean_site_passes) {
    SiteOnDisk s;
    s.content("index.md", "---\ntitle: Home\n---\n## Part\n\nSee [notes](/notes/) and [part](#part) and [notes part](/notes/#n).\n");
    s.content("notes.md", "---\ntitle: Notes\n---\n## N\n");
    std::ostringstream out;
    BOOST_TEST(folio::run_check(s.load(), out, "cache is off") == 0, out.str());
    BOOST_TEST(contains(out.str(), "note: cache is off\n"), out.str());
    BOOST_TEST(contains(out.str(), "0 errors, 0 warnings\n"), out.str());
}

BOOST_AUTO_TEST_CASE(broken_links_anchors_and_images_are_errors_with_their_file) {
    SiteOnDisk s;
    s.content("index.md", "---\ntitle: Home\n---\n[gone](/nowhere/) [bad anchor](/notes/#nope) ![img](/images/none.png)\n");
    s.content("notes.md", "---\ntitle: Notes\n---\n## N\n");
    std::ostringstream out;
    BOOST_TEST(folio::run_check(s.load(), out) == 1, out.str());
    BOOST_TEST(contains(out.str(), "broken link /nowhere/"), out.str());
    BOOST_TEST(contains(out.str(), "missing anchor #nope on /notes/"), out.str());
    BOOST_TEST(contains(out.str(), "missing image /images/none.png"), out.str());
    BOOST_TEST(testing::any_contains(lines_of(out.str()), {"error: ", "content/index.md", "broken link /nowhere/"}), out.str());
    BOOST_TEST(contains(out.str(), "3 errors"), out.str());
}

// A fragment with a non-ASCII letter leaves cmark percent-encoded ("#caf%C3%A9"); a browser
// decodes it to find the element (id="café"): not a missing anchor. Found on a French
// academicpages fork (tests/jekyll/forks), whose table of contents links such ids.
BOOST_AUTO_TEST_CASE(a_percent_encoded_fragment_finds_its_heading) {
    SiteOnDisk s;
    s.content("index.md", "---\ntitle: Home\n---\n<h2 id=\"café\">Café</h2>\n\n[to it](#café) [gone](#caf%C3%A9s)\n");
    std::ostringstream out;
    BOOST_TEST(folio::run_check(s.load(), out) == 1, out.str());
    BOOST_TEST(!contains(out.str(), "missing anchor #caf%C3%A9 "), out.str());
    BOOST_TEST(contains(out.str(), "missing anchor #caf%C3%A9s on /"), out.str());
    BOOST_TEST(contains(out.str(), "1 error"), out.str());
}

BOOST_AUTO_TEST_CASE(broken_front_matter_is_an_error_with_its_line) {
    SiteOnDisk s;
    s.content("bad.md", "---\ntitle: ok\nbad: a: b\n---\nbody\n");
    std::ostringstream out;
    BOOST_TEST(folio::run_check(s.load(), out) == 1);
    BOOST_TEST(testing::any_contains(lines_of(out.str()), {"error: ", "content/bad.md:3: YAML"}), out.str());
    BOOST_TEST(contains(out.str(), "1 error, "), out.str());
}

BOOST_AUTO_TEST_CASE(warnings_do_not_fail_the_check) {
    SiteOnDisk s;
    s.content("odd.md", "---\ntitle: \"x\\x01y\"\nlayout: nosuch\n---\n" + std::string(300, '|') + "\n|a|b|\n|-|-|\n" +
                            std::string(300, '|') + "\n");
    std::ostringstream out;
    BOOST_TEST(folio::run_check(s.load(), out) == 0, out.str());
    BOOST_TEST(testing::any_contains(lines_of(out.str()), {"warning: ", "content/odd.md: layout 'nosuch' not found"}), out.str());
    BOOST_TEST(testing::any_contains(lines_of(out.str()), {"warning: ", "content/odd.md:2: title: control character U+0001"}), out.str());
    BOOST_TEST(testing::any_contains(lines_of(out.str()), {"warning: ", "content/odd.md:8: a table row of 299 cells"}), out.str());
}

BOOST_AUTO_TEST_SUITE_END()

// The site's own theme: --check renders each page through its layouts and reports the Liquid
// problems of the layouts and their includes with the layout's file and line, an include that is
// not there, and a layout that is not there; a layout's problem once, not once per page. Before,
// --check rendered pages in folio's theme and warned that folio had no layout 'inner'.
BOOST_AUTO_TEST_SUITE(check_own_theme)

BOOST_AUTO_TEST_CASE(layouts_and_includes_are_checked_with_file_and_line) {
    SiteOnDisk s;
    s.content("_config.yml", "title: S\n");
    s.content("_layouts/inner.html", "---\nlayout: outer\n---\n<main>{% include box.html %}{% include missing.html %}{{ content }}\n{{ x | nofilter }}</main>\n");
    s.content("_layouts/outer.html", "<html>{{ content }}</html>\n");
    s.content("_includes/box.html", "<b>{{ 1 | nosuch }}</b>");
    s.content("a.md", "---\nlayout: inner\n---\nA\n");
    s.content("b.md", "---\nlayout: inner\n---\nB\n");
    s.content("c.md", "---\nlayout: gone\n---\nC\n");
    std::ostringstream out;
    BOOST_TEST(folio::run_check(s.load(), out) == 0, out.str());
    const std::string text = out.str();
    const std::string inner = "/_layouts/inner.html:";
    BOOST_TEST(contains(text, inner + "4: Liquid: 'box.html' line 1: unknown filter 'nosuch'"), text);
    BOOST_TEST(contains(text, inner + "4: Liquid: Could not locate the included file 'missing.html' in _includes/"), text);
    BOOST_TEST(contains(text, inner + "5: Liquid: unknown filter 'nofilter'"), text);
    BOOST_TEST(contains(text, "/c.md:1: layout 'gone' not found (no _layouts/gone.html)"), text);
    BOOST_TEST(!contains(text, "not found in templates/layouts"), text);
    std::size_t n = 0;
    for (const auto& l : lines_of(text)) n += contains(l, "nofilter");
    BOOST_TEST(n == 1u, text);
}
BOOST_AUTO_TEST_SUITE_END()
