// End-to-end: HTTP caching (issue 6): ETag/Last-Modified, 304, gzip, and the FastCGI cache
// following edits.
#include <boost/test/unit_test.hpp>

#include <zlib.h>

#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "../common/gunzip.h"
#include "fcgi_client.h"

using e2e::cgi;

namespace {

e2e::Result cgi_with(const std::string& uri, const std::map<std::string, std::string>& extra, const std::string& config = "") {
    std::map<std::string, std::string> env = {{"REQUEST_METHOD", "GET"}, {"REQUEST_URI", uri}};
    if (!config.empty()) env["FOLIO_CONFIG"] = config;
    for (const auto& [k, v] : extra) env[k] = v;
    return e2e::run({}, env);
}

// A CGI after an edit: past the second in which a fingerprint is reused.
void after_edit() { std::this_thread::sleep_for(std::chrono::milliseconds(1100)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(caching)

// CGI mode keeps the parsed pages in <cache>/index; a CGI that must build the site takes every
// unchanged page from there. What it serves must still follow every edit.
BOOST_AUTO_TEST_CASE(cgi_index_cache_follows_edits_and_survives_damage) {
    e2e::SiteCopy site;
    const std::string cache = site.dir + "/cache";
    BOOST_REQUIRE(mkdir(cache.c_str(), 0700) == 0);
    site.add_to_config("\n[paths]\ncache = " + cache + "/folio\n");
    const std::string index = cache + "/folio/index";
    // A Markdown item (the default site's publications are a .bib file, which is read anew).
    const std::string pub = "content/_publications/2023-cached.md";
    site.write(pub, "---\ntitle: \"Cached: Optimizing AlphaFold\"\nauthors: [Xuanlei Zhao]\nvenue: X\ndate: 2023-01-02\n---\nBody.\n");

    auto listing = cgi("/publications/", "GET", site.config);
    BOOST_REQUIRE(listing.status == 200);
    BOOST_TEST(listing.body.find("Cached: Optimizing AlphaFold") != std::string::npos);
    BOOST_TEST(testing::read_file(index).rfind("folio index 5\n", 0) == 0, "the CGI wrote no index cache");

    // A title edited in the front matter: both the page and the listing (which reads the other
    // pages' titles from the index) show it.
    std::string text = testing::read_file(site.dir + "/" + pub);
    const std::string old_title = "Cached: Optimizing AlphaFold";
    text.replace(text.find(old_title), old_title.size(), "Cached: Optimising AlphaFold");  // the same size
    after_edit();
    site.write(pub, text);
    auto page = cgi("/publications/2023-cached/", "GET", site.config);
    BOOST_TEST(page.status == 200);
    BOOST_TEST(page.body.find("Cached: Optimising AlphaFold") != std::string::npos);
    listing = cgi("/publications/", "GET", site.config);
    BOOST_TEST(listing.body.find("Cached: Optimising AlphaFold") != std::string::npos);
    BOOST_TEST(listing.body.find(old_title) == std::string::npos);

    // A new page and a deleted one.
    after_edit();
    site.write("content/notes.md", "---\ntitle: Fresh notes\n---\nNew.\n");
    BOOST_TEST(cgi("/notes/", "GET", site.config).body.find("Fresh notes") != std::string::npos);
    after_edit();
    BOOST_REQUIRE(unlink((site.dir + "/content/notes.md").c_str()) == 0);
    BOOST_TEST(cgi("/notes/", "GET", site.config).status == 404);

    // A damaged index is a miss: the site is parsed again and the index rewritten.
    const std::string good = testing::read_file(index);
    for (const std::string& damage : {std::string("garbage"), good.substr(0, good.size() / 2), std::string()}) {
        after_edit();
        { std::ofstream(index, std::ios::binary) << damage; }
        site.write("content/notes.md", "---\ntitle: Notes again " + std::to_string(damage.size()) + "\n---\nx\n");
        auto r = cgi("/publications/", "GET", site.config);
        BOOST_TEST(r.status == 200);
        BOOST_TEST(r.body.find("Cached: Optimising AlphaFold") != std::string::npos);
        BOOST_TEST(cgi("/notes/", "GET", site.config).body.find("Notes again " + std::to_string(damage.size())) != std::string::npos);
        BOOST_TEST(testing::read_file(index).rfind("folio index 5\n", 0) == 0, "the damaged index was not rewritten");
    }
}

BOOST_AUTO_TEST_CASE(validators_on_pages_and_files) {
    for (const char* uri : {"/", "/publications/", "/images/avatar.svg", "/sitemap.xml"}) {
        auto r = cgi(uri);
        BOOST_TEST_CONTEXT(uri) {
            BOOST_TEST(r.status == 200);
            BOOST_TEST(r.header("ETag").size() > 2u);
            BOOST_TEST(r.header("Last-Modified").find(" GMT") != std::string::npos);
            BOOST_TEST(r.header("Cache-Control") == "public, max-age=300");
        }
    }
    BOOST_TEST(cgi("/about/").header("ETag").empty());  // redirects carry no validators
}

BOOST_AUTO_TEST_CASE(conditional_requests_get_304) {
    auto first = cgi("/publications/");
    const std::string etag = first.header("ETag");
    auto again = cgi_with("/publications/", {{"HTTP_IF_NONE_MATCH", etag}});
    BOOST_TEST(again.status == 304);
    BOOST_TEST(again.body.empty());
    BOOST_TEST(again.header("ETag") == etag);
    BOOST_TEST(cgi_with("/publications/", {{"HTTP_IF_NONE_MATCH", "\"other\", " + etag}}).status == 304);
    BOOST_TEST(cgi_with("/publications/", {{"HTTP_IF_NONE_MATCH", "W/" + etag}}).status == 304);
    BOOST_TEST(cgi_with("/publications/", {{"HTTP_IF_NONE_MATCH", "\"nope\""}}).status == 200);
    // If-Modified-Since, alone.
    BOOST_TEST(cgi_with("/publications/", {{"HTTP_IF_MODIFIED_SINCE", first.header("Last-Modified")}}).status == 304);
    BOOST_TEST(cgi_with("/publications/", {{"HTTP_IF_MODIFIED_SINCE", "Thu, 01 Jan 2015 00:00:00 GMT"}}).status == 200);
    BOOST_TEST(cgi_with("/publications/", {{"HTTP_IF_MODIFIED_SINCE", "garbage"}}).status == 200);
    // If-None-Match wins over If-Modified-Since.
    BOOST_TEST(cgi_with("/publications/", {{"HTTP_IF_NONE_MATCH", "\"nope\""}, {"HTTP_IF_MODIFIED_SINCE", first.header("Last-Modified")}}).status == 200);
}

BOOST_AUTO_TEST_CASE(etag_changes_when_content_changes) {
    e2e::SiteCopy site;
    auto before = cgi("/publications/", "GET", site.config);
    site.write("content/_publications/2025-new.md", "---\ntitle: Changed title\nauthors: [Xuanlei Zhao]\ndate: 2025-07-13\n---\n");
    // CGI mode reuses a fingerprint younger than a second, as FastCGI mode checks once a second.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    auto after = cgi("/publications/", "GET", site.config);
    BOOST_TEST(after.body.find("Changed title") != std::string::npos);
    BOOST_TEST(before.header("ETag") != after.header("ETag"));
    BOOST_TEST(cgi_with("/publications/", {{"HTTP_IF_NONE_MATCH", before.header("ETag")}}, site.config).status == 200);
}

BOOST_AUTO_TEST_CASE(gzip_bodies_decompress_to_the_plain_body) {
    for (const char* uri : {"/", "/publications/", "/assets/folio.css", "/feed.xml", "/nowhere/"}) {
        auto plain = cgi(uri);
        auto gz = cgi_with(uri, {{"HTTP_ACCEPT_ENCODING", "br, gzip;q=0.8, deflate"}});
        BOOST_TEST_CONTEXT(uri) {
            BOOST_TEST(gz.status == plain.status);
            BOOST_TEST(gz.header("Content-Encoding") == "gzip");
            BOOST_TEST(gz.header("Vary") == "Accept-Encoding");
            BOOST_TEST(gz.body.size() < plain.body.size());
            BOOST_TEST(testing::gunzip(gz.body) == plain.body);
            BOOST_TEST(gz.header("Content-Length") == std::to_string(gz.body.size()));
            if (plain.status == 200) BOOST_TEST(gz.header("ETag") != plain.header("ETag"));
        }
    }
    BOOST_TEST(cgi_with("/", {{"HTTP_ACCEPT_ENCODING", "gzip;q=0"}}).header("Content-Encoding").empty());
    BOOST_TEST(cgi_with("/", {{"HTTP_ACCEPT_ENCODING", "identity"}}).header("Content-Encoding").empty());
    BOOST_TEST(cgi_with("/images/avatar.svg", {{"HTTP_ACCEPT_ENCODING", "gzip"}}).header("Content-Encoding") == "gzip");
    // A 304 for the gzip variant names the gzip ETag.
    auto gz = cgi_with("/", {{"HTTP_ACCEPT_ENCODING", "gzip"}});
    auto nm = cgi_with("/", {{"HTTP_ACCEPT_ENCODING", "gzip"}, {"HTTP_IF_NONE_MATCH", gz.header("ETag")}});
    BOOST_TEST(nm.status == 304);
}

BOOST_AUTO_TEST_CASE(fastcgi_cache_serves_the_same_bytes_and_follows_edits) {
    e2e::SiteCopy site;
    e2e::Daemon d("127.0.0.1:" + std::to_string(e2e::free_port()), site.config);
    BOOST_REQUIRE(d.wait_ready());
    auto params = [](const std::string& uri, const std::string& ae) {
        return std::map<std::string, std::string>{{"REQUEST_METHOD", "GET"}, {"REQUEST_URI", uri}, {"HTTP_ACCEPT_ENCODING", ae}};
    };
    auto first = e2e::fcgi_request(d.address, params("/publications/", ""));
    auto second = e2e::fcgi_request(d.address, params("/publications/", ""));
    BOOST_TEST(first.status == 200);
    BOOST_TEST(first.out == second.out);
    BOOST_TEST(first.body == cgi("/publications/", "GET", site.config).body);
    auto gz1 = e2e::fcgi_request(d.address, params("/publications/", "gzip"));
    auto gz2 = e2e::fcgi_request(d.address, params("/publications/", "gzip"));
    BOOST_TEST(gz1.out == gz2.out);
    BOOST_TEST(testing::gunzip(gz1.body) == first.body);
    // An edit to a partial reaches cached pages within a second.
    site.write("templates/partials/footer.mustache", "<footer>EDITED-FOOTER</footer>\n");
    auto start = std::chrono::steady_clock::now();
    e2e::Result r;
    while (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(1500)) {
        r = e2e::fcgi_request(d.address, params("/publications/", ""));
        if (r.body.find("EDITED-FOOTER") != std::string::npos) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    BOOST_TEST(r.body.find("EDITED-FOOTER") != std::string::npos);
    BOOST_TEST(r.header("ETag") != first.header("ETag"));
}

BOOST_AUTO_TEST_SUITE_END()
