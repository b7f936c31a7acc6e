// A minimal FastCGI client (the web server's side of the protocol) for end-to-end tests that
// talk to `folio.fcgi --listen` directly.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "cgi_runner.h"

namespace e2e {

// A connected socket to a Unix socket path, or HOST:PORT (HOST: IPv4, localhost or [IPv6]);
// -1 when the connection fails.
int connect_to(const std::string& address);

// Sends one request (params as the web server would) to 127.0.0.1:port or a Unix socket path,
// returns the parsed response. status 0 when the connection failed.
Result fcgi_request(const std::string& address, const std::map<std::string, std::string>& params);

// A GET of uri.
Result fcgi_get(const std::string& address, const std::string& uri, const std::string& method = "GET");

// A folio.fcgi --listen process, killed (SIGKILL) on destruction if still running.
struct Daemon {
    int pid = -1;
    std::string address;
    std::string log;  // stderr file
    // folio.fcgi [extra...] --listen address --config config
    Daemon(const std::string& address, const std::string& config, const std::vector<std::string>& extra = {});
    ~Daemon();
    bool wait_ready() const;       // until it accepts connections (5 s at most)
    int stop(int signal, int timeout_ms);  // sends signal (0: none), returns exit code or -1 if still alive
    std::string log_text() const;          // what it wrote to stderr so far
};

int free_port();

}  // namespace e2e
