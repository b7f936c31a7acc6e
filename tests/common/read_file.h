// Shared by the unit and end-to-end tests and the runners: a whole file's bytes, and whether a
// file is there.
#pragma once
#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <string>

namespace testing {

// The bytes of the file at path, as they are (binary); "" when it cannot be opened, so that a
// missing file fails the comparison it was read for.
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    if (in) s << in.rdbuf();
    return s.str();
}

// True when something (a file, a folder, a link) is at path; a dangling link counts.
inline bool exists(const std::string& path) {
    struct stat st;
    return lstat(path.c_str(), &st) == 0;
}

}  // namespace testing
