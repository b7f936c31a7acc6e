// Pins the libfcgi behaviour that fcgi_io.cpp relies on to hand it a connection that folio
// accepted itself (fields that fcgiapp.h marks "don't use"): FCGX_Accept_r reads the request
// from req.ipcFd when it is open, closes it first unless req.keepConnection is set, and with
// listen_sock -1 returns an error instead of accepting another connection when the request fails.
#include <boost/test/unit_test.hpp>

#include <fcgiapp.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

namespace {

std::string record(unsigned type, const std::string& content) {
    std::string r;
    for (unsigned b : {1u, type, 0u, 1u, unsigned(content.size() >> 8), unsigned(content.size() & 0xff), 0u, 0u})
        r += static_cast<char>(b);
    return r + content;
}

std::string head(unsigned role, unsigned flags) {
    const std::string params = std::string{char(11), char(2)} + "REQUEST_URI" + "/x";
    return record(1, std::string{char(0), char(role), char(flags), 0, 0, 0, 0, 0}) + record(4, params) + record(4, "") +
           record(5, "");
}

bool open_fd(int fd) { return fcntl(fd, F_GETFD) != -1; }

struct Pair {
    int peer = -1, ours = -1;
    Pair() {
        int fds[2];
        BOOST_REQUIRE(socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
        peer = fds[0];
        ours = fds[1];
    }
    ~Pair() {
        if (peer >= 0) close(peer);
    }
    void send(const std::string& bytes) const { BOOST_REQUIRE(write(peer, bytes.data(), bytes.size()) == ssize_t(bytes.size())); }
};

struct Request {
    FCGX_Request req;
    Request() {
        BOOST_REQUIRE(FCGX_Init() == 0);
        FCGX_InitRequest(&req, -1, 0);
    }
    ~Request() { FCGX_Free(&req, 1); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(fcgi_handover)

BOOST_AUTO_TEST_CASE(accept_reads_the_connection_in_ipcFd_and_finish_keeps_it) {
    Pair p;
    p.send(head(1, 1));  // FCGI_KEEP_CONN
    Request r;
    r.req.ipcFd = p.ours;
    r.req.keepConnection = 1;
    BOOST_REQUIRE(FCGX_Accept_r(&r.req) == 0);
    const char* uri = FCGX_GetParam("REQUEST_URI", r.req.envp);
    BOOST_TEST(std::string(uri ? uri : "(none)") == "/x");
    BOOST_TEST(r.req.ipcFd == p.ours);
    BOOST_TEST(r.req.keepConnection != 0);  // FCGI_KEEP_CONN as the request asked
    FCGX_PutS("Status: 200 OK\r\n\r\n", r.req.out);
    r.req.keepConnection = 1;
    FCGX_Finish_r(&r.req);
    BOOST_TEST(r.req.ipcFd == p.ours);  // still open, still ours
    BOOST_TEST(open_fd(p.ours));
    char buf[512];
    const ssize_t n = read(p.peer, buf, sizeof buf);
    BOOST_TEST(std::string(buf, n > 0 ? std::size_t(n) : 0).find("Status: 200 OK") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(without_keepConnection_accept_closes_the_fd_first) {
    Pair p;
    p.send(head(1, 0));
    close(p.peer);  // so that libfcgi's close does not wait for the peer
    p.peer = -1;
    Request r;
    r.req.ipcFd = p.ours;
    r.req.keepConnection = 0;
    BOOST_TEST(FCGX_Accept_r(&r.req) < 0);  // closed it, then the accept() on -1 failed
    BOOST_TEST(!open_fd(p.ours));
}

BOOST_AUTO_TEST_CASE(a_failed_request_with_listen_sock_minus_one_returns_at_once) {
    Pair p;
    p.send(head(7, 0));  // an unknown role: libfcgi drops the connection and retries accept()
    close(p.peer);
    p.peer = -1;
    Request r;
    r.req.ipcFd = p.ours;
    r.req.keepConnection = 1;
    const auto start = std::chrono::steady_clock::now();
    BOOST_TEST(FCGX_Accept_r(&r.req) < 0);
    BOOST_TEST(r.req.ipcFd < 0);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    BOOST_TEST(ms.count() < 1000);
}

BOOST_AUTO_TEST_SUITE_END()
