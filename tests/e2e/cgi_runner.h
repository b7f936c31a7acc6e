// Runs the real folio binary as a CGI (environment in, response out) for end-to-end tests.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "../common/temp_dir.h"

namespace e2e {

struct Result {
    int exit_code = -1;
    std::string out, err;                        // raw stdout and stderr
    int status = 0;                              // from the Status: line
    std::map<std::string, std::string> headers;  // header name (as sent) -> value
    std::string body;
    std::string header(const std::string& name) const;
};

// The binary under test: $FOLIO_BIN, else cgi-bin/folio.fcgi (tests run from the repo root).
std::string binary();

// Runs binary() with args, a clean environment plus env, stdin from /dev/null; kills it after
// 20 s. Parses the CGI response when there is one.
Result run(const std::vector<std::string>& args, const std::map<std::string, std::string>& env);
// The same with another program file (a copy of the binary owned by another user, say).
Result run_program(const std::string& program, const std::vector<std::string>& args,
                   const std::map<std::string, std::string>& env);

// A GET (or other method) of a raw REQUEST_URI through the CGI interface.
Result cgi(const std::string& uri, const std::string& method = "GET", const std::string& config = "");

// A copy of the default site (content/, templates/, cgi-bin/folio.ini) in a fresh temporary
// folder, removed on destruction; for tests that break or extend it.
struct SiteCopy {
    testing::TempDir tmp{"folio-e2e"};
    std::string dir;     // the temp folder
    std::string config;  // dir + "/cgi-bin/folio.ini"
    SiteCopy();
    SiteCopy(const SiteCopy&) = delete;
    SiteCopy& operator=(const SiteCopy&) = delete;
    void write(const std::string& rel, const std::string& text) const;
};

}  // namespace e2e
