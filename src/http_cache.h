// HTTP caching: validators (ETag, Last-Modified), 304 answers, gzip, and the in-memory response
// cache a FastCGI process keeps until its site changes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "http.h"

namespace folio {

// What the cached responses may hold on the heap, all entries together (counted with their
// keys, headers and allocator overhead): a big site's pages beyond this are rendered per request
// instead of kept, so a worker's memory stays bounded.
inline constexpr std::size_t kMaxCacheBytes = 4 * 1024 * 1024;
// Bodies smaller than this are not worth compressing.
inline constexpr std::size_t kMinGzipBytes = 256;

// Adds ETag (a hash of the body), Last-Modified and Cache-Control to a 200 response, and
// Vary: Accept-Encoding when the type is compressible.
void add_validators(Response& r, long long last_modified, const std::string& cache_control);

// True when the request's If-None-Match (or, without it, If-Modified-Since) matches.
bool not_modified(const Request& req, const Response& r);

// A 304 carrying the validators of r.
Response not_modified_response(const Response& r);

// True when the client accepts gzip (Accept-Encoding, q > 0).
bool accepts_gzip(const std::string& accept_encoding);
bool compressible(const Response& r);

// gzip (zlib, RFC 1952) of bytes; "" on failure.
std::string gzip(const std::string& bytes);

// The gzip variant of a response: compressed body, Content-Encoding, its own ETag.
Response gzipped(const Response& r);

// "Thu, 26 Nov 2026 23:45:27 GMT" and back (-1 when unparsable).
std::string http_date(long long t);
long long parse_http_date(const std::string& s);

// Responses by key, with their gzip variant made once on first demand. Bounded by
// kMaxCacheBytes: when full, new entries are not kept.
class ResponseCache {
public:
    const Response* find(const std::string& key) const;
    const Response& put(const std::string& key, Response r);
    const Response& gzip_of(const std::string& key, const Response& plain);
    void clear();
    std::size_t bytes() const { return bytes_; }

private:
    std::map<std::string, Response> plain_, gz_;
    Response scratch_;  // the last response that did not fit, valid until the next call
    std::size_t bytes_ = 0;
};

}  // namespace folio
