// url_path: REQUEST_URI -> validated site path (HACKING.md, server facts 1 and 5).
#include <boost/test/unit_test.hpp>

#include <string>

#include "helpers.h"
#include "url_path.h"

using folio::request_path;

namespace {

// The status request_path gives, for tables of rejections.
int status_of(const std::string& uri, const std::string& base = "") { return request_path(uri, base).status; }

std::string path_of(const std::string& uri, const std::string& base = "") {
    auto r = request_path(uri, base);
    BOOST_TEST_CONTEXT(uri) { BOOST_TEST(r.ok(), "rejected with " << r.status << ": " << r.reason); }
    return r.path;
}

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(url_path)

BOOST_AUTO_TEST_CASE(plain_paths_pass_unchanged) {
    for (const char* p : {"/", "/a", "/a/", "/publications/dsp/", "/files/paper.pdf", "/a-b_c~d/e.f"})
        BOOST_TEST(path_of(p) == p);
}

BOOST_AUTO_TEST_CASE(query_and_fragment_are_cut) {
    testing::expect_each([](const std::string& in) { return path_of(in); },
                          {{"/a/?x=1", "/a/"},
                           {"/a/#top", "/a/"},
                           {"/a/?x=1#top", "/a/"},
                           {"/a#frag?x=1", "/a"},
                           {"/?", "/"}});
    // Escapes in the query are not the path's business: a %00 there does not reject it.
    BOOST_TEST(path_of("/a/?x=%00%2e%2e") == "/a/");
}

BOOST_AUTO_TEST_CASE(absolute_form_keeps_only_the_path) {
    testing::expect_each([](const std::string& in) { return path_of(in); },
                          {{"http://evil/x", "/x"},
                           {"https://evil.example:8443/a/b/?q=1", "/a/b/"},
                           {"HTTP://Evil/x", "/x"},
                           {"http://evil", "/"},
                           {"http://evil?x=/etc/passwd", "/"}});
    // The host part never reaches the prefix check or the path.
    BOOST_TEST(status_of("http://~user/x", "/~user") == 404);
    BOOST_TEST(path_of("http://h/~user/x", "/~user") == "/x");
}

BOOST_AUTO_TEST_CASE(encoded_dot_segments_are_400) {
    for (const char* uri : {"/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/", "/a/%2e%2e/b", "/%2e/", "/a/%2e", "/.%2e/x",
                            "/%2e./x", "/a/..", "/a/./b", "/.."}) {
        BOOST_TEST_CONTEXT(uri) { BOOST_TEST(status_of(uri) == 400); }
    }
}

BOOST_AUTO_TEST_CASE(double_encoding_is_decoded_exactly_once) {
    // "%252e%252e" is a segment literally named "%2e%2e": odd but harmless, never "..".
    auto r = request_path("/%252e%252e/x", "");
    BOOST_TEST(r.ok());
    BOOST_TEST(r.path == "/%2e%2e/x");
    BOOST_TEST(path_of("/a%2520b/") == "/a%20b/");
}

BOOST_AUTO_TEST_CASE(encoded_slash_is_decoded_then_validated_like_a_slash) {
    // Decoded once like lighttpd does; the result goes through the same checks as a real '/'.
    BOOST_TEST(path_of("/a%2fb/") == "/a/b/");
    BOOST_TEST(path_of("/a%2Fb/") == "/a/b/");
    BOOST_TEST(status_of("/a%2f%2fb/") == 400);    // empty segment
    BOOST_TEST(status_of("/%2f/etc/passwd") == 400);  // "//etc/passwd"
    BOOST_TEST(status_of("/a%2f..%2f..%2fetc") == 400);
    BOOST_TEST(status_of("/a%2f.git%2fconfig") == 400);
}

BOOST_AUTO_TEST_CASE(backslash_raw_or_encoded_is_400) {
    for (const char* uri : {"/a\\b", "/\\..\\etc", "/a%5cb", "/a%5Cb", "/..%5c..%5cwindows"}) {
        BOOST_TEST_CONTEXT(uri) { BOOST_TEST(status_of(uri) == 400); }
    }
}

BOOST_AUTO_TEST_CASE(nul_and_control_characters_are_400) {
    for (const char* uri : {"/a%00b", "/a%00", "/%0d%0aSet-Cookie:%20x", "/a%0a", "/a%0d", "/a%09b", "/a%7f", "/a%1b"}) {
        BOOST_TEST_CONTEXT(uri) { BOOST_TEST(status_of(uri) == 400); }
    }
    BOOST_TEST(status_of(std::string("/a\rb")) == 400);
    BOOST_TEST(status_of(std::string("/a\x01") + "b") == 400);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_400) {
    for (const char* uri : {"/%c0%ae%c0%ae/", "/%c0%af", "/%ff", "/%fe%ff", "/%80", "/caf%C3", "/%e0%80%af",
                            "/%ed%a0%80", "/%f4%90%80%80"}) {
        BOOST_TEST_CONTEXT(uri) { BOOST_TEST(status_of(uri) == 400); }
    }
}

BOOST_AUTO_TEST_CASE(valid_utf8_is_accepted) {
    BOOST_TEST(path_of("/caf%C3%A9/") == "/caf\xC3\xA9/");
    BOOST_TEST(path_of("/caf%c3%a9/") == "/caf\xC3\xA9/");
    BOOST_TEST(path_of("/\xE6\x97\xA5\xE6\x9C\xAC/") == "/\xE6\x97\xA5\xE6\x9C\xAC/");  // raw UTF-8 too
    BOOST_TEST(path_of("/%F0%9F%98%80") == "/\xF0\x9F\x98\x80");
}

BOOST_AUTO_TEST_CASE(empty_segments_are_400) {
    for (const char* uri : {"//", "//etc/passwd", "/a//b", "/a//"}) {
        BOOST_TEST_CONTEXT(uri) { BOOST_TEST(status_of(uri) == 400); }
    }
}

BOOST_AUTO_TEST_CASE(dot_files_are_400) {
    for (const char* uri : {"/.git/config", "/.htaccess", "/a/.env", "/%2egit/config", "/.well-known/x"}) {
        BOOST_TEST_CONTEXT(uri) { BOOST_TEST(status_of(uri) == 400); }
    }
    // A dot inside a name is fine.
    BOOST_TEST(path_of("/a.b/c.d.e") == "/a.b/c.d.e");
}

BOOST_AUTO_TEST_CASE(long_uri_is_414) {
    BOOST_TEST(status_of("/" + std::string(10 * 1024, 'a')) == 414);
    // Longer than the path limit after decoding, though the raw URI is under the raw limit.
    BOOST_TEST(status_of("/" + std::string(folio::kMaxPathBytes + 10, 'a')) == 414);
    // Exactly at the limit is fine.
    BOOST_TEST(status_of("/" + std::string(folio::kMaxPathBytes - 1, 'a')) == 0);
}

BOOST_AUTO_TEST_CASE(too_many_segments_is_400) {
    BOOST_TEST(status_of(repeat("/a", 1000)) == 400);
    BOOST_TEST(status_of(repeat("/a", folio::kMaxPathSegments)) == 0);
    BOOST_TEST(status_of(repeat("/a", folio::kMaxPathSegments + 1)) == 400);
}

BOOST_AUTO_TEST_CASE(malformed_escapes_are_400) {
    for (const char* uri : {"/%4", "/a%", "/%", "/%zz", "/%4g/", "/%g4", "/%%41", "/a%2"}) {
        BOOST_TEST_CONTEXT(uri) { BOOST_TEST(status_of(uri) == 400); }
    }
    // A complete escape as the very last characters is fine.
    BOOST_TEST(path_of("/%41") == "/A");
    BOOST_TEST(path_of("/a%41?x") == "/aA");
}

BOOST_AUTO_TEST_CASE(relative_or_empty_request_is_400) {
    BOOST_TEST(status_of("") == 400);
    BOOST_TEST(status_of("a/b") == 400);
    BOOST_TEST(status_of("?x=1") == 400);
    BOOST_TEST(status_of("*") == 400);
}

BOOST_AUTO_TEST_CASE(mount_prefix_is_removed) {
    const std::string base = "/~user";
    auto bare = request_path("/~user", base);
    BOOST_TEST(bare.ok());
    BOOST_TEST(bare.path == "");  // "" means: redirect to the prefix with a slash
    auto bare_q = request_path("/~user?x=1", base);
    BOOST_TEST(bare_q.ok());
    BOOST_TEST(bare_q.path == "");
    BOOST_TEST(path_of("/~user/", base) == "/");
    BOOST_TEST(path_of("/~user/a/b/", base) == "/a/b/");
    BOOST_TEST(path_of("/~user/a/?q#f", base) == "/a/");
}

BOOST_AUTO_TEST_CASE(outside_the_prefix_is_404) {
    const std::string base = "/~user";
    for (const char* uri : {"/~userx/", "/~userx", "/other/", "/", "/~use", "/~USER/", "/x/~user/"}) {
        BOOST_TEST_CONTEXT(uri) { BOOST_TEST(status_of(uri, base) == 404); }
    }
}

BOOST_AUTO_TEST_CASE(checks_still_apply_below_the_prefix) {
    const std::string base = "/~user";
    BOOST_TEST(status_of("/~user/%2e%2e/%2e%2e/etc/passwd", base) == 400);
    BOOST_TEST(status_of("/~user//x", base) == 400);
    BOOST_TEST(status_of("/~user/.git/config", base) == 400);
    BOOST_TEST(status_of("/~user/%00", base) == 400);
}

BOOST_AUTO_TEST_CASE(query_of_returns_the_query_only) {
    using folio::query_of;
    testing::expect_each([](const std::string& in) { return query_of(in); },
                          {{"/a/?x=1&y=2", "x=1&y=2"},
                           {"/a/?x=1#frag", "x=1"},
                           {"/a/", ""},
                           {"/a/?", ""},
                           {"/a/?x=1?y=2", "x=1?y=2"},
                           {"http://h/a?q=1", "q=1"}});
}

BOOST_AUTO_TEST_CASE(query_of_ignores_a_question_mark_inside_the_fragment) {
    // The path is cut at the first '?' or '#'; the query must be cut the same way, or
    // "/a#f?x" gives path "/a" with a query "x" the request never had.
    BOOST_TEST(folio::query_of("/a#frag?x=1") == "");
}

BOOST_AUTO_TEST_CASE(validate_site_path_cases) {
    using folio::validate_site_path;
    BOOST_TEST(validate_site_path("/") == "");
    BOOST_TEST(validate_site_path("/a/b.html") == "");
    BOOST_TEST(validate_site_path("") != "");
    BOOST_TEST(validate_site_path("a/") != "");
    BOOST_TEST(validate_site_path("/a/../b") != "");
    BOOST_TEST(validate_site_path("/a\x7f") != "");
    BOOST_TEST(validate_site_path(std::string("/a\0b", 4)) != "");
    BOOST_TEST(validate_site_path("/" + std::string(folio::kMaxPathBytes, 'a')) != "");
}

BOOST_AUTO_TEST_CASE(valid_utf8_edges) {
    using folio::valid_utf8;
    BOOST_TEST(valid_utf8(""));
    BOOST_TEST(valid_utf8("plain ascii"));
    BOOST_TEST(valid_utf8("\xC3\xA9"));                  // U+00E9
    BOOST_TEST(valid_utf8("\xC2\x80"));                  // U+0080, smallest 2-byte
    BOOST_TEST(valid_utf8("\xE0\xA0\x80"));              // U+0800, smallest 3-byte
    BOOST_TEST(valid_utf8("\xED\x9F\xBF"));              // U+D7FF, just below the surrogates
    BOOST_TEST(valid_utf8("\xEE\x80\x80"));              // U+E000, just above them
    BOOST_TEST(valid_utf8("\xEF\xBF\xBF"));              // U+FFFF
    BOOST_TEST(valid_utf8("\xF0\x90\x80\x80"));          // U+10000, smallest 4-byte
    BOOST_TEST(valid_utf8("\xF4\x8F\xBF\xBF"));          // U+10FFFF, the last code point
    BOOST_TEST(!valid_utf8("\xED\xA0\x80"));             // U+D800, a surrogate
    BOOST_TEST(!valid_utf8("\xED\xBF\xBF"));             // U+DFFF
    BOOST_TEST(!valid_utf8("\xF4\x90\x80\x80"));         // U+110000, past the end
    BOOST_TEST(!valid_utf8("\xF5\x80\x80\x80"));
    BOOST_TEST(!valid_utf8("\xC0\xAE"));                 // overlong '.'
    BOOST_TEST(!valid_utf8("\xC1\xBF"));
    BOOST_TEST(!valid_utf8("\xE0\x80\xAE"));             // overlong 3-byte
    BOOST_TEST(!valid_utf8("\xF0\x80\x80\xAE"));         // overlong 4-byte
    BOOST_TEST(!valid_utf8("\xF0\x8F\xBF\xBF"));         // overlong U+FFFF
    BOOST_TEST(!valid_utf8("\x80"));                     // lone continuation
    BOOST_TEST(!valid_utf8("\xC3"));                     // truncated at the end
    BOOST_TEST(!valid_utf8("\xE2\x82"));
    BOOST_TEST(!valid_utf8("\xC3(x"));                   // lead byte followed by ASCII
    BOOST_TEST(!valid_utf8("\xFF"));
    BOOST_TEST(!valid_utf8("a\xC3\xA9\xE9"));
}

BOOST_AUTO_TEST_SUITE_END()
