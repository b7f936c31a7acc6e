// templates: Mustache layouts and partials from a folder; broken ones reported with file:line.
#include <boost/test/unit_test.hpp>
#include <kainjow/mustache.hpp>

#include <initializer_list>
#include <string>
#include <utility>

#include "error.h"
#include "helpers.h"
#include "templates.h"

using folio::TemplateData;
using folio::Templates;
using testing::TempDir;
using testing::any_contains;
using testing::contains;
using testing::starts_with;

namespace {

TemplateData page_data(const std::string& title, const std::string& content) {
    TemplateData page{TemplateData::type::object};
    page.set("title", title);
    TemplateData d{TemplateData::type::object};
    d.set("page", page);
    d.set("content", content);
    TemplateData site{TemplateData::type::object};
    site.set("title", "Site & Co");
    d.set("site", site);
    return d;
}

// A template folder with a working page layout and footer partial.
void write_basic(const TempDir& d) {
    d.write("layouts/page.mustache", "<title>{{page.title}}</title>\n<main>{{{content}}}</main>\n{{> footer}}\n");
    d.write("partials/footer.mustache", "<footer>{{site.title}}</footer>");
}

// write_basic's folder plus files (path, text), loaded.
Templates load_basic(const TempDir& d, std::initializer_list<std::pair<std::string, std::string>> files = {}) {
    write_basic(d);
    for (const auto& [rel, text] : files) d.write(rel, text);
    return Templates::load(d.path());
}

// The message render throws; "" when it does not throw.
std::string render_error(const Templates& t, const std::string& layout, const TemplateData& data) {
    try {
        t.render(layout, data);
    } catch (const folio::Error& e) {
        return e.what();
    }
    return "";
}

// A broken file is listed by problems() as file_line ("FILE:LINE:", with `mentions` when given),
// and rendering layout (which uses it) fails with a message that starts the same way.
void expect_reported_at(const Templates& t, const std::string& file_line, const std::string& layout,
                        const std::string& mentions = "") {
    BOOST_TEST(any_contains(t.problems(), {file_line, mentions}), file_line);
    const std::string e = render_error(t, layout, page_data("x", ""));
    BOOST_TEST(starts_with(e, file_line), e);
}

// A partial cycle in d's folder is found: in a child process (a cycle that load missed recurses
// until the stack runs out), rendering "page" fails with a message naming one of the cycle's
// files, and problems() names one of them too.
void expect_cycle_reported(const TempDir& d, std::initializer_list<std::string> files) {
    const auto names_one = [&](const std::string& text) {
        for (const auto& f : files)
            if (contains(text, f)) return true;
        return false;
    };
    const std::string outcome = testing::run_isolated(
        [&] {
            Templates t = Templates::load(d.path());
            if (!names_one(render_error(t, "page", page_data("x", "")))) return 11;  // rendered first
            for (const auto& p : t.problems())
                if (names_one(p.text())) return 0;
            return 10;
        },
        20);
    BOOST_TEST(outcome == "exit 0", "exit 11: the render did not fail naming the cycle, 10: no problem names it; got " << outcome);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(templates)

BOOST_AUTO_TEST_CASE(render_escapes_variables_and_keeps_triple_braces_raw) {
    TempDir d;
    Templates t = load_basic(d);
    BOOST_TEST(t.problems().empty());
    BOOST_TEST(t.has_layout("page"));
    std::string out = t.render("page", page_data("<b>A & B</b>", "<p>raw <em>html</em></p>"));
    BOOST_TEST(contains(out, "<title>&lt;b&gt;A &amp; B&lt;/b&gt;</title>"), out);
    BOOST_TEST(contains(out, "<main><p>raw <em>html</em></p></main>"), out);
}

BOOST_AUTO_TEST_CASE(partials_see_the_callers_data) {
    TempDir d;
    Templates t = load_basic(d);
    std::string out = t.render("page", page_data("T", ""));
    BOOST_TEST(contains(out, "<footer>Site &amp; Co</footer>"), out);
}

BOOST_AUTO_TEST_CASE(nested_partials_work) {
    TempDir d;
    d.write("layouts/page.mustache", "[{{> outer}}]");
    d.write("partials/outer.mustache", "outer({{> inner}})");
    d.write("partials/inner.mustache", "inner:{{page.title}}");
    Templates t = Templates::load(d.path());
    BOOST_TEST(t.problems().empty());
    BOOST_TEST(t.render("page", page_data("x", "")) == "[outer(inner:x)]");
}

BOOST_AUTO_TEST_CASE(unknown_layout_falls_back_to_page) {
    TempDir d;
    Templates t = load_basic(d, {{"layouts/single.mustache", "SINGLE {{page.title}}"}});
    BOOST_TEST(t.has_layout("single"));
    BOOST_TEST(!t.has_layout("nope"));
    BOOST_TEST(t.render("single", page_data("x", "")) == "SINGLE x");
    std::string out = t.render("nope", page_data("x", ""));
    BOOST_TEST(contains(out, "<title>x</title>"), out);
}

BOOST_AUTO_TEST_CASE(missing_page_layout_is_a_problem) {
    TempDir d;
    d.write("layouts/single.mustache", "S");
    Templates t = Templates::load(d.path());
    BOOST_TEST(any_contains(t.problems(), {"page.mustache"}));
    BOOST_CHECK_THROW(t.render("other", page_data("x", "")), folio::Error);
    BOOST_TEST(t.render("single", page_data("x", "")) == "S");
}

BOOST_AUTO_TEST_CASE(broken_layout_reports_the_line_of_the_unclosed_section) {
    TempDir d;
    Templates t = load_basic(d, {{"layouts/broken.mustache", "<html>\n<body>\n{{#items}}\n<p>{{name}}</p>\n</body>\n"}});
    expect_reported_at(t, d / "layouts/broken.mustache:3:", "broken", "items");
    // The other layouts still render.
    BOOST_TEST(contains(t.render("page", page_data("ok", "")), "<title>ok</title>"));
}

BOOST_AUTO_TEST_CASE(broken_layout_reports_the_line_of_the_unclosed_tag) {
    TempDir d;
    Templates t = load_basic(d, {{"layouts/tag.mustache", "line 1\nline 2\nline 3\n<p>{{page.title</p>\nline 5\n"}});
    expect_reported_at(t, d / "layouts/tag.mustache:4:", "tag");
}

BOOST_AUTO_TEST_CASE(broken_partial_is_reported_with_its_line) {
    TempDir d;
    d.write("layouts/page.mustache", "{{> bad}}");
    d.write("partials/bad.mustache", "ok\n{{^empty}}\nnever closed\n");
    Templates t = Templates::load(d.path());
    expect_reported_at(t, d / "partials/bad.mustache:2:", "page");
}

BOOST_AUTO_TEST_CASE(broken_partial_does_not_break_layouts_that_do_not_use_it) {
    // templates.h: a broken file is "reported when used and by problems()".
    TempDir d;
    Templates t = load_basic(d, {{"layouts/single.mustache", "{{> bad}}"}, {"partials/bad.mustache", "{{#open}}"}});
    BOOST_TEST(any_contains(t.problems(), {"bad.mustache"}));
    BOOST_TEST(render_error(t, "single", page_data("x", "")) != "");
    BOOST_TEST(render_error(t, "page", page_data("x", "")) == "");
}

BOOST_AUTO_TEST_CASE(self_including_partial_is_reported_not_a_crash) {
    TempDir d;
    d.write("layouts/page.mustache", "<main>{{> loop}}</main>");
    d.write("partials/loop.mustache", "x{{> loop}}");
    expect_cycle_reported(d, {"loop.mustache"});
}

BOOST_AUTO_TEST_CASE(partial_cycle_through_two_files_is_reported) {
    TempDir d;
    d.write("layouts/page.mustache", "{{> a}}");
    d.write("partials/a.mustache", "a{{> b}}");
    d.write("partials/b.mustache", "b{{>a}}");
    expect_cycle_reported(d, {"a.mustache", "b.mustache"});
}

BOOST_AUTO_TEST_CASE(self_including_partial_with_spaces_in_the_tag_is_reported_not_a_crash) {
    // Mustache allows blanks inside a tag: "{{ > loop }}" is the same partial as "{{> loop}}".
    TempDir d;
    d.write("layouts/page.mustache", "<main>{{> loop}}</main>");
    d.write("partials/loop.mustache", "x{{ > loop }}");
    expect_cycle_reported(d, {"loop.mustache"});
}

BOOST_AUTO_TEST_CASE(partial_cycle_with_many_includes_is_found_quickly) {
    // A cycle whose partial includes itself many times: finding it must not take b^depth steps.
    TempDir d;
    d.write("layouts/page.mustache", "{{> wide}}");
    std::string wide;
    for (int i = 0; i < 16; ++i) wide += "{{> wide}}";
    d.write("partials/wide.mustache", wide);
    auto outcome = testing::run_isolated(
        [&] {
            Templates t = Templates::load(d.path());
            return any_contains(t.problems(), {"wide.mustache"}) ? 0 : 10;
        },
        5);
    BOOST_TEST(outcome == "exit 0", "Templates::load on a 16-way self-including partial: " << outcome);
}

BOOST_AUTO_TEST_CASE(data_key_named_like_a_partial_does_not_shadow_it) {
    TempDir d;
    Templates t = load_basic(d);
    TemplateData data = page_data("x", "");
    data.set("footer", "SHADOWED");  // a front-matter key could be called "footer"
    std::string out = t.render("page", data);
    BOOST_TEST(contains(out, "<footer>Site &amp; Co</footer>"), out);
    BOOST_TEST(!contains(out, "SHADOWED"), out);
}

BOOST_AUTO_TEST_CASE(a_failed_render_does_not_poison_the_next) {
    TempDir d;
    Templates t = load_basic(d);
    std::string first = t.render("page", page_data("one", ""));
    std::string second = t.render("page", page_data("two", ""));
    BOOST_TEST(contains(first, "<title>one</title>"));
    BOOST_TEST(contains(second, "<title>two</title>"));
}

BOOST_AUTO_TEST_CASE(only_mustache_files_are_loaded) {
    TempDir d;
    Templates t = load_basic(d, {{"layouts/notes.txt", "{{#broken"}, {"layouts/.hidden.mustache", "{{#broken"}});
    BOOST_TEST(t.problems().empty());
    BOOST_TEST(!t.has_layout("notes"));
    BOOST_TEST(!t.has_layout(".hidden"));
}

BOOST_AUTO_TEST_CASE(template_error_turns_an_offset_into_a_line) {
    const std::string text = "a\nb\n{{#x}}\n";
    BOOST_TEST(folio::template_error("t.mustache", text, "Unclosed section \"x\" at 4").text() ==
               "t.mustache:3: Unclosed section \"x\" at 4");
    BOOST_TEST(starts_with(folio::template_error("t.mustache", text, "Unclosed tag at 0").text(), "t.mustache:1:"));
    // No offset in the message: line 1, not a crash.
    BOOST_TEST(starts_with(folio::template_error("t.mustache", text, "something odd").text(), "t.mustache:1:"));
    // An offset past the end counts every line.
    BOOST_TEST(starts_with(folio::template_error("t.mustache", text, "x at 999").text(), "t.mustache:4:"));
}

BOOST_AUTO_TEST_SUITE_END()
