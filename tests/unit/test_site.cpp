// site: build_site on a temporary content tree -> the routing table, warnings and errors.
#include <boost/test/unit_test.hpp>

#include <initializer_list>
#include <string>
#include <utility>

#include "config.h"
#include "helpers.h"
#include "site.h"

using folio::Config;
using folio::Route;
using folio::RouteKind;
using folio::Site;
using testing::TempDir;
using testing::any_contains;
using testing::contains;

namespace {

Config config_for(const TempDir& d) {
    Config c;
    c.file = "folio.ini";
    c.dir = d.path();
    c.content_dir = d / "content";
    c.templates_dir = d / "templates";
    return c;
}

// The page a route serves, by its file below content/ ("" when it is not a page route).
std::string page_rel(const Site& s, const std::string& url) {
    const Route* r = s.find(url);
    if (!r || r->kind != RouteKind::Page) return "";
    return s.pages[r->page].rel;
}

std::string joined(const std::vector<folio::Problem>& v) {
    std::string out;
    for (const auto& p : v) out += p.text() + "\n";
    return out;
}

// d with files (path below d, text) written, as build_site indexes it.
Site build(const TempDir& d, std::initializer_list<std::pair<std::string, std::string>> files) {
    for (const auto& [rel, text] : files) d.write(rel, text);
    return folio::build_site(config_for(d));
}

// Some line of list (a site's warnings or errors) holds every needle; the message shows them all.
void expect_line(const std::vector<folio::Problem>& list, std::initializer_list<std::string> needles) {
    BOOST_TEST(any_contains(list, needles), joined(list));
}

// No line of list holds every needle.
void expect_no_line(const std::vector<folio::Problem>& list, std::initializer_list<std::string> needles) {
    BOOST_TEST(!any_contains(list, needles), joined(list));
}

// A small site with a page of each kind.
struct Fixture {
    TempDir d;
    Config cfg = config_for(d);
    Site site;

    Fixture() {
        d.write("content/index.md", "---\ntitle: Home\n---\nWelcome\n");
        d.write("content/about.md", "---\ntitle: About\npermalink: /about-me/\nredirect_from:\n  - /about/\n  - /bio.html\n---\n");
        d.write("content/notes/index.md", "# Notes\n");
        d.write("content/notes/first.md", "---\ntitle: First\n---\n");
        d.write("content/_publications/old.md", "---\ntitle: Old\ndate: 2020-01-01\n---\n");
        d.write("content/_publications/new.md", "---\ntitle: New\ndate: 2024-05-01\n---\n");
        d.write("content/_publications/mid.md", "---\ntitle: Mid\nyear: 2022\n---\n");
        d.write("content/_publications/hidden.md", "---\ntitle: Hidden\ndate: 2025-01-01\npublished: false\n---\n");
        d.write("content/files/paper.pdf", "%PDF-1.4\n");
        d.write("content/images/me.png", "PNG");
        d.write("content/_private/secret.txt", "secret");
        d.write("content/files/_drafts/x.txt", "draft");
        d.write("content/files/_drafts/x.md", "# draft page\n");
        d.write("content/.git/config", "[core]\n");
        d.write("content/.htaccess", "Deny from all\n");
        d.write("content/files/.env", "KEY=1\n");
        d.write("content/.hidden.md", "# hidden\n");
        d.write("content/draft.md", "---\ntitle: Draft\npublished: false\n---\n");
        d.write("content/broken.md", "---\ntitle: ok\nbad: a: b\n---\nbody\n");
        d.write("templates/assets/folio.css", "body{}\n");
        d.write("outside/secret.txt", "outside");
        d.symlink(d / "outside/secret.txt", "content/leak.txt");
        d.symlink(d / "outside", "content/leakdir");
        d.symlink("../files/paper.pdf", "content/images/paper-link.pdf");
        cfg.redirects.push_back({"/gone/", "/notes/", 7});
        site = folio::build_site(cfg);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(site)

BOOST_FIXTURE_TEST_CASE(pages_answer_at_their_urls, Fixture) {
    BOOST_TEST(page_rel(site, "/") == "index.md");
    BOOST_TEST(page_rel(site, "/about-me/") == "about.md");
    BOOST_TEST(page_rel(site, "/notes/") == "notes/index.md");
    BOOST_TEST(page_rel(site, "/notes/first/") == "notes/first.md");
    BOOST_TEST(page_rel(site, "/publications/new/") == "_publications/new.md");
    BOOST_TEST(site.pages[site.find("/")->page].source == d / "content/index.md");
}

BOOST_FIXTURE_TEST_CASE(collections_are_sorted_newest_first, Fixture) {
    auto it = site.collections.find("publications");
    BOOST_TEST_REQUIRE((it != site.collections.end()));
    std::vector<std::string> order;
    for (std::size_t i : it->second) order.push_back(folio::page_stem(site.pages[i]));
    // "hidden" is not published; "mid" has only a year.
    std::vector<std::string> expected{"new", "mid", "old"};
    BOOST_TEST(order == expected, boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(static_files_are_routed, Fixture) {
    const Route* pdf = site.find("/files/paper.pdf");
    BOOST_TEST_REQUIRE(pdf);
    BOOST_TEST((pdf->kind == RouteKind::Static));
    BOOST_TEST(contains(pdf->file, "/content/files/paper.pdf"), pdf->file);
    BOOST_TEST(site.find("/images/me.png"));
    // Theme assets are served below /assets/.
    const Route* css = site.find("/assets/folio.css");
    BOOST_TEST_REQUIRE(css);
    BOOST_TEST((css->kind == RouteKind::Static));
    // A link that stays inside content/ is served.
    BOOST_TEST(site.find("/images/paper-link.pdf"));
}

BOOST_FIXTURE_TEST_CASE(underscore_folders_and_dot_files_are_not_routed, Fixture) {
    for (const char* url : {"/_private/secret.txt", "/private/secret.txt", "/files/_drafts/x.txt", "/files/_drafts/x/",
                            "/files/drafts/x/", "/.git/config", "/.htaccess", "/files/.env", "/.hidden/", "/hidden/"}) {
        BOOST_TEST_CONTEXT(url) { BOOST_TEST(!site.find(url)); }
    }
    for (const auto& [url, route] : site.routes) {
        BOOST_TEST_CONTEXT(url) {
            BOOST_TEST(!contains(url, "secret"));
            BOOST_TEST(!contains(url, "/."));
            BOOST_TEST(!contains(route.file, "_private"));
        }
    }
}

BOOST_AUTO_TEST_CASE(markdown_files_starting_with_underscore_are_not_routed) {
    // README: "Nothing whose path has a segment that starts with _ or . is served" (Jekyll
    // skips such files too). Only a top-level _folder is a collection.
    TempDir d;
    Site s = build(d, {{"content/index.md", "home\n"},
                       {"content/notes/_draft.md", "---\ntitle: Draft\n---\nunfinished\n"},
                       {"content/_template.md", "---\ntitle: Template\n---\n"}});
    BOOST_TEST(page_rel(s, "/notes/_draft/") == "");
    BOOST_TEST(page_rel(s, "/notes/draft/") == "");
    BOOST_TEST(page_rel(s, "/template/") == "");
    BOOST_TEST(page_rel(s, "/_template/") == "");
}

BOOST_FIXTURE_TEST_CASE(symlink_outside_content_is_not_routed_and_warned, Fixture) {
    BOOST_TEST(!site.find("/leak.txt"));
    BOOST_TEST(!site.find("/leakdir/secret.txt"));
    expect_line(site.warnings, {"leak.txt", "symbolic link"});
    expect_line(site.warnings, {"leakdir", "symbolic link"});
}

BOOST_AUTO_TEST_CASE(symlink_to_a_sibling_with_a_common_prefix_is_outside) {
    // realpath "content-private/x" starts with "content" but is not beneath "content/".
    TempDir d;
    d.write("content/index.md", "home\n");
    d.write("content-private/x.txt", "private");
    d.symlink("../content-private/x.txt", "content/x.txt");
    Site s = folio::build_site(config_for(d));
    BOOST_TEST(!s.find("/x.txt"));
    expect_line(s.warnings, {"x.txt", "symbolic link"});
}

BOOST_FIXTURE_TEST_CASE(redirect_from_and_config_redirects_are_routes, Fixture) {
    const Route* about = site.find("/about/");
    BOOST_TEST_REQUIRE(about);
    BOOST_TEST((about->kind == RouteKind::Redirect));
    BOOST_TEST(about->target == "/about-me/");
    BOOST_TEST(about->origin == d / "content/about.md:5");
    const Route* bio = site.find("/bio.html");
    BOOST_TEST_REQUIRE(bio);
    BOOST_TEST(bio->target == "/about-me/");
    BOOST_TEST(bio->origin == d / "content/about.md:6");
    const Route* gone = site.find("/gone/");
    BOOST_TEST_REQUIRE(gone);
    BOOST_TEST((gone->kind == RouteKind::Redirect));
    BOOST_TEST(gone->target == "/notes/");
    BOOST_TEST(gone->origin == "folio.ini:7");
}

BOOST_FIXTURE_TEST_CASE(unpublished_pages_are_not_routed, Fixture) {
    BOOST_TEST(!site.find("/draft/"));
    BOOST_TEST(!site.find("/publications/hidden/"));
}

BOOST_FIXTURE_TEST_CASE(broken_page_is_routed_and_listed_in_errors, Fixture) {
    // Routed, so that it answers 500 rather than 404.
    BOOST_TEST(page_rel(site, "/broken/") == "broken.md");
    expect_line(site.errors, {d / "content/broken.md:3:"});
}

BOOST_FIXTURE_TEST_CASE(generated_files_are_routed, Fixture) {
    for (const char* url : {"/sitemap.xml", "/robots.txt", "/feed.xml"}) {
        const Route* r = site.find(url);
        BOOST_TEST_CONTEXT(url) {
            BOOST_TEST_REQUIRE(r);
            BOOST_TEST((r->kind == RouteKind::Generated));
        }
    }
}

BOOST_FIXTURE_TEST_CASE(a_clean_site_has_no_spurious_problems, Fixture) {
    // Only the two links that leave content/ warn; only broken.md is an error.
    BOOST_TEST(site.warnings.size() == 2u, joined(site.warnings));
    BOOST_TEST(site.errors.size() == 1u, joined(site.errors));
}

BOOST_AUTO_TEST_CASE(two_pages_with_one_url_warn_naming_both_and_the_first_wins) {
    TempDir d;
    Site s = build(d, {{"content/a.md", "---\ntitle: A\npermalink: /same/\n---\n"},
                       {"content/b.md", "---\ntitle: B\npermalink: /same/\n---\n"}});
    BOOST_TEST(page_rel(s, "/same/") == "a.md");
    expect_line(s.warnings, {"a.md", "b.md", "/same/"});
    // Deterministic: the same answer on every build.
    for (int i = 0; i < 3; ++i) BOOST_TEST(page_rel(folio::build_site(config_for(d)), "/same/") == "a.md");
}

BOOST_AUTO_TEST_CASE(page_and_derived_url_collide) {
    TempDir d;
    Site s = build(d, {{"content/x.md", "# x.md\n"},
                       {"content/x/index.md", "# x/index.md\n"}});
    BOOST_TEST(page_rel(s, "/x/") != "");
    expect_line(s.warnings, {"x.md", "x/index.md", "/x/"});
}

BOOST_AUTO_TEST_CASE(redirect_from_a_page_url_warns_and_the_page_wins) {
    TempDir d;
    Site s = build(d, {{"content/notes.md", "# Notes\n"},
                       {"content/c.md", "---\ntitle: C\nredirect_from: /notes/\n---\n"}});
    BOOST_TEST(page_rel(s, "/notes/") == "notes.md");
    expect_line(s.warnings, {d / "content/c.md:3", "/notes/", "notes.md"});
}

BOOST_AUTO_TEST_CASE(config_redirect_from_a_page_url_warns_with_its_ini_line) {
    TempDir d;
    d.write("content/notes.md", "# Notes\n");
    Config c = config_for(d);
    c.redirects.push_back({"/notes/", "/elsewhere/", 12});
    Site s = folio::build_site(c);
    BOOST_TEST(page_rel(s, "/notes/") == "notes.md");
    expect_line(s.warnings, {"folio.ini:12", "/notes/"});
}

BOOST_AUTO_TEST_CASE(redirect_loops_are_errors) {
    TempDir d;
    d.write("content/index.md", "home\n");
    d.write("content/l1.md", "---\nredirect_to: /l2/\n---\n");
    d.write("content/l2.md", "---\nredirect_to: /l1/\n---\n");
    Config c = config_for(d);
    c.redirects.push_back({"/self/", "/self/", 3});
    c.redirects.push_back({"/r1/", "/r2/", 4});
    c.redirects.push_back({"/r2/", "/r1/", 5});
    Site s = folio::build_site(c);
    expect_line(s.errors, {"l1.md:2", "loop"});
    expect_line(s.errors, {"folio.ini:3", "/self/", "loop"});
    expect_line(s.errors, {"folio.ini:4", "/r1/", "loop"});
}

BOOST_AUTO_TEST_CASE(redirect_to_nowhere_and_chains_warn) {
    TempDir d;
    d.write("content/index.md", "home\n");
    d.write("content/target.md", "# target\n");
    Config c = config_for(d);
    c.redirects.push_back({"/dead/", "/nowhere/", 2});
    c.redirects.push_back({"/hop1/", "/hop2/", 3});
    c.redirects.push_back({"/hop2/", "/target/", 4});
    c.redirects.push_back({"/out/", "https://example.org/", 5});
    c.redirects.push_back({"/noslash/", "/target", 6});
    Site s = folio::build_site(c);
    expect_line(s.warnings, {"folio.ini:2", "/nowhere/"});
    expect_line(s.warnings, {"folio.ini:3", "hops"});
    expect_no_line(s.warnings, {"folio.ini:5"});
    expect_no_line(s.warnings, {"folio.ini:6"});
    BOOST_TEST(s.errors.empty(), joined(s.errors));
}

BOOST_AUTO_TEST_CASE(redirect_with_a_query_is_its_own_route) {
    TempDir d;
    Site s = build(d, {{"content/post.md", "---\nredirect_from: /old/?p=12\n---\n"}});
    const Route* r = s.find("/old/?p=12");
    BOOST_TEST_REQUIRE(r);
    BOOST_TEST(r->target == "/post/");
    BOOST_TEST(!s.find("/old/"));
}

BOOST_AUTO_TEST_CASE(content_file_wins_over_a_theme_asset) {
    TempDir d;
    Site s = build(d, {{"content/assets/folio.css", "/* mine */"},
                       {"templates/assets/folio.css", "/* theme */"}});
    const Route* r = s.find("/assets/folio.css");
    BOOST_TEST_REQUIRE(r);
    BOOST_TEST(contains(r->file, "/content/assets/folio.css"), r->file);
}

BOOST_AUTO_TEST_CASE(missing_content_folder_is_an_error_not_a_throw) {
    TempDir d;
    Site s;
    BOOST_CHECK_NO_THROW(s = folio::build_site(config_for(d)));
    expect_line(s.errors, {"content"});
    BOOST_TEST(s.pages.empty());
}

BOOST_AUTO_TEST_CASE(not_found_page_is_remembered) {
    TempDir d;
    Site s = build(d, {{"content/404.md", "---\npermalink: /404.html\n---\nNot here.\n"}});
    BOOST_TEST_REQUIRE(s.not_found_page != folio::kNoPage);
    BOOST_TEST(s.pages[s.not_found_page].rel == "404.md");
}

BOOST_AUTO_TEST_CASE(content_type_for_by_extension) {
    using folio::content_type_for;
    testing::expect_each([](const std::string& in) { return content_type_for(in); },
                          {{"paper.pdf", "application/pdf"},
                           {"/a/b/ME.PNG", "image/png"},
                           {"photo.jpeg", "image/jpeg"},
                           {"style.css", "text/css; charset=utf-8"},
                           {"index.html", "text/html; charset=utf-8"},
                           {"logo.svg", "image/svg+xml"},
                           {"paper.bib", "text/x-bibtex; charset=utf-8"},
                           {"README", "application/octet-stream"},
                           {"dir.d/file", "application/octet-stream"},
                           {"archive.xyz", "application/octet-stream"},
                           {"trailing.", "application/octet-stream"}});
}

BOOST_AUTO_TEST_CASE(bibtex_url_and_normalize_path) {
    BOOST_TEST(folio::bibtex_url("/publications/dsp/") == "/publications/dsp.bib");
    BOOST_TEST(folio::bibtex_url("/publications/dsp.html") == "/publications/dsp.bib");
    testing::expect_each([](const std::string& in) { return folio::normalize_path(in); },
                          {{"a/b/../c", "a/c"},
                           {"/a/./b//c/", "/a/b/c"},
                           {"/../a", "/a"},
                           {"../a", "../a"},
                           {"", "."}});
}

BOOST_AUTO_TEST_SUITE_END()
