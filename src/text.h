// Small pure string helpers shared by several modules.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace folio {

inline bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// An http(s) URL, as opposed to a site path.
inline bool is_absolute_url(std::string_view v) { return v.rfind("https://", 0) == 0 || v.rfind("http://", 0) == 0; }

// A C0 control character or DEL: never allowed in a header value, a path or a link target.
inline bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }

// FNV-1a: a stable 64-bit hash (the same across runs and processes) for cache keys and ETags;
// not a security boundary.
inline std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

inline std::string trim(std::string_view s) {
    std::size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string_view::npos) return "";
    std::size_t b = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(a, b - a + 1));
}

}  // namespace folio
