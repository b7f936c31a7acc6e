// Shared by the data-driven runner (test_data_cases.cpp): one folder of tests/data as a case,
// its files read whole, and the byte-exact comparison that names the folder and file on failure.
#pragma once
#include <boost/test/unit_test.hpp>

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "helpers.h"

namespace testing {

// tests/data below the current directory, or $FOLIO_TEST_DATA.
inline std::string data_root() {
    const char* env = std::getenv("FOLIO_TEST_DATA");
    return env && *env ? env : "tests/data";
}

// The sub-folders of dir, sorted; none when dir is missing.
inline std::vector<std::string> list_folders(const std::string& dir) {
    std::vector<std::string> names;
    std::unique_ptr<DIR, int (*)(DIR*)> d(opendir(dir.c_str()), closedir);
    if (!d) return names;
    while (const dirent* e = readdir(d.get())) {
        const std::string name = e->d_name;
        struct stat st{};
        if (name[0] != '.' && stat((dir + "/" + name).c_str(), &st) == 0 && S_ISDIR(st.st_mode)) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

class DataCase {
public:
    DataCase(std::string dir, std::string name) : dir_(std::move(dir)), name_(std::move(name)) {}

    const std::string& name() const { return name_; }
    const std::string& dir() const { return dir_; }
    bool has(const std::string& file) const {
        struct stat st{};
        return stat((dir_ + "/" + file).c_str(), &st) == 0;
    }
    // The whole file; a missing one fails the case.
    std::string read(const std::string& file) const {
        BOOST_TEST_REQUIRE(static_cast<bool>(std::ifstream(dir_ + "/" + file)), name_ << ": cannot read " << file);
        return read_file(dir_ + "/" + file);
    }
    // key=value lines of the file `options` (none when it is absent).
    std::vector<std::pair<std::string, std::string>> options() const {
        std::vector<std::pair<std::string, std::string>> out;
        if (!has("options")) return out;
        std::istringstream in(read("options"));
        for (std::string line; std::getline(in, line);) {
            if (line.empty()) continue;
            const auto eq = line.find('=');
            BOOST_TEST_REQUIRE(eq != std::string::npos, name_ << "/options: no '=' in '" << line << "'");
            out.emplace_back(line.substr(0, eq), line.substr(eq + 1));
        }
        return out;
    }
    // actual must equal the file to the byte.
    void check(const std::string& file, const std::string& actual) const {
        const std::string expected = read(file);
        BOOST_TEST(actual == expected, name_ << "/" << file << " differs\n--- expected\n" << expected << "\n--- actual\n"
                                             << actual << "\n---");
    }
    // When the file is absent, actual must be empty (nothing of that kind expected).
    void check_optional(const std::string& file, const std::string& actual) const {
        if (has(file)) check(file, actual);
        else BOOST_TEST(actual.empty(), name_ << ": no " << file << ", but got:\n" << actual);
    }

private:
    std::string dir_, name_;
};

}  // namespace testing
