// Pure: REQUEST_URI -> validated site path, or a rejection with its status and reason.
#pragma once
#include <string>
#include <string_view>

namespace folio {

// Limits on what a request path may be; a longer one is answered 414 before any work.
inline constexpr std::size_t kMaxPathBytes = 2048;
inline constexpr std::size_t kMaxPathSegments = 64;

struct PathResult {
    int status = 0;      // 0: ok; else the HTTP status to answer (400, 404, 414)
    std::string path;    // decoded, validated, starts with '/', without the mount prefix
    std::string reason;  // why it was rejected, for the log and the error page
    bool ok() const { return status == 0; }
};

// REQUEST_URI as the server passed it -> the site path. Steps (HACKING.md, server facts 1 and 5):
// drop an absolute-form "scheme://host", cut at '?' or '#', remove the mount prefix, decode
// percent-escapes exactly once, then validate every segment.
PathResult request_path(std::string_view request_uri, std::string_view base_path);

// The query part of REQUEST_URI (after the first '?', before any '#'); "" when there is none.
std::string_view query_of(std::string_view request_uri);

// Validates an already-decoded site path (used for permalinks and redirect sources too).
// Returns "" when valid, else the reason.
std::string validate_site_path(std::string_view path);

// Why v cannot be a link or redirect target (an href, a Location), or "" when it can: either an
// http(s) URL holding no space and no control character, or a site path valid for
// validate_site_path (cut at '?' or '#') whose query and fragment hold no control character.
// Reasons: "URL holds a space or control character", validate_site_path's, or
// "control character in the query".
std::string link_target_problem(std::string_view v);

// True for a well-formed UTF-8 string (no overlong forms, no surrogates, nothing past U+10FFFF).
bool valid_utf8(std::string_view s);

}  // namespace folio
