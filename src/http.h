// Request and Response values, the CGI response format, and header-value checks.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio {

// What folio reads of a request: the raw values the web server passed.
struct Request {
    std::string method;       // REQUEST_METHOD
    std::string uri;          // REQUEST_URI, raw (SERVERS.md section 1)
    std::string query;        // QUERY_STRING, raw
    std::string if_none_match;      // HTTP_IF_NONE_MATCH
    std::string if_modified_since;  // HTTP_IF_MODIFIED_SINCE
    std::string accept_encoding;    // HTTP_ACCEPT_ENCODING
};

// A static file's body, sent from the open file in chunks rather than read into memory.
// Defined in http.cpp; at least `path` (the resolved file it was opened from) and `size`.
struct BodyFile;

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
// here), blank line, body unless head_only.
std::string serialize(const Response& response, bool head_only);
// The same up to and including the blank line; whether a body follows (not for 304 or HEAD).
std::string serialize_head(const Response& response);
bool has_body(const Response& response, bool head_only);

// A redirect with an explicit Status (SERVERS.md section 2). Throws std::invalid_argument when
// the location could split the header.
Response redirect_response(int status, std::string location);

}  // namespace folio
