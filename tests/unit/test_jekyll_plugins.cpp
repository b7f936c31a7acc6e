// jekyll-sitemap and jekyll-feed built in: on a Jekyll site that lists them, /sitemap.xml,
// /robots.txt and the feed are what the plugins make. The cases under tests/data/jekyll-plugins/
// hold a site and Jekyll's own output for it (made by the case's make-expected.sh).
#include <boost/test/unit_test.hpp>

#include <utime.h>

#include <filesystem>
#include <regex>
#include <string>

#include "app.h"
#include "feeds.h"
#include "data_cases.h"
#include "jekyll/jekyll.h"
#include "jekyll/sitemap_feed.h"
#include "router.h"
#include "site_fixture.h"

using testing::contains;
using testing::TempDir;

namespace {

// make-expected.sh gives every file of the site this modification time (2024-06-07 08:09:10
// UTC): the sitemap's lastmod of a static file is its modification time.
constexpr long long kSiteMtime = 1717747750;

// Copies the case's site/ into d/site with every file at kSiteMtime (a checkout has others).
void copy_site(const std::string& from, const TempDir& d) {
    namespace fs = std::filesystem;
    for (const auto& e : fs::recursive_directory_iterator(from)) {
        const std::string rel = "site/" + fs::relative(e.path(), from).string();
        if (e.is_directory()) {
            d.mkdirs(rel);
        } else if (e.is_regular_file()) {
            const std::string to = d.write(rel, testing::read_file(e.path().string()));
            struct utimbuf t{kSiteMtime, kSiteMtime};
            BOOST_REQUIRE(utime(to.c_str(), &t) == 0);
        }
    }
}

folio::Response get(const folio::Loaded& l, const std::string& uri) {
    folio::Request req;
    req.method = "GET";
    req.uri = uri;
    return folio::handle_request(req, l.view(), [](std::string_view) {});
}

// The feed's own <updated> is site.time, the time of the build: another for every build.
std::string mask_feed_time(const std::string& feed) {
    return std::regex_replace(feed, std::regex("(</link>|/>)<updated>[^<]*</updated><id>"), "$1<updated>(site.time)</updated><id>",
                              std::regex_constants::format_first_only);
}

std::unique_ptr<folio::Loaded> load(const TempDir& d) { return std::move(testing::load_jekyll_page(d, "").loaded); }

}  // namespace

BOOST_AUTO_TEST_SUITE(jekyll_plugins)

// Every case folder: folio's sitemap.xml, robots.txt and feed for site/ are Jekyll's, to the byte
// (the feed's build time masked).
BOOST_AUTO_TEST_CASE(same_output_as_jekyll_for_each_case) {
    const std::string root = testing::data_root() + "/jekyll-plugins";
    const auto cases = testing::list_folders(root);
    BOOST_REQUIRE_MESSAGE(!cases.empty(), "no case under " + root);
    for (const auto& name : cases) {
        BOOST_TEST_CONTEXT("case " << name) {
            TempDir d;
            copy_site(root + "/" + name + "/site", d);
            const auto l = load(d);
            const std::string base = l->config.site.base_path;
            for (const std::string file : {"sitemap.xml", "robots.txt"}) {
                const folio::Response r = get(*l, base + "/" + file);
                BOOST_TEST(r.status == 200, file);
                BOOST_TEST(r.body == testing::read_file(root + "/" + name + "/expected/" + file), file);
            }
            const folio::Response feed = get(*l, base + "/feed.xml");
            BOOST_TEST(feed.status == 200);
            BOOST_TEST(mask_feed_time(feed.body) == mask_feed_time(testing::read_file(root + "/" + name + "/expected/feed.xml")));
        }
    }
}

BOOST_AUTO_TEST_CASE(plugins_are_read_from_plugins_or_gems) {
    folio::Config cfg;
    auto parse = [&](const std::string& text) { return folio::parse_jekyll(text, "_config.yml", "", "", cfg); };
    BOOST_TEST(folio::jekyll_plugin_enabled(parse("plugins: [jekyll-feed]\n"), "jekyll-feed"));
    BOOST_TEST(!folio::jekyll_plugin_enabled(parse("plugins: [jekyll-feed]\n"), "jekyll-sitemap"));
    BOOST_TEST(folio::jekyll_plugin_enabled(parse("gems:\n  - jekyll-sitemap\n"), "jekyll-sitemap"));
    BOOST_TEST(!folio::jekyll_plugin_enabled(parse("plugins: jekyll-sitemap\n"), "jekyll-sitemap"));  // not a list
    BOOST_TEST(!folio::jekyll_plugin_enabled(parse("title: x\n"), "jekyll-feed"));
    BOOST_TEST(folio::jekyll_feed_path(parse("title: x\n")) == "/feed.xml");
    BOOST_TEST(folio::jekyll_feed_path(parse("feed:\n  path: atom.xml\n")) == "/atom.xml");
    BOOST_TEST(folio::jekyll_feed_path(parse("feed:\n  path: /news/atom.xml\n")) == "/news/atom.xml");
}

// jekyll-sitemap writes robots.txt only when the site has none; jekyll-feed writes to feed: path:.
BOOST_AUTO_TEST_CASE(a_site_file_wins_and_the_feed_path_is_configured) {
    TempDir d;
    d.write("site/_config.yml", "title: T\nplugins: [jekyll-sitemap, jekyll-feed]\nfeed:\n  path: atom.xml\n");
    d.write("site/robots.txt", "User-agent: *\nDisallow: /private/\n");
    d.write("site/index.md", "---\ntitle: Home\n---\nHi\n");
    d.write("site/_posts/2024-01-01-a.md", "---\ntitle: A\n---\nA post.\n");
    const auto l = load(d);
    BOOST_TEST(get(*l, "/robots.txt").body == "User-agent: *\nDisallow: /private/\n");
    const folio::Response feed = get(*l, "/atom.xml");
    BOOST_TEST(feed.status == 200);
    BOOST_TEST(contains(feed.body, "<link href=\"/atom.xml\" rel=\"self\" type=\"application/atom+xml\" />"), feed.body);
    BOOST_TEST(contains(feed.body, "<title type=\"html\">A</title>"), feed.body);
    BOOST_TEST(contains(get(*l, "/sitemap.xml").body, "xsi:schemaLocation"));
}

// Without the plugins in _config.yml, the site keeps folio's own files.
BOOST_AUTO_TEST_CASE(without_the_plugins_folio_keeps_its_own) {
    TempDir d;
    d.write("site/_config.yml", "title: T\nurl: https://example.org\n");
    d.write("site/index.md", "---\ntitle: Home\n---\nHi\n");
    const auto l = load(d);
    const std::string sitemap = get(*l, "/sitemap.xml").body;
    BOOST_TEST(contains(sitemap, "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n<url><loc>"), sitemap);
    BOOST_TEST(contains(get(*l, "/feed.xml").body, "<generator>folio</generator>"));
}

// A sitemap holds at most max_urls URLs (the sitemaps.org protocol's 50,000 by default); a feed
// at most kMaxJekyllFeedEntries entries whatever posts_limit asks; "]]>" in a post cannot end
// the CDATA section early.
BOOST_AUTO_TEST_CASE(bounded_and_well_formed) {
    TempDir d;
    d.write("site/_config.yml", "title: T\nplugins: [jekyll-sitemap, jekyll-feed]\nfeed:\n  posts_limit: 100000000\n");
    for (int i = 0; i < 30; ++i)
        d.write("site/_posts/2024-01-" + std::string(i < 9 ? "0" : "") + std::to_string(i + 1) + "-p.md",
                "---\ntitle: P" + std::to_string(i) + "\n---\n<div>x ]]> y</div>\n");
    const auto l = load(d);
    auto count = [](const std::string& s, const std::string& what) {
        std::size_t n = 0;
        for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
        return n;
    };
    BOOST_TEST(count(folio::jekyll_sitemap_xml(l->view(), 7), "<url>") == 7u);
    BOOST_TEST(count(folio::jekyll_sitemap_xml(l->view()), "<url>") == 30u);
    const std::string feed = folio::jekyll_feed_xml(l->view(), "/feed.xml", 12);
    BOOST_TEST(count(feed, "<entry>") == 12u);
    BOOST_TEST(!contains(feed, "x ]]> y"), feed.substr(0, 2000));
    BOOST_TEST(contains(feed, "x ]]]]><![CDATA[> y"), feed.substr(0, 2000));
    BOOST_TEST(count(folio::jekyll_feed_xml(l->view(), "/feed.xml"), "<entry>") == 30u);
}

// Front matter of unexpected shapes (lists where text is expected, text that is no date, markup
// in attributes) gives an entry, not an exception, and the feed stays well-formed.
BOOST_AUTO_TEST_CASE(odd_front_matter_gives_a_well_formed_entry) {
    TempDir d;
    d.write("site/_config.yml", "title: [not, text]\nauthor: [x]\nplugins: [jekyll-sitemap, jekyll-feed]\nfeed: 3\n");
    d.write("site/_posts/2024-01-01-odd.md",
            "---\ntitle: Odd\nauthor: [x, y]\nauthors: text\ntags: {a: b}\ncategory: [c]\nimage: [1]\n"
            "lang: '\"><x'\nlast_modified_at: soon\nfeed: on\nslug: ''\n---\nBody\n");
    const auto l = load(d);
    const folio::Response feed = get(*l, "/feed.xml");
    BOOST_TEST(feed.status == 200);
    BOOST_TEST(contains(feed.body, "<entry xml:lang=\"&quot;&gt;&lt;x\">"), feed.body);
    BOOST_TEST(contains(feed.body, "<updated>2024-01-01T00:00:00+00:00</updated>"), feed.body);  // 'soon' is no date
    BOOST_TEST(folio::find_non_xml(feed.body) == std::string::npos);
    BOOST_TEST(get(*l, "/sitemap.xml").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
