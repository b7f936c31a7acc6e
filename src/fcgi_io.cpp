// libfcgi glue. FCGX API only: one FCGX_Request, held in a guard that always finishes it.
#include "fcgi_io.h"

#include <fcgiapp.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "response_writer.h"

namespace folio {
namespace {

std::string env_or(const char* value) { return value ? value : ""; }

template <typename Get>
Request read_request(Get get) {
    Request r;
    r.method = env_or(get("REQUEST_METHOD"));
    r.uri = env_or(get("REQUEST_URI"));
    r.query = env_or(get("QUERY_STRING"));
    r.if_none_match = env_or(get("HTTP_IF_NONE_MATCH"));
    r.if_modified_since = env_or(get("HTTP_IF_MODIFIED_SINCE"));
    r.accept_encoding = env_or(get("HTTP_ACCEPT_ENCODING"));
    if (r.uri.empty()) {
        // Every server we know sets REQUEST_URI; without it, rebuild the URI from the parts.
        r.uri = env_or(get("SCRIPT_NAME")) + env_or(get("PATH_INFO"));
        if (!r.query.empty()) r.uri += "?" + r.query;
        if (r.uri.empty()) r.uri = "/";
    }
    return r;
}

// The one piece of process-wide state folio keeps: a signal handler can reach nothing else. It
// only sets this flag (seen by a busy loop before its next accept) and writes a byte to this pipe
// (which wakes an idle loop); the loop decides what to do about it.
int g_stop_pipe_write = -1;
volatile sig_atomic_t g_stop_requested = 0;

void on_stop_signal(int) {
    g_stop_requested = 1;
    const int saved = errno;
    char byte = 1;
    ssize_t ignored = write(g_stop_pipe_write, &byte, 1);
    (void)ignored;
    errno = saved;
}

// SIGTERM (lighttpd, mod_fcgid and spawn-fcgi's way to stop us) must not cut a request short:
// libfcgi's own handler lets it interrupt read() and write(), and the answer is lost. Ours
// restarts them (SA_RESTART) and tells the loop through a pipe, which the loop polls beside the
// listening socket, so an idle process still leaves at once.
int install_stop_handler() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) return -1;
    g_stop_pipe_write = fds[1];
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGUSR1, &sa, nullptr);  // libfcgi's graceful-restart signal
    sigaction(SIGINT, &sa, nullptr);
    return fds[0];
}

// The request's FastCGI stderr while one is being answered (nullptr otherwise), for log lines.
FCGX_Stream* g_request_err = nullptr;

// Finishes the request whatever happens in between.
struct RequestGuard {
    FCGX_Request req;
    explicit RequestGuard(int fd) { FCGX_InitRequest(&req, fd, 0); }
    ~RequestGuard() { FCGX_Free(&req, 0); }
    RequestGuard(const RequestGuard&) = delete;
    RequestGuard& operator=(const RequestGuard&) = delete;
};

}  // namespace

bool started_as_cgi() { return FCGX_IsCGI() != 0; }

void log_to_server(std::string_view line) {
    if (g_request_err) {
        FCGX_PutStr(line.data(), static_cast<int>(line.size()), g_request_err);
        FCGX_FFlush(g_request_err);
        return;
    }
    ssize_t ignored = write(2, line.data(), line.size());
    (void)ignored;
}

int serve_cgi(const Handler& handler) {
    // FCGX_IsCGI() ran FCGX_Init, which installed libfcgi's SIGTERM handler; a CGI has no loop to
    // end gracefully, so SIGTERM gets its default action back.
    signal(SIGTERM, SIG_DFL);
    Request req = read_request([](const char* name) { return std::getenv(name); });
    Response resp = handler(req);
    std::string reason;
    auto to_stdout = [](const char* p, std::size_t n) { return std::fwrite(p, 1, n, stdout) == n; };
    if (!write_response(resp, req.method == "HEAD", to_stdout, reason)) log_to_server("folio: " + reason + "\n");
    std::fflush(stdout);
    return 0;
}

int open_listener(const std::string& address, std::string& reason) {
    if (FCGX_Init() != 0) {
        reason = "FCGX_Init failed";
        return -1;
    }
    const bool unix_socket = address.find('/') != std::string::npos;
    // Numeric addresses only: a host name would pull in glibc's NSS, absent from a static build.
    int fd = FCGX_OpenSocket(address.c_str(), 128);
    if (fd < 0) {
        reason = "cannot listen on " + address;
        return -1;
    }
    if (unix_socket && chmod(address.c_str(), 0660) != 0) {
        reason = "cannot make " + address + " mode 0660: " + std::strerror(errno);
        return -1;
    }
    return fd;
}

int serve_fastcgi(int listen_fd, const Handler& handler, const std::function<void()>& before_each) {
    if (FCGX_Init() != 0) return 1;
    const int stop_fd = install_stop_handler();  // after FCGX_Init, which installs libfcgi's
    if (stop_fd < 0) return 1;
    // Non-blocking: when several processes share the socket (spawn-fcgi -F N), the one that
    // loses the race for a connection must come back to poll, not sleep inside accept().
    fcntl(listen_fd, F_SETFL, fcntl(listen_fd, F_GETFL) | O_NONBLOCK);
    RequestGuard guard(listen_fd);
    FCGX_Request& req = guard.req;
    while (!g_stop_requested) {
        // A connection already waiting is taken at once; only when none is does the loop sleep in
        // poll(), beside the stop pipe (one system call less per request under load).
        int rc = FCGX_Accept_r(&req);
        if (rc == -EAGAIN || rc == -EWOULDBLOCK) {  // none waiting, or another process took it
            pollfd fds[2] = {{listen_fd, POLLIN, 0}, {stop_fd, POLLIN, 0}};
            if (poll(fds, 2, -1) < 0 && errno != EINTR) break;
            if (fds[1].revents) break;  // asked to stop, and idle
            if (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) break;
            continue;
        }
        if (rc < 0) break;
        g_request_err = req.err;
        before_each();
        Request r = read_request([&req](const char* name) { return FCGX_GetParam(name, req.envp); });
        Response resp = handler(r);
        // Head and body go out separately: the body (often a cached page) is not copied again,
        // and a file body goes in chunks. FCGX_PutStr returns the count written, less on error.
        std::string reason;
        auto to_fcgi = [&req](const char* p, std::size_t n) { return FCGX_PutStr(p, static_cast<int>(n), req.out) == static_cast<int>(n); };
        if (!write_response(resp, r.method == "HEAD", to_fcgi, reason)) log_to_server("folio: " + reason + "\n");
        g_request_err = nullptr;
        FCGX_Finish_r(&req);
    }
    return 0;
}

}  // namespace folio
