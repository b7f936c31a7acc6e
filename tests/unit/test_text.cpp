// text.h: the small string helpers every module shares.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "text.h"

BOOST_AUTO_TEST_SUITE(text_helpers)

BOOST_AUTO_TEST_CASE(prefixes_and_suffixes) {
    BOOST_TEST(folio::starts_with("https://x", "https://"));
    BOOST_TEST(!folio::starts_with("http", "https://"));
    BOOST_TEST(folio::starts_with("", ""));
    BOOST_TEST(folio::ends_with("a.html", ".html"));
    BOOST_TEST(!folio::ends_with("html", ".html"));
    BOOST_TEST(folio::starts_with_ci("HTTPS://X", "https://"));
    BOOST_TEST(!folio::starts_with_ci("HTTP", "https://"));
    BOOST_TEST(!folio::starts_with_ci("https://", "HTTPS://"));  // the prefix is written in lower case
}

BOOST_AUTO_TEST_CASE(ascii_lower_case_leaves_other_bytes_alone) {
    BOOST_TEST(folio::to_lower("Text/HTML; Charset=UTF-8") == "text/html; charset=utf-8");
    BOOST_TEST(folio::to_lower("\xC3\x89t\xC3\xA9") == "\xC3\x89t\xC3\xA9");  // UTF-8 bytes kept as they are
}

BOOST_AUTO_TEST_CASE(trim_takes_the_blanks_it_is_given) {
    BOOST_TEST(folio::trim(" \t a b \r\n") == "a b");
    BOOST_TEST(folio::trim(" \t ") == "");
    BOOST_TEST(folio::trim("\n a \n", " \t") == "\n a \n");
    BOOST_TEST(folio::trim(" gzip\t", " \t") == "gzip");
}

BOOST_AUTO_TEST_CASE(control_characters) {
    BOOST_TEST(folio::is_control('\0'));
    BOOST_TEST(folio::is_control('\x1f'));
    BOOST_TEST(folio::is_control('\x7f'));
    BOOST_TEST(!folio::is_control(' '));
    BOOST_TEST(!folio::is_control(static_cast<unsigned char>('\xC3')));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(text_scan)

BOOST_AUTO_TEST_CASE(for_each_between_finds_each_span_and_stops_at_an_unclosed_one) {
    std::vector<std::string> seen;
    auto note = [&](std::string_view v) { seen.emplace_back(v); };
    folio::for_each_between("a {{x}} b {{ y }}{{}} {{z", "{{", "}}", note);
    BOOST_TEST((seen == std::vector<std::string>{"x", " y ", ""}));
    seen.clear();
    folio::for_each_between("<p id=\"a\"><i id=\"b\">", " id=\"", "\"", note);
    BOOST_TEST((seen == std::vector<std::string>{"a", "b"}));
}

BOOST_AUTO_TEST_SUITE_END()
