// Shared by the liquid-spec and Jekyll-oracle runners: a list of cases with a reason each.
#pragma once
#include <fstream>
#include <map>
#include <string>

namespace testing {

// "NAME<TAB>TEXT" lines as NAME -> TEXT; blank lines, '#' comments and lines without a tab
// (no reason given) are passed over. None when the file cannot be read.
inline std::map<std::string, std::string> read_named_lines(const std::string& path) {
    std::map<std::string, std::string> named;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const std::size_t tab = line.find('\t');
        if (tab != std::string::npos) named[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return named;
}

}  // namespace testing
