// Fuzz target: a whole request (method, REQUEST_URI, QUERY_STRING, If-None-Match,
// If-Modified-Since, Accept-Encoding) through folio::handle_request on small fixed sites built
// once in a temporary folder (fuzz_common.h): a folio site at the root, with and without a
// FastCGI response cache, the same site under the prefix /~u, and a Jekyll site.
//
// Input: the six values separated by NUL bytes (a CGI variable cannot hold a NUL).
//
// Checked for every answer (SECURITY.md): no exception escapes, no 5xx (no site here has a
// broken page), a known status, only folio's own headers and every value free of control
// characters, a Location that stays under the configured prefix or is a configured absolute
// target, nothing of the canary text kept outside content/ (unless the request itself carries
// it), a 304 without a body, and the same answer with and without the response cache.
#include <cstdint>
#include <set>
#include <string>

#include "fuzz_common.h"
#include "http.h"
#include "http_cache.h"
#include "router.h"

namespace {

const std::set<std::string> kHeaders = {"Content-Type", "Location", "Allow", "ETag", "Last-Modified",
                                        "Cache-Control", "Vary", "Content-Encoding"};

std::string describe(const folio::Request& r) {
    return "method='" + r.method + "' uri='" + r.uri + "' query='" + r.query + "' inm='" + r.if_none_match +
           "' ims='" + r.if_modified_since + "' ae='" + r.accept_encoding + "'";
}

folio::Response answer(const folio::Request& req, const folio::SiteView& view, const std::string& what) {
    try {
        return folio::handle_request(req, view, [](std::string_view) {});
    } catch (const std::exception& e) {
        fuzz::fail("handle_request threw (a 500 for a request)", __FILE__, __LINE__,
                   what + ": " + e.what() + " | " + describe(req));
    }
}

void check(const folio::Request& req, const folio::Response& r, const std::string& base, const std::string& what) {
    const std::string d = what + ": status " + std::to_string(r.status) + " | " + describe(req);
    const std::set<int> statuses = {200, 301, 304, 400, 404, 405, 414};
    FUZZ_EXPECT(statuses.count(r.status) == 1, d);
    for (const auto& [name, value] : r.headers) {
        FUZZ_EXPECT(kHeaders.count(name) == 1, d + " header " + name);
        FUZZ_EXPECT(folio::header_value_ok(value), d + " " + name + ": " + value);
    }
    if (r.status == 301) {
        const std::string* loc = r.header("Location");
        FUZZ_EXPECT(loc != nullptr, d);
        const bool local = fuzz::starts_with(*loc, base + "/") && !fuzz::starts_with(*loc, base + "//");
        const bool configured = fuzz::starts_with(*loc, "https://example.org/");
        FUZZ_EXPECT(local || configured, d + " Location: " + *loc);
    } else {
        FUZZ_EXPECT(r.header("Location") == nullptr, d);
    }
    if (r.status == 405) FUZZ_EXPECT(r.header("Allow") && *r.header("Allow") == "GET, HEAD", d);
    if (r.status == 304) FUZZ_EXPECT(r.body.empty(), d);
    // The canary may only come back when the request itself carried it: a 404 names the path
    // that was asked for (escaped), and that is not a leak of the file outside content/.
    const bool asked = fuzz::contains(describe(req), fuzz::kCanary);
    FUZZ_EXPECT(asked || !fuzz::contains(r.body, fuzz::kCanary), d);
    const std::string bytes = folio::serialize(r, req.method == "HEAD");
    FUZZ_EXPECT(fuzz::starts_with(bytes, "Status: " + std::to_string(r.status) + " "), d);
    FUZZ_EXPECT(asked || !fuzz::contains(bytes, fuzz::kCanary), d);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::Sites& s = fuzz::sites();
    auto f = fuzz::split_fields(data, size, 6);
    folio::Request req;
    req.method = f[0];
    req.uri = f[1];
    req.query = f[2];
    req.if_none_match = f[3];
    req.if_modified_since = f[4];
    req.accept_encoding = f[5];

    folio::Response cached = answer(req, s.plain->view(&s.cache), "plain+cache");
    check(req, cached, "", "plain+cache");
    folio::Response plain = answer(req, s.plain->view(), "plain");
    check(req, plain, "", "plain");
    // The FastCGI cache must not change the answer.
    FUZZ_EXPECT(cached.status == plain.status, describe(req));
    FUZZ_EXPECT(cached.headers == plain.headers, describe(req));
    FUZZ_EXPECT(cached.body == plain.body, describe(req));

    check(req, answer(req, s.prefixed->view(), "prefixed"), "/~u", "prefixed");
    check(req, answer(req, s.jekyll->view(), "jekyll"), "", "jekyll");

    // Keep the cache's size (a bounded map) from drifting between inputs.
    if (s.cache.bytes() > folio::kMaxCacheBytes) fuzz::fail("cache over its bound", __FILE__, __LINE__, "");
    return 0;
}
