// Request and Response values, the CGI response format, and header-value checks.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio {

// What folio reads of a request: the raw values the web server passed.
struct Request {
    std::string method;       // REQUEST_METHOD
    std::string uri;          // REQUEST_URI, raw (HACKING.md, server fact 1)
    std::string query;        // QUERY_STRING, raw
    std::string if_none_match;      // HTTP_IF_NONE_MATCH
    std::string if_modified_since;  // HTTP_IF_MODIFIED_SINCE
    std::string accept_encoding;    // HTTP_ACCEPT_ENCODING
};

// A static file's body, sent from the open file in chunks rather than read into memory: the
// open descriptor (closed with the last owner), what fstat said when it was opened, and the path
// it was opened from. Its bytes are read with pread, so sharing one between responses is safe.
struct BodyFile {
    std::string path;             // the resolved path it was opened from
    std::uint64_t size = 0;       // bytes sent: the size at open (a file that grows is cut there)
    std::int64_t mtime_ns = 0;    // modification time, nanoseconds since the epoch
    std::uint64_t inode = 0, device = 0;

    // Opens a regular file without following a link at the last component (O_NOFOLLOW: the
    // caller passes an already-resolved path, so a link appearing there later is refused).
    // nullptr with reason set when it cannot be opened or is not a regular file.
    static std::shared_ptr<const BodyFile> open(const std::string& path, std::string& reason);
    // The same for a descriptor already opened (by open_below, say): owned from here on, closed
    // when refused. fd < 0 is refused with errno's reason.
    static std::shared_ptr<const BodyFile> adopt(int fd, const std::string& path, std::string& reason);

    // Hands the bytes [0, size) to sink in chunks of at most kChunkBytes, read into one fixed
    // buffer. Stops early when sink returns false. False (with reason) when the file ended
    // before size (it shrank) or could not be read; true when every byte went to sink.
    static constexpr std::size_t kChunkBytes = 64 * 1024;
    bool for_each_chunk(const std::function<bool(const char*, std::size_t)>& sink, std::string& reason) const;

    // "size-mtime-inode" in hex: changes whenever the file is replaced or written (its stamp).
    std::string stamp() const;

    int fd() const { return fd_; }
    BodyFile() = default;
    ~BodyFile();
    BodyFile(const BodyFile&) = delete;
    BodyFile& operator=(const BodyFile&) = delete;

private:
    int fd_ = -1;
};

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    // Set for a static file: the body comes from here and `body` stays empty. Such a response
    // is never copied into a cache (the file is its own copy).
    std::shared_ptr<const BodyFile> file;

    void set_header(std::string name, std::string value);
    const std::string* header(std::string_view name) const;
};

const char* reason_phrase(int status);

// True when a header value is safe to send: no CR, LF or other control character.
bool header_value_ok(std::string_view value);

// The bytes a CGI or FastCGI program writes: "Status:" line, headers (Content-Length added
// here), blank line, body unless head_only. A file body is read whole into the result: for
// --render and tests; the request paths stream it instead (see response_writer.h).
std::string serialize(const Response& response, bool head_only);
// The body's length: the file's size for a file body.
std::uint64_t body_size(const Response& response);
// The same up to and including the blank line; whether a body follows (not for 304 or HEAD).
std::string serialize_head(const Response& response);
bool has_body(const Response& response, bool head_only);

// A redirect with an explicit Status (HACKING.md, server fact 2). Throws folio::Error when
// the location could split the header.
Response redirect_response(int status, std::string location);

}  // namespace folio
