// feeds: sitemap.xml, robots.txt and the Atom feed of a site on disk, and the XML text rules.
#include <boost/test/unit_test.hpp>

#include <string>

#include "feeds.h"
#include "site_fixture.h"

using testing::contains;
using testing::SiteOnDisk;

namespace {

std::size_t count(const std::string& s, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(feeds)

BOOST_AUTO_TEST_CASE(xml_text_is_escaped_and_keeps_only_what_xml_can_hold) {
    BOOST_TEST(folio::escape_xml("a & <b> \"c\"") == "a &amp; &lt;b&gt; &quot;c&quot;");
    BOOST_TEST(folio::escape_xml("a\x01" "b\tc\n") == "ab\tc\n");           // C0 control dropped, tab and LF kept
    // U+FFFE and U+FFFF cannot be in XML: the whole character is left out (it was cut to one
    // byte, and its other two bytes became two U+FFFD).
    BOOST_TEST(folio::escape_xml("x\xEF\xBF\xBEy") == "xy");
    BOOST_TEST(folio::escape_xml("x\xEF\xBF\xBFy") == "xy");
    BOOST_TEST(folio::find_non_xml(folio::escape_xml("x\xEF\xBF\xBEy")) == std::string::npos);
    BOOST_TEST(folio::escape_xml("bad \xC3 byte") == "bad \xEF\xBF\xBD byte");  // not UTF-8: U+FFFD
    BOOST_TEST(folio::escape_xml("caf\xC3\xA9 \xF0\x9F\x99\x82") == "caf\xC3\xA9 \xF0\x9F\x99\x82");
    BOOST_TEST(folio::find_non_xml("ok \xE2\x82\xAC") == std::string::npos);
    BOOST_TEST(folio::find_non_xml("ab\x1f") == 2u);
    BOOST_TEST(folio::find_non_xml("\xED\xA0\x80") == 0u);  // a surrogate written as UTF-8
    BOOST_TEST(folio::find_non_xml("\xC0\xAF") == 0u);      // an overlong '/'
}

BOOST_AUTO_TEST_CASE(dates_as_rfc3339) {
    BOOST_TEST(folio::rfc3339("2025-07-13", 0) == "2025-07-13T00:00:00Z");
    BOOST_TEST(folio::rfc3339("2025-07-13 10:00:00 +0800", 0) == "2025-07-13T10:00:00+08:00");
    BOOST_TEST(folio::rfc3339("soon", 86400) == "1970-01-02T00:00:00Z");  // not a date: the mtime
}

BOOST_AUTO_TEST_CASE(feed_lists_posts_newest_first_with_absolute_links) {
    SiteOnDisk s("base_path = /~ada");
    s.content("index.md", "---\ntitle: Home\n---\nHi\n");
    s.content("_posts/2024-01-02-first.md", "---\ntitle: First & foremost\ndate: 2024-01-02\nexcerpt: One\n---\n[home](/)\n");
    s.content("_posts/2024-03-04-second.md", "---\ntitle: Second\ndate: 2024-03-04\n---\n*Two*\n");
    const folio::Loaded& l = s.load();
    const std::string feed = folio::atom_feed(l.view());
    BOOST_TEST(contains(feed, "<title>Ada&#39;s Site</title>"), feed);
    BOOST_TEST(contains(feed, "<subtitle>Engines &amp; notes</subtitle>"), feed);
    BOOST_TEST(contains(feed, "<link href=\"https://example.org/~ada/feed.xml\" rel=\"self\""), feed);
    BOOST_TEST(contains(feed, "<updated>2024-03-04T00:00:00Z</updated>\n<id>"), feed);  // the newest post
    BOOST_TEST(count(feed, "<entry>") == 2u, feed);
    const auto second = feed.find("<title>Second</title>"), first = feed.find("<title>First &amp; foremost</title>");
    BOOST_TEST((second != std::string::npos && first != std::string::npos && second < first), feed);
    BOOST_TEST(contains(feed, "<summary>One</summary>"), feed);
    // The body is rendered, escaped once, with the site's absolute prefix on its links.
    BOOST_TEST(contains(feed, "&lt;em&gt;Two&lt;/em&gt;"), feed);
    BOOST_TEST(contains(feed, "href=&quot;https://example.org/~ada/&quot;"), feed);
}

BOOST_AUTO_TEST_CASE(sitemap_has_pages_but_not_redirects_404_or_opted_out_pages) {
    SiteOnDisk s;
    s.content("index.md", "---\ntitle: Home\n---\nHi\n");
    s.content("about.md", "---\ntitle: About\nredirect_from: [/old-about/]\n---\nMe\n");
    s.content("secret.md", "---\ntitle: Secret\nsitemap: false\n---\nx\n");
    s.content("404.md", "---\ntitle: Lost\npermalink: /404.html\n---\nx\n");
    const std::string map = folio::sitemap_xml(s.load().view());
    BOOST_TEST(contains(map, "<loc>https://example.org/</loc>"), map);
    BOOST_TEST(contains(map, "<loc>https://example.org/about/</loc>"), map);
    BOOST_TEST(!contains(map, "old-about"), map);
    BOOST_TEST(!contains(map, "secret"), map);
    BOOST_TEST(!contains(map, "404"), map);
    BOOST_TEST(count(map, "<lastmod>") == count(map, "<loc>"), map);
}

BOOST_AUTO_TEST_CASE(robots_points_at_the_sitemap) {
    SiteOnDisk s("base_path = /~ada");
    const std::string robots = folio::robots_txt(s.load().view());
    BOOST_TEST(contains(robots, "Sitemap: https://example.org/~ada/sitemap.xml"), robots);
    BOOST_TEST(!contains(robots, "Disallow: /\n"), robots);
}

BOOST_AUTO_TEST_SUITE_END()
