// site_url: site paths as links under the mount prefix and as public absolute URLs.
#include <boost/test/unit_test.hpp>

#include "config.h"
#include "site_url.h"

using folio::absolute_url;
using folio::Config;
using folio::link_to;

namespace {
Config mounted(const std::string& url, const std::string& base) {
    Config c;
    c.site.url = url;
    c.site.base_path = base;
    return c;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(site_url)

BOOST_AUTO_TEST_CASE(site_paths_get_the_mount_prefix) {
    const Config c = mounted("https://example.org", "/~ada");
    BOOST_TEST(link_to(c, "/") == "/~ada/");
    BOOST_TEST(link_to(c, "/publications/") == "/~ada/publications/");
    BOOST_TEST(link_to(c, "/files/cv.pdf?v=2#p") == "/~ada/files/cv.pdf?v=2#p");
    // At the root of the host the path is the link.
    BOOST_TEST(link_to(mounted("https://example.org", ""), "/talks/") == "/talks/");
}

BOOST_AUTO_TEST_CASE(other_targets_stay_as_written) {
    const Config c = mounted("https://example.org", "/~ada");
    for (const char* t : {"", "https://github.com/ada", "//cdn.example/x.js", "mailto:ada@example.org", "notes/", "#top", "?q=1"}) {
        BOOST_TEST_CONTEXT("'" << t << "'") { BOOST_TEST(link_to(c, t) == t); }
    }
}

BOOST_AUTO_TEST_CASE(absolute_urls_join_url_mount_and_path) {
    BOOST_TEST(absolute_url(mounted("https://example.org", "/~ada"), "/notes/") == "https://example.org/~ada/notes/");
    BOOST_TEST(absolute_url(mounted("https://example.org", ""), "/") == "https://example.org/");
    BOOST_TEST(absolute_url(mounted("https://example.org", "/~ada"), "/feed.xml") == "https://example.org/~ada/feed.xml");
}

BOOST_AUTO_TEST_SUITE_END()
