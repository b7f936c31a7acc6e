// Accepts FastCGI connections and holds each one until a whole request head has arrived, so that
// libfcgi, which reads a request with blocking reads, never waits on a slow or silent peer.
#pragma once
#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "fd.h"

struct sockaddr_storage;

namespace folio {

// From accept to the whole request head (FCGI_BEGIN_REQUEST and the parameters). Web servers
// write the head at once when they connect, so anything slower is a stalled or hostile peer.
constexpr std::chrono::milliseconds kHeadTimeout{2000};
// A kept-alive connection may wait this long for its next request. The web server notices when
// folio closes an idle connection and opens a new one for the next request.
constexpr std::chrono::milliseconds kKeepAliveIdle{30000};
// After an answer on a connection that is not kept alive: how long folio reads and drops what the
// peer still sends, so that unread bytes do not make the kernel reset the connection (a reset
// can destroy the end of the answer before the peer has read it).
constexpr std::chrono::milliseconds kLingerTimeout{1000};
// Connections held at once; when full, the one closest to its deadline is dropped for a new one.
constexpr std::size_t kMaxHeldConnections = 128;

class Acceptor {
public:
    using Log = std::function<void(std::string_view)>;
    // listen_fd: non-blocking listening socket; stop_fd: readable once the process is asked to
    // stop. Both stay owned by the caller.
    Acceptor(int listen_fd, int stop_fd, Log log);

    // The next connection whose whole request head is waiting in its socket (libfcgi can then
    // read it without blocking). Empty once folio is stopping (stop_requested, or stop_fd
    // readable) and no held connection has begun a request, or when the listening socket fails.
    // A connection that has begun one when the stop comes keeps its deadline to finish it.
    Fd next(bool stop_requested);
    // A connection kept alive after its answer: held again, for its next request.
    void keep(Fd fd);
    // A connection whose answer is complete and which is not kept alive: closed once the peer
    // has closed its side or after kLingerTimeout, whichever comes first.
    void close_after_answer(Fd fd);

private:
    using Clock = std::chrono::steady_clock;
    enum class State { head, idle, linger };
    struct Held {
        Fd fd;
        State state;
        Clock::time_point deadline;
        Clock::time_point recheck;  // when to peek again; max(): when poll says there is news
        std::size_t seen = 0;       // bytes waiting at the last peek
        int backoff_ms = 0;
        bool peer_done = false;     // the peer shut down its side or the socket failed
    };
    enum class Look { ready, wait, drop };

    void accept_waiting(Clock::time_point now);
    bool allowed_peer(const ::sockaddr_storage& peer) const;
    Look look(Held& h, Clock::time_point now);
    bool drain(Held& h);
    int poll_timeout_ms(Clock::time_point now) const;

    int listen_fd_, stop_fd_;
    Log log_;
    bool stopping_ = false;
    std::vector<std::string> web_server_addrs_;  // FCGI_WEB_SERVER_ADDRS, as libfcgi reads it
    std::vector<Held> held_;
    std::vector<char> buf_;
};

}  // namespace folio
