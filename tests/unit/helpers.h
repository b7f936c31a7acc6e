// Shared by the unit tests: temporary folders (TempDir, tests/common/temp_dir.h), whole files
// (read_file, tests/common/read_file.h), small string checks, and a way to run a step that might
// crash or hang in a child process.
#pragma once
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <string>
#include <utility>

#include "../common/read_file.h"
#include "../common/temp_dir.h"

namespace testing {

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

inline bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// An entry of a list as text: a string, or a problem (folio::Problem) as it is printed.
inline const std::string& text_of(const std::string& s) { return s; }
template <typename T>
auto text_of(const T& problem) -> decltype(problem.text()) { return problem.text(); }

// True when some entry of list contains every one of the needles.
template <typename List>
bool any_contains(const List& list, std::initializer_list<std::string> needles) {
    for (const auto& entry : list) {
        bool all = true;
        for (const auto& n : needles) all = all && contains(text_of(entry), n);
        if (all) return true;
    }
    return false;
}

// Checks f(input) == expected for each (input, expected) pair, naming the input when one fails:
// one table instead of a line of the same check per value.
template <typename F>
void expect_each(F f, std::initializer_list<std::pair<std::string, std::string>> cases) {
    for (const auto& [input, expected] : cases) {
        BOOST_TEST_CONTEXT("input '" << input << "'") { BOOST_TEST(f(input) == expected); }
    }
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
