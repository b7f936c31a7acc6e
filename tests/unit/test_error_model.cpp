// Every exception folio throws is a folio::Error, so the one top-level catch (std::exception)
// sees it and the request gets a 500 instead of the process ending (issue 12, point 5).
#include <boost/test/unit_test.hpp>

#include <string>

#include "app.h"
#include "content.h"
#include "error.h"
#include "front_matter.h"
#include "http.h"
#include "page.h"
#include "helpers.h"
#include "site_fixture.h"

BOOST_AUTO_TEST_SUITE(error_model)

BOOST_AUTO_TEST_CASE(front_matter_errors_are_folio_errors_with_their_line) {
    try {
        folio::parse_front_matter("---\ntitle: x\nauthors: [unclosed\n---\nbody\n");
        BOOST_FAIL("broken front matter was accepted");
    } catch (const folio::Error& e) {
        const auto* line_error = dynamic_cast<const folio::LineError*>(&e);
        BOOST_REQUIRE(line_error != nullptr);
        BOOST_TEST(line_error->line >= 2);
        BOOST_TEST(std::string(e.what()).find("YAML") != std::string::npos, e.what());
    }
}

BOOST_AUTO_TEST_CASE(a_refused_redirect_is_a_folio_error) {
    BOOST_CHECK_THROW(folio::redirect_response(301, "/x\r\nSet-Cookie: a=b"), folio::Error);
}

// Every collected problem prints as "file:line: message", the form at() makes (issue 12, point 5).
BOOST_AUTO_TEST_CASE(a_problem_prints_as_file_line_message) {
    BOOST_TEST(folio::Problem({"content/talks/x.md", 4, "redirect_from: expected a string or a list"}).text() ==
               "content/talks/x.md:4: redirect_from: expected a string or a list");
    BOOST_TEST(folio::Problem({"content/talks/x.md", 4, "m"}).text() == folio::at("content/talks/x.md", 4, "m"));
    BOOST_TEST(folio::Problem({"content/_data/x.yml", 0, "cannot read"}).text() == "content/_data/x.yml: cannot read");
    BOOST_TEST(folio::Problem({"", 0, "folio.ini: cannot open"}).text() == "folio.ini: cannot open");
}

// A page whose front matter does not parse keeps the problem with its file and its line in
// that file, not only as text.
BOOST_AUTO_TEST_CASE(a_page_with_bad_front_matter_has_a_problem_with_file_and_line) {
    folio::Page p = folio::parse_page("---\ntitle: x\nauthors: [unclosed\n---\nbody\n", "content/notes/broken.md",
                                      "notes/broken.md");
    BOOST_REQUIRE(p.error.has_value());
    BOOST_TEST(p.error->file == "content/notes/broken.md");
    BOOST_TEST(p.error->line >= 2);
    BOOST_TEST(p.error->line <= 4);
    BOOST_TEST(p.error->message.rfind("YAML: ", 0) == 0u, p.error->message);
    BOOST_TEST(p.error->text() == folio::at(p.error->file, p.error->line, p.error->message));
}

BOOST_AUTO_TEST_CASE(a_page_without_problems_has_none) {
    folio::Page p = folio::parse_page("---\ntitle: x\n---\nbody\n", "content/x.md", "x.md");
    BOOST_TEST(!p.error.has_value());
}

// A LineError caught where its file is known becomes a Problem in that file; an Error thrown
// with a Problem keeps it.
BOOST_AUTO_TEST_CASE(caught_errors_become_problems) {
    folio::LineError e(3, "title: expected a string");
    BOOST_TEST(e.in("content/a.md").text() == "content/a.md:3: title: expected a string");
    BOOST_TEST(e.in("content/a.md", 5).line == 7);
    folio::Error thrown(folio::Problem{"folio.ini", 12, "bad key"});
    BOOST_TEST(std::string(thrown.what()) == "folio.ini:12: bad key");
    BOOST_TEST(thrown.problem().line == 12);
    BOOST_TEST(folio::Error("plain reason").problem().text() == "plain reason");
}

// Front matter that looks like folio's own listing entry (archive-single.html reads its page
// number) but holds no number: the include renders nothing, and nothing but a folio::Error may
// come out of a render (std::stoul threw std::invalid_argument here).
BOOST_AUTO_TEST_CASE(a_forged_listing_entry_throws_no_standard_exception) {
    testing::TempDir d;
    d.write("site/_config.yml", "title: S\n");
    d.write("site/docs/p.md",
            "---\ntitle: P\nposts:\n  - plain text\n  - [a, list]\n  - __folio_page: x\n  - __folio_page: \"99999999999999999999999\"\n---\n"
            "A{% for post in page.posts %}{% include archive-single.html %}{% endfor %}B\n");
    const auto [loaded, page] = testing::load_jekyll_page(d, "docs/p.md");
    BOOST_REQUIRE(page);
    std::string html;
    try {
        html = folio::page_content(loaded->view(), *page, nullptr);
    } catch (const folio::Error&) {
        // a folio error is a 500 with a message: acceptable
    } catch (const std::exception& e) {
        BOOST_FAIL(std::string("a standard exception left the render: ") + e.what());
    }
    BOOST_TEST(html.find("AB") != std::string::npos, html);
}

BOOST_AUTO_TEST_SUITE_END()
