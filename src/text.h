// Small pure string helpers shared by several modules.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace folio {

inline bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

inline bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// ASCII case only, whatever the locale: for schemes, extensions, media types and keys, which are
// ASCII by definition, never for text shown to people.
inline char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = to_lower(c);
    return out;
}

// starts_with, ignoring the ASCII case of s; lower_prefix is written in lower case.
inline bool starts_with_ci(std::string_view s, std::string_view lower_prefix) {
    if (s.size() < lower_prefix.size()) return false;
    for (std::size_t i = 0; i < lower_prefix.size(); ++i)
        if (to_lower(s[i]) != lower_prefix[i]) return false;
    return true;
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

// Calls each(inner) for every open...close in s, left to right (not nested: the first close after
// an open ends it); an open without a close ends the scan.
template <typename Each>
void for_each_between(std::string_view s, std::string_view open, std::string_view close, Each each) {
    for (std::size_t pos = 0; (pos = s.find(open, pos)) != std::string_view::npos;) {
        const std::size_t start = pos + open.size(), end = s.find(close, start);
        if (end == std::string_view::npos) return;
        each(s.substr(start, end - start));
        pos = end + close.size();
    }
}

// s without the blanks at either end.
inline std::string trim(std::string_view s, std::string_view blanks = " \t\r\n") {
    std::size_t a = s.find_first_not_of(blanks);
    if (a == std::string_view::npos) return "";
    std::size_t b = s.find_last_not_of(blanks);
    return std::string(s.substr(a, b - a + 1));
}

// Appends code point cp (at most 0x10FFFF) as UTF-8.
inline void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace folio
