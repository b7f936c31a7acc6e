// --check: loads the whole site, renders every page, and reports every problem with file:line.
#pragma once
#include <ostream>
#include <string>

namespace folio {

struct Loaded;  // app.h

// Prints "error: ..." and "warning: ..." lines, a "note:" line about CGI mode's disk cache
// (cache_note, from describe_cgi_cache) and a summary; returns the exit status (1 when there is
// any error, else 0).
int run_check(const Loaded& loaded, std::ostream& out, const std::string& cache_note = "");

}  // namespace folio
