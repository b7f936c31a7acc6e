// The waiting room in front of libfcgi: accept, peek until the request head is whole, deadlines.
#include "fcgi_accept.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "fcgi_head.h"

namespace folio {
namespace {

// Connections accepted per wake-up, so that a flood of them cannot starve the held ones.
constexpr int kAcceptBatch = 16;
// Re-peek delays for a head that has begun but is not whole: 1 ms, doubling up to this.
// (poll() keeps reporting bytes that are waiting but not read, so such a connection is peeked
// on a timer instead; web servers write a head at once, so its first peek normally finds it whole.)
constexpr int kMaxBackoffMs = 50;

std::vector<std::string> split_commas(const char* list) {
    std::vector<std::string> out;
    if (!list) return out;
    std::string s = list;
    for (std::size_t start = 0; start <= s.size();) {
        std::size_t comma = s.find(',', start);
        if (comma == std::string::npos) comma = s.size();
        if (comma > start) out.push_back(s.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

}  // namespace

Acceptor::Acceptor(int listen_fd, int stop_fd, Log log)
    : listen_fd_(listen_fd),
      stop_fd_(stop_fd),
      log_(std::move(log)),
      web_server_addrs_(split_commas(std::getenv("FCGI_WEB_SERVER_ADDRS"))),
      buf_(kMaxRequestHeadBytes) {}

// libfcgi's own accept takes TCP peers only from the addresses in FCGI_WEB_SERVER_ADDRS when it
// is set (IPv4 there, compared with inet_addr; IPv6 peers are compared here too). Unix peers
// are not checked: the socket file's mode decides who may connect.
bool Acceptor::allowed_peer(const sockaddr_storage& peer) const {
    if (web_server_addrs_.empty()) return true;
    for (const std::string& a : web_server_addrs_) {
        if (peer.ss_family == AF_INET) {
            if (inet_addr(a.c_str()) == reinterpret_cast<const sockaddr_in&>(peer).sin_addr.s_addr) return true;
        } else if (peer.ss_family == AF_INET6) {
            in6_addr ip;
            if (inet_pton(AF_INET6, a.c_str(), &ip) == 1 &&
                std::memcmp(&ip, &reinterpret_cast<const sockaddr_in6&>(peer).sin6_addr, sizeof ip) == 0)
                return true;
        } else {
            return true;
        }
    }
    return false;
}

void Acceptor::accept_waiting(Clock::time_point now) {
    for (int i = 0; i < kAcceptBatch; ++i) {
        sockaddr_storage peer{};
        socklen_t len = sizeof peer;
        Fd fd(accept4(listen_fd_, reinterpret_cast<sockaddr*>(&peer), &len, SOCK_CLOEXEC));
        if (!fd) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) return;  // none left, or another process took it
            if (errno == EINTR || errno == ECONNABORTED || errno == EPROTO || errno == ENETDOWN || errno == ENOPROTOOPT ||
                errno == EHOSTDOWN || errno == ENONET || errno == EHOSTUNREACH || errno == ENETUNREACH)
                continue;  // that one connection failed (accept(2) lists these as such)
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                // Out of descriptors: make room, or the listening socket stays readable for nothing.
                if (!held_.empty()) held_.erase(held_.begin());
                return;
            }
            log_(std::string("folio: cannot accept FastCGI connections: ") + std::strerror(errno) + "\n");
            stopping_ = true;
            return;
        }
        if (!allowed_peer(peer)) continue;
        if (peer.ss_family == AF_INET || peer.ss_family == AF_INET6) {
            const int on = 1;  // answers go out as soon as they are written, as libfcgi's accept does
            setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        }
        if (held_.size() >= kMaxHeldConnections) {
            auto soonest = std::min_element(held_.begin(), held_.end(),
                                            [](const Held& a, const Held& b) { return a.deadline < b.deadline; });
            held_.erase(soonest);
        }
        held_.push_back(Held{std::move(fd), State::head, now + kHeadTimeout, now});
    }
}

Acceptor::Look Acceptor::look(Held& h, Clock::time_point now) {
    int waiting = 0;
    if (h.seen > 0 && !h.peer_done && ioctl(h.fd.get(), FIONREAD, &waiting) == 0 &&
        static_cast<std::size_t>(waiting) == h.seen) {
        // Nothing new since the last peek: no need to copy and check the same bytes again.
        h.backoff_ms = std::min(h.backoff_ms * 2, kMaxBackoffMs);
        h.recheck = now + std::chrono::milliseconds(h.backoff_ms);
        return Look::wait;
    }
    const ssize_t n = recv(h.fd.get(), buf_.data(), buf_.size(), MSG_PEEK | MSG_DONTWAIT);
    if (n == 0) return Look::drop;  // closed before a request: how a server ends a kept-alive connection
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return Look::drop;
        h.seen = 0;
        h.recheck = Clock::time_point::max();  // nothing waiting: poll() tells when bytes come
        return h.peer_done ? Look::drop : Look::wait;
    }
    const HeadCheck check = check_request_head(std::string_view(buf_.data(), static_cast<std::size_t>(n)));
    if (check.state == HeadState::complete) return Look::ready;
    if (check.state == HeadState::bad) {
        log_("folio: FastCGI connection dropped: " + check.reason + "\n");
        return Look::drop;
    }
    if (h.peer_done) return Look::drop;  // the rest can never come
    if (h.state == State::idle) {        // a kept-alive connection's next request has begun
        h.state = State::head;
        h.deadline = std::min(h.deadline, now + kHeadTimeout);
    }
    h.backoff_ms = static_cast<std::size_t>(n) > h.seen ? 1 : std::min(h.backoff_ms * 2, kMaxBackoffMs);
    h.seen = static_cast<std::size_t>(n);
    h.recheck = now + std::chrono::milliseconds(h.backoff_ms);
    return Look::wait;
}

// Reads and drops what a lingering connection's peer sends. False when it is done (closed or failed).
bool Acceptor::drain(Held& h) {
    for (int i = 0; i < 4; ++i) {
        const ssize_t n = recv(h.fd.get(), buf_.data(), buf_.size(), MSG_DONTWAIT);
        if (n == 0) return false;
        if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
    }
    return true;
}

int Acceptor::poll_timeout_ms(Clock::time_point now) const {
    auto soonest = Clock::time_point::max();
    for (const Held& h : held_) soonest = std::min({soonest, h.deadline, h.recheck});
    if (soonest == Clock::time_point::max()) return -1;
    if (soonest <= now) return 0;
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(soonest - now).count() + 1;  // round up
    return static_cast<int>(std::min<long long>(ms, 60000));
}

Fd Acceptor::next(bool stop_requested) {
    std::vector<pollfd> fds;
    for (;;) {
        const auto now = Clock::now();
        if (stop_requested) stopping_ = true;
        for (std::size_t i = 0; i < held_.size();) {
            Held& h = held_[i];
            bool keep = now < h.deadline;
            if (keep && h.state == State::linger) {
                keep = !stopping_ && !h.peer_done;
                if (!keep) drain(h);  // read what is there before the close, then close
            } else if (keep) {
                if (stopping_ && h.seen == 0) h.recheck = now;  // one last look for a request
                if (h.recheck <= now) {
                    const Look l = look(h, now);
                    if (l == Look::ready) {
                        Fd fd = std::move(h.fd);
                        held_.erase(held_.begin() + static_cast<std::ptrdiff_t>(i));
                        return fd;
                    }
                    keep = l == Look::wait;
                }
                // Stopping: only a request that has begun may still finish, within its deadline.
                if (keep && stopping_ && h.seen == 0) keep = false;
            } else if (h.state == State::head) {
                log_("folio: FastCGI connection dropped: no whole request within " +
                     std::to_string(kHeadTimeout.count()) + " ms\n");
            }
            if (keep) ++i;
            else held_.erase(held_.begin() + static_cast<std::ptrdiff_t>(i));
        }
        if (stopping_ && held_.empty()) return {};

        fds.clear();
        if (!stopping_) {
            fds.push_back({listen_fd_, POLLIN, 0});
            fds.push_back({stop_fd_, POLLIN, 0});
        }
        const std::size_t first_held = fds.size();
        for (const Held& h : held_) {
            // A head that has begun is re-peeked on its timer (its bytes keep poll() awake);
            // the others wake up on bytes, or end of stream.
            const short events = h.state == State::linger || h.seen == 0 ? POLLIN | POLLRDHUP : POLLRDHUP;
            fds.push_back({h.fd.get(), events, 0});
        }
        const int ready = poll(fds.data(), fds.size(), poll_timeout_ms(now));
        if (ready < 0) {
            if (errno == EINTR) continue;
            log_(std::string("folio: poll failed: ") + std::strerror(errno) + "\n");
            return {};
        }
        const auto after = Clock::now();
        for (std::size_t i = 0; i < held_.size(); ++i) {
            const short rev = fds[first_held + i].revents;
            if (!rev) continue;
            Held& h = held_[i];
            if (rev & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL)) h.peer_done = true;
            if (h.state == State::linger) {
                if (!drain(h)) h.peer_done = true;
            } else {
                h.recheck = after;
            }
        }
        if (!stopping_) {
            if (fds[1].revents) stopping_ = true;  // asked to stop
            if (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) {
                log_("folio: the FastCGI listening socket failed\n");
                stopping_ = true;
            } else if (fds[0].revents & POLLIN) {
                accept_waiting(after);
            }
        }
    }
}

void Acceptor::keep(Fd fd) {
    if (stopping_) return;
    const auto now = Clock::now();
    held_.push_back(Held{std::move(fd), State::idle, now + kKeepAliveIdle, now});
}

void Acceptor::close_after_answer(Fd fd) {
    shutdown(fd.get(), SHUT_WR);  // the peer reads the end of the answer, then its EOF
    Held h{std::move(fd), State::linger, Clock::now() + kLingerTimeout, Clock::time_point::max()};
    if (drain(h) && !stopping_) held_.push_back(std::move(h));
}

}  // namespace folio
