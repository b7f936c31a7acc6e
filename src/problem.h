// One problem folio found and reports without stopping: a file, a line in it, what is wrong.
// Pages, the site index, templates, Liquid and --check all collect these, and print them with
// text(), so every message reads the same way.
#pragma once
#include <string>
#include <string_view>

namespace folio {

struct Problem {
    std::string file;  // as named to the user ("content/talks/x.md"); "" when not known yet
    int line = 0;      // 1-based; 0 when the problem is the whole file (or the line is not known)
    std::string message;

    // "file:line: message"; the line is left out when 0, and with no file either, the message
    // stands alone (an Error thrown with a whole message: Error::problem()).
    std::string text() const;
    bool operator==(const Problem& o) const { return file == o.file && line == o.line && message == o.message; }
};

// "file:line: message", as Problem::text (line 0 leaves the line out).
inline std::string at(std::string_view file, int line, std::string_view message) {
    std::string s(file);
    if (line > 0) s += ":" + std::to_string(line);
    s += ": ";
    s += message;
    return s;
}

inline std::string Problem::text() const { return file.empty() && line == 0 ? message : at(file, line, message); }

}  // namespace folio
