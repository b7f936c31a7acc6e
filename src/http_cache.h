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
// zlib's default level. Measured on a 10 MB CSV: level 9 took 1.06 s for 3.04 MB, level 6
// 0.44 s for 3.10 MB (2% more), level 1 0.09 s for 3.52 MB. Level 9 was what made a large
// file cost seconds per request; a stored variant is made once, so 6 is worth its 2%.
inline constexpr int kGzipLevel = 6;

// Adds ETag (a hash of the body, unless one is set already: a static file's comes from its
// stamp), Last-Modified and Cache-Control to a 200 response, and Vary: Accept-Encoding when the
// type is compressible.
void add_validators(Response& r, long long last_modified, const std::string& cache_control);

// True when the request's If-None-Match (or, without it, If-Modified-Since) matches.
bool not_modified(const Request& req, const Response& r);

// A 304 carrying the validators of r.
Response not_modified_response(const Response& r);

// A static file's ETag, from its stamp (size, modification time in ns, inode): a file of
// hundreds of MB is not read to answer a HEAD or a conditional GET.
std::string etag_of_file(const BodyFile& f);

// True when the client accepts gzip (Accept-Encoding, q > 0).
bool accepts_gzip(const std::string& accept_encoding);
// True for text-like types only (text/*, XML, JSON, JavaScript, SVG); never for a type that is
// compressed already (images, fonts, audio, video, zip, gzip, PDF, Office documents).
bool compressible(const Response& r);

// gzip (zlib, RFC 1952, level kGzipLevel) of bytes; "" on failure.
std::string gzip(const std::string& bytes);

// gzip of a file's bytes written to out_fd, streamed: the input is read in BodyFile chunks and
// the output written as it comes, so the memory used is zlib's state and two 64 KiB buffers
// whatever the file's size. False (with reason) on a read or write failure.
bool gzip_file(const BodyFile& in, int out_fd, std::string& reason);

// The gzip variant of a response: compressed body, Content-Encoding, its own ETag.
Response gzipped(const Response& r);
// The same for a file response whose compressed bytes are in the file gz.
Response gzipped_file(const Response& r, std::shared_ptr<const BodyFile> gz);

// "Thu, 26 Nov 2026 23:45:27 GMT" and back (-1 when unparsable).
std::string http_date(long long t);
long long parse_http_date(const std::string& s);

// Responses by key, with their gzip variant made once on first demand. Bounded by
// kMaxCacheBytes: when full, new entries are not kept, and nothing of them stays (a response
// that does not fit is the caller's to drop). A file response is never kept: the file is its
// own copy, and keeping its descriptor would serve a replaced file's old bytes.
class ResponseCache {
public:
    const Response* find(const std::string& key) const;
    // True when kept.
    bool put(const std::string& key, Response r);
    // The kept gzip variant of the kept response key, made on first demand; for a response
    // that is not kept (or does not fit), a fresh variant that the cache does not keep.
    Response gzip_of(const std::string& key, const Response& plain);
    void clear();
    std::size_t bytes() const { return bytes_; }

private:
    std::map<std::string, Response> plain_, gz_;
    std::size_t bytes_ = 0;
};

}  // namespace folio
