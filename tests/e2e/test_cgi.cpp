// End-to-end: the real binary run as a CGI, as a web server would run it.
#define BOOST_TEST_MODULE folio end-to-end
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include "cgi_runner.h"
#include "response_checks.h"

using e2e::cgi;

namespace {

const char* kIds[] = {"DSP", "PAB", "AutoChunk", "HeteGen", "FastFold"};

void check_html(const e2e::Result& r) {
    BOOST_TEST(r.header("Content-Type") == "text/html; charset=utf-8");
    BOOST_TEST(r.header("Content-Length") == std::to_string(r.body.size()));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(must_show)

BOOST_AUTO_TEST_CASE(home_is_the_about_page_in_the_layout_with_sidebar) {
    auto r = cgi("/");
    BOOST_TEST(r.status == 200);
    check_html(r);
    BOOST_TEST(r.body.find("<!DOCTYPE html>") == 0u);
    e2e::expect_in(r.body, {"Hello! I am a first-year PhD student",
                            "class=\"sidebar",
                            "Xuanlei Zhao",
                            "https://github.com/oahzxl",
                            "scholar.google.com/citations?user=I5NBOacAAAAJ"});
    // The About page's own raw <a> links survive; those to the site's own address are local.
    BOOST_TEST(r.body.find("<a href=\"/publications/#DSP\">DSP</a>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(about_urls_redirect_home) {
    for (const char* uri : {"/about/", "/about.html"}) {
        auto r = cgi(uri);
        BOOST_TEST_CONTEXT(uri) {
            e2e::expect_redirect(r, "/");
        }
    }
}

BOOST_AUTO_TEST_CASE(redirect_keeps_query_string) {
    e2e::expect_redirect(cgi("/about/?utm=x&y=1"), "/?utm=x&y=1");
}

BOOST_AUTO_TEST_CASE(publications_lists_five_ids) {
    auto r = cgi("/publications/");
    BOOST_TEST(r.status == 200);
    check_html(r);
    for (const char* id : kIds) BOOST_TEST(r.body.find(std::string("id=\"") + id + "\"") != std::string::npos, id);
    // Newest first: DSP (ICML 2025) before FastFold (PPoPP 2024).
    BOOST_TEST(r.body.find("id=\"DSP\"") < r.body.find("id=\"FastFold\""));
}

BOOST_AUTO_TEST_CASE(publications_without_slash_redirects) {
    e2e::expect_redirect(cgi("/publications"), "/publications/");
}

BOOST_AUTO_TEST_CASE(unknown_path_is_404_with_the_404_page) {
    auto r = cgi("/nowhere/");
    BOOST_TEST(r.status == 404);
    check_html(r);
    BOOST_TEST(r.body.find("Page not found") != std::string::npos);
    BOOST_TEST(r.body.find("class=\"masthead") != std::string::npos);  // through the layout
}

BOOST_AUTO_TEST_CASE(post_is_405_with_allow) {
    for (const char* m : {"POST", "PUT", "DELETE", "OPTIONS", "BREW"}) {
        auto r = cgi("/", m);
        BOOST_TEST_CONTEXT(m) {
            BOOST_TEST(r.status == 405);
            BOOST_TEST(r.header("Allow") == "GET, HEAD");
        }
    }
}

BOOST_AUTO_TEST_CASE(head_has_headers_and_no_body) {
    auto get = cgi("/publications/");
    auto head = cgi("/publications/", "HEAD");
    BOOST_TEST(head.status == 200);
    BOOST_TEST(head.body.empty());
    BOOST_TEST(head.header("Content-Length") == get.header("Content-Length"));
}

BOOST_AUTO_TEST_CASE(publication_item_pages_exist) {
    auto r = cgi("/publications/2025-dsp/");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.find("Dynamic Sequence Parallelism") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(static_files_have_their_type) {
    auto svg = cgi("/images/avatar.svg");
    BOOST_TEST(svg.status == 200);
    BOOST_TEST(svg.header("Content-Type") == "image/svg+xml");
    auto css = cgi("/assets/folio.css");
    BOOST_TEST(css.status == 200);
    BOOST_TEST(css.header("Content-Type") == "text/css; charset=utf-8");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(bad_paths)

// HACKING.md, server fact 5: what reaches the program and must be refused by it.
BOOST_AUTO_TEST_CASE(nothing_outside_content_is_served) {
    e2e::SiteCopy site;
    site.write("canary.txt", "CANARY-7f3a outside content\n");
    site.write("content/../content-private/secret.txt", "CANARY-7f3a private\n");
    BOOST_REQUIRE(symlink((site.dir + "/canary.txt").c_str(), (site.dir + "/content/leak.txt").c_str()) == 0);
    BOOST_REQUIRE(symlink(site.dir.c_str(), (site.dir + "/content/up").c_str()) == 0);
    const char* uris[] = {
        "/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e/canary.txt", "/%2E%2E/canary.txt", "/..%2fcanary.txt",
        "/%252e%252e/canary.txt", "/leak.txt", "/up/canary.txt", "/%2e%2e/content-private/secret.txt",
        "/images/..%5c..%5ccanary.txt", "/a\\b", "/%5c..%5ccanary.txt", "/%00", "/a%00b/", "/x%0d%0aSet-Cookie:%20a=b",
        "/%c0%ae%c0%ae/canary.txt", "/%ff/", "/%e0%80%af/", "/.git/config", "/.htaccess", "/a//b/", "/./",
        "http://evil.example/%2e%2e/canary.txt", "/publications/%2e%2e/%2e%2e/canary.txt", "/%",
    };
    for (const char* uri : uris) {
        auto r = cgi(uri, "GET", site.config);
        BOOST_TEST_CONTEXT(uri) {
            BOOST_TEST(r.exit_code == 0);
            BOOST_TEST(r.status >= 400);
            BOOST_TEST(r.status < 500);
            BOOST_TEST(r.out.find("CANARY-7f3a") == std::string::npos);
            BOOST_TEST(r.out.find("root:") == std::string::npos);
            BOOST_TEST(r.out.find("Set-Cookie") == std::string::npos);
        }
    }
    BOOST_TEST(e2e::run({"--check", "--config", site.config}, {}).out.find("leak.txt") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(long_paths_are_refused_quickly) {
    std::string longpath = "/" + std::string(10240, 'a') + "/";
    BOOST_TEST(cgi(longpath).status == 414);
    std::string deep;
    for (int i = 0; i < 1000; ++i) deep += "/a";
    BOOST_TEST(cgi(deep + "/").status == 400);
}

BOOST_AUTO_TEST_CASE(private_files_are_not_served) {
    // Files in '_' folders are sources, not static files.
    BOOST_TEST(cgi("/_publications/papers.bib").status == 404);
    BOOST_TEST(cgi("/about.md").status == 404);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(check_passes_on_the_default_site) {
    auto r = e2e::run({"--check"}, {});
    BOOST_TEST(r.exit_code == 0, r.out + r.err);
    BOOST_TEST(r.out.find("0 errors") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(broken_front_matter_is_named_and_other_pages_keep_working) {
    e2e::SiteCopy site;
    site.write("content/broken.md", "---\ntitle: ok\nredirect_from: [unclosed\npermalink: /broken/\n---\nbody\n");
    site.write("content/wrongtype.md", "---\ntitle: x\nredirect_from:\n  a: b\n---\nbody\n");
    auto check = e2e::run({"--check", "--config", site.config}, {});
    BOOST_TEST(check.exit_code != 0);
    BOOST_TEST(check.out.find("content/broken.md:") != std::string::npos, check.out);
    BOOST_TEST(check.out.find("content/wrongtype.md:4: redirect_from: expected a string or a list") != std::string::npos,
               check.out);

    auto broken = cgi("/broken/", "GET", site.config);
    BOOST_TEST(broken.status == 500);
    BOOST_TEST(broken.err.find("content/broken.md:") != std::string::npos, broken.err);
    BOOST_TEST(broken.err.find('\n') == broken.err.size() - 1);  // one log line
    BOOST_TEST(cgi("/", "GET", site.config).status == 200);
    BOOST_TEST(cgi("/publications/", "GET", site.config).status == 200);
}

BOOST_AUTO_TEST_CASE(broken_template_is_a_500_naming_the_template) {
    e2e::SiteCopy site;
    site.write("templates/layouts/single.mustache", "<html>\n<body>\n{{#page.title}}\n</body>\n");
    auto item = cgi("/publications/2025-dsp/", "GET", site.config);
    BOOST_TEST(item.status == 500);
    BOOST_TEST(item.err.find("single.mustache:3:") != std::string::npos, item.err);
    BOOST_TEST(cgi("/", "GET", site.config).status == 200);
    auto check = e2e::run({"--check", "--config", site.config}, {});
    BOOST_TEST(check.exit_code != 0);
    BOOST_TEST(check.out.find("single.mustache:3:") != std::string::npos, check.out);
}

BOOST_AUTO_TEST_CASE(bad_configuration_names_the_line) {
    e2e::SiteCopy site;
    site.write("cgi-bin/folio.ini", "[site]\ntitle = x\n\n[sight]\nurl = https://a\n");
    auto r = e2e::run({"--check", "--config", site.config}, {});
    BOOST_TEST(r.exit_code != 0);
    BOOST_TEST(r.err.find("folio.ini:5: unknown section [sight]") != std::string::npos, r.err);
    // Under a web server the client still gets an HTTP answer.
    auto c = cgi("/", "GET", site.config);
    BOOST_TEST(c.status == 500);
    BOOST_TEST(c.err.find("folio.ini:5:") != std::string::npos);

    site.write("cgi-bin/folio.ini", "[site]\ntitle = x\n[author]\nbio = " + std::string(20000, 'b') + "\n");
    r = e2e::run({"--check", "--config", site.config}, {});
    BOOST_TEST(r.exit_code != 0);
    BOOST_TEST(r.err.find("folio.ini:4: line longer than") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(conflicts_are_logged_and_the_site_still_serves) {
    e2e::SiteCopy site;
    site.write("content/dup.md", "---\ntitle: Dup\npermalink: /publications/\n---\nx\n");
    site.write("content/loop.md", "---\ntitle: Loop\nredirect_to: /loop-b/\npermalink: /loop-a/\n---\n");
    site.write("content/loop2.md", "---\ntitle: Loop2\nredirect_to: /loop-a/\npermalink: /loop-b/\n---\n");
    site.write("content/shadow.md", "---\ntitle: Shadow\nredirect_from: /publications/\n---\n");
    auto check = e2e::run({"--check", "--config", site.config}, {});
    BOOST_TEST(check.out.find("/publications/ is already") != std::string::npos, check.out);
    BOOST_TEST(check.out.find("content/shadow.md:3:") != std::string::npos, check.out);
    BOOST_TEST(check.out.find("loops back") != std::string::npos, check.out);
    BOOST_TEST(cgi("/publications/", "GET", site.config).status == 200);
    BOOST_TEST(cgi("/", "GET", site.config).status == 200);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(modes)

BOOST_AUTO_TEST_CASE(render_prints_a_full_response) {
    auto r = e2e::run({"--render", "/publications"}, {});
    BOOST_TEST(r.exit_code == 0);
    e2e::expect_redirect(r, "/publications/");
}

BOOST_AUTO_TEST_CASE(help_and_version) {
    auto h = e2e::run({"--help"}, {});
    BOOST_TEST(h.exit_code == 0);
    BOOST_TEST(h.out.find("--check") != std::string::npos);
    auto v = e2e::run({"--version"}, {});
    BOOST_TEST(v.exit_code == 0);
    BOOST_TEST(v.out.rfind("folio ", 0) == 0u);
    BOOST_TEST(e2e::run({"--bogus"}, {}).exit_code == 2);
}

BOOST_AUTO_TEST_CASE(prefix_mount_prefixes_every_link_and_redirect) {
    e2e::SiteCopy site;
    site.set_base_path("/~xz");
    site.write("content/links.md", "---\ntitle: Links\n---\n[pubs](/publications/#DSP) ![me](/images/avatar.svg)\n");
    auto home = cgi("/~xz/", "GET", site.config);
    BOOST_TEST(home.status == 200);
    BOOST_TEST(home.body.find("href=\"/assets/") == std::string::npos);
    BOOST_TEST(home.body.find("href=\"/~xz/assets/folio.css\"") != std::string::npos);
    BOOST_TEST(home.body.find("href=\"/~xz/publications/\"") != std::string::npos);
    auto links = cgi("/~xz/links/", "GET", site.config);
    BOOST_TEST(links.body.find("href=\"/~xz/publications/#DSP\"") != std::string::npos, links.body);
    BOOST_TEST(links.body.find("src=\"/~xz/images/avatar.svg\"") != std::string::npos);
    // No href or src anywhere starts with a bare "/" (other than the prefix).
    for (const auto& r : {home, links, cgi("/~xz/publications/", "GET", site.config)}) {
        for (const char* attr : {"href=\"/", "src=\"/"}) {
            std::size_t pos = 0;
            while ((pos = r.body.find(attr, pos)) != std::string::npos) {
                pos += std::strlen(attr);
                BOOST_TEST(r.body.compare(pos, 3, "~xz") == 0, r.body.substr(pos - 6, 40));
            }
        }
    }
    BOOST_TEST(cgi("/~xz/about/", "GET", site.config).header("Location") == "/~xz/");
    BOOST_TEST(cgi("/~xz/publications", "GET", site.config).header("Location") == "/~xz/publications/");
    BOOST_TEST(cgi("/~xz", "GET", site.config).header("Location") == "/~xz/");
    BOOST_TEST(cgi("/publications/", "GET", site.config).status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
