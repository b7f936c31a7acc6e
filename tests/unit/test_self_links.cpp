// self_links: href/src attributes that point at the site's own public address become local.
#include <boost/test/unit_test.hpp>

#include "self_links.h"

using folio::localize_self_links;

namespace {
const char* kUrl = "https://oahzxl.github.io";
}

BOOST_AUTO_TEST_SUITE(self_links)

BOOST_AUTO_TEST_CASE(own_address_becomes_the_mount_prefix) {
    BOOST_TEST(localize_self_links(R"(<a href="https://oahzxl.github.io/publications/#DSP">DSP</a>)", kUrl, "/~user") ==
               R"(<a href="/~user/publications/#DSP">DSP</a>)");
    BOOST_TEST(localize_self_links(R"(<a href="https://oahzxl.github.io/publications/#DSP">DSP</a>)", kUrl, "") ==
               R"(<a href="/publications/#DSP">DSP</a>)");
    // The bare address, a query, single quotes, no quotes, upper-case names and the other scheme.
    BOOST_TEST(localize_self_links(R"(<a href="https://oahzxl.github.io">home</a>)", kUrl, "/~u") == R"(<a href="/~u/">home</a>)");
    BOOST_TEST(localize_self_links(R"(<a href='https://oahzxl.github.io?x=1'>q</a>)", kUrl, "/~u") == R"(<a href='/~u/?x=1'>q</a>)");
    BOOST_TEST(localize_self_links(R"(<A HREF=https://OAHZXL.github.io/x/>x</A>)", kUrl, "/~u") == R"(<A HREF=/~u/x/>x</A>)");
    BOOST_TEST(localize_self_links(R"(<img alt="a" src="http://oahzxl.github.io/images/a.png">)", kUrl, "/~u") ==
               R"(<img alt="a" src="/~u/images/a.png">)");
}

BOOST_AUTO_TEST_CASE(other_addresses_and_text_stay) {
    for (const char* html : {
             R"(<a href="https://oahzxl.github.io.evil.example/x">x</a>)",  // another host that starts alike
             R"(<a href="https://github.com/oahzxl">gh</a>)",
             R"(<a title="https://oahzxl.github.io/x" href="/y">y</a>)",   // not href or src
             R"(<p>See https://oahzxl.github.io/publications/ here</p>)",   // text, not a link
             R"(<!-- <a href="https://oahzxl.github.io/x"> -->)",            // a comment
             R"(<script>var a = '<a href="https://oahzxl.github.io/x">';</script>)",
             R"(<a href="https://oahzxl.github.io:8080/x">port</a>)",
             R"(<a data-href="https://oahzxl.github.io/x">d</a>)",
         })
        BOOST_TEST(localize_self_links(html, kUrl, "/~u") == html);
    BOOST_TEST(localize_self_links(R"(<a href="https://oahzxl.github.io/x">)", "", "/~u") == R"(<a href="https://oahzxl.github.io/x">)");
}

BOOST_AUTO_TEST_CASE(an_address_that_carries_the_prefix_gets_it_once) {
    // folio's canonical URLs under /~u are https://oahzxl.github.io/~u/...
    BOOST_TEST(localize_self_links(R"(<a href="https://oahzxl.github.io/~u/publications/">p</a>)", kUrl, "/~u") ==
               R"(<a href="/~u/publications/">p</a>)");
    BOOST_TEST(localize_self_links(R"(<a href="https://oahzxl.github.io/~us/x/">p</a>)", kUrl, "/~u") == R"(<a href="/~u/~us/x/">p</a>)");
}

BOOST_AUTO_TEST_CASE(baseurl_is_part_of_the_address) {
    // A Jekyll site with baseurl /site: its public pages are below https://host/site.
    BOOST_TEST(localize_self_links(R"(<a href="https://host.example/site/p/">p</a>)", "https://host.example/site", "/~u") ==
               R"(<a href="/~u/p/">p</a>)");
    BOOST_TEST(localize_self_links(R"(<a href="https://host.example/sitemap/">p</a>)", "https://host.example/site", "/~u") ==
               R"(<a href="https://host.example/sitemap/">p</a>)");
}

BOOST_AUTO_TEST_CASE(broken_html_is_copied) {
    for (const char* html : {"<a href=\"https://oahzxl.github.io/x", "<a href=", "<", "<a", "<!--", "<script>", "a < b > c", "<a href='"})
        BOOST_TEST(localize_self_links(html, kUrl, "/~u") == html);
}

BOOST_AUTO_TEST_SUITE_END()
