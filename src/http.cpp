// Request and Response values and the CGI response format.
#include "http.h"

#include "html.h"

#include <stdexcept>

namespace folio {

void Response::set_header(std::string name, std::string value) {
    for (auto& h : headers) {
        if (h.first == name) {
            h.second = std::move(value);
            return;
        }
    }
    headers.emplace_back(std::move(name), std::move(value));
}

const std::string* Response::header(std::string_view name) const {
    for (const auto& h : headers)
        if (h.first == name) return &h.second;
    return nullptr;
}

const char* reason_phrase(int status) {
    switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 414: return "URI Too Long";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Unknown";
    }
}

bool header_value_ok(std::string_view value) {
    for (unsigned char c : value)
        if (c < 0x20 || c == 0x7f) return false;
    return true;
}

std::string serialize(const Response& response, bool head_only) {
    std::string out = serialize_head(response);
    if (has_body(response, head_only)) out += response.body;
    return out;
}

bool has_body(const Response& response, bool head_only) { return !head_only && response.status != 304; }

std::string serialize_head(const Response& response) {
    std::string out;
    out.reserve(256);
    out += "Status: ";
    out += std::to_string(response.status);
    out += ' ';
    out += reason_phrase(response.status);
    out += "\r\n";
    for (const auto& [name, value] : response.headers) {
        // A value that fails the check is a bug upstream; dropping it beats splitting a header.
        if (!header_value_ok(value)) continue;
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    if (response.status != 304) {
        out += "Content-Length: ";
        out += std::to_string(response.body.size());
        out += "\r\n";
    }
    out += "\r\n";
    return out;
}

Response redirect_response(int status, std::string location) {
    if (!header_value_ok(location) || location.empty())
        throw std::invalid_argument("redirect target is empty or holds a control character");
    Response r;
    r.status = status;
    r.set_header("Location", location);
    r.set_header("Content-Type", "text/html; charset=utf-8");
    const std::string shown = escape_html(location);
    r.body = "<!DOCTYPE html>\n<title>Moved</title>\n<p>Moved to <a href=\"" + shown + "\">" + shown +
             "</a>.</p>\n";
    return r;
}

}  // namespace folio
