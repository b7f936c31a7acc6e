// ByteEscaper: the one table-driven loop behind escape_html, Jekyll's xml_escape and JSON-LD's strings.
#include <boost/test/unit_test.hpp>

#include <string>

#include "escape.h"
#include "html.h"

using folio::ByteEscaper;

BOOST_AUTO_TEST_SUITE(byte_escaper)

BOOST_AUTO_TEST_CASE(listed_bytes_are_replaced_and_the_rest_copied) {
    const ByteEscaper e{{'<', "&lt;"}, {'\0', "\\0"}};
    BOOST_TEST(e(std::string("a<b\0c\xC3\xA9", 7)) == "a&lt;b\\0c\xC3\xA9");
    BOOST_TEST(e("").empty());
}

BOOST_AUTO_TEST_CASE(a_copy_may_differ_in_one_byte_and_leaves_the_original_alone) {
    const ByteEscaper xml = ByteEscaper(folio::html_escaper()).set('\'', "&apos;");
    BOOST_TEST(xml("<a href=\"x\">Tom's & Jerry's</a>") ==
               "&lt;a href=&quot;x&quot;&gt;Tom&apos;s &amp; Jerry&apos;s&lt;/a&gt;");
    BOOST_TEST(folio::escape_html("Tom's <b>") == "Tom&#39;s &lt;b&gt;");
}

BOOST_AUTO_TEST_SUITE_END()
