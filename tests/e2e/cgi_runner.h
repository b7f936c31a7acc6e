// Runs the real folio binary as a CGI (environment in, response out) for end-to-end tests.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "../common/read_file.h"
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

// Fills status, headers and body of r from r.out, a CGI response ("Name: value" lines, a blank
// line, the body); a FastCGI response's STDOUT stream is one too.
void parse_response(Result& r);

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
    // folio.ini as it is now.
    std::string config_text() const;
    // Replaces the first `find` in folio.ini with `with` (throws when folio.ini has no `find`).
    void replace_in_config(const std::string& find, const std::string& with) const;
    // Mounts the copy under base ("/~user"): folio.ini's empty "base_path =" line is set.
    void set_base_path(const std::string& base) const { replace_in_config("base_path =", "base_path = " + base); }
    // Adds text (sections and their keys) at the end of folio.ini.
    void add_to_config(const std::string& text) const { write("cgi-bin/folio.ini", config_text() + text); }
};

}  // namespace e2e
