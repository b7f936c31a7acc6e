// Request path decoding and validation: the only way a request reaches a site path.
#include "url_path.h"

#include "text.h"

namespace folio {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Apache passes absolute-form request targets through unchanged: keep only the path.
std::string_view strip_scheme_host(std::string_view uri) {
    for (std::string_view scheme : {"http://", "https://"}) {
        if (starts_with_ci(uri, scheme)) {
            std::string_view rest = uri.substr(scheme.size());
            std::size_t slash = rest.find_first_of("/?#");
            if (slash == std::string_view::npos) return "/";
            if (rest[slash] != '/') return "/";
            return rest.substr(slash);
        }
    }
    return uri;
}

}  // namespace

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { ++i; continue; }
        int len;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
        else return false;  // continuation byte, overlong lead (C0, C1) or past F4
        if (i + len > s.size()) return false;
        for (int k = 1; k < len; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return false;
        if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return false;
        i += len;
    }
    return true;
}

std::string validate_site_path(std::string_view path) {
    if (path.empty() || path[0] != '/') return "path does not start with '/'";
    if (path.size() > kMaxPathBytes) return "path too long";
    for (unsigned char c : path) {
        if (c == 0) return "NUL in path";
        if (is_control(c)) return "control character in path";
        if (c == '\\') return "backslash in path";
    }
    if (!valid_utf8(path)) return "invalid UTF-8 in path";
    std::size_t segments = 0;
    std::size_t pos = 1;
    while (pos < path.size()) {
        std::size_t end = path.find('/', pos);
        if (end == std::string_view::npos) end = path.size();
        std::string_view seg = path.substr(pos, end - pos);
        if (seg.empty()) return "empty path segment";
        if (seg == "." || seg == "..") return "dot segment in path";
        if (seg[0] == '.') return "hidden file in path";
        if (++segments > kMaxPathSegments) return "too many path segments";
        pos = end + 1;
    }
    return "";
}

std::string link_target_problem(std::string_view v) {
    if (is_absolute_url(v)) {
        // An href or Location ends at a space; a control character could split a header.
        for (unsigned char c : v)
            if (c == ' ' || is_control(c)) return "URL holds a space or control character";
        return "";
    }
    const std::string_view path = v.substr(0, v.find_first_of("?#"));
    if (std::string why = validate_site_path(path); !why.empty()) return why;
    for (unsigned char c : v.substr(path.size()))  // the query and fragment go into Location headers too
        if (is_control(c)) return "control character in the query";
    return "";
}

std::string_view query_of(std::string_view request_uri) {
    // Everything after '#' is a fragment, '?' included: the same cut request_path makes.
    request_uri = request_uri.substr(0, request_uri.find('#'));
    std::size_t q = request_uri.find('?');
    return q == std::string_view::npos ? std::string_view() : request_uri.substr(q + 1);
}

PathResult request_path(std::string_view request_uri, std::string_view base_path) {
    PathResult r;
    if (request_uri.size() > kMaxPathBytes * 3) {
        r.status = 414;
        r.reason = "request URI too long";
        return r;
    }
    std::string_view raw = strip_scheme_host(request_uri);
    raw = raw.substr(0, raw.find_first_of("?#"));
    if (raw.empty() || raw[0] != '/') {
        r.status = 400;
        r.reason = "request path does not start with '/'";
        return r;
    }
    // The mount prefix is compared on the raw form: it comes from the configuration, and a
    // server never rewrites it.
    if (!base_path.empty()) {
        if (raw == base_path) {
            raw = "";  // "/~user" alone: the router redirects to "/~user/"
        } else if (raw.size() > base_path.size() && raw.substr(0, base_path.size()) == base_path &&
                   raw[base_path.size()] == '/') {
            raw = raw.substr(base_path.size());
        } else {
            r.status = 404;
            r.reason = "outside the mount prefix";
            return r;
        }
    }
    std::string decoded;
    decoded.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '%') {
            decoded += raw[i];
            continue;
        }
        const bool complete = i + 2 < raw.size();
        const int hi = complete ? hex_value(raw[i + 1]) : -1;
        const int lo = complete ? hex_value(raw[i + 2]) : -1;
        if (hi < 0 || lo < 0) {
            r.status = 400;
            r.reason = "malformed percent-escape in path";
            return r;
        }
        decoded += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    if (decoded.empty()) {
        r.path = "";
        return r;
    }
    if (decoded.size() > kMaxPathBytes) {
        r.status = 414;
        r.reason = "path too long";
        return r;
    }
    std::string why = validate_site_path(decoded);
    if (!why.empty()) {
        r.status = 400;
        r.reason = std::move(why);
        return r;
    }
    r.path = std::move(decoded);
    return r;
}

}  // namespace folio
