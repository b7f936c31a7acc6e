// http_cache: validators, conditional requests, Accept-Encoding and the gzip variant of a body.
#include <boost/test/unit_test.hpp>

#include "../common/gunzip.h"
#include "http_cache.h"

using namespace folio;

namespace {

Response html_page(const std::string& body) {
    Response r;
    r.status = 200;
    r.set_header("Content-Type", "text/html; charset=utf-8");
    r.body = body;
    return r;
}

std::string header_or_none(const Response& r, const char* name) {
    const std::string* v = r.header(name);
    return v ? *v : "<none>";
}

Request conditional(const std::string& if_none_match, const std::string& if_modified_since) {
    Request q;
    q.method = "GET";
    q.if_none_match = if_none_match;
    q.if_modified_since = if_modified_since;
    return q;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(http_cache)

// RFC 9110's own example date, the epoch, and one more.
BOOST_AUTO_TEST_CASE(http_dates_both_ways) {
    BOOST_TEST(http_date(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT");
    BOOST_TEST(http_date(0) == "Thu, 01 Jan 1970 00:00:00 GMT");
    BOOST_TEST(http_date(1700000000) == "Tue, 14 Nov 2023 22:13:20 GMT");
    BOOST_TEST(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777);
    BOOST_TEST(parse_http_date("Tue, 14 Nov 2023 22:13:20 GMT") == 1700000000);
    for (const char* bad : {"", "yesterday", "Sun, 06 Nov 1994 08:49:37 GMT trailing", "Sun, 06 Nov 1994"}) {
        BOOST_TEST_CONTEXT("'" << bad << "'") { BOOST_TEST(parse_http_date(bad) == -1); }
    }
}

BOOST_AUTO_TEST_CASE(accept_encoding_names_gzip_with_a_positive_q) {
    for (const char* yes : {"gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.5", " x-gzip ", "deflate,gzip;q=0.001", "gzip;level=1"})
        BOOST_TEST_CONTEXT("'" << yes << "'") { BOOST_TEST(accepts_gzip(yes)); }
    for (const char* no : {"", "identity", "deflate, br", "gzip;q=0", "gzip;q=0.0, br", "gzipx", "*", "agzip"})
        BOOST_TEST_CONTEXT("'" << no << "'") { BOOST_TEST(!accepts_gzip(no)); }
}

// A strong ETag of 16 hex digits in quotes: a hash of the body (text.h's fnv1a, whose start
// value is not FNV's published offset basis, so FNV's test vectors do not apply), the same for
// the same bytes and another for others.
bool is_hash_etag(const std::string& e) {
    if (e.size() != 18 || e.front() != '"' || e.back() != '"') return false;
    return e.find_first_not_of("0123456789abcdef", 1) == 17;
}

BOOST_AUTO_TEST_CASE(validators_are_added_as_asked) {
    Response r = html_page("a");
    add_validators(r, 784111777, "public, max-age=300");
    BOOST_TEST(is_hash_etag(header_or_none(r, "ETag")), header_or_none(r, "ETag"));
    Response same = html_page("a"), other = html_page("b");
    add_validators(same, 1, "");
    add_validators(other, 784111777, "public, max-age=300");
    BOOST_TEST(header_or_none(same, "ETag") == header_or_none(r, "ETag"));
    BOOST_TEST(header_or_none(other, "ETag") != header_or_none(r, "ETag"));
    BOOST_TEST(header_or_none(r, "Last-Modified") == "Sun, 06 Nov 1994 08:49:37 GMT");
    BOOST_TEST(header_or_none(r, "Cache-Control") == "public, max-age=300");
    BOOST_TEST(header_or_none(r, "Vary") == "Accept-Encoding");

    Response empty = html_page("");
    add_validators(empty, 0, "");
    BOOST_TEST(is_hash_etag(header_or_none(empty, "ETag")), header_or_none(empty, "ETag"));
    BOOST_TEST(header_or_none(empty, "Last-Modified") == "<none>");
    BOOST_TEST(header_or_none(empty, "Cache-Control") == "<none>");

    Response png;
    png.set_header("Content-Type", "image/png");
    png.set_header("ETag", "\"from-the-stamp\"");
    png.body = "foobar";
    add_validators(png, 1, "x");
    BOOST_TEST(header_or_none(png, "ETag") == "\"from-the-stamp\"");  // an ETag set already stays
    BOOST_TEST(header_or_none(png, "Vary") == "<none>");              // not compressible
}

BOOST_AUTO_TEST_CASE(if_none_match_wins_over_if_modified_since) {
    Response r = html_page("foobar");
    add_validators(r, 784111777, "");
    const std::string etag = header_or_none(r, "ETag");
    BOOST_REQUIRE(is_hash_etag(etag));
    std::string other = etag;
    other[1] = other[1] == '0' ? '1' : '0';  // one digit changed
    const std::string later = "Mon, 07 Nov 1994 00:00:00 GMT", earlier = "Sat, 05 Nov 1994 00:00:00 GMT";
    BOOST_TEST(not_modified(conditional(etag, ""), r));
    BOOST_TEST(not_modified(conditional("\"x\", W/" + etag, ""), r));  // weak comparison, in a list
    BOOST_TEST(not_modified(conditional("*", ""), r));
    BOOST_TEST(!not_modified(conditional(other, later), r));  // a mismatch is final
    BOOST_TEST(not_modified(conditional("", later), r));
    BOOST_TEST(not_modified(conditional("", "Sun, 06 Nov 1994 08:49:37 GMT"), r));  // the same second
    BOOST_TEST(!not_modified(conditional("", earlier), r));
    BOOST_TEST(!not_modified(conditional("", "garbage"), r));
    BOOST_TEST(!not_modified(conditional("", ""), r));
}

BOOST_AUTO_TEST_CASE(a_304_carries_only_the_validators) {
    Response r = html_page("body");
    add_validators(r, 784111777, "no-cache");
    r.set_header("X-Other", "1");
    const Response n = not_modified_response(r);
    BOOST_TEST(n.status == 304);
    BOOST_TEST(n.body.empty());
    BOOST_TEST(header_or_none(n, "ETag") == header_or_none(r, "ETag"));
    BOOST_TEST(header_or_none(n, "Last-Modified") == "Sun, 06 Nov 1994 08:49:37 GMT");
    BOOST_TEST(header_or_none(n, "Cache-Control") == "no-cache");
    BOOST_TEST(header_or_none(n, "Vary") == "Accept-Encoding");
    BOOST_TEST(header_or_none(n, "Content-Type") == "<none>");
    BOOST_TEST(header_or_none(n, "X-Other") == "<none>");
}

BOOST_AUTO_TEST_CASE(the_gzip_variant_has_its_own_etag) {
    const std::string text(2000, 'x');
    Response r = html_page(text);
    r.set_header("ETag", "\"abc\"");
    const Response g = gzipped(r);
    BOOST_TEST(header_or_none(g, "Content-Encoding") == "gzip");
    BOOST_TEST(header_or_none(g, "ETag") == "\"abc-gz\"");
    BOOST_TEST(header_or_none(g, "Content-Type") == "text/html; charset=utf-8");
    BOOST_TEST(g.body.size() < text.size());
    BOOST_TEST((testing::gunzip(g.body) == text));
    BOOST_TEST((testing::gunzip(gzip("")) == ""));
}

BOOST_AUTO_TEST_SUITE_END()
