// Request and Response values and the CGI response format.
#include "http.h"

#include "error.h"
#include "html.h"
#include "text.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

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

std::shared_ptr<const BodyFile> BodyFile::open(const std::string& path, std::string& reason) {
    return adopt(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC), path, reason);
}

std::shared_ptr<const BodyFile> BodyFile::adopt(int fd, const std::string& path, std::string& reason) {
    if (fd < 0) {
        reason = path + ": " + std::strerror(errno);
        return nullptr;
    }
    auto f = std::make_shared<BodyFile>();
    f->fd_ = fd;
    struct stat st;
    if (fstat(f->fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
        reason = path + ": not a regular file";
        return nullptr;
    }
    f->path = path;
    f->size = static_cast<std::uint64_t>(st.st_size);
    f->mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    f->inode = static_cast<std::uint64_t>(st.st_ino);
    f->device = static_cast<std::uint64_t>(st.st_dev);
    return f;
}

BodyFile::~BodyFile() {
    if (fd_ >= 0) close(fd_);
}

bool BodyFile::for_each_chunk(const std::function<bool(const char*, std::size_t)>& sink, std::string& reason) const {
    // One buffer per call, on the heap (64 KiB is below glibc's mmap threshold, so it is reused
    // from the arena rather than mapped and unmapped each time).
    std::vector<char> buf(kChunkBytes);
    std::uint64_t offset = 0;
    while (offset < size) {
        const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(buf.size(), size - offset));
        const ssize_t n = pread(fd_, buf.data(), want, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            reason = path + (n == 0 ? ": shrank while being sent" : std::string(": ") + std::strerror(errno));
            return false;
        }
        if (!sink(buf.data(), static_cast<std::size_t>(n))) return true;
        offset += static_cast<std::uint64_t>(n);
    }
    return true;
}

std::string BodyFile::stamp() const {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%llx-%llx-%llx", static_cast<unsigned long long>(size),
                  static_cast<unsigned long long>(mtime_ns), static_cast<unsigned long long>(inode));
    return buf;
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
        if (is_control(c)) return false;
    return true;
}

std::string serialize(const Response& response, bool head_only) {
    std::string out = serialize_head(response);
    if (!has_body(response, head_only)) return out;
    if (!response.file) return out + response.body;
    std::string reason;
    auto append = [&](const char* p, std::size_t n) {
        out.append(p, n);
        return true;
    };
    response.file->for_each_chunk(append, reason);  // a file that shrank: what there was
    return out;
}

std::uint64_t body_size(const Response& response) { return response.file ? response.file->size : response.body.size(); }

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
        out += std::to_string(body_size(response));
        out += "\r\n";
    }
    out += "\r\n";
    return out;
}

Response redirect_response(int status, std::string location) {
    if (!header_value_ok(location) || location.empty())
        throw Error("redirect target is empty or holds a control character");
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
