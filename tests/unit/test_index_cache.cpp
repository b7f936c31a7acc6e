// index_cache: encode/decode of parsed pages (every field, every damaged form), and build_site
// reusing pages whose files did not change.
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <utime.h>

#include <string>

#include "config.h"
#include "helpers.h"
#include "index_cache.h"
#include "jekyll/jekyll.h"
#include "site.h"
#include "yaml_pack.h"

#include <yaml-cpp/yaml.h>

using folio::Page;
using folio::PageReuse;
using testing::TempDir;

namespace {

// A page with every field away from its default, so a field the codec forgets shows.
Page full_page() {
    Page p;
    p.source = "content/_publications/dsp.md";
    p.rel = "_publications/dsp.md";
    p.collection = "publications";
    p.url = "/publications/dsp/";
    p.front = folio::pack_yaml(YAML::Load("title: DSP\nauthors: [A, B]\n"));
    p.fields.add("title", "DSP");
    p.fields.add("authors", "");
    p.fields.add("", std::string("empty key, a NUL \0 and more", 27));
    p.body_offset = 123;
    p.body_line = 7;
    p.error = folio::Problem{"content/x.md", 3, "broken"};
    p.mtime = 1700000000;
    p.stamp = {1700000000123456789LL, 4567, 987654321ULL};
    p.type = "publications";
    p.html = true;
    p.output = false;
    p.has_permalink = true;
    p.title = "Dynamic \xe2\x80\x9cSequence\xe2\x80\x9d Parallelism";
    p.layout = "single";
    p.date = "2024-03-01";
    p.list = "talks";
    p.redirect_to = "https://example.org/x";
    p.redirect_to_line = 9;
    p.author_profile = true;
    p.published = false;
    p.in_sitemap = false;
    p.redirect_from = {{"/old/", 4}, {"/older/?q=1", 5}};
    return p;
}

void check_same(const Page& a, const Page& b) {
    BOOST_TEST(a.source == b.source);
    BOOST_TEST(a.rel == b.rel);
    BOOST_TEST(a.collection == b.collection);
    BOOST_TEST(a.url == b.url);
    BOOST_TEST(a.front == b.front);
    BOOST_TEST((a.fields == b.fields));
    BOOST_TEST(a.body_offset == b.body_offset);
    BOOST_TEST(a.body_line == b.body_line);
    BOOST_TEST((a.error == b.error));
    BOOST_TEST(a.mtime == b.mtime);
    BOOST_TEST((a.stamp == b.stamp));
    BOOST_TEST(a.type == b.type);
    BOOST_TEST(a.html == b.html);
    BOOST_TEST(a.output == b.output);
    BOOST_TEST(a.has_permalink == b.has_permalink);
    BOOST_TEST(a.title == b.title);
    BOOST_TEST(a.layout == b.layout);
    BOOST_TEST(a.date == b.date);
    BOOST_TEST(a.list == b.list);
    BOOST_TEST(a.redirect_to == b.redirect_to);
    BOOST_TEST(a.redirect_to_line == b.redirect_to_line);
    BOOST_TEST(a.author_profile == b.author_profile);
    BOOST_TEST(a.published == b.published);
    BOOST_TEST(a.in_sitemap == b.in_sitemap);
    BOOST_REQUIRE(a.redirect_from.size() == b.redirect_from.size());
    for (std::size_t i = 0; i < a.redirect_from.size(); ++i) {
        BOOST_TEST(a.redirect_from[i].from == b.redirect_from[i].from);
        BOOST_TEST(a.redirect_from[i].line == b.redirect_from[i].line);
    }
}

folio::Config config_for(const TempDir& d) {
    folio::Config c;
    c.file = "folio.ini";
    c.dir = d.path();
    c.content_dir = d / "content";
    c.templates_dir = d / "templates";
    return c;
}

PageReuse reuse_of(const folio::Site& s) {
    auto r = folio::decode_index(folio::encode_index(42, s.pages), 42);
    BOOST_REQUIRE(r.has_value());
    return std::move(*r);
}

const Page* page_at(const folio::Site& s, const std::string& url) {
    const folio::Route* r = s.find(url);
    return r && r->kind == folio::RouteKind::Page ? &s.pages[r->page] : nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(index_cache)

BOOST_AUTO_TEST_CASE(every_field_of_a_page_survives_the_round_trip) {
    Page other = full_page();
    other.rel = "b.md";
    auto back = folio::decode_index(folio::encode_index(7, {full_page(), other}), 7);
    BOOST_REQUIRE(back.has_value());
    BOOST_REQUIRE(back->pages.size() == 2u);
    check_same(back->pages.at("_publications/dsp.md"), full_page());
    BOOST_TEST(!back->pages.at("_publications/dsp.md").defaults);
}

BOOST_AUTO_TEST_CASE(pages_not_read_from_a_file_are_left_out) {
    Page listing = full_page();
    listing.stamp = {};  // a navigation listing folio made itself
    auto back = folio::decode_index(folio::encode_index(7, {listing}), 7);
    BOOST_REQUIRE(back.has_value());
    BOOST_TEST(back->pages.empty());
}

BOOST_AUTO_TEST_CASE(another_context_or_format_is_a_miss) {
    const std::string bytes = folio::encode_index(7, {full_page()});
    BOOST_TEST(!folio::decode_index(bytes, 8).has_value());
    std::string other_tag = bytes;
    other_tag[12] = '9';  // "folio index 5" -> "folio index 9"
    BOOST_TEST(!folio::decode_index(other_tag, 7).has_value());
    BOOST_TEST(!folio::decode_index("", 7).has_value());
    BOOST_TEST(!folio::decode_index(bytes + "x", 7).has_value());  // trailing bytes
}

BOOST_AUTO_TEST_CASE(every_truncation_is_a_miss) {
    const std::string bytes = folio::encode_index(7, {full_page(), full_page()});
    std::size_t decoded = 0;
    for (std::size_t n = 0; n < bytes.size(); ++n) decoded += folio::decode_index(std::string_view(bytes).substr(0, n), 7).has_value();
    BOOST_TEST(decoded == 0u);
}

BOOST_AUTO_TEST_CASE(damaged_bytes_never_crash_and_huge_counts_are_refused) {
    const std::string bytes = folio::encode_index(7, {full_page()});
    // Every byte set to 0xff in turn: lengths and counts become enormous.
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        std::string d = bytes;
        d[i] = '\xff';
        auto r = folio::decode_index(d, 7);
        if (r) BOOST_TEST(r->pages.size() <= 1u);
    }
}

BOOST_AUTO_TEST_CASE(a_rebuild_reuses_unchanged_pages_and_parses_changed_ones) {
    TempDir d;
    d.write("content/index.md", "---\ntitle: Home\nredirect_from: /old/\n---\nHello\n");
    d.write("content/a.md", "---\ntitle: A\n---\nA\n");
    d.write("content/_talks/t.md", "---\ntitle: T\ndate: 2024-01-02\n---\nT\n");
    const folio::Config c = config_for(d);
    const folio::Site first = folio::build_site(c);
    BOOST_REQUIRE(first.pages.size() == 3u);

    PageReuse same = reuse_of(first);
    const folio::Site again = folio::build_site(c, nullptr, &same);
    BOOST_TEST(same.reused == 3u);
    BOOST_TEST(same.parsed == 0u);
    BOOST_TEST(!same.changed());
    BOOST_REQUIRE(page_at(again, "/a/"));
    check_same(*page_at(again, "/a/"), *page_at(first, "/a/"));
    BOOST_TEST((again.find("/old/") && again.find("/old/")->kind == folio::RouteKind::Redirect));
    BOOST_TEST(again.collections.at("talks").size() == 1u);

    // An edit of the same size keeps size and inode: the nanosecond time tells it apart.
    d.write("content/a.md", "---\ntitle: B\n---\nA\n");
    PageReuse edited = reuse_of(first);
    const folio::Site after_edit = folio::build_site(c, nullptr, &edited);
    BOOST_TEST(edited.reused == 2u);
    BOOST_TEST(edited.parsed == 1u);
    BOOST_TEST(edited.changed());
    BOOST_REQUIRE(page_at(after_edit, "/a/"));
    BOOST_TEST(page_at(after_edit, "/a/")->title == "B");

    // A deleted page is not brought back from the index.
    ::unlink((d / "content/_talks/t.md").c_str());
    PageReuse deleted = reuse_of(after_edit);
    const folio::Site after_delete = folio::build_site(c, nullptr, &deleted);
    BOOST_TEST(after_delete.pages.size() == 2u);
    BOOST_TEST(!after_delete.find("/talks/t/"));
    BOOST_TEST(deleted.changed());  // the old entry is left over: the index is rewritten
}

BOOST_AUTO_TEST_CASE(a_few_stale_pages_are_parsed_again_rather_than_the_index_rewritten) {
    PageReuse r;
    BOOST_TEST(!r.worth_rewriting(10));  // nothing changed
    r.parsed = 3;
    BOOST_TEST(!r.worth_rewriting(10));  // a small site: parsing 3 pages again is cheap
    r.parsed = PageReuse::kStalePagesKept;
    BOOST_TEST(r.worth_rewriting(100));
    BOOST_TEST(!r.worth_rewriting(10000));  // 64 of 10,000: kept stale
    r.parsed = 10000 / 16;
    BOOST_TEST(r.worth_rewriting(10000));
    r.parsed = 0;
    r.pages["gone.md"] = Page();  // a deleted page left in the index counts too
    BOOST_TEST(!r.worth_rewriting(10));
}

BOOST_AUTO_TEST_CASE(a_page_with_an_error_is_never_reused) {
    TempDir d;
    d.write("content/bad.md", "---\ntitle: [unclosed\n---\nx\n");
    const folio::Config c = config_for(d);
    const folio::Site first = folio::build_site(c);
    BOOST_REQUIRE(first.pages.size() == 1u);
    BOOST_TEST(first.pages[0].error.has_value());
    PageReuse r = reuse_of(first);
    BOOST_TEST(r.pages.empty());
    folio::build_site(c, nullptr, &r);
    BOOST_TEST(r.parsed == 1u);
}

BOOST_AUTO_TEST_CASE(an_entry_naming_another_file_is_not_taken) {
    TempDir d;
    d.write("content/a.md", "---\ntitle: A\n---\nA\n");
    const folio::Config c = config_for(d);
    const folio::Site first = folio::build_site(c);
    PageReuse r = reuse_of(first);
    r.pages.at("a.md").source = "/etc/passwd";  // the page body would be read from there
    const folio::Site again = folio::build_site(c, nullptr, &r);
    BOOST_TEST(r.parsed == 1u);
    BOOST_TEST(again.pages.at(0).source == c.content_dir + "/a.md");
}

BOOST_AUTO_TEST_CASE(jekyll_defaults_are_set_again_on_reused_pages) {
    TempDir d;
    d.write("content/_config.yml", "title: S\ncollections:\n  talks:\n    output: true\n"
                                   "defaults:\n  - scope:\n      path: \"\"\n      type: talks\n    values:\n      layout: single\n      venue: Somewhere\n");
    d.write("content/_talks/t.md", "---\ntitle: T\n---\nT\n");
    folio::Config c = config_for(d);
    auto jekyll = std::make_shared<const folio::JekyllSite>(folio::read_jekyll(c.content_dir, c));
    const folio::Site first = folio::build_site(c, jekyll);
    BOOST_REQUIRE(first.pages.size() == 1u);
    BOOST_REQUIRE(first.pages[0].defaults);
    PageReuse r = reuse_of(first);
    const folio::Site again = folio::build_site(c, jekyll, &r);
    BOOST_TEST(r.reused == 1u);
    BOOST_REQUIRE(again.pages[0].defaults);
    BOOST_TEST(folio::front_of(again.pages[0])["venue"].as<std::string>() == "Somewhere");
    BOOST_TEST(again.pages[0].layout == first.pages[0].layout);
}

BOOST_AUTO_TEST_CASE(fields_keep_every_key_in_order_and_refuse_damaged_packing) {
    folio::Fields f;
    f.add("title", "A \"quoted\" title");
    f.add("authors", "");
    f.add("nul", std::string("a\0b", 3));
    BOOST_TEST(f.find("title").value() == "A \"quoted\" title");
    BOOST_TEST(f.find("authors").value().empty());
    BOOST_TEST(f.find("nul").value() == std::string("a\0b", 3));
    BOOST_TEST(!f.find("missing").has_value());
    BOOST_TEST(!f.find("titl").has_value());
    std::string order;
    f.each([&](std::string_view k, std::string_view) { order += std::string(k) + ","; });
    BOOST_TEST(order == "title,authors,nul,");
    folio::Fields g;
    BOOST_TEST(g.from_packed(f.packed()));
    BOOST_TEST((g == f));
    const std::string packed = f.packed();
    for (std::size_t n = 0; n < packed.size(); ++n) {
        folio::Fields h;
        const bool complete = h.from_packed(packed.substr(0, n));
        // Only the cuts that fall between two whole pairs are well formed.
        BOOST_TEST(complete == (n == 0 || n == 4 + 5 + 4 + 16 || n == 4 + 5 + 4 + 16 + 4 + 7 + 4), n);
    }
    folio::Fields odd;
    BOOST_TEST(!odd.from_packed(std::string("\1\0\0\0k", 5)));  // a key without a value
}

BOOST_AUTO_TEST_SUITE_END()
