// ETag, Last-Modified, 304, gzip and the response cache.
#include "http_cache.h"

#include <zlib.h>

#include "text.h"
#include "utc_time.h"

#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <vector>

namespace folio {
namespace {

std::string etag_of(const std::string& body) {
    const std::uint64_t h = fnv1a(body);
    char buf[24];
    std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
    return buf;
}

// Does an If-None-Match list name this ETag? Weak comparison (RFC 9110 13.1.2).
bool etag_listed(const std::string& list, const std::string& etag) {
    auto strip = [](std::string t) { return t.rfind("W/", 0) == 0 ? t.substr(2) : t; };
    std::size_t pos = 0;
    while (pos < list.size()) {
        std::size_t comma = list.find(',', pos);
        if (comma == std::string::npos) comma = list.size();
        const std::string t = trim(list.substr(pos, comma - pos), " \t");
        if (t == "*" || strip(t) == strip(etag)) return true;
        pos = comma + 1;
    }
    return false;
}

}  // namespace

std::string http_date(long long t) { return utc_time(t, "%a, %d %b %Y %H:%M:%S GMT"); }

long long parse_http_date(const std::string& s) {
    std::tm tm{};
    const char* end = strptime(s.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    if (!end || *end != '\0') return -1;
    return static_cast<long long>(timegm(&tm));
}

bool compressible(const Response& r) {
    const std::string* header = r.header("Content-Type");
    if (!header) return false;
    // The media type without parameters, lower case: "type/subtype" or "type/x+suffix".
    const std::string type = to_lower(trim(header->substr(0, header->find(';')), " \t"));
    // A whitelist of exact types and structured-syntax suffixes: a substring test took
    // "application/vnd.openxmlformats-...document" (a zip file) for XML.
    return starts_with(type, "text/") || type == "application/json" || type == "application/xml" ||
           type == "application/javascript" || ends_with(type, "+xml") || ends_with(type, "+json");
}

std::string etag_of_file(const BodyFile& f) { return "\"" + f.stamp() + "\""; }

void add_validators(Response& r, long long last_modified, const std::string& cache_control) {
    if (!r.header("ETag")) r.set_header("ETag", etag_of(r.body));
    if (last_modified > 0) r.set_header("Last-Modified", http_date(last_modified));
    if (!cache_control.empty()) r.set_header("Cache-Control", cache_control);
    if (compressible(r)) r.set_header("Vary", "Accept-Encoding");
}

bool not_modified(const Request& req, const Response& r) {
    const std::string* etag = r.header("ETag");
    if (!req.if_none_match.empty()) return etag && etag_listed(req.if_none_match, *etag);
    const std::string* lm = r.header("Last-Modified");
    if (req.if_modified_since.empty() || !lm) return false;
    long long since = parse_http_date(req.if_modified_since), modified = parse_http_date(*lm);
    return since >= 0 && modified >= 0 && modified <= since;
}

Response not_modified_response(const Response& r) {
    Response n;
    n.status = 304;
    for (const char* h : {"ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Encoding"})
        if (const std::string* v = r.header(h)) n.set_header(h, *v);
    return n;
}

bool accepts_gzip(const std::string& ae) {
    std::size_t pos = 0;
    while (pos < ae.size()) {
        std::size_t comma = ae.find(',', pos);
        if (comma == std::string::npos) comma = ae.size();
        std::string token = ae.substr(pos, comma - pos);
        pos = comma + 1;
        std::size_t semi = token.find(';');
        const std::string coding = trim(token.substr(0, semi), " \t");
        if (coding != "gzip" && coding != "x-gzip") continue;
        if (semi == std::string::npos) return true;
        std::size_t q = token.find("q=", semi);
        return q == std::string::npos || std::strtod(token.c_str() + q + 2, nullptr) > 0;
    }
    return false;
}

std::string gzip(const std::string& bytes) {
    z_stream zs{};
    if (deflateInit2(&zs, kGzipLevel, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return "";
    std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&zs, deflateEnd);
    std::string out;
    out.resize(deflateBound(&zs, bytes.size()));
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    if (deflate(&zs, Z_FINISH) != Z_STREAM_END) return "";
    out.resize(zs.total_out);
    return out;
}

bool gzip_file(const BodyFile& in, int out_fd, std::string& reason) {
    z_stream zs{};
    if (deflateInit2(&zs, kGzipLevel, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        reason = "deflateInit2 failed";
        return false;
    }
    std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&zs, deflateEnd);
    std::vector<unsigned char> out(BodyFile::kChunkBytes);
    bool write_failed = false;
    // Deflates what zs holds with flush, writing each full output buffer.
    auto pump = [&](int flush) {
        int rc;
        do {
            zs.next_out = out.data();
            zs.avail_out = static_cast<uInt>(out.size());
            rc = deflate(&zs, flush);
            if (rc == Z_STREAM_ERROR) return false;
            const std::size_t n = out.size() - zs.avail_out;
            for (std::size_t done = 0; done < n;) {
                const ssize_t w = write(out_fd, out.data() + done, n - done);
                if (w < 0 && errno == EINTR) continue;
                if (w <= 0) {
                    write_failed = true;
                    return false;
                }
                done += static_cast<std::size_t>(w);
            }
        } while (zs.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
        return true;
    };
    bool ok = true;
    const bool read_all = in.for_each_chunk([&](const char* p, std::size_t n) {
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(p));
        zs.avail_in = static_cast<uInt>(n);
        return ok = pump(Z_NO_FLUSH);
    }, reason);
    if (!read_all) return false;
    if (ok) ok = pump(Z_FINISH);
    if (!ok) reason = write_failed ? std::string("write: ") + std::strerror(errno) : "deflate failed";
    return ok;
}

Response gzipped_file(const Response& r, std::shared_ptr<const BodyFile> gz) {
    Response g;
    g.status = r.status;
    g.headers = r.headers;
    g.file = std::move(gz);
    g.set_header("Content-Encoding", "gzip");
    if (const std::string* etag = r.header("ETag")) {
        std::string e = *etag;
        e.insert(e.size() - 1, "-gz");
        g.set_header("ETag", e);
    }
    return g;
}

Response gzipped(const Response& r) {
    if (r.file) return r;  // a file's variant is made by gzip_file, into a file (gzip_store.h)
    Response g = r;
    g.body = gzip(r.body);
    if (g.body.empty() && !r.body.empty()) return r;
    g.set_header("Content-Encoding", "gzip");
    if (const std::string* etag = r.header("ETag")) {
        std::string e = *etag;
        e.insert(e.size() - 1, "-gz");  // a different representation needs a different ETag
        g.set_header("ETag", e);
    }
    return g;
}

const Response* ResponseCache::find(const std::string& key) const {
    auto it = plain_.find(key);
    return it == plain_.end() ? nullptr : &it->second;
}

namespace {

// What an entry really holds on the heap: the map node, the key, the body and every header,
// with malloc's per-block overhead. Counting only body sizes let an "8 MiB" cache take 10.
std::size_t heap_bytes(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 + 16 : 0; }

std::size_t footprint(const std::string& key, const Response& r) {
    std::size_t n = 32 + sizeof(std::string) + sizeof(Response) + 16 + heap_bytes(key) + heap_bytes(r.body);
    n += r.headers.capacity() * sizeof(r.headers[0]) + 16;
    for (const auto& [name, value] : r.headers) n += heap_bytes(name) + heap_bytes(value);
    return n;
}

}  // namespace

bool ResponseCache::put(const std::string& key, Response r) {
    if (r.file) return false;
    r.body.shrink_to_fit();
    r.headers.shrink_to_fit();
    const std::size_t cost = footprint(key, r);
    if (bytes_ + cost > kMaxCacheBytes) return false;  // full: keep serving, just without keeping this one
    bytes_ += cost;
    plain_[key] = std::move(r);
    return true;
}

Response ResponseCache::gzip_of(const std::string& key, const Response& plain) {
    if (auto it = gz_.find(key); it != gz_.end()) return it->second;
    Response g = gzipped(plain);
    if (plain.file || !plain_.count(key)) return g;
    g.body.shrink_to_fit();
    g.headers.shrink_to_fit();
    const std::size_t cost = footprint(key, g);
    if (bytes_ + cost > kMaxCacheBytes) return g;
    bytes_ += cost;
    return gz_[key] = std::move(g);
}

void ResponseCache::clear() {
    plain_.clear();
    gz_.clear();
    bytes_ = 0;
}

}  // namespace folio
