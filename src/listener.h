// The socket of `folio.fcgi --listen ADDRESS`: which addresses are taken, opening the socket,
// removing its file at exit.
#pragma once
#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>

#include "fd.h"

namespace folio {

// A parsed --listen address. Taken forms:
//   a path with a '/'   a Unix socket (e.g. /run/folio/folio.sock, ./folio.sock)
//   HOST:PORT           HOST: a numeric IPv4 address, localhost (127.0.0.1) or [IPv6];
//                       empty or * for every interface. PORT: 1 to 65535.
// Host names are never looked up (a static build has no NSS).
struct ListenAddress {
    enum class Kind { unix_path, ipv4, ipv6 } kind = Kind::unix_path;
    std::string path;  // unix_path
    std::string host;  // ipv4, ipv6: numeric, without brackets
    int port = 0;
    bool loopback = false;  // 127.0.0.0/8 or ::1 (a Unix socket counts as local too)
};

// The address, or nullopt with reason set.
std::optional<ListenAddress> parse_listen_address(const std::string& text, std::string& reason);

// The listening socket. A Unix socket is made mode 0660, and its file is removed when the
// Listener goes (as long as the file is still the one it made).
class Listener {
public:
    // Refuses an address that is not loopback unless allow_public; when allowed, warning says so.
    // nullptr with reason set when the address is refused or the socket cannot be made.
    static std::unique_ptr<Listener> open(const std::string& text, bool allow_public, std::string& reason,
                                          std::string& warning);
    ~Listener();
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;
    int fd() const { return fd_.get(); }

private:
    Listener() = default;
    Fd fd_;
    std::string path_;  // the Unix socket's file, to remove
    dev_t dev_ = 0;
    ino_t ino_ = 0;
};

}  // namespace folio
