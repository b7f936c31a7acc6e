// markdown: the heading helpers' API and the table limits (timing, sizes built in code). The
// input/expected cases of GFM -> HTML (kramdown heading ids, prefix-aware links) are data, in
// tests/data/markdown/, run by test_data_cases.cpp.
#include <boost/test/unit_test.hpp>

#include <ctime>
#include <string>

#include "helpers.h"
#include "markdown.h"

using folio::MarkdownOptions;
using testing::contains;

namespace {

std::string md(const std::string& text, const std::string& base = "") {
    return folio::render_markdown(text, MarkdownOptions{base});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(markdown)

BOOST_AUTO_TEST_CASE(heading_slug_cases) {
    using folio::heading_slug;
    testing::expect_each([](const std::string& in) { return heading_slug(in); },
                          {{"Hello World!", "hello-world"},
                           {"  leading spaces", "leading-spaces"},
                           {"123 abc 456", "abc-456"},
                           {"snake_case-and-dash", "snakecase-and-dash"},
                           {"Two  spaces", "two--spaces"},
                           {"Caf\xC3\xA9", "caf"},
                           {"", "section"},
                           {"2024", "section"}});
}

// Heading ids as kramdown's GFM parser (Jekyll's default input) makes them, found on French and
// Chinese academicpages forks (tests/jekyll/forks: 321 of 459 ids differed on one). Expected:
// Jekyll 4.3.1 with kramdown-parser-gfm 1.1.0 on these headings.
BOOST_AUTO_TEST_CASE(gfm_heading_ids_as_jekyll_makes_them) {
    const std::string html = folio::add_heading_ids(
        "<h2>Paramètres réglables</h2><h2>2. Démonstrations</h2><h2>配置 Tailscale 路由器作为出口节点（Exit Node）</h2>"
        "<h2>Ünïcode ÉCOLE Ελληνικά ПРИВЕТ</h2><h2>snake_case &amp; “quotes” – dash 50% ½</h2><h2>A</h2><h2>A</h2>"
        "<h2>4、可选操作：《书》【注】</h2><h2>!!!</h2>", true);
    BOOST_TEST(html == "<h2 id=\"paramètres-réglables\">Paramètres réglables</h2><h2 id=\"2-démonstrations\">2. Démonstrations</h2>"
                       "<h2 id=\"配置-tailscale-路由器作为出口节点exit-node\">配置 Tailscale 路由器作为出口节点（Exit Node）</h2>"
                       "<h2 id=\"ünïcode-école-ελληνικά-привет\">Ünïcode ÉCOLE Ελληνικά ПРИВЕТ</h2>"
                       "<h2 id=\"snake_case--quotes--dash-50-\">snake_case &amp; “quotes” – dash 50% ½</h2><h2 id=\"a\">A</h2>"
                       "<h2 id=\"a-1\">A</h2><h2 id=\"4可选操作书注\">4、可选操作：《书》【注】</h2><h2>!!!</h2>");
    // kramdown's own input keeps its rule: letters first, ASCII only.
    BOOST_TEST(folio::add_heading_ids("<h2>2. Démonstrations</h2>") == "<h2 id=\"dmonstrations\">2. Démonstrations</h2>");
}

// Code blocks in the frame kramdown with Rouge writes (academicpages' CSS styles .highlight), found
// on the forks' posts full of code (tests/jekyll/forks). Expected: Jekyll 4.3.1's build of each
// block; a language Rouge does not know keeps kramdown's plain <pre><code>.
BOOST_AUTO_TEST_CASE(code_blocks_in_rouge_frame_as_jekyll_writes_them) {
    const auto jekyll = [](const std::string& md) { return folio::render_markdown(md, folio::MarkdownOptions{"", true, true}); };
    BOOST_TEST(jekyll("```text\na < b & \"c\"\n```\n") ==
               "<div class=\"language-text highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>a &lt; b &amp; \"c\"\n"
               "</code></pre></div></div>\n");
    BOOST_TEST(jekyll("```\nplain\n```\n") ==
               "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>plain\n"
               "</code></pre></div></div>\n");
    BOOST_TEST(jekyll("    indented\n") ==
               "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>indented\n"
               "</code></pre></div></div>\n");
    BOOST_TEST(jekyll("```nosuchlang\nx = 1\n```\n") == "<pre><code class=\"language-nosuchlang\">x = 1\n</code></pre>\n");
    // Rouge's names are case-sensitive: "Python" is not one.
    BOOST_TEST(jekyll("```Python\nx\n```\n") == "<pre><code class=\"language-Python\">x\n</code></pre>\n");
    // folio's own Markdown keeps cmark's plain blocks.
    BOOST_TEST(folio::render_markdown("```text\nx\n```\n", folio::MarkdownOptions{}) == "<pre><code class=\"language-text\">x\n</code></pre>\n");
}

BOOST_AUTO_TEST_CASE(add_heading_ids_on_raw_html) {
    using folio::add_heading_ids;
    BOOST_TEST(add_heading_ids("<h2>Raw Heading</h2>") == "<h2 id=\"raw-heading\">Raw Heading</h2>");
    // Headings that already have attributes are left as they are.
    BOOST_TEST(add_heading_ids("<h2 id=\"mine\">X</h2>") == "<h2 id=\"mine\">X</h2>");
    BOOST_TEST(add_heading_ids("<h3 class=\"c\">X</h3>") == "<h3 class=\"c\">X</h3>");
    // Other tags starting with "<h" are not headings.
    const std::string other = "<header><hr><html><h7>x</h7></header>";
    BOOST_TEST(add_heading_ids(other) == other);
    // Repeats are numbered across the whole text.
    std::string html = add_heading_ids("<h1>A</h1><p>x</p><h2>A</h2><h2>B <em>c</em></h2>");
    BOOST_TEST(html == "<h1 id=\"a\">A</h1><p>x</p><h2 id=\"a-1\">A</h2><h2 id=\"b-c\">B <em>c</em></h2>");
    // An unclosed heading does not swallow or lose text.
    BOOST_TEST(add_heading_ids("<p>x</p><h2>never closed") == "<p>x</p><h2>never closed");
}

BOOST_AUTO_TEST_CASE(headings_of_lists_levels_ids_and_text) {
    auto hs = folio::headings_of(md("# Top\n\n## A &amp; B\n\n### `code` part\n"));
    BOOST_TEST_REQUIRE(hs.size() == 3u);
    BOOST_TEST(hs[0].level == 1);
    BOOST_TEST(hs[0].id == "top");
    BOOST_TEST(hs[1].level == 2);
    BOOST_TEST(hs[1].id == "a--b");
    BOOST_TEST(hs[1].text == "A & B");
    BOOST_TEST(hs[2].level == 3);
    BOOST_TEST(hs[2].text == "code part");
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 11, point 9: cmark-gfm parses a table row in time that grows with the square of its
// cells, and every table cell costs a microsecond or so: one 20,000-pipe row took 1.3 s of CPU.
// folio caps both (kMaxTableColumns, kMaxTableCells) and shows what is past them as text.
BOOST_AUTO_TEST_SUITE(markdown_table_limits)

namespace {

// CPU seconds that one render takes (the machine may be busy: wall time would measure others).
double cpu_seconds_of(const std::string& text) {
    std::clock_t start = std::clock();
    folio::render_markdown(text, MarkdownOptions{});
    return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

std::string row_of(std::size_t cells, const std::string& cell) {
    std::string row;
    for (std::size_t i = 0; i < cells; ++i) row += "|" + cell;
    return row + "|\n";
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_row_of_20000_pipes_is_rendered_quickly_as_text) {
    const std::string text = "|a|b|\n|-|-|\n" + std::string(20000, '|') + "\n";
    const double t = cpu_seconds_of(text);
    BOOST_TEST(t < 0.2, "render took " << t << " s of CPU");
    const std::string html = md(text);
    BOOST_TEST(contains(html, "<th>a</th>"), html.substr(0, 200));  // the table itself stays
    BOOST_TEST(contains(html, std::string(100, '|')));             // the row is shown as text
}

BOOST_AUTO_TEST_CASE(a_table_20000_columns_wide_is_rendered_quickly_as_text) {
    const std::string text = row_of(20000, "a") + row_of(20000, "-");
    const double t = cpu_seconds_of(text);
    BOOST_TEST(t < 0.2, "render took " << t << " s of CPU");
    BOOST_TEST(!contains(md(text), "<table>"));
}

BOOST_AUTO_TEST_CASE(millions_of_cells_on_one_page_stay_within_a_second) {
    // 4 MiB (the largest page) of a one-column table: 2 million rows (2.9 s before the limit).
    // cmark takes most of a second for 2 million lines of any kind (0.9 s as one paragraph), so
    // the table may only add a fraction to that.
    std::string lines;
    while (lines.size() < folio::kMaxMarkdownBytes - 8) lines += "y\n";
    const std::string text = "x\n:-:\n" + lines;
    const double plain = cpu_seconds_of("x\n\n" + lines);
    const double t = cpu_seconds_of(text);
    BOOST_TEST(t < 1.5 * plain, "render took " << t << " s of CPU; as plain text " << plain << " s");
    const std::string html = md(text);
    BOOST_TEST(contains(html, "<table>"));  // the rows within the budget are still a table
}

BOOST_AUTO_TEST_CASE(real_tables_keep_working) {
    // As wide as the limit allows, and a long table of ordinary width.
    std::string wide = row_of(folio::kMaxTableColumns - 1, "h") + row_of(folio::kMaxTableColumns - 1, "-") +
                       row_of(folio::kMaxTableColumns - 1, "x");
    std::string html = md(wide);
    BOOST_TEST(contains(html, "<table>"));
    BOOST_TEST(!contains(html, "\\|"));
    std::string tall = row_of(10, "h") + row_of(10, "-");
    for (int i = 0; i < 5000; ++i) tall += row_of(10, std::to_string(i));
    html = md(tall);
    BOOST_TEST(contains(html, "<td>4999</td>"));
    BOOST_TEST(folio::table_limit_problems(wide).empty());
    BOOST_TEST(folio::table_limit_problems(tall).empty());
}

BOOST_AUTO_TEST_CASE(escaped_pipes_and_pipes_outside_tables_are_left_alone) {
    const std::string text = "a \\| b\n\n" + std::string(1000, '|') + "\n\n| a\\|b | c |\n|---|---|\n| 1 | 2 |\n";
    const std::string html = md(text);
    BOOST_TEST(contains(html, "<p>" + std::string(1000, '|') + "</p>"), html);
    BOOST_TEST(contains(html, "<th>a|b</th>"), html);
    BOOST_TEST(folio::table_limit_problems(text).empty());
}

BOOST_AUTO_TEST_CASE(problems_name_the_line) {
    const std::string text = "# T\n\n|a|b|\n|-|-|\n|1|2|\n" + std::string(300, '|') + "\n";
    auto problems = folio::table_limit_problems(text);
    BOOST_TEST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].line == 6);
    BOOST_TEST(contains(problems[0].message, "299 cells"), problems[0].message);
    // Lines end with CR too, as cmark reads them.
    problems = folio::table_limit_problems("|a|b|\r|-|-|\r" + std::string(300, '|') + "\r");
    BOOST_TEST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].line == 3);
}

BOOST_AUTO_TEST_CASE(tables_past_the_page_budget_are_text) {
    std::string text;
    const std::string table = row_of(100, "h") + row_of(100, "-") + std::string(100, '\n');
    int tables = 0;
    for (std::size_t cells = 0; cells < folio::kMaxTableCells + 1000; cells += 2 * 100, ++tables) text += table;
    text = row_of(2, "h") + row_of(2, "-") + "\n" + text + row_of(2, "last") + row_of(2, "-");
    auto problems = folio::table_limit_problems(text);
    BOOST_TEST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(contains(problems[0].message, std::to_string(folio::kMaxTableCells)), problems[0].message);
    const std::string html = md(text);
    BOOST_TEST(contains(html, "<th>h</th>"));           // the first tables are tables
    BOOST_TEST(!contains(html, "<th>last</th>"), "");  // the last one is text
    BOOST_TEST(contains(html, "|last|last|"));
}

// Jekyll sites: inline code as kramdown with Rouge writes it; the author's own <code> stays as it
// is; a code block gets Rouge's frame (code_blocks_in_rouge_frame_as_jekyll_writes_them).
BOOST_AUTO_TEST_CASE(rouge_inline_code_marks_only_code_spans) {
    folio::MarkdownOptions o;
    o.rouge_inline_code = true;
    BOOST_TEST(folio::render_markdown("a `x<&>\"y` b <code>raw</code>\n\n    block\n", o) ==
               "<p>a <code class=\"language-plaintext highlighter-rouge\">x&lt;&amp;&gt;\"y</code> b <code>raw</code></p>\n"
               "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>block\n"
               "</code></pre></div></div>\n");
    BOOST_TEST(folio::render_markdown("a `x`", folio::MarkdownOptions{}) == "<p>a <code>x</code></p>\n");
}

BOOST_AUTO_TEST_SUITE_END()
