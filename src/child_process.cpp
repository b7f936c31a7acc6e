// A forked child with bounds: a pipe for its answer, rlimits for CPU and memory, a deadline.
#include "child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>

#include "fd.h"

namespace folio {
namespace {

// The address space the process has now, so that the child's limit is "this much more": a
// process under AddressSanitizer has terabytes reserved, a plain one tens of megabytes.
std::size_t address_space_now() {
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0;
    statm >> pages;
    return pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

[[noreturn]] void child_main(int out, const std::function<std::string()>& work, const ChildLimits& limits,
                             std::size_t space, pid_t parent) {
    // The parent's handlers (libfcgi's, a test framework's) must not run here: a crash or the
    // CPU limit ends the child, and the parent reads the signal.
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGXCPU, SIGTERM, SIGPIPE}) signal(sig, SIG_DFL);
    // A parent killed meanwhile (SIGKILL from the web server) takes the child with it: it holds
    // a copy of the parent's sockets, and one blocked on a FIFO would hold them for ever.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(6);  // the parent went before the line above
    // SIGXCPU at the soft limit; the hard one (a second later: SIGKILL) only if that is caught.
    const rlimit cpu{static_cast<rlim_t>(limits.cpu_seconds), static_cast<rlim_t>(limits.cpu_seconds + 1)};
    setrlimit(RLIMIT_CPU, &cpu);
    if (space) {
        const rlimit as{static_cast<rlim_t>(space + limits.memory_bytes), static_cast<rlim_t>(space + limits.memory_bytes)};
        setrlimit(RLIMIT_AS, &as);
    }
    int status = 0;
    try {
        const std::string bytes = work();
        for (std::size_t done = 0; done < bytes.size();) {
            const ssize_t n = write(out, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                status = 3;
                break;
            }
            done += static_cast<std::size_t>(n);
        }
    } catch (const std::bad_alloc&) {
        status = 4;
    } catch (...) {
        status = 5;
    }
    _exit(status);  // no atexit handlers, no stdio flush: those belong to the parent
}

}  // namespace

std::optional<std::string> run_in_child(const std::function<std::string()>& work, const ChildLimits& limits,
                                        std::string& reason) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        reason = std::string("could not start: ") + std::strerror(errno);
        return std::nullopt;
    }
    Fd in(fds[0]), out(fds[1]);
    const std::size_t space = address_space_now();
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0) {
        reason = std::string("could not start: ") + std::strerror(errno);
        return std::nullopt;
    }
    if (pid == 0) {
        in.reset();
        child_main(out.get(), work, limits, space, parent);
    }
    out.reset();
    std::string bytes;
    bool over = false, late = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.wall_seconds());
    char buf[65536];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            late = true;
            break;
        }
        pollfd p{in.get(), POLLIN, 0};
        const int ready = poll(&p, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;  // the deadline check above ends it
        const ssize_t n = read(in.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // the child closed its end: done or dead
        if (bytes.size() + static_cast<std::size_t>(n) > limits.output_bytes) {
            over = true;
            break;
        }
        bytes.append(buf, static_cast<std::size_t>(n));
    }
    if (late || over) kill(pid, SIGKILL);
    int status = 0;
    pid_t waited;
    while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
    }
    if (waited != pid) reason = "could not be waited for: " + std::string(std::strerror(errno));
    else if (late) reason = "gave no answer within " + std::to_string(limits.wall_seconds()) + " seconds";
    else if (over) reason = "answered more than " + std::to_string(limits.output_bytes) + " bytes";
    else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
        reason = "used more than " + std::to_string(limits.cpu_seconds) + " seconds of CPU";
    else if (WIFSIGNALED(status)) reason = "crashed (signal " + std::to_string(WTERMSIG(status)) + ")";
    else if (WIFEXITED(status) && WEXITSTATUS(status) == 4)
        reason = "needed more than " + std::to_string(limits.memory_bytes >> 20) + " MiB of memory";
    else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        reason = "failed (exit " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")";
    else return bytes;
    return std::nullopt;
}

}  // namespace folio
