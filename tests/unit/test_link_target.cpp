// link_target_problem: the one check of a link or redirect target (folio.ini, front matter,
// _config.yml, _data/navigation.yml all use it).
#include <boost/test/unit_test.hpp>

#include <string>

#include "url_path.h"

using folio::link_target_problem;

BOOST_AUTO_TEST_SUITE(link_target)

BOOST_AUTO_TEST_CASE(good_targets_pass) {
    for (const char* ok : {"/", "/talks/", "/a.html?x=1#top", "https://example.org/a?b=c#d"})
        BOOST_TEST(link_target_problem(ok).empty(), ok);
    BOOST_TEST(link_target_problem("http://example.org/?q=1").empty());
}

BOOST_AUTO_TEST_CASE(an_absolute_url_may_hold_no_space_or_control_character) {
    const std::string why = "URL holds a space or control character";
    BOOST_TEST(link_target_problem("https://example.org/a b") == why);
    BOOST_TEST(link_target_problem("https://example.org/\x7f") == why);
    BOOST_TEST(link_target_problem("https://example.org/\r\nSet-Cookie: x") == why);
}

BOOST_AUTO_TEST_CASE(a_site_path_must_be_valid_up_to_its_query) {
    BOOST_TEST(link_target_problem("talks/") == "path does not start with '/'");
    BOOST_TEST(link_target_problem("/a/../b") == "dot segment in path");
    BOOST_TEST(link_target_problem("/a\tb") == "control character in path");
    BOOST_TEST(link_target_problem("/a?x=\x01") == "control character in the query");
    BOOST_TEST(link_target_problem("/a#\x7f") == "control character in the query");
    BOOST_TEST(link_target_problem("/a?x=1 2").empty());  // a space in a query is the browser's to encode
}

BOOST_AUTO_TEST_SUITE_END()
