// http: the CGI response format, header-value checks and redirect responses.
#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>

#include "error.h"
#include "helpers.h"
#include "http.h"

using folio::Response;
using folio::header_value_ok;
using folio::redirect_response;
using folio::serialize;
using testing::contains;

BOOST_AUTO_TEST_SUITE(http)

BOOST_AUTO_TEST_CASE(serialize_writes_status_headers_length_and_body) {
    Response r;
    r.status = 200;
    r.set_header("Content-Type", "text/plain; charset=utf-8");
    r.body = "hello";
    BOOST_TEST(serialize(r, false) ==
               "Status: 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\n\r\nhello");
}

BOOST_AUTO_TEST_CASE(head_has_the_headers_but_no_body) {
    Response r;
    r.status = 200;
    r.set_header("Content-Type", "text/html; charset=utf-8");
    r.body = "<p>page</p>";
    std::string out = serialize(r, true);
    BOOST_TEST(out == "Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 11\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(status_lines) {
    Response r;
    r.status = 404;
    BOOST_TEST(testing::starts_with(serialize(r, false), "Status: 404 Not Found\r\n"));
    r.status = 405;
    BOOST_TEST(testing::starts_with(serialize(r, false), "Status: 405 Method Not Allowed\r\n"));
    r.status = 301;
    BOOST_TEST(testing::starts_with(serialize(r, false), "Status: 301 Moved Permanently\r\n"));
    BOOST_TEST(std::string(folio::reason_phrase(414)) == "URI Too Long");
    BOOST_TEST(std::string(folio::reason_phrase(500)) == "Internal Server Error");
}

BOOST_AUTO_TEST_CASE(empty_body_has_content_length_zero) {
    Response r;
    BOOST_TEST(serialize(r, false) == "Status: 200 OK\r\nContent-Length: 0\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(not_modified_has_no_body) {
    Response r;
    r.status = 304;
    r.body = "should not be sent";
    std::string out = serialize(r, false);
    BOOST_TEST(testing::starts_with(out, "Status: 304 Not Modified\r\n"));
    BOOST_TEST(!contains(out, "should not be sent"));
    BOOST_TEST(out.substr(out.size() - 4) == "\r\n\r\n");
}

BOOST_AUTO_TEST_CASE(a_header_value_with_a_newline_is_never_written) {
    Response r;
    r.set_header("X-Bad", "a\r\nSet-Cookie: evil=1");
    r.set_header("X-Good", "fine");
    std::string out = serialize(r, false);
    BOOST_TEST(!contains(out, "Set-Cookie"));
    BOOST_TEST(!contains(out, "X-Bad"));
    BOOST_TEST(contains(out, "X-Good: fine\r\n"));
}

BOOST_AUTO_TEST_CASE(set_header_replaces_and_header_finds) {
    Response r;
    r.set_header("Content-Type", "a");
    r.set_header("Content-Type", "b");
    BOOST_TEST(r.headers.size() == 1u);
    BOOST_TEST_REQUIRE(r.header("Content-Type"));
    BOOST_TEST(*r.header("Content-Type") == "b");
    BOOST_TEST(!r.header("Location"));
}

BOOST_AUTO_TEST_CASE(header_value_ok_cases) {
    BOOST_TEST(header_value_ok(""));
    BOOST_TEST(header_value_ok("/publications/?x=1&y=2"));
    BOOST_TEST(header_value_ok("text/html; charset=utf-8"));
    BOOST_TEST(header_value_ok("/caf\xC3\xA9/"));
    BOOST_TEST(!header_value_ok("a\rb"));
    BOOST_TEST(!header_value_ok("a\nb"));
    BOOST_TEST(!header_value_ok("/x\r\nSet-Cookie: a=b"));
    BOOST_TEST(!header_value_ok(std::string("a\0b", 3)));
    BOOST_TEST(!header_value_ok("a\x7f"));
    BOOST_TEST(!header_value_ok("a\x1b[31m"));
}

BOOST_AUTO_TEST_CASE(redirect_response_sets_status_location_and_body) {
    Response r = redirect_response(301, "/publications/");
    BOOST_TEST(r.status == 301);
    BOOST_TEST_REQUIRE(r.header("Location"));
    BOOST_TEST(*r.header("Location") == "/publications/");
    BOOST_TEST(contains(r.body, "href=\"/publications/\""));
    std::string out = serialize(r, false);
    BOOST_TEST(testing::starts_with(out, "Status: 301 Moved Permanently\r\n"));
    BOOST_TEST(contains(out, "\r\nLocation: /publications/\r\n"));
}

BOOST_AUTO_TEST_CASE(redirect_response_rejects_cr_lf_and_empty) {
    BOOST_CHECK_THROW(redirect_response(301, "/x/\r\nSet-Cookie: a=b"), folio::Error);
    BOOST_CHECK_THROW(redirect_response(301, "/x/\n"), folio::Error);
    BOOST_CHECK_THROW(redirect_response(301, "/x/\r"), folio::Error);
    BOOST_CHECK_THROW(redirect_response(301, ""), folio::Error);
}

BOOST_AUTO_TEST_CASE(redirect_response_escapes_the_body) {
    Response r = redirect_response(301, "/a/?q=\"><script>alert(1)</script>&x='y'");
    BOOST_TEST(*r.header("Location") == "/a/?q=\"><script>alert(1)</script>&x='y'");
    BOOST_TEST(!contains(r.body, "<script>"), r.body);
    BOOST_TEST(!contains(r.body, "\"><"), r.body);
    BOOST_TEST(contains(r.body, "&lt;script&gt;"), r.body);
    BOOST_TEST(contains(r.body, "&quot;"), r.body);
    BOOST_TEST(contains(r.body, "&amp;x="), r.body);
}

BOOST_AUTO_TEST_SUITE_END()
