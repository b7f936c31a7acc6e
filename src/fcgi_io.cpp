// libfcgi glue. FCGX API only: one FCGX_Request, held in a guard that always finishes it.
#include "fcgi_io.h"

#include <fcgiapp.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "fcgi_accept.h"
#include "fd.h"
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

// One request's answer: the site refresh, the handler, the response onto the FastCGI streams.
void answer(FCGX_Request& req, const Handler& handler, const std::function<void()>& before_each) {
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
}

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

int serve_fastcgi(int listen_fd, const Handler& handler, const std::function<void()>& before_each) {
    if (FCGX_Init() != 0) return 1;
    const int stop_fd = install_stop_handler();  // after FCGX_Init, which installs libfcgi's
    if (stop_fd < 0) return 1;
    // Non-blocking: when several processes share the socket (spawn-fcgi -F N), the one that
    // loses the race for a connection must come back to poll, not sleep inside accept().
    fcntl(listen_fd, F_SETFL, fcntl(listen_fd, F_GETFL) | O_NONBLOCK);
    // libfcgi reads a request with blocking reads, and FCGX_Accept_r accepts and reads the next
    // connection in one call: one peer that sends half a request (or nothing) would hold the
    // process, and every other request, for as long as it likes. So folio accepts connections
    // itself (Acceptor) and hands libfcgi one only once its whole request head is waiting.
    Acceptor acceptor(listen_fd, stop_fd, [](std::string_view line) { log_to_server(line); });
    // This relies on a field that fcgiapp.h marks "don't use": FCGX_Accept_r calls accept() only
    // when ipcFd < 0, otherwise it reads the next request from the connection in ipcFd (that is
    // how libfcgi serves FCGI_KEEP_CONN). It first "finishes" the previous request and closes
    // ipcFd unless keepConnection is set, so both are set before each call. listen_sock -1: if
    // the connection fails, libfcgi's retry accept() fails at once instead of taking (and
    // blocking on) another connection. tests/unit/test_fcgi_handover.cpp pins these facts.
    RequestGuard guard(-1);
    FCGX_Request& req = guard.req;
    for (;;) {
        Fd conn = acceptor.next(g_stop_requested);
        if (!conn) break;
        req.ipcFd = conn.release();
        req.keepConnection = 1;
        if (FCGX_Accept_r(&req) != 0) continue;  // libfcgi has closed the connection
        const bool keep_alive = req.keepConnection;
        answer(req, handler, before_each);
        // Finish (END_REQUEST) but keep the descriptor: libfcgi's close would wait for the peer's
        // EOF in a blocking loop, 2 s per read; the Acceptor does that beside the other
        // connections instead. libfcgi still closes it itself after a stream error.
        req.keepConnection = 1;
        FCGX_Finish_r(&req);
        if (req.ipcFd < 0) continue;
        Fd done(std::exchange(req.ipcFd, -1));
        if (keep_alive) acceptor.keep(std::move(done));
        else acceptor.close_after_answer(std::move(done));
    }
    return 0;
}

}  // namespace folio
