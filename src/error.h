// The exceptions folio throws for bad input. Every one derives from Error (so from
// std::exception), so the one top-level catch sees them all.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace folio {

// Its message starts with "file:line: " (at() below), or names what failed.
struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A problem inside a text whose file the thrower does not know (front matter, a Liquid
// template): its 1-based line in that text. The catcher names the file: at(file, line, message).
struct LineError : Error {
    LineError(int line_in_text, std::string what_failed)
        : Error(what_failed), line(line_in_text), message(std::move(what_failed)) {}
    int line;
    std::string message;
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
