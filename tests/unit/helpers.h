// Shared by the unit tests: temporary folders that clean up after themselves, small string
// checks, and a way to run a step that might crash or hang in a child process.
#pragma once
#include <ftw.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <stdexcept>
#include <string>

namespace testing {

// A fresh folder under $TMPDIR (else /tmp); the destructor removes the whole tree, never
// following symbolic links out of it.
class TempDir {
public:
    TempDir() {
        const char* tmp = std::getenv("TMPDIR");
        std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/folio-unit-XXXXXX";
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

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

inline bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// True when some entry of list contains every one of the needles.
template <typename List>
bool any_contains(const List& list, std::initializer_list<std::string> needles) {
    for (const auto& entry : list) {
        bool all = true;
        for (const auto& n : needles) all = all && contains(entry, n);
        if (all) return true;
    }
    return false;
}

// Runs step in a forked child, so that a crash (stack overflow) or a hang fails one test case
// instead of taking the whole run down. Returns "exit N", "signal N" or "timeout".
inline std::string run_isolated(const std::function<int()>& step, unsigned seconds) {
    pid_t pid = fork();
    if (pid < 0) return std::string("fork failed: ") + std::strerror(errno);
    if (pid == 0) {
        // Boost.Test's own handlers would catch a crash here and carry on running the suite
        // inside the child: put the defaults back so the child simply dies and reports it.
        for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGALRM}) signal(sig, SIG_DFL);
        alarm(seconds);
        int rc = 3;
        try {
            rc = step();
        } catch (...) {
            rc = 4;
        }
        _exit(rc);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) return "timeout";
    if (WIFSIGNALED(status)) return "signal " + std::to_string(WTERMSIG(status));
    return "unknown";
}

}  // namespace testing
