// html: the one escaper for text and quoted attribute values folio writes itself.
#include <boost/test/unit_test.hpp>

#include "helpers.h"
#include "html.h"

using folio::escape_html;

BOOST_AUTO_TEST_SUITE(html)

BOOST_AUTO_TEST_CASE(escapes_the_five_characters) {
    testing::expect_each([](const std::string& in) { return escape_html(in); },
                          {{"&", "&amp;"},
                           {"<", "&lt;"},
                           {">", "&gt;"},
                           {"\"", "&quot;"},
                           {"'", "&#39;"}});
    BOOST_TEST(escape_html(R"(<a href="x" title='y'>&amp;</a>)") ==
               "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
}

BOOST_AUTO_TEST_CASE(everything_else_passes_unchanged) {
    testing::expect_each([](const std::string& in) { return escape_html(in); },
                          {{"", ""},
                           {"plain text, 1 + 2 = 3; a/b\\c `x` =", "plain text, 1 + 2 = 3; a/b\\c `x` ="},
                           {"Zhào 赵 \t\n", "Zhào 赵 \t\n"}});
    BOOST_TEST(escape_html(std::string("a\0b", 3)) == std::string("a\0b", 3));
}

// Titles written with entities (WordPress exports): the characters they stand for, so that a
// template escapes the title once; what is not a known entity stays as written.
BOOST_AUTO_TEST_CASE(decodes_entities_in_titles) {
    testing::expect_each([](const std::string& in) { return folio::decode_html_entities(in); },
                          {{"It&#8217;s &amp; more", "It\u2019s & more"},
                           {"&#x2018;q&#X2019; &ldquo;d&rdquo; a&mdash;b&hellip;", "\u2018q\u2019 \u201Cd\u201D a\u2014b\u2026"},
                           {"&lt;b&gt; &quot;x&quot; &apos;y&apos;", "<b> \"x\" 'y'"},
                           {"&unknown; &#0; &#xD800; &#x110000; &#12a; & ; &#; &amp", "&unknown; &#0; &#xD800; &#x110000; &#12a; & ; &#; &amp"},
                           {"R&D; AT&T", "R&D; AT&T"},
                           {"", ""}});
}

BOOST_AUTO_TEST_SUITE_END()
