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

BOOST_AUTO_TEST_SUITE_END()
