// Shared by the unit and end-to-end tests: a temporary folder that removes itself.
#pragma once
#include <ftw.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

namespace testing {

// A fresh folder under $TMPDIR (else /tmp); the destructor removes the whole tree, never
// following symbolic links out of it.
class TempDir {
public:
    // prefix: how the folder's name starts ("folio-unit", "folio-e2e").
    explicit TempDir(const std::string& prefix = "folio-unit") {
        const char* tmp = std::getenv("TMPDIR");
        std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/" + prefix + "-XXXXXX";
        if (!mkdtemp(tmpl.data())) throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
        path_ = tmpl;
    }
    ~TempDir() { nftw(path_.c_str(), remove_entry, 16, FTW_DEPTH | FTW_PHYS); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return path_; }
    std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

    // Creates rel and every folder above it.
    void mkdirs(const std::string& rel) const {
        std::string p = path_;
        std::size_t start = 0;
        while (start < rel.size()) {
            std::size_t slash = rel.find('/', start);
            if (slash == std::string::npos) slash = rel.size();
            p += "/" + rel.substr(start, slash - start);
            if (::mkdir(p.c_str(), 0755) != 0 && errno != EEXIST)
                throw std::runtime_error("mkdir " + p + ": " + std::strerror(errno));
            start = slash + 1;
        }
    }

    // Writes text to rel (folders created as needed) and returns the full path.
    std::string write(const std::string& rel, const std::string& text) const {
        if (std::size_t slash = rel.rfind('/'); slash != std::string::npos) mkdirs(rel.substr(0, slash));
        const std::string p = *this / rel;
        std::ofstream out(p, std::ios::binary);
        out << text;
        if (!out) throw std::runtime_error("cannot write " + p);
        return p;
    }

    // A symbolic link at rel pointing to target (taken as given: absolute or relative).
    void symlink(const std::string& target, const std::string& rel) const {
        if (std::size_t slash = rel.rfind('/'); slash != std::string::npos) mkdirs(rel.substr(0, slash));
        if (::symlink(target.c_str(), (*this / rel).c_str()) != 0)
            throw std::runtime_error("symlink " + rel + ": " + std::strerror(errno));
    }

private:
    static int remove_entry(const char* p, const struct stat*, int, struct FTW*) {
        ::remove(p);
        return 0;
    }
    std::string path_;
};

}  // namespace testing
