// --listen: the address is checked here and the socket made with plain socket calls. libfcgi's
// FCGX_OpenSocket is not used: it binds every interface for ":PORT", reads a port it cannot parse
// (or 0) as a Unix socket path, cuts ports to a short, looks names up, exits the process on a bind
// error, and unlinks whatever file is at the path.
#include "listener.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace folio {
namespace {

// The kernel's queue of connections not yet accepted; a web server opens few at a time.
constexpr int kListenBacklog = 128;

bool parse_port(const std::string& text, int& port) {
    if (text.empty() || text.size() > 5 || text.find_first_not_of("0123456789") != std::string::npos) return false;
    port = std::stoi(text);
    return port >= 1 && port <= 65535;
}

std::string errno_text() { return std::strerror(errno); }

// A socket at path that someone accepts connections on.
bool socket_in_use(const std::string& path) {
    Fd probe(socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_un sa{};
    sa.sun_family = AF_UNIX;
    path.copy(sa.sun_path, sizeof sa.sun_path - 1);
    return probe && connect(probe.get(), reinterpret_cast<sockaddr*>(&sa), sizeof sa) == 0;
}

}  // namespace

std::optional<ListenAddress> parse_listen_address(const std::string& text, std::string& reason) {
    ListenAddress a;
    if (text.find('/') != std::string::npos) {
        if (text.size() >= sizeof(sockaddr_un{}.sun_path)) {
            reason = "a Unix socket path must be shorter than " + std::to_string(sizeof(sockaddr_un{}.sun_path)) + " bytes";
            return std::nullopt;
        }
        a.path = text;
        a.loopback = true;
        return a;
    }
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos || (text[0] == '[' && text[colon - 1] != ']')) {
        reason = "neither a Unix socket path (those have a '/', e.g. ./folio.sock) nor HOST:PORT";
        return std::nullopt;
    }
    if (!parse_port(text.substr(colon + 1), a.port)) {
        reason = "the port must be a number from 1 to 65535";
        return std::nullopt;
    }
    std::string host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        in6_addr ip6;
        a.host = host.substr(1, host.size() - 2);
        if (inet_pton(AF_INET6, a.host.c_str(), &ip6) != 1) {
            reason = "[" + a.host + "] is not an IPv6 address";
            return std::nullopt;
        }
        a.kind = ListenAddress::Kind::ipv6;
        a.loopback = IN6_IS_ADDR_LOOPBACK(&ip6) || (IN6_IS_ADDR_V4MAPPED(&ip6) && ip6.s6_addr[12] == 127);
        return a;
    }
    if (host.empty() || host == "*") host = "0.0.0.0";
    if (host == "localhost") host = "127.0.0.1";
    in_addr ip4;
    if (inet_pton(AF_INET, host.c_str(), &ip4) != 1) {
        reason = "the host must be a numeric IPv4 address, localhost or [IPv6] (names are not looked up)";
        return std::nullopt;
    }
    a.kind = ListenAddress::Kind::ipv4;
    a.host = host;
    a.loopback = (ntohl(ip4.s_addr) >> 24) == 127;
    return a;
}

std::unique_ptr<Listener> Listener::open(const std::string& text, bool allow_public, std::string& reason,
                                         std::string& warning) {
    auto address = parse_listen_address(text, reason);
    if (!address) {
        reason = "--listen " + text + ": " + reason;
        return nullptr;
    }
    if (!address->loopback) {
        const std::string where = address->host == "0.0.0.0" || address->host == "::"
                                      ? "every network interface"
                                      : address->host + " is not a loopback address";
        if (!allow_public) {
            reason = "--listen " + text + ": refused: " + where +
                     "; anyone who can reach it could talk FastCGI to folio. Use a Unix socket or 127.0.0.1:PORT, "
                     "or add --listen-public if that is really meant";
            return nullptr;
        }
        warning = "warning: listening on " + text + " (" + where +
                  "): anyone who can reach it can talk FastCGI to folio; keep it behind a firewall";
    }
    std::unique_ptr<Listener> l(new Listener);
    const auto fail = [&](const std::string& why) {
        reason = "cannot listen on " + text + ": " + why;
        return nullptr;
    };
    if (address->kind == ListenAddress::Kind::unix_path) {
        const std::string& path = address->path;
        struct stat st;
        if (lstat(path.c_str(), &st) == 0) {
            // Only a stale socket is replaced; another process's live socket and any other file stay.
            if (!S_ISSOCK(st.st_mode)) return fail(path + " exists and is not a socket");
            if (socket_in_use(path)) return fail(path + " is in use by another process");
            if (unlink(path.c_str()) != 0) return fail("cannot remove the old socket: " + errno_text());
        }
        l->fd_ = Fd(socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
        if (!l->fd_) return fail(errno_text());
        sockaddr_un sa{};
        sa.sun_family = AF_UNIX;
        path.copy(sa.sun_path, sizeof sa.sun_path - 1);
        // Made 0660 from the start (umask), so that no other user can connect in between.
        const mode_t old_mask = umask(0117);
        const int bound = bind(l->fd_.get(), reinterpret_cast<sockaddr*>(&sa), sizeof sa);
        umask(old_mask);
        if (bound != 0) return fail(errno_text());
        if (lstat(path.c_str(), &st) != 0) return fail(errno_text());
        l->path_ = path;
        l->dev_ = st.st_dev;
        l->ino_ = st.st_ino;
        if (chmod(path.c_str(), 0660) != 0) return fail(errno_text());
    } else {
        const bool v6 = address->kind == ListenAddress::Kind::ipv6;
        sockaddr_storage ss{};
        socklen_t len;
        if (v6) {
            auto* sa = reinterpret_cast<sockaddr_in6*>(&ss);
            sa->sin6_family = AF_INET6;
            sa->sin6_port = htons(static_cast<uint16_t>(address->port));
            inet_pton(AF_INET6, address->host.c_str(), &sa->sin6_addr);
            len = sizeof *sa;
        } else {
            auto* sa = reinterpret_cast<sockaddr_in*>(&ss);
            sa->sin_family = AF_INET;
            sa->sin_port = htons(static_cast<uint16_t>(address->port));
            inet_pton(AF_INET, address->host.c_str(), &sa->sin_addr);
            len = sizeof *sa;
        }
        l->fd_ = Fd(socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0));
        if (!l->fd_) return fail(errno_text());
        const int on = 1;
        setsockopt(l->fd_.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        if (v6) setsockopt(l->fd_.get(), IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on);  // [::] is not 0.0.0.0 too
        if (bind(l->fd_.get(), reinterpret_cast<sockaddr*>(&ss), len) != 0) return fail(errno_text());
    }
    if (listen(l->fd_.get(), kListenBacklog) != 0) return fail(errno_text());
    return l;
}

Listener::~Listener() {
    if (path_.empty()) return;
    // Removed only while it is still our socket: a newer process may have replaced it.
    struct stat st;
    if (lstat(path_.c_str(), &st) == 0 && st.st_dev == dev_ && st.st_ino == ino_) unlink(path_.c_str());
}

}  // namespace folio
