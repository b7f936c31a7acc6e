// The FastCGI request head check: records walked by their headers, parameters by their lengths.
#include "fcgi_head.h"

#include <cstdint>

namespace folio {
namespace {

// FastCGI 1.0 record types, the responder role and the record header's size.
constexpr unsigned kVersion = 1, kBeginRequest = 1, kParams = 4, kResponder = 1;
constexpr std::size_t kHeaderBytes = 8, kBeginBodyBytes = 8;

unsigned byte_at(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

HeadCheck bad(std::string reason) { return {HeadState::bad, std::move(reason)}; }

// A name or value length: one byte below 128, else four with the top bit set. False when the
// bytes end first.
bool read_length(std::string_view p, std::size_t& pos, std::size_t& length) {
    if (pos >= p.size()) return false;
    if (byte_at(p, pos) < 128) {
        length = byte_at(p, pos++);
        return true;
    }
    if (p.size() - pos < 4) return false;
    length = (std::size_t{byte_at(p, pos) & 0x7f} << 24) | (byte_at(p, pos + 1) << 16) | (byte_at(p, pos + 2) << 8) |
             byte_at(p, pos + 3);
    pos += 4;
    return true;
}

// Every name-value pair of the parameters must lie inside them: libfcgi allocates the lengths a
// pair declares before it reads the pair, and aborts when that allocation fails.
bool pairs_fit(std::string_view params) {
    std::size_t pos = 0;
    while (pos < params.size()) {
        std::size_t name = 0, value = 0;
        if (!read_length(params, pos, name) || !read_length(params, pos, value)) return false;
        if (name > params.size() - pos || value > params.size() - pos - name) return false;
        pos += name + value;
    }
    return true;
}

}  // namespace

HeadCheck check_request_head(std::string_view bytes) {
    if (bytes.size() > kMaxRequestHeadBytes) bytes = bytes.substr(0, kMaxRequestHeadBytes);
    const bool at_bound = bytes.size() == kMaxRequestHeadBytes;
    auto more = [&] {
        return at_bound ? bad("request head larger than " + std::to_string(kMaxRequestHeadBytes) + " bytes")
                        : HeadCheck{};
    };
    std::string params;
    unsigned request_id = 0;
    for (std::size_t pos = 0;;) {
        if (bytes.size() - pos < kHeaderBytes) return more();
        const unsigned version = byte_at(bytes, pos), type = byte_at(bytes, pos + 1);
        const unsigned id = (byte_at(bytes, pos + 2) << 8) | byte_at(bytes, pos + 3);
        const std::size_t length = (byte_at(bytes, pos + 4) << 8) | byte_at(bytes, pos + 5);
        const std::size_t padding = byte_at(bytes, pos + 6);
        if (version != kVersion) return bad("FastCGI version " + std::to_string(version));
        if (request_id == 0) {
            if (type != kBeginRequest) return bad("record type " + std::to_string(type) + " before FCGI_BEGIN_REQUEST");
            if (id == 0 || length != kBeginBodyBytes) return bad("malformed FCGI_BEGIN_REQUEST");
        } else if (type != kParams || id != request_id) {
            return bad("record type " + std::to_string(type) + " among the request's parameters");
        } else if (length == 0) {
            // The empty FCGI_PARAMS record ends the head; libfcgi stops reading at its header.
            if (!pairs_fit(params)) return bad("a parameter's length runs past the parameters sent");
            return {HeadState::complete, ""};
        }
        if (bytes.size() - pos - kHeaderBytes < length + padding) return more();
        const std::string_view content = bytes.substr(pos + kHeaderBytes, length);
        if (request_id == 0) {
            const unsigned role = (byte_at(content, 0) << 8) | byte_at(content, 1);
            if (role != kResponder) return bad("FastCGI role " + std::to_string(role) + " (folio is a responder)");
            request_id = id;
        } else {
            params.append(content);
        }
        pos += kHeaderBytes + length + padding;
    }
}

}  // namespace folio
