// Requests in, response bytes out: the only user of fcgiapp.h. FastCGI or plain CGI.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "http.h"

namespace folio {

using Handler = std::function<Response(const Request&)>;

// True when fd 0 is not a socket: a plain CGI (or a shell) started us (HACKING.md, server fact 4).
bool started_as_cgi();

// One request from the environment and stdin, the response on stdout. Returns 0.
int serve_cgi(const Handler& handler);

// Writes one log line where the web server keeps it: through the FastCGI stderr stream of the
// request being answered (lighttpd gives the programs it spawns /dev/null as stderr, so that is
// the only way into its error log), else to stderr (CGI, mod_fcgid, spawn-fcgi, the shell).
void log_to_server(std::string_view line);

// The FastCGI loop on listen_fd (0: the socket the web server gave us). before_each runs
// before every request (the site refresh). Returns on SIGTERM (or SIGINT, SIGUSR1): a busy
// process answers its request first, and a request whose head has begun arriving may still
// finish within its read deadline (kHeadTimeout); idle connections are closed at once.
int serve_fastcgi(int listen_fd, const Handler& handler, const std::function<void()>& before_each);

}  // namespace folio
