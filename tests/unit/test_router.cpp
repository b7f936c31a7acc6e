// router: whole requests against a temporary site and templates.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "config.h"
#include "helpers.h"
#include "router.h"
#include "site.h"
#include "templates.h"
#include "url_path.h"

using folio::Request;
using folio::Response;
using testing::TempDir;
using testing::contains;

namespace {

const char* kLayout =
    "<!DOCTYPE html>\n<title>{{page.title}}</title>\n"
    "<nav>{{#nav}}<a href=\"{{url}}\">{{label}}</a>{{/nav}}</nav>\n"
    "<main>{{{content}}}</main>\n";

// One site on disk and everything handle_request needs to answer for it.
class TestSite {
public:
    explicit TestSite(const std::string& base_path = "", bool with_404_page = true) {
        d_.write("templates/layouts/page.mustache", kLayout);
        d_.write("templates/layouts/broken.mustache", "<html>\n{{#never_closed}}\n");
        d_.write("content/index.md", "---\ntitle: Home\n---\n# Welcome\n\nSee [the notes](/notes/) and ![me](/images/me.png).\n");
        d_.write("content/notes.md",
                 "---\ntitle: Notes\nredirect_from:\n  - /old-notes/\n  - /legacy/?p=12\n---\nSome notes.\n");
        if (with_404_page) d_.write("content/404.md", "---\ntitle: Not found\npermalink: /404.html\n---\nPage not found here.\n");
        d_.write("content/broken.md", "---\ntitle: ok\nbad: a: b\n---\nbody\n");
        d_.write("content/bad-layout.md", "---\ntitle: Bad layout\nlayout: broken\n---\nbody\n");
        d_.write("content/files/a.txt", "hello\n");
        d_.write("content/images/me.png", "PNG");
        cfg_.file = "folio.ini";
        cfg_.dir = d_.path();
        cfg_.content_dir = d_ / "content";
        cfg_.templates_dir = d_ / "templates";
        cfg_.site.title = "Test";
        cfg_.site.base_path = base_path;
        cfg_.nav = {{"Notes", "/notes/"}, {"Blog", "https://blog.example.org/"}};
        cfg_.redirects = {{"/ext/", "https://example.org/x?a=1", 3}, {"/withq/", "/notes/?from=old", 4}};
        site_ = folio::build_site(cfg_);
        templates_ = folio::Templates::load(cfg_.templates_dir);
    }

    Response request(const std::string& uri, const std::string& method = "GET", const std::string& query = "") {
        Request req;
        req.method = method;
        req.uri = uri;
        req.query = query.empty() ? std::string(folio::query_of(uri)) : query;
        folio::SiteView view{cfg_, site_, templates_};
        return folio::handle_request(req, view, [this](std::string_view line) { log.emplace_back(line); });
    }

    std::vector<std::string> log;

private:
    TempDir d_;
    folio::Config cfg_;
    folio::Site site_;
    folio::Templates templates_;
};

std::string location(const Response& r) {
    const std::string* l = r.header("Location");
    return l ? *l : std::string("(no Location)");
}

// uri answers a 301 to `to` (query: QUERY_STRING, when REQUEST_URI does not carry it).
void expect_redirect(TestSite& s, const std::string& uri, const std::string& to, const std::string& query = "") {
    const Response r = s.request(uri, "GET", query);
    BOOST_TEST_CONTEXT(uri << (query.empty() ? "" : " with QUERY_STRING " + query)) {
        BOOST_TEST(r.status == 301);
        BOOST_TEST(location(r) == to);
    }
}

std::string content_type(const Response& r) {
    const std::string* t = r.header("Content-Type");
    return t ? *t : std::string("(no Content-Type)");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(router)

BOOST_AUTO_TEST_CASE(page_is_200_through_the_layout) {
    TestSite s;
    Response r = s.request("/");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(content_type(r) == "text/html; charset=utf-8");
    BOOST_TEST(contains(r.body, "<title>Home</title>"), r.body);
    BOOST_TEST(contains(r.body, "<h1 id=\"welcome\">Welcome</h1>"), r.body);
    BOOST_TEST(contains(r.body, "<a href=\"/notes/\">Notes</a>"), r.body);
    BOOST_TEST(s.request("/notes/").status == 200);
    BOOST_TEST(s.request("/", "HEAD").status == 200);
}

BOOST_AUTO_TEST_CASE(redirect_is_301_and_keeps_the_query) {
    TestSite s;
    expect_redirect(s, "/old-notes/?utm=x&y=1", "/notes/?utm=x&y=1");
    expect_redirect(s, "/old-notes/", "/notes/");
    // QUERY_STRING is used when REQUEST_URI lacks it.
    expect_redirect(s, "/old-notes/", "/notes/?a=b", "a=b");
}

BOOST_AUTO_TEST_CASE(redirect_target_with_a_query_gets_the_request_query_appended) {
    TestSite s;
    expect_redirect(s, "/withq/?b=2", "/notes/?from=old&b=2");
    expect_redirect(s, "/ext/?b=2", "https://example.org/x?a=1&b=2");
}

BOOST_AUTO_TEST_CASE(redirect_registered_with_a_query_matches_only_that_query) {
    TestSite s;
    expect_redirect(s, "/legacy/?p=12", "/notes/");
    BOOST_TEST(s.request("/legacy/?p=13").status == 404);
    BOOST_TEST(s.request("/legacy/").status == 404);
}

BOOST_AUTO_TEST_CASE(missing_trailing_slash_is_301) {
    TestSite s;
    expect_redirect(s, "/notes", "/notes/");
    expect_redirect(s, "/notes?x=1", "/notes/?x=1");
    BOOST_TEST(s.request("/files/a.txt/").status == 404);
}

BOOST_AUTO_TEST_CASE(not_found_uses_the_404_page) {
    TestSite s;
    Response r = s.request("/nowhere/");
    BOOST_TEST(r.status == 404);
    BOOST_TEST(content_type(r) == "text/html; charset=utf-8");
    BOOST_TEST(contains(r.body, "Page not found here."), r.body);
    BOOST_TEST(contains(r.body, "<title>Not found</title>"), r.body);
}

BOOST_AUTO_TEST_CASE(not_found_without_a_404_page_uses_the_layout) {
    TestSite s("", false);
    Response r = s.request("/nowhere/");
    BOOST_TEST(r.status == 404);
    BOOST_TEST(contains(r.body, "<title>404 Not Found</title>"), r.body);
    BOOST_TEST(contains(r.body, "<nav>"), r.body);
}

BOOST_AUTO_TEST_CASE(other_methods_are_405_with_allow) {
    TestSite s;
    for (const char* m : {"POST", "PUT", "DELETE", "OPTIONS", "get", ""}) {
        Response r = s.request("/", m);
        BOOST_TEST_CONTEXT(m) {
            BOOST_TEST(r.status == 405);
            BOOST_TEST_REQUIRE(r.header("Allow"));
            BOOST_TEST(*r.header("Allow") == "GET, HEAD");
        }
    }
}

BOOST_AUTO_TEST_CASE(bad_paths_are_400_and_long_ones_414) {
    TestSite s;
    for (const char* uri : {"/%2e%2e/%2e%2e/etc/passwd", "/.git/config", "//etc/passwd", "/a%00b", "/a%5cb", "/%c0%ae/"}) {
        BOOST_TEST_CONTEXT(uri) { BOOST_TEST(s.request(uri).status == 400); }
    }
    BOOST_TEST(s.request("/" + std::string(10000, 'a')).status == 414);
}

BOOST_AUTO_TEST_CASE(broken_page_is_500_while_others_are_200) {
    TestSite s;
    Response r = s.request("/broken/");
    BOOST_TEST(r.status == 500);
    // The reason goes to the log, not to the visitor.
    BOOST_TEST(!contains(r.body, "broken.md"), r.body);
    BOOST_TEST(testing::any_contains(s.log, {"broken.md:3: YAML"}));
    BOOST_TEST(s.request("/").status == 200);
    BOOST_TEST(s.request("/notes/").status == 200);
}

BOOST_AUTO_TEST_CASE(page_with_a_broken_layout_is_500_while_others_are_200) {
    TestSite s;
    Response r = s.request("/bad-layout/");
    BOOST_TEST(r.status == 500);
    BOOST_TEST(testing::any_contains(s.log, {"broken.mustache:2"}));
    BOOST_TEST(s.request("/").status == 200);
}

BOOST_AUTO_TEST_CASE(static_file_is_served_with_its_type) {
    TestSite s;
    Response r = s.request("/files/a.txt");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == "hello\n");
    BOOST_TEST(content_type(r) == "text/plain; charset=utf-8");
    r = s.request("/images/me.png");
    BOOST_TEST(content_type(r) == "image/png");
}

BOOST_AUTO_TEST_CASE(generated_files_are_served) {
    TestSite s;
    Response r = s.request("/robots.txt");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(contains(content_type(r), "text/plain"));
    r = s.request("/sitemap.xml");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(contains(content_type(r), "xml"));
}

BOOST_AUTO_TEST_CASE(base_path_prefix_is_applied_to_locations_and_links) {
    TestSite s("/~u");
    Response r = s.request("/~u/");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(contains(r.body, "<a href=\"/~u/notes/\">the notes</a>"), r.body);  // Markdown link
    BOOST_TEST(contains(r.body, "src=\"/~u/images/me.png\""), r.body);             // Markdown image
    BOOST_TEST(contains(r.body, "<a href=\"/~u/notes/\">Notes</a>"), r.body);      // nav
    BOOST_TEST(contains(r.body, "<a href=\"https://blog.example.org/\">Blog</a>"), r.body);

    expect_redirect(s, "/~u", "/~u/");
    expect_redirect(s, "/~u/notes", "/~u/notes/");
    expect_redirect(s, "/~u/old-notes/?a=1", "/~u/notes/?a=1");
    expect_redirect(s, "/~u/ext/", "https://example.org/x?a=1");
    BOOST_TEST(s.request("/~u/files/a.txt").status == 200);
    BOOST_TEST(s.request("/notes/").status == 404);
    BOOST_TEST(s.request("/~ux/").status == 404);
}

BOOST_AUTO_TEST_CASE(bare_mount_prefix_redirect_keeps_the_query) {
    // README: "Every redirect keeps the request's query string."
    TestSite s("/~u");
    expect_redirect(s, "/~u?utm_source=x", "/~u/?utm_source=x");
}

BOOST_AUTO_TEST_CASE(control_character_in_the_query_is_a_client_error_not_an_exception) {
    // QUERY_STRING is raw; a redirect that would carry a control byte into Location must be
    // refused as a bad request, not escape handle_request (which the top level turns into 500).
    TestSite s;
    Response r;
    BOOST_CHECK_NO_THROW(r = s.request("/notes?x=\x01"));
    BOOST_TEST(r.status != 500);
    if (r.status == 301) BOOST_TEST(folio::header_value_ok(location(r)));
    BOOST_CHECK_NO_THROW(r = s.request("/old-notes/", "GET", "a=\tb"));
    BOOST_TEST(r.status != 500);
}

BOOST_AUTO_TEST_CASE(error_pages_do_not_reflect_the_request_unescaped) {
    TestSite s("", false);
    Response r = s.request("/<script>alert(1)</script>/");
    BOOST_TEST(r.status == 404);
    BOOST_TEST(!contains(r.body, "<script>"), r.body);
}

BOOST_AUTO_TEST_SUITE_END()
