// config: folio.ini text -> Config; every error names folio.ini:LINE.
#include <boost/test/unit_test.hpp>

#include <string>

#include "config.h"
#include "error.h"
#include "helpers.h"

using folio::Config;
using folio::parse_config;
using testing::contains;
using testing::starts_with;

namespace {

Config parse(const std::string& text, const std::string& dir = "/srv/site/cgi-bin") {
    return parse_config(text, "folio.ini", dir);
}

// The message parse_config throws for text; "" when it does not throw.
std::string error_of(const std::string& text) {
    try {
        parse(text);
    } catch (const folio::Error& e) {
        return e.what();
    }
    return "";
}

// text is refused with an error that names folio.ini:line (and holds `mentions`, when given).
void expect_error_at(const std::string& text, int line, const std::string& mentions = "") {
    const std::string e = error_of(text);
    BOOST_TEST_CONTEXT(text.substr(0, 120)) {
        BOOST_TEST(starts_with(e, "folio.ini:" + std::to_string(line) + ":"), e.substr(0, 200));
        if (!mentions.empty()) BOOST_TEST(contains(e, mentions), e.substr(0, 200));
    }
}

const folio::ProfileLink* link(const Config& c, const std::string& key) {
    for (const auto& l : c.author.links)
        if (l.key == key) return &l;
    return nullptr;
}

const char* kFull = R"([site]
title = Jane Doe
url = https://example.org/
base_path = /~jane/
description = Research on things
language = de

[author]
name = Jane Doe
avatar = jane.png
bio = Professor of Things
location = Berlin
employer = Example University
email = jane@example.org
aliases = J. Doe,  Jane D. ,
github = janedoe
scholar = AbC-123_x
orcid = 0000-0002-1825-0097
homepage = https://jane.example.org/
mastodon = https://mastodon.social/@jane

[nav]
About = /
Publications = /publications/
Blog = https://blog.example.org/

[redirects]
/old/ = /new/
/gone.html = https://elsewhere.example/

[paths]
content = ../my-content
templates = /opt/folio/templates
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(every_section_is_read) {
    Config c = parse(kFull);
    BOOST_TEST(c.file == "folio.ini");
    BOOST_TEST(c.dir == "/srv/site/cgi-bin");
    BOOST_TEST(c.site.title == "Jane Doe");
    BOOST_TEST(c.site.url == "https://example.org");
    BOOST_TEST(c.site.base_path == "/~jane");
    BOOST_TEST(c.site.description == "Research on things");
    BOOST_TEST(c.site.language == "de");
    BOOST_TEST(c.author.name == "Jane Doe");
    BOOST_TEST(c.author.avatar == "jane.png");
    BOOST_TEST(c.author.bio == "Professor of Things");
    BOOST_TEST(c.author.location == "Berlin");
    BOOST_TEST(c.author.employer == "Example University");
    BOOST_TEST(c.author.email == "jane@example.org");
    BOOST_TEST(c.author.aliases.size() == 2u);
    if (c.author.aliases.size() == 2) {
        BOOST_TEST(c.author.aliases[0] == "J. Doe");
        BOOST_TEST(c.author.aliases[1] == "Jane D.");
    }
    BOOST_TEST_REQUIRE(c.nav.size() == 3u);
    BOOST_TEST(c.nav[0].label == "About");
    BOOST_TEST(c.nav[0].url == "/");
    BOOST_TEST(c.nav[1].label == "Publications");
    BOOST_TEST(c.nav[1].url == "/publications/");
    BOOST_TEST(c.nav[2].url == "https://blog.example.org/");
    BOOST_TEST_REQUIRE(c.redirects.size() == 2u);
    BOOST_TEST(c.redirects[0].from == "/old/");
    BOOST_TEST(c.redirects[0].to == "/new/");
    BOOST_TEST(c.redirects[1].from == "/gone.html");
    BOOST_TEST(c.redirects[1].to == "https://elsewhere.example/");
    BOOST_TEST(c.content_dir == "/srv/site/cgi-bin/../my-content");
    BOOST_TEST(c.templates_dir == "/opt/folio/templates");
}

BOOST_AUTO_TEST_CASE(defaults_without_sections) {
    Config c = parse("");
    BOOST_TEST(c.site.language == "en");
    BOOST_TEST(c.site.base_path == "");
    BOOST_TEST(c.site.url == "");
    BOOST_TEST(c.content_dir == "/srv/site/cgi-bin/../content");
    BOOST_TEST(c.templates_dir == "/srv/site/cgi-bin/../templates");
    BOOST_TEST(c.author.links.empty());
    BOOST_TEST(c.nav.empty());
}

BOOST_AUTO_TEST_CASE(bib_permalink_has_a_default_and_is_read) {
    BOOST_TEST(parse("").site.bib_permalink == "/:collection/:key/");
    BOOST_TEST(parse("[site]\nbib_permalink = /:collection/:year-:slug/\n").site.bib_permalink == "/:collection/:year-:slug/");
    BOOST_TEST(error_of("[site]\nbib_permalink = /x/\n") == "");
}

BOOST_AUTO_TEST_CASE(profile_keys_become_full_links_in_sidebar_order) {
    Config c = parse(kFull);
    const auto* gh = link(c, "github");
    BOOST_TEST_REQUIRE(gh);
    BOOST_TEST(gh->url == "https://github.com/janedoe");
    BOOST_TEST(gh->label == "GitHub");
    const auto* sc = link(c, "scholar");
    BOOST_TEST_REQUIRE(sc);
    BOOST_TEST(sc->url == "https://scholar.google.com/citations?user=AbC-123_x");
    BOOST_TEST(sc->label == "Google Scholar");
    const auto* orcid = link(c, "orcid");
    BOOST_TEST_REQUIRE(orcid);
    BOOST_TEST(orcid->url == "https://orcid.org/0000-0002-1825-0097");
    const auto* home = link(c, "homepage");
    BOOST_TEST_REQUIRE(home);
    BOOST_TEST(home->url == "https://jane.example.org/");
    const auto* masto = link(c, "mastodon");
    BOOST_TEST_REQUIRE(masto);
    BOOST_TEST(masto->url == "https://mastodon.social/@jane");
    // The sidebar's order is the table's (homepage, scholar, orcid, github, ...), not the file's.
    BOOST_TEST_REQUIRE(c.author.links.size() == 5u);
    BOOST_TEST(c.author.links[0].key == "homepage");
    BOOST_TEST(c.author.links[1].key == "scholar");
    BOOST_TEST(c.author.links[2].key == "orcid");
    BOOST_TEST(c.author.links[3].key == "github");
    BOOST_TEST(c.author.links[4].key == "mastodon");
}

BOOST_AUTO_TEST_CASE(profile_full_url_is_kept_and_bad_values_are_errors) {
    Config c = parse("[author]\ngithub = https://github.com/other\n");
    BOOST_TEST_REQUIRE(link(c, "github"));
    BOOST_TEST(link(c, "github")->url == "https://github.com/other");
    // An empty value leaves the link out.
    BOOST_TEST(parse("[author]\ngithub =\n").author.links.empty());
    expect_error_at("[author]\ngithub = jane doe\n", 2);
    expect_error_at("[author]\ngithub = javascript:alert(1)\n", 2);
    // dblp and mastodon accept only a full URL.
    expect_error_at("[author]\n\ndblp = janedoe\n", 3);
    expect_error_at("[author]\ngithub = https://github.com/a b\n", 2);
}

BOOST_AUTO_TEST_CASE(unknown_section_names_its_line) {
    expect_error_at("[site]\ntitle = x\n\n[colours]\nbackground = red\n", 5, "colours");
}

BOOST_AUTO_TEST_CASE(unknown_key_names_its_line) {
    expect_error_at("; comment\n[site]\ntitle = x\ncolour = red\n", 4, "colour");
    expect_error_at("[author]\nname = x\nfacebook = jane\n", 3);
    expect_error_at("[paths]\ncontent = x\nstatic = y\n", 3);
    expect_error_at("title = outside\n", 1);
}

BOOST_AUTO_TEST_CASE(theme_is_site_folio_or_auto) {
    BOOST_TEST(folio::parse_config("[site]\ntheme = folio\n", "folio.ini", "/x").site.theme == "folio");
    BOOST_TEST(folio::parse_config("[site]\ntheme = site\n", "folio.ini", "/x").site.theme == "site");
    BOOST_TEST(folio::parse_config("[site]\ntheme = auto\n", "folio.ini", "/x").site.theme == "");
    BOOST_TEST(folio::parse_config("[site]\n", "folio.ini", "/x").site.theme == "");
    expect_error_at("[site]\ntheme = minimal-mistakes\n", 2, "theme");
}

BOOST_AUTO_TEST_CASE(syntax_error_names_its_line) {
    expect_error_at("[site]\ntitle = x\nthis line has no equals sign\n", 3);
    expect_error_at("[site\ntitle = x\n", 1);
}

BOOST_AUTO_TEST_CASE(long_bio_with_semicolons_arrives_whole) {
    std::string bio;
    while (bio.size() < 1000) bio += "I study systems; I like tea; ";
    bio.resize(1000);
    Config c = parse("[author]\nbio = " + bio + "\nname = Jane\n");
    BOOST_TEST(c.author.bio.size() == 1000u);
    BOOST_TEST(c.author.bio == bio);
    BOOST_TEST(c.author.name == "Jane");
}

BOOST_AUTO_TEST_CASE(line_at_the_limit_is_accepted) {
    const std::string prefix = "bio = ";
    std::string value(folio::kMaxIniLine - prefix.size(), 'x');
    Config c = parse("[author]\n" + prefix + value + "\n");
    BOOST_TEST(c.author.bio.size() == value.size());
}

BOOST_AUTO_TEST_CASE(line_over_the_limit_is_an_error_naming_it) {
    std::string value(folio::kMaxIniLine, 'x');
    expect_error_at("[site]\ntitle = x\n[author]\nbio = " + value + "\nname = y\n", 4, "longer");
    // Also when it is the last line, without a newline.
    expect_error_at("[author]\nbio = " + value, 2);
}

BOOST_AUTO_TEST_CASE(duplicate_key_is_an_error) {
    expect_error_at("[site]\ntitle = a\ntitle = b\n", 3, "duplicate");
    // The same key again in a second [site] section is still a duplicate.
    expect_error_at("[site]\ntitle = a\n[author]\nname = n\n[site]\ntitle = b\n", 6);
    // The same key in two sections is not.
    Config c = parse("[site]\ntitle = a\n[author]\nname = n\n");
    BOOST_TEST(c.site.title == "a");
}

BOOST_AUTO_TEST_CASE(bad_email_and_url_are_errors) {
    expect_error_at("[author]\nname = x\nemail = jane.example.org\n", 3, "email");
    expect_error_at("[site]\nurl = example.org\n", 2);
    expect_error_at("[site]\nurl = https://exa mple.org\n", 2);
}

BOOST_AUTO_TEST_CASE(base_path_is_normalised) {
    // The line "base_path =" + value gives the base_path.
    testing::expect_each([](const std::string& value) { return parse("[site]\nbase_path =" + value + "\n").site.base_path; },
                         {{" /~user/", "/~user"}, {" /~user", "/~user"}, {" /a/b//", "/a/b"}, {" /", ""}, {"", ""}});
    expect_error_at("[site]\nbase_path = ~user\n", 2);
    expect_error_at("[site]\nbase_path = /a/../b\n", 2);
}

BOOST_AUTO_TEST_CASE(url_trailing_slash_is_removed) {
    testing::expect_each([](const std::string& value) { return parse("[site]\nurl = " + value + "\n").site.url; },
                         {{"https://example.org/", "https://example.org"},
                          {"https://example.org", "https://example.org"},
                          {"http://example.org/~u/", "http://example.org/~u"}});
}

BOOST_AUTO_TEST_CASE(paths_are_relative_to_the_ini_folder) {
    Config c = parse("[paths]\ncontent = content\ntemplates = ../tpl\n", "/home/u/site");
    BOOST_TEST(c.content_dir == "/home/u/site/content");
    BOOST_TEST(c.templates_dir == "/home/u/site/../tpl");
    c = parse("[paths]\ncontent = /abs/content\n", "/home/u/site");
    BOOST_TEST(c.content_dir == "/abs/content");
    BOOST_TEST(c.templates_dir == "/home/u/site/../templates");
}

BOOST_AUTO_TEST_CASE(redirects_carry_their_line_numbers) {
    Config c = parse("[site]\ntitle = x\n\n[redirects]\n; old blog\n/old/ = /new/\n\n# more\n/older/ = https://x.example/\n"
                     "[nav]\nA = /\n[redirects]\n/third/ = /new/\n");
    BOOST_TEST_REQUIRE(c.redirects.size() == 3u);
    BOOST_TEST(c.redirects[0].line == 6);
    BOOST_TEST(c.redirects[1].line == 9);
    BOOST_TEST(c.redirects[2].line == 13);
}

BOOST_AUTO_TEST_CASE(bad_redirects_are_errors) {
    expect_error_at("[redirects]\n/a/ = /b/\nold = /new/\n", 3);
    expect_error_at("[redirects]\n/a/../etc/ = /b/\n", 2);
    expect_error_at("[redirects]\n/a/ = b/\n", 2);
    expect_error_at("[redirects]\nhttps://x.example/ = /b/\n", 2);
    expect_error_at("[nav]\nHome = home\n", 2);
}

BOOST_AUTO_TEST_CASE(redirect_source_may_carry_a_query) {
    // ConfigRedirect::from "may carry ?query", as redirect_from does: /old/?p=12 = /post/.
    Config c = parse("[redirects]\n/old/?p=12 = /post/\n");
    BOOST_TEST_REQUIRE(c.redirects.size() == 1u);
    BOOST_TEST(c.redirects[0].from == "/old/?p=12");
    BOOST_TEST(c.redirects[0].to == "/post/");
}

BOOST_AUTO_TEST_CASE(quotes_around_values_are_stripped) {
    Config c = parse("[site]\ntitle = \"Jane's page\"\ndescription = 'quoted'\nlanguage = \"en\n");
    BOOST_TEST(c.site.title == "Jane's page");
    BOOST_TEST(c.site.description == "quoted");
    BOOST_TEST(c.site.language == "\"en");  // one quote alone is kept
    c = parse("[author]\nbio = \"She said \"hi\"\"\n");
    BOOST_TEST(c.author.bio == "She said \"hi\"");
}

BOOST_AUTO_TEST_CASE(crlf_line_endings_are_accepted) {
    Config c = parse("[site]\r\ntitle = Jane\r\nbase_path = /~j/\r\n[redirects]\r\n/a/ = /b/\r\n");
    BOOST_TEST(c.site.title == "Jane");
    BOOST_TEST(c.site.base_path == "/~j");
    BOOST_TEST_REQUIRE(c.redirects.size() == 1u);
    BOOST_TEST(c.redirects[0].to == "/b/");
    BOOST_TEST(c.redirects[0].line == 5);
}

BOOST_AUTO_TEST_CASE(load_config_reads_a_file) {
    testing::TempDir d;
    const std::string ini = d.write("cgi-bin/folio.ini", "[site]\ntitle = From file\n[paths]\ncontent = ../c\n");
    Config c = folio::load_config(ini);
    BOOST_TEST(c.site.title == "From file");
    BOOST_TEST(c.content_dir == d / "cgi-bin/../c");
    BOOST_TEST(c.file == ini);
    BOOST_CHECK_THROW(folio::load_config(d / "missing.ini"), folio::Error);
    d.write("bad.ini", "[site]\n\nnope = 1\n");
    try {
        folio::load_config(d / "bad.ini");
        BOOST_ERROR("no error for an unknown key");
    } catch (const folio::Error& e) {
        BOOST_TEST(starts_with(e.what(), d / "bad.ini:3:"), e.what());
    }
}

BOOST_AUTO_TEST_SUITE_END()
