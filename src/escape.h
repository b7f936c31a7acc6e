// Byte-by-byte escaping from a table: the one loop behind HTML, XML and JSON string escaping.
#pragma once
#include <array>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace folio {

// What each of the 256 byte values becomes; a byte without an entry is copied as it is. Bytes,
// not characters: every byte an escaper replaces is ASCII, so UTF-8 sequences pass untouched.
class ByteEscaper {
public:
    ByteEscaper(std::initializer_list<std::pair<unsigned char, std::string_view>> entries) {
        for (const auto& [byte, with] : entries) set(byte, with);
    }
    // Replaces (or adds) one entry: for an escaper that differs from another in a byte.
    ByteEscaper& set(unsigned char byte, std::string_view with) {
        table_[byte] = with;
        return *this;
    }
    std::string operator()(std::string_view text) const {
        std::string out;
        out.reserve(text.size() + text.size() / 8);
        for (char c : text) {
            const std::string& with = table_[static_cast<unsigned char>(c)];
            if (with.empty()) out += c;
            else out += with;
        }
        return out;
    }

private:
    std::array<std::string, 256> table_;
};

}  // namespace folio
