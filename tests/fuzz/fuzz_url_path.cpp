// Fuzz target: REQUEST_URI -> site path (src/url_path.h), at the web root and under a prefix.
// Beyond "no crash", it checks what SECURITY.md promises of an accepted path, and compares
// valid_utf8() with an independent decoder written from the Unicode standard's Table 3-7.
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "http.h"
#include "url_path.h"

namespace {

// Well-formed UTF-8 byte sequences, Unicode 15, Table 3-7, transcribed row by row.
bool reference_utf8(std::string_view s) {
    auto in = [](unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; };
    std::size_t i = 0;
    while (i < s.size()) {
        auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
        std::size_t left = s.size() - i;
        unsigned char c = b(0);
        if (c <= 0x7F) { i += 1; continue; }
        if (in(c, 0xC2, 0xDF)) {
            if (left < 2 || !in(b(1), 0x80, 0xBF)) return false;
            i += 2; continue;
        }
        if (c == 0xE0 || in(c, 0xE1, 0xEC) || c == 0xED || in(c, 0xEE, 0xEF)) {
            if (left < 3) return false;
            unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
            if (!in(b(1), lo, hi) || !in(b(2), 0x80, 0xBF)) return false;
            i += 3; continue;
        }
        if (c == 0xF0 || in(c, 0xF1, 0xF3) || c == 0xF4) {
            if (left < 4) return false;
            unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
            if (!in(b(1), lo, hi) || !in(b(2), 0x80, 0xBF) || !in(b(3), 0x80, 0xBF)) return false;
            i += 4; continue;
        }
        return false;
    }
    return true;
}

void check_accepted(const folio::PathResult& r, std::string_view uri) {
    if (!r.ok()) {
        FUZZ_EXPECT(r.status == 400 || r.status == 404 || r.status == 414, uri);
        FUZZ_EXPECT(!r.reason.empty(), uri);
        return;
    }
    if (r.path.empty()) return;  // the bare mount prefix: the router redirects to it + "/"
    const std::string& p = r.path;
    FUZZ_EXPECT(folio::validate_site_path(p).empty(), p);
    FUZZ_EXPECT(p[0] == '/', p);
    FUZZ_EXPECT(p.size() <= folio::kMaxPathBytes, p);
    FUZZ_EXPECT(!fuzz::contains(p, "//"), p);
    FUZZ_EXPECT(!fuzz::contains(p, "/./") && !fuzz::contains(p, "/../") && !fuzz::contains(p, "/."), p);
    FUZZ_EXPECT(!fuzz::contains(p, "\\"), p);
    FUZZ_EXPECT(reference_utf8(p), p);
    for (unsigned char c : p) FUZZ_EXPECT(c >= 0x20 && c != 0x7F, p);
    // The path goes back out in a Location (the trailing-slash redirect): it must be a safe value.
    FUZZ_EXPECT(folio::header_value_ok(p), p);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string uri(reinterpret_cast<const char*>(data), size);

    FUZZ_EXPECT(folio::valid_utf8(uri) == reference_utf8(uri), uri);

    folio::PathResult root = folio::request_path(uri, "");
    check_accepted(root, uri);
    if (root.ok()) FUZZ_EXPECT(!root.path.empty(), uri);  // at the root there is no bare prefix

    folio::PathResult pre = folio::request_path(uri, "/~u");
    check_accepted(pre, uri);
    // Under a prefix the same request, with the prefix in front, reaches the same site path.
    if (!uri.empty() && uri[0] == '/' && uri.size() + 3 <= folio::kMaxPathBytes * 3) {
        folio::PathResult again = folio::request_path("/~u" + uri, "/~u");
        FUZZ_EXPECT(again.status == root.status, uri);
        FUZZ_EXPECT(again.path == root.path, uri);
    }

    std::string_view q = folio::query_of(uri);
    if (!q.empty()) {
        FUZZ_EXPECT(q.data() >= uri.data() && q.data() + q.size() <= uri.data() + uri.size(), uri);
        FUZZ_EXPECT(q.find('#') == std::string_view::npos, uri);
    }

    std::string why = folio::validate_site_path(uri);
    if (why.empty()) {
        FUZZ_EXPECT(!uri.empty() && uri[0] == '/', uri);
        FUZZ_EXPECT(!fuzz::contains(uri, "/..") && !fuzz::contains(uri, "//") && !fuzz::contains(uri, "\\"), uri);
        FUZZ_EXPECT(reference_utf8(uri), uri);
    }
    return 0;
}
