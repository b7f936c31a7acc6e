// kramdown: the kramdown syntax of academicpages content, through the whole chain
// kramdown_before -> render_markdown -> kramdown_after. Expected HTML is kramdown's (2.4, GFM
// input, as Jekyll runs it) where folio matches it, up to white space between tags.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

#include "helpers.h"
#include "jekyll/kramdown.h"
#include "markdown.h"

using testing::contains;

namespace {

std::string kd(const std::string& markdown) {
    folio::KramdownPrepared prep = folio::kramdown_before(markdown);
    return folio::kramdown_after(folio::render_markdown(prep.markdown, {}), prep);
}

// No marker character (U+FDD0..U+FDEF) and no marker comment may reach the page.
bool clean(const std::string& html) {
    for (std::size_t i = 0; i + 2 < html.size(); ++i)
        if (html[i] == '\xEF' && html[i + 1] == '\xB7' && static_cast<unsigned char>(html[i + 2]) >= 0x90 &&
            static_cast<unsigned char>(html[i + 2]) <= 0xAF)
            return false;
    return true;
}

std::size_t count(const std::string& s, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + needle.size())) ++n;
    return n;
}

// Runs the chain on hostile input in a child process: no crash, within the time limit, and no
// marker left in the output. "exit 0" when all holds.
std::string survives(const std::string& markdown, unsigned seconds = 20) {
    return testing::run_isolated([&] { return clean(kd(markdown)) ? 0 : 1; }, seconds);
}

double seconds_for(const std::string& markdown) {
    auto start = std::chrono::steady_clock::now();
    kd(markdown);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(kramdown)

// --- block attribute lists ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(notice_from_the_corpus) {
    // _pages/markdown.md and archive-layout-with-content.md
    std::string html = kd("**Watch out!** You can also add notices by appending `{: .notice}` to a paragraph.\n"
                          "{: .notice}\n");
    BOOST_TEST(html == "<p class=\"notice\"><strong>Watch out!</strong> You can also add notices by appending "
                       "<code>{: .notice}</code> to a paragraph.</p>\n");
}

BOOST_AUTO_TEST_CASE(notice_after_a_fenced_block) {
    std::string html = kd("```plotly\n{\"data\": []}\n```\n\n**Important!** Quote *all* keys.\n{: .notice}\n\nWhich produces:\n");
    BOOST_TEST(contains(html, "<p class=\"notice\"><strong>Important!</strong> Quote <em>all</em> keys.</p>"), html);
    BOOST_TEST(contains(html, "<pre><code class=\"language-plotly\">{&quot;data&quot;: []}\n</code></pre>"), html);
    BOOST_TEST(contains(html, "<p>Which produces:</p>"), html);
}

BOOST_AUTO_TEST_CASE(id_classes_and_key_value) {
    std::string html = kd("Hello\n{: #custom-id .a .b lang=\"en\" data-x='1'}\n");
    BOOST_TEST(html == "<p id=\"custom-id\" class=\"a b\" lang=\"en\" data-x=\"1\">Hello</p>\n");
}

BOOST_AUTO_TEST_CASE(consecutive_lines_merge) {
    BOOST_TEST(kd("para\n{: .x}\n{: #y .z}\n") == "<p class=\"x z\" id=\"y\">para</p>\n");
}

BOOST_AUTO_TEST_CASE(heading_id_is_replaced_class_added) {
    std::string html = kd("# Title\n{: #new .big}\n\n## Sub\n{: .s}\n");
    BOOST_TEST(contains(html, "<h1 id=\"new\" class=\"big\">Title</h1>"), html);
    BOOST_TEST(contains(html, "<h2 id=\"sub\" class=\"s\">Sub</h2>"), html);
}

BOOST_AUTO_TEST_CASE(applies_to_every_kind_of_block) {
    BOOST_TEST(contains(kd("* a\n* b\n{: .list}\n"), "<ul class=\"list\">"));
    BOOST_TEST(contains(kd("1. a\n2. b\n{: .ol}\n"), "<ol class=\"ol\">"));
    BOOST_TEST(contains(kd("| a | b |\n|---|---|\n| 1 | 2 |\n{: .t}\n"), "<table class=\"t\">"));
    BOOST_TEST(contains(kd("> quote\n{: .q}\n"), "<blockquote class=\"q\">"));
    BOOST_TEST(contains(kd("```\ncode\n```\n{: .c}\n"), "<pre class=\"c\"><code>code\n</code></pre>"));
    BOOST_TEST(contains(kd("    code\n{: .c}\n"), "<pre class=\"c\"><code>code\n</code></pre>"));
    BOOST_TEST(contains(kd("Text\n\n---\n{: .hr}\n"), "<hr class=\"hr\" />"));
    BOOST_TEST(contains(kd("<div>raw</div>\n{: .c}\n"), "<div class=\"c\">raw</div>"));
}

BOOST_AUTO_TEST_CASE(quote_and_its_paragraph) {
    std::string html = kd("> a\n> {: .p}\n{: .bq}\n");
    BOOST_TEST(contains(html, "<blockquote class=\"bq\">"), html);
    BOOST_TEST(contains(html, "<p class=\"p\">a</p>"), html);
}

BOOST_AUTO_TEST_CASE(list_item_line_ends_the_list) {
    // kramdown: the IAL closes the list and applies to it; "* two" starts another list.
    std::string html = kd("* item\n{: .x}\n* two\n");
    BOOST_TEST(html == "<ul class=\"x\">\n<li>item</li>\n</ul>\n<ul>\n<li>two</li>\n</ul>\n");
}

BOOST_AUTO_TEST_CASE(after_a_blank_line_applies_to_the_next_block) {
    BOOST_TEST(kd("para\n\n{: .x}\n\nnext\n") == "<p>para</p>\n<p class=\"x\">next</p>\n");
    BOOST_TEST(kd("{: .x}\npara\n") == "<p class=\"x\">para</p>\n");
    BOOST_TEST(contains(kd("p1\n\n{: .x}\n\n* a\n"), "<ul class=\"x\">"));
    BOOST_TEST(kd("p1\n{: .x}\npara2\n") == "<p class=\"x\">p1</p>\n<p>para2</p>\n");
}

BOOST_AUTO_TEST_CASE(attached_to_nothing_vanishes) {
    BOOST_TEST(kd("para\n\n{: .x}\n") == "<p>para</p>\n");
    BOOST_TEST(kd("{: .lonely}\n") == "");
    BOOST_TEST(kd("\n\n{: .a}\n{: .b}\n\n") == "");
    BOOST_TEST(kd("* a\n  {: .x}\n* b\n") == "<ul>\n<li>a\n</li>\n<li>b</li>\n</ul>\n");
}

BOOST_AUTO_TEST_CASE(unsafe_attributes_are_dropped) {
    std::string html = kd("para\n{: .ok onclick=\"alert(1)\" ONLOAD='x' onmouseover=\"y\" href=\"javascript:x\" "
                          "src=\"x\" srcdoc=\"<b>\" style=\"color: red\" target=\"_blank\"}\n");
    BOOST_TEST(html == "<p class=\"ok\" style=\"color: red\" target=\"_blank\">para</p>\n");
    BOOST_TEST(kd("[a](/b){: onclick=\"x\" .c}\n") == "<p><a href=\"/b\" class=\"c\">a</a></p>\n");
}

BOOST_AUTO_TEST_CASE(attribute_values_are_escaped) {
    std::string html = kd("para\n{: title=\"a &amp; b <c> \\\"q\\\" 's'\" data-x='\"><script>alert(1)</script>'}\n");
    BOOST_TEST(html == "<p title=\"a &amp; b &lt;c&gt; &quot;q&quot; &#39;s&#39;\" "
                       "data-x=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">para</p>\n");
    BOOST_TEST(!contains(kd("x\n{: #\"><b .\"><i}\n"), "<b"));
}

BOOST_AUTO_TEST_CASE(references_to_alds) {
    BOOST_TEST(kd("{:ref: .a #b}\npara\n{: ref .c}\n") == "<p class=\"a c\" id=\"b\">para</p>\n");
    // An ALD defined after its use still applies; the ALD line itself writes nothing.
    BOOST_TEST(kd("para\n{: later}\n\n{:later: .z}\n") == "<p class=\"z\">para</p>\n");
}

BOOST_AUTO_TEST_CASE(code_keeps_attribute_lists_verbatim) {
    std::string html = kd("```\n{: .x}\ntext\n{: .y}\n```\n\n    {: .z}\n\n~~~\n{:toc}\n~~~\n");
    BOOST_TEST(contains(html, "<pre><code>{: .x}\ntext\n{: .y}\n</code></pre>"), html);
    BOOST_TEST(contains(html, "<pre><code>{: .z}\n</code></pre>"), html);
    BOOST_TEST(contains(html, "<pre><code>{:toc}\n</code></pre>"), html);
    BOOST_TEST(!contains(html, "class="), html);
    BOOST_TEST(clean(html));
    // The corpus shows the notice syntax inside a fenced block: it stays as written.
    html = kd("```markdown\n**Watch out!** appending `{: .notice}`.\n{: .notice}\n```\n");
    BOOST_TEST(html == "<pre><code class=\"language-markdown\">**Watch out!** appending `{: .notice}`.\n"
                       "{: .notice}\n</code></pre>\n");
    // And inside a fenced block in a list item, and inside a raw <pre>.
    BOOST_TEST(contains(kd("* item\n\n  ```\n  {: .x}\n  ```\n"), "<pre><code>{: .x}\n</code></pre>"));
    BOOST_TEST(contains(kd("<pre>\n{: .x}\n</pre>\n"), "<pre>\n{: .x}\n</pre>"));
}

BOOST_AUTO_TEST_CASE(raw_html_keeps_an_unattached_list_as_text) {
    BOOST_TEST(kd("<div>\ntext\n{: .x}\n</div>\n") == "<div>\ntext\n{: .x}\n</div>\n");
}

// --- span attribute lists -------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(link_target_blank) {
    BOOST_TEST(kd("[link](http://x){:target=\"_blank\"}\n") == "<p><a href=\"http://x\" target=\"_blank\">link</a></p>\n");
    BOOST_TEST(kd("[a](b){:target=\"_blank\" rel=\"noopener\"}\n") ==
               "<p><a href=\"b\" target=\"_blank\" rel=\"noopener\">a</a></p>\n");
}

BOOST_AUTO_TEST_CASE(image_emphasis_and_code) {
    BOOST_TEST(kd("![i](s.png){: .img width=\"50%\"}\n") ==
               "<p><img src=\"s.png\" alt=\"i\" class=\"img\" width=\"50%\" /></p>\n");
    BOOST_TEST(kd("**bold**{: .b} _em_{: .e} `c`{: .k}\n") ==
               "<p><strong class=\"b\">bold</strong> <em class=\"e\">em</em> <code class=\"k\">c</code></p>\n");
    BOOST_TEST(kd("[link](u){: .btn .btn--primary}\n") == "<p><a href=\"u\" class=\"btn btn--primary\">link</a></p>\n");
    // Span and block lists together.
    BOOST_TEST(kd("![img](a.png){: .c}\n{: style=\"text-align:center\"}\n") ==
               "<p style=\"text-align:center\"><img src=\"a.png\" alt=\"img\" class=\"c\" /></p>\n");
}

BOOST_AUTO_TEST_CASE(after_plain_text_stays_text) {
    BOOST_TEST(kd("text{: .x} and text {: .y} more\n") == "<p>text{: .x} and text {: .y} more</p>\n");
    BOOST_TEST(kd("Use `{: .z}` here\n") == "<p>Use <code>{: .z}</code> here</p>\n");
    BOOST_TEST(kd("a {: \"<b>\"}\n") == "<p>a {: &quot;&lt;b&gt;&quot;}</p>\n");
}

BOOST_AUTO_TEST_CASE(heading_with_a_literal_list_keeps_kramdown_id) {
    // kramdown's GFM parser leaves "{: .x}" in a heading as text and slugs it.
    BOOST_TEST(kd("## Head {: .x}\n") == "<h2 id=\"head--x\">Head {: .x}</h2>\n");
}

// --- table of contents ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(toc_replaces_the_list) {
    std::string html = kd("* toc\n{:toc .toc__menu}\n\n# One *em*\n\n## Two\n\n### Three\n\n## Four\n{: .no_toc}\n\n## Five\n");
    BOOST_TEST(contains(html, "<ul id=\"markdown-toc\" class=\"toc__menu\">\n"
                              "<li><a href=\"#one-em\" id=\"markdown-toc-one-em\">One <em>em</em></a>\n<ul>\n"
                              "<li><a href=\"#two\" id=\"markdown-toc-two\">Two</a>\n<ul>\n"
                              "<li><a href=\"#three\" id=\"markdown-toc-three\">Three</a></li>\n</ul>\n</li>\n"
                              "<li><a href=\"#five\" id=\"markdown-toc-five\">Five</a></li>\n</ul>\n</li>\n</ul>"),
               html);
    BOOST_TEST(!contains(html, "<li>toc</li>"), html);
    BOOST_TEST(!contains(html, "markdown-toc-four"), html);
    BOOST_TEST(kd("{:toc}\n") == "");
}

// --- markdown="1" ---------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(markdown_inside_html) {
    // minimal-mistakes' notice blocks.
    BOOST_TEST(kd("<div class=\"notice--info\" markdown=\"1\">\n**Watch out!** *here*\n\n* a\n</div>\n") ==
               "<div class=\"notice--info\">\n<p><strong>Watch out!</strong> <em>here</em></p>\n<ul>\n<li>a</li>\n</ul>\n</div>\n");
    BOOST_TEST(kd("<div markdown=\"1\">\n<div markdown=\"1\">\n*in*\n</div>\n*out*\n</div>\n\n*after*\n") ==
               "<div>\n<div>\n<p><em>in</em></p>\n</div>\n<p><em>out</em></p>\n</div>\n<p><em>after</em></p>\n");
    // Without the attribute the content stays raw, as kramdown leaves it.
    BOOST_TEST(kd("<div>\n*raw*\n</div>\n") == "<div>\n*raw*\n</div>\n");
    BOOST_TEST(kd("```\n<div markdown=\"1\">\n```\n") == "<pre><code>&lt;div markdown=&quot;1&quot;&gt;\n</code></pre>\n");
}

BOOST_AUTO_TEST_CASE(toc_include_of_minimal_mistakes) {
    // What {% include toc %} expands to in the academicpages theme.
    std::string html = kd("<aside class=\"sidebar__right\">\n<nav class=\"toc\" markdown=\"1\">\n"
                          "<header><h4 class=\"nav__title\"><i class=\"fa fa-file-text\"></i> On this page</h4></header>\n"
                          "*  Auto generated table of contents\n{:toc .toc__menu}\n</nav>\n</aside>\n\n## One\n\n### Two\n");
    BOOST_TEST(contains(html, "<nav class=\"toc\">\n<header>"), html);
    BOOST_TEST(contains(html, "</header>\n<ul id=\"markdown-toc\" class=\"toc__menu\">\n"
                              "<li><a href=\"#one\" id=\"markdown-toc-one\">One</a>\n<ul>\n"
                              "<li><a href=\"#two\" id=\"markdown-toc-two\">Two</a></li>\n</ul>\n</li>\n</ul>\n</nav>"),
               html);
    BOOST_TEST(!contains(html, "Auto generated"), html);
}

// --- math -----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(display_math_from_the_corpus) {
    std::string html = kd("is included in the template:\n\n$$\n\\displaylines{\n"
                          "\\nabla \\cdot E= \\frac{\\rho}{\\epsilon_0} \\\\\\\n"
                          "\\nabla \\times B  = \\mu_0 \\left(J + \\varepsilon_0 \\partial_t E \\right)\n}\n$$\n\n"
                          "The default delimiters\n");
    BOOST_TEST(html == "<p>is included in the template:</p>\n"
                       "\\[\\displaylines{\n\\nabla \\cdot E= \\frac{\\rho}{\\epsilon_0} \\\\\\\n"
                       "\\nabla \\times B  = \\mu_0 \\left(J + \\varepsilon_0 \\partial_t E \\right)\n}\\]\n"
                       "<p>The default delimiters</p>\n");
}

BOOST_AUTO_TEST_CASE(inline_math_keeps_underscores_and_stars) {
    BOOST_TEST(kd("Energy $$a_1 * b_2 * c_3$$ and $$x_i < y_i & z$$ here\n") ==
               "<p>Energy \\(a_1 * b_2 * c_3\\) and \\(x_i &lt; y_i &amp; z\\) here</p>\n");
    // From _publications: inline $$ in a sentence.
    BOOST_TEST(contains(kd("supported - $$E=mc^2$$ - however, `$$...$$` and `\\\\[...\\\\]` differ\n"),
                        "supported - \\(E=mc^2\\) - however, <code>$$...$$</code> and <code>\\\\[...\\\\]</code> differ"));
}

BOOST_AUTO_TEST_CASE(display_or_inline_by_position) {
    BOOST_TEST(kd("text\n\n$$x_1 * y_2$$\n\nafter\n") == "<p>text</p>\n\\[x_1 * y_2\\]\n<p>after</p>\n");
    BOOST_TEST(kd("text\n$$\nx_1\n$$\n") == "<p>text\n\\(x_1\\)</p>\n");          // continues the paragraph
    BOOST_TEST(kd("$$\na\n$$\nfollowing\n") == "<p>\\(a\\)\nfollowing</p>\n");    // not a block of its own
    BOOST_TEST(kd("> $$\n> a<b\n> $$\n") == "<blockquote>\n\\[a&lt;b\\]\n</blockquote>\n");
    BOOST_TEST(contains(kd("* $$x_1$$\n* item\n"), "<li>\n\\[x_1\\]\n</li>"));
}

BOOST_AUTO_TEST_CASE(escaped_paren_delimiters) {
    // _pages/markdown.md: "(ex., \\(a^2 + b^2 = c^2\\))"
    BOOST_TEST(kd("(ex., \\\\(a^2 + b^2 = c^2\\\\))\n") == "<p>(ex., \\(a^2 + b^2 = c^2\\))</p>\n");
    // Emphasis characters inside stay TeX; Markdown escapes resolve as kramdown resolves them.
    BOOST_TEST(kd("\\\\(a*b*c + x_1 + y_1\\\\) and \\\\[x_2 + y_2\\\\]\n") ==
               "<p>\\(a*b*c + x_1 + y_1\\) and \\[x_2 + y_2\\]</p>\n");
    BOOST_TEST(kd("\\\\(a \\\\\\\\ b \\\\{x\\\\}\\\\)\n") == "<p>\\(a \\\\ b \\{x\\}\\)</p>\n");
}

BOOST_AUTO_TEST_CASE(math_in_code_stays_verbatim) {
    BOOST_TEST(kd("`$$a_1$$` and\n\n```\n$$b_1$$\n```\n") ==
               "<p><code>$$a_1$$</code> and</p>\n<pre><code>$$b_1$$\n</code></pre>\n");
    BOOST_TEST(kd("    $$\n    c_1 < d\n    $$\n") == "<pre><code>$$\nc_1 &lt; d\n$$\n</code></pre>\n");
}

BOOST_AUTO_TEST_CASE(math_in_urls_titles_and_alt_text) {
    std::string html = kd("[l $$a$$](http://x/$$a$$ \"t $$b$$\") ![al $$c_1$$](i.png) <a href=\"$$x$$\">y</a>\n");
    BOOST_TEST(html == "<p><a href=\"http://x/$$a$$\" title=\"t $$b$$\">l \\(a\\)</a> "
                       "<img src=\"i.png\" alt=\"al $$c_1$$\" /> <a href=\"$$x$$\">y</a></p>\n");
}

BOOST_AUTO_TEST_CASE(heading_with_math_keeps_kramdown_id) {
    BOOST_TEST(kd("## Energy $$E=mc^2$$\n") == "<h2 id=\"energy-emc2\">Energy \\(E=mc^2\\)</h2>\n");
}

BOOST_AUTO_TEST_CASE(unterminated_math_is_text) {
    BOOST_TEST(kd("$$unterminated _x_\n") == "<p>$$unterminated <em>x</em></p>\n");
    BOOST_TEST(kd("a $$b\n\nc$$ d\n") == "<p>a $$b</p>\n<p>c$$ d</p>\n");  // never across paragraphs
    BOOST_TEST(kd("\\\\(open only\n") == "<p>\\(open only</p>\n");
}

// --- definition lists -----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(definition_list_from_the_corpus) {
    std::string html = kd(
        "## Definition Lists\n\n"
        "Definition List Title\n:   Definition list division.\n\n"
        "Startup\n:   A startup company or startup is a company.\n\n"
        "#dowork\n:   Coined by Rob Dyrdek, \"Do Work\" works as a self motivator.\n\n"
        "Do It Live\n:   I'll let Bill O'Reilly [explain](https://www.youtube.com/watch?v=O_HyZ5aW76c \"We'll Do It Live\") this one.\n\n"
        "## Unordered Lists\n");
    BOOST_TEST(html == "<h2 id=\"definition-lists\">Definition Lists</h2>\n<dl>\n"
                       "<dt>Definition List Title</dt>\n<dd>Definition list division.</dd>\n"
                       "<dt>Startup</dt>\n<dd>A startup company or startup is a company.</dd>\n"
                       "<dt>#dowork</dt>\n<dd>Coined by Rob Dyrdek, &quot;Do Work&quot; works as a self motivator.</dd>\n"
                       "<dt>Do It Live</dt>\n<dd>I'll let Bill O'Reilly <a href=\"https://www.youtube.com/watch?v=O_HyZ5aW76c\" "
                       "title=\"We'll Do It Live\">explain</a> this one.</dd>\n</dl>\n"
                       "<h2 id=\"unordered-lists\">Unordered Lists</h2>\n");
}

BOOST_AUTO_TEST_CASE(several_terms_and_definitions) {
    std::string html = kd("Term1\nTerm2\n: def1\n: def2\n\nT3\n\n: loose\n");
    BOOST_TEST(html == "<dl>\n<dt>Term1</dt>\n<dt>Term2</dt>\n<dd>def1</dd>\n<dd>def2</dd>\n"
                       "<dt>T3</dt>\n<dd>\n<p>loose</p>\n</dd>\n</dl>\n");
}

BOOST_AUTO_TEST_CASE(definition_continuations) {
    BOOST_TEST(kd("Term *em*\n: def\ncontinued *here*\n\nPara\n") ==
               "<dl>\n<dt>Term <em>em</em></dt>\n<dd>def\ncontinued <em>here</em></dd>\n</dl>\n<p>Para</p>\n");
    BOOST_TEST(kd("Term\n:   para one\n\n    para two\n\n    * x\n") ==
               "<dl>\n<dt>Term</dt>\n<dd>para one\n<p>para two</p>\n<ul>\n<li>x</li>\n</ul></dd>\n</dl>\n");
    BOOST_TEST(kd("Term\n:\tdef tab\n") == "<dl>\n<dt>Term</dt>\n<dd>def tab</dd>\n</dl>\n");
}

BOOST_AUTO_TEST_CASE(definition_list_with_attributes_and_math) {
    BOOST_TEST(kd("Term\n:   def $$a_1$$\n{: .z}\n\nNext\n") ==
               "<dl class=\"z\">\n<dt>Term</dt>\n<dd>def \\(a_1\\)</dd>\n</dl>\n<p>Next</p>\n");
}

BOOST_AUTO_TEST_CASE(colon_lines_that_are_not_definitions) {
    BOOST_TEST(kd("```\nTerm\n: def\n```\n") == "<pre><code>Term\n: def\n</code></pre>\n");
    BOOST_TEST(kd(": no term\n") == "<p>: no term</p>\n");
    BOOST_TEST(kd("* item\n: def\n") == "<ul>\n<li>item\n: def</li>\n</ul>\n");
}

// --- abbreviations --------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(abbreviation_from_the_corpus) {
    std::string html = kd("### Abbreviation Tag\n\nThe abbreviation CSS stands for \"Cascading Style Sheets\".\n\n"
                          "*[CSS]: Cascading Style Sheets\n\n### Cite Tag\n");
    BOOST_TEST(html == "<h3 id=\"abbreviation-tag\">Abbreviation Tag</h3>\n"
                       "<p>The abbreviation <abbr title=\"Cascading Style Sheets\">CSS</abbr> stands for "
                       "&quot;Cascading Style Sheets&quot;.</p>\n<h3 id=\"cite-tag\">Cite Tag</h3>\n");
}

BOOST_AUTO_TEST_CASE(abbreviations_only_in_text) {
    std::string html = kd("*[CSS]: Cascading\n\nCSS `CSS` <b title=\"CSS\">CSS</b> [CSS](/CSS \"CSS\") CSSX xCSS CSS_x\n\n"
                          "<div>\nCSS in raw HTML\n</div>\n\n    CSS code\n\n## CSS head\n");
    BOOST_TEST(contains(html, "<p><abbr title=\"Cascading\">CSS</abbr> <code>CSS</code> <b title=\"CSS\"><abbr title=\"Cascading\">CSS</abbr></b> "
                              "<a href=\"/CSS\" title=\"CSS\"><abbr title=\"Cascading\">CSS</abbr></a> CSSX xCSS CSS_x</p>"),
               html);
    BOOST_TEST(contains(html, "<div>\nCSS in raw HTML\n</div>"), html);
    BOOST_TEST(contains(html, "<pre><code>CSS code\n</code></pre>"), html);
    BOOST_TEST(contains(html, "<h2 id=\"css-head\"><abbr title=\"Cascading\">CSS</abbr> head</h2>"), html);
}

BOOST_AUTO_TEST_CASE(abbreviation_matching) {
    std::string html = kd("*[HTML]: Hyper\n*[HTML5]: Hyper 5\n*[R&D]: Research & \"Development\"\n\n"
                          "HTML5 and HTML and R&D. $$HTML_1$$\n");
    BOOST_TEST(html == "<p><abbr title=\"Hyper 5\">HTML5</abbr> and <abbr title=\"Hyper\">HTML</abbr> and "
                       "<abbr title=\"Research &amp; &quot;Development&quot;\">R&amp;D</abbr>. \\(HTML_1\\)</p>\n");
    // An abbreviation never matches inside an entity.
    BOOST_TEST(kd("*[amp]: no\n\nA &amp; B amp\n") == "<p>A &amp; B <abbr title=\"no\">amp</abbr></p>\n");
}

// --- tables ---------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(table_sections_from_the_corpus) {
    std::string html = kd("| Header1 | Header2 | Header3 |\n|:--------|:-------:|--------:|\n| cell1   | cell2   | cell3   |\n"
                          "|-----------------------------|\n| cell4   | cell5   | cell6   |\n"
                          "|=============================|\n| Foot1   | Foot2   | Foot3   |\n");
    BOOST_TEST(count(html, "<tbody>") == 2u, html);
    BOOST_TEST(contains(html, "</tbody>\n<tbody>\n<tr>\n<td align=\"left\">cell4</td>"), html);
    BOOST_TEST(contains(html, "</tbody>\n<tfoot>\n<tr>\n<td align=\"left\">Foot1</td>"), html);
    BOOST_TEST(contains(html, "</tr>\n</tfoot>\n</table>"), html);
    BOOST_TEST(!contains(html, "---"), html);
    BOOST_TEST(!contains(html, "==="), html);
}

// --- markers --------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(markers_never_leak) {
    const char* cases[] = {
        "{: .x}", "{:toc}", "{:ref: .a}", "*[X]: y", "Term\n: def", "$$x$$", "$$\nx\n$$", "[a](b){: .c}",
        "```\n{: .x}\n", "    {: .x}\n    $$y$$", "<pre>\n$$x$$\n{: .x}", "> {: .x}", "* {: .x}", "| a |\n|---|\n|---|",
        "<!-- {: .x} $$y$$ -->", "![a $$x$$](b){: .c}", "`{: .x}`{: .y}", "text\n{: .x}\n\n{: .y}\n\n{: .z}",
        "<div markdown=\"1\">\n{: .x}\n$$y$$", "<div markdown=1><span markdown=1>{: .x}</div>", "Term\n: ```\n{: .x}",
    };
    for (const char* c : cases) {
        std::string html = kd(c);
        BOOST_TEST(clean(html), c << " -> " << html);
    }
}

BOOST_AUTO_TEST_CASE(marker_characters_in_the_input_cannot_forge_a_marker) {
    // U+FDD0 U+FDE0 U+FDD1 is how marker 0 is written; in the input it is replaced with U+FFFD.
    std::string forged = "a \xEF\xB7\x90\xEF\xB7\xA0\xEF\xB7\x91 b\n\n<!--\xEF\xB7\x90\xEF\xB7\xA0\xEF\xB7\x91-->\n\n$$x$$\n";
    std::string html = kd(forged);
    BOOST_TEST(clean(html), html);
    BOOST_TEST(contains(html, "<p>a \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD b</p>"), html);
    BOOST_TEST(contains(html, "\\[x\\]"), html);
}

BOOST_AUTO_TEST_CASE(after_without_markers_changes_nothing) {
    folio::KramdownPrepared empty;
    const std::string html = "<p class=\"a\">x &amp; <b>y</b></p>\n<pre><code>{: .x}</code></pre>\n";
    BOOST_TEST(folio::kramdown_after(html, empty) == html);
    // Markers from another page's preparation are not trusted either.
    BOOST_TEST(folio::kramdown_after("a \xEF\xB7\x90\xEF\xB7\xA5\xEF\xB7\x91 b", empty) == "a  b");
}

BOOST_AUTO_TEST_CASE(windows_line_endings) {
    BOOST_TEST(kd("para\r\n{: .x}\r\n\r\nTerm\r\n: def\r\n") == "<p class=\"x\">para</p>\n<dl>\n<dt>Term</dt>\n<dd>def</dd>\n</dl>\n");
}

// --- hostile input --------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(huge_numbers_of_attribute_lists) {
    std::string ials = "para\n";
    for (int i = 0; i < 200000; ++i) ials += "{: .x}\n";
    BOOST_TEST(survives(ials) == "exit 0");
    std::string spaced;
    for (int i = 0; i < 100000; ++i) spaced += "p\n\n{: .x}\n";
    BOOST_TEST(survives(spaced) == "exit 0");
    std::string spans;
    for (int i = 0; i < 120000; ++i) spans += "[a](b){: .c} ";
    BOOST_TEST(survives(spans) == "exit 0");
}

BOOST_AUTO_TEST_CASE(beyond_the_marker_limit_syntax_stays_text) {
    std::string spans;
    for (std::size_t i = 0; i < folio::kMaxKramdownMarkers + 10; ++i) spans += "*a*{: .c}\n";
    std::string html = kd(spans);
    BOOST_TEST(clean(html));
    BOOST_TEST(count(html, "<em class=\"c\">") == folio::kMaxKramdownMarkers);
    BOOST_TEST(count(html, "{: .c}") == 10u);
}

BOOST_AUTO_TEST_CASE(unterminated_and_unbalanced_constructs) {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += "$$ a \\\\( b {: c <a x=\" [[ ]( `` ";
    BOOST_TEST(survives(s) == "exit 0");
    BOOST_TEST(survives(std::string(300000, '[') + std::string(300000, ']')) == "exit 0");
    BOOST_TEST(survives(std::string(300000, '{') + ":" + std::string(300000, '}')) == "exit 0");
    std::string ticks;
    for (int i = 1; i < 700; ++i) ticks += std::string(i, '`') + " x ";
    BOOST_TEST(survives(ticks) == "exit 0");
    std::string nested;
    for (int i = 0; i < 2000; ++i) nested += std::string(2 * i, ' ') + "* a\n" + std::string(2 * i + 2, ' ') + "{: .x}\n";
    BOOST_TEST(survives(nested) == "exit 0");
    std::string quotes;
    for (int i = 0; i < 1500; ++i) {
        quotes += std::string(i, '>') + " p\n";
        quotes += std::string(i, '>') + " {: .x}\n";
    }
    BOOST_TEST(survives(quotes) == "exit 0");
    std::string lists;
    for (int i = 0; i < 100000; ++i) lists += "Term\n: def $$x$$\n";
    BOOST_TEST(survives(lists) == "exit 0");
    std::string regions;
    for (int i = 0; i < 100000; ++i) regions += "<div markdown=\"1\">";
    for (int i = 0; i < 100000; ++i) regions += "</div>\n*x*\n";
    BOOST_TEST(survives(regions) == "exit 0");
    std::string abbrs;
    for (int i = 0; i < 3000; ++i) abbrs += "*[A" + std::to_string(i) + "]: t\n";
    for (int i = 0; i < 100000; ++i) abbrs += "A1 A2 A3 B ";
    BOOST_TEST(survives(abbrs) == "exit 0");
}

BOOST_AUTO_TEST_CASE(time_grows_linearly) {
    // Doubling the input must not much more than double the time (a quadratic scan would
    // quadruple it). Small absolute times are noise, so compare against a floor.
    auto input = [](int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += "p $$a_" + std::to_string(i) + "$$ [l](u){: .c}\n{: .x}\n\nT\n: d\n\n| a |\n|---|\n|---|\n\n";
        return s;
    };
    // 10,000 blocks make about 80,000 markers: all below kMaxKramdownMarkers, all processed.
    const double small = seconds_for(input(5000)), large = seconds_for(input(10000));
    BOOST_TEST(large < 3 * small + 0.2, "5k: " << small << "s, 10k: " << large << "s");
}

BOOST_AUTO_TEST_SUITE_END()
