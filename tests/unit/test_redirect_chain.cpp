// follow_redirects: the one redirect-chain follower (--check's links, the site's redirect checks).
#include <boost/test/unit_test.hpp>

#include <string>

#include "redirect_chain.h"

using folio::ChainEnd;
using folio::follow_redirects;
using folio::Route;
using folio::RouteKind;
using folio::Site;

namespace {

void redirect(Site& s, const std::string& from, const std::string& to) {
    Route r;
    r.kind = RouteKind::Redirect;
    r.target = to;
    s.routes[from] = r;
}

void page(Site& s, const std::string& at) { s.routes[at] = Route{}; }

}  // namespace

BOOST_AUTO_TEST_SUITE(redirect_chain)

BOOST_AUTO_TEST_CASE(a_page_is_reached_through_redirects_and_a_trailing_slash) {
    Site s;
    redirect(s, "/a", "/b?x=1");
    redirect(s, "/b", "/c");
    page(s, "/c/");
    const ChainEnd end = follow_redirects(s, "/a");
    BOOST_TEST((end.kind == ChainEnd::Kind::Route));
    BOOST_TEST(end.path == "/c/");
    BOOST_TEST(end.hops == 2);
    BOOST_TEST((end.route == s.find("/c/")));
    BOOST_TEST(follow_redirects(s, "/c").hops == 0);
}

BOOST_AUTO_TEST_CASE(a_missing_target_and_an_external_one_end_the_chain) {
    Site s;
    redirect(s, "/a", "/gone");
    redirect(s, "/x", "https://example.org/");
    ChainEnd end = follow_redirects(s, "/a");
    BOOST_TEST((end.kind == ChainEnd::Kind::Missing));
    BOOST_TEST(end.path == "/gone");
    end = follow_redirects(s, "/x");
    BOOST_TEST((end.kind == ChainEnd::Kind::External));
    BOOST_TEST(end.path == "/x");
}

BOOST_AUTO_TEST_CASE(a_loop_is_found_where_it_closes) {
    Site s;
    redirect(s, "/a", "/b");
    redirect(s, "/b/", "/c");  // /b is found with its slash, as the router finds it
    redirect(s, "/c", "/b/");
    redirect(s, "/self", "/self");
    ChainEnd end = follow_redirects(s, "/a");
    BOOST_TEST((end.kind == ChainEnd::Kind::Loop));
    BOOST_TEST(end.path == "/b/");
    BOOST_TEST(end.hops == 3);
    end = follow_redirects(s, "/self");
    BOOST_TEST((end.kind == ChainEnd::Kind::Loop));
    BOOST_TEST(end.hops == 1);
}

BOOST_AUTO_TEST_CASE(a_chain_longer_than_the_bound_is_not_followed_to_its_end) {
    Site s;
    for (int i = 0; i < 20; ++i) redirect(s, "/r" + std::to_string(i), "/r" + std::to_string(i + 1));
    page(s, "/r20");
    ChainEnd end = follow_redirects(s, "/r0");
    BOOST_TEST((end.kind == ChainEnd::Kind::TooLong));
    BOOST_TEST(end.hops == folio::kMaxRedirectChain);
    BOOST_TEST(end.path == "/r" + std::to_string(folio::kMaxRedirectChain + 1));  // where the next hop would go
    end = follow_redirects(s, "/r12");  // exactly kMaxRedirectChain hops: allowed
    BOOST_TEST((end.kind == ChainEnd::Kind::Route));
    BOOST_TEST(end.hops == 8);
    BOOST_TEST((follow_redirects(s, "/r12", 7).kind == ChainEnd::Kind::TooLong));
}

BOOST_AUTO_TEST_CASE(from_a_redirect_whose_key_carries_a_query) {
    Site s;
    page(s, "/a");
    redirect(s, "/a?old=1", "/b");
    redirect(s, "/b", "/a?old=1");  // found as /a, the page: no loop
    redirect(s, "/c", "/d");
    redirect(s, "/d", "/c");
    ChainEnd end = follow_redirects(s, "/a?old=1", *s.find("/a?old=1"));
    BOOST_TEST((end.kind == ChainEnd::Kind::Route));
    BOOST_TEST(end.path == "/a");
    BOOST_TEST(end.hops == 2);
    end = follow_redirects(s, "/c", *s.find("/c"));
    BOOST_TEST((end.kind == ChainEnd::Kind::Loop));
    BOOST_TEST(end.path == "/c");  // the loop closes where it started
}

BOOST_AUTO_TEST_SUITE_END()
