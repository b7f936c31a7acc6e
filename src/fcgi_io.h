// Requests in, response bytes out: the only user of fcgiapp.h. FastCGI or plain CGI.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "http.h"

namespace folio {

using Handler = std::function<Response(const Request&)>;

// True when fd 0 is not a socket: a plain CGI (or a shell) started us (SERVERS.md section 4).
bool started_as_cgi();

// One request from the environment and stdin, the response on stdout. Returns 0.
int serve_cgi(const Handler& handler);

// Opens a listening socket for --listen: a Unix socket path (made 0660) or "127.0.0.1:PORT".
// Returns the descriptor, or -1 with reason set.
int open_listener(const std::string& address, std::string& reason);

// Writes one log line where the web server keeps it: through the FastCGI stderr stream of the
// request being answered (lighttpd gives the programs it spawns /dev/null as stderr, so that is
// the only way into its error log), else to stderr (CGI, mod_fcgid, spawn-fcgi, the shell).
void log_to_server(std::string_view line);

// The FastCGI loop on listen_fd (0: the socket the web server gave us). before_each runs
// before every request (the site refresh). Returns when libfcgi reports shutdown (SIGTERM):
// an idle process leaves at once, a busy one answers its request first.
int serve_fastcgi(int listen_fd, const Handler& handler, const std::function<void()>& before_each);

}  // namespace folio
