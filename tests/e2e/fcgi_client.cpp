// FastCGI records by hand: BEGIN_REQUEST, PARAMS, empty STDIN, then read STDOUT until END_REQUEST.
#include "fcgi_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

#include "../common/read_file.h"

namespace e2e {
namespace {

void put_record(std::string& out, unsigned char type, const std::string& content) {
    unsigned char h[8] = {1, type, 0, 1, static_cast<unsigned char>(content.size() >> 8),
                          static_cast<unsigned char>(content.size() & 0xff), 0, 0};
    out.append(reinterpret_cast<char*>(h), 8);
    out += content;
}

void put_length(std::string& out, std::size_t n) {
    if (n < 128) {
        out += static_cast<char>(n);
    } else {
        out += static_cast<char>(0x80 | ((n >> 24) & 0x7f));
        out += static_cast<char>((n >> 16) & 0xff);
        out += static_cast<char>((n >> 8) & 0xff);
        out += static_cast<char>(n & 0xff);
    }
}

}  // namespace

int connect_to(const std::string& address) {
    if (address.find('/') != std::string::npos) {
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un sa{};
        sa.sun_family = AF_UNIX;
        address.copy(sa.sun_path, sizeof sa.sun_path - 1);
        if (connect(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0) {
            close(fd);
            return -1;
        }
        return fd;
    }
    // HOST:PORT with HOST an IPv4 address, localhost, or [IPv6].
    std::size_t colon = address.rfind(':');
    std::string host = address.substr(0, colon);
    const uint16_t port = htons(static_cast<uint16_t>(std::stoi(address.substr(colon + 1))));
    if (host == "localhost") host = "127.0.0.1";
    sockaddr_storage ss{};
    socklen_t len;
    if (!host.empty() && host.front() == '[') {
        auto* sa = reinterpret_cast<sockaddr_in6*>(&ss);
        sa->sin6_family = AF_INET6;
        sa->sin6_port = port;
        inet_pton(AF_INET6, host.substr(1, host.size() - 2).c_str(), &sa->sin6_addr);
        len = sizeof *sa;
    } else {
        auto* sa = reinterpret_cast<sockaddr_in*>(&ss);
        sa->sin_family = AF_INET;
        sa->sin_port = port;
        inet_pton(AF_INET, host.c_str(), &sa->sin_addr);
        len = sizeof *sa;
    }
    int fd = socket(ss.ss_family, SOCK_STREAM, 0);
    if (connect(fd, reinterpret_cast<sockaddr*>(&ss), len) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

Result fcgi_request(const std::string& address, const std::map<std::string, std::string>& params) {
    Result r;
    int fd = connect_to(address);
    if (fd < 0) return r;
    std::string msg;
    put_record(msg, 1, std::string("\0\1\0\0\0\0\0\0", 8));  // BEGIN_REQUEST, role RESPONDER
    std::string p;
    for (const auto& [k, v] : params) {
        put_length(p, k.size());
        put_length(p, v.size());
        p += k;
        p += v;
    }
    put_record(msg, 4, p);
    put_record(msg, 4, "");
    put_record(msg, 5, "");
    if (write(fd, msg.data(), msg.size()) != static_cast<ssize_t>(msg.size())) {
        close(fd);
        return r;
    }
    std::string in;
    char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) in.append(buf, static_cast<std::size_t>(n));
    close(fd);
    std::size_t pos = 0;
    while (pos + 8 <= in.size()) {
        auto* h = reinterpret_cast<const unsigned char*>(in.data() + pos);
        std::size_t len = (h[4] << 8) | h[5], pad = h[6];
        if (h[1] == 6) r.out.append(in, pos + 8, len);
        if (h[1] == 7) r.err.append(in, pos + 8, len);
        if (h[1] == 3) r.exit_code = 0;
        pos += 8 + len + pad;
    }
    parse_response(r);  // the STDOUT stream is a CGI response
    return r;
}

Result fcgi_get(const std::string& address, const std::string& uri, const std::string& method) {
    return fcgi_request(address, {{"REQUEST_METHOD", method}, {"REQUEST_URI", uri}, {"SCRIPT_NAME", ""},
                                  {"QUERY_STRING", uri.find('?') == std::string::npos ? "" : uri.substr(uri.find('?') + 1)}});
}

int free_port() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa);
    socklen_t len = sizeof sa;
    getsockname(fd, reinterpret_cast<sockaddr*>(&sa), &len);
    close(fd);
    return ntohs(sa.sin_port);
}

Daemon::Daemon(const std::string& addr, const std::string& config, const std::vector<std::string>& extra)
    : address(addr) {
    char tmpl[] = "/tmp/folio-daemon-log-XXXXXX";
    int logfd = mkstemp(tmpl);
    log = tmpl;
    const std::string bin = binary();
    pid = fork();
    if (pid == 0) {
        dup2(logfd, 2);
        int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(devnull, 1);
        std::vector<std::string> args = extra;
        for (const char* a : {"--listen", addr.c_str(), "--config", config.c_str()}) args.emplace_back(a);
        std::vector<char*> argv{const_cast<char*>(bin.c_str())};
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(bin.c_str(), argv.data());
        _exit(127);
    }
    close(logfd);
}

Daemon::~Daemon() {
    if (pid > 0 && waitpid(pid, nullptr, WNOHANG) == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
    }
    unlink(log.c_str());
}

bool Daemon::wait_ready() const {
    for (int i = 0; i < 100; ++i) {
        int fd = connect_to(address);
        if (fd >= 0) {
            close(fd);
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

std::string Daemon::log_text() const { return testing::read_file(log); }

int Daemon::stop(int sig, int timeout_ms) {
    if (pid <= 0) return -1;
    if (sig) kill(pid, sig);
    for (int waited = 0; waited <= timeout_ms; waited += 10) {
        int st;
        if (waitpid(pid, &st, WNOHANG) == pid) {
            pid = -1;
            return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
}

}  // namespace e2e
