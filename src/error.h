// The one exception type folio throws for bad input: its message starts with "file:line: ".
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace folio {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// "file:line: message" (line 0 leaves the line out: the problem is the whole file).
inline std::string at(std::string_view file, int line, std::string_view message) {
    std::string s(file);
    if (line > 0) s += ":" + std::to_string(line);
    s += ": ";
    s += message;
    return s;
}

}  // namespace folio
