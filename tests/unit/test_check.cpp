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
