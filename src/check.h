// --check: loads the whole site, renders every page, and reports every problem with file:line.
#pragma once
#include <ostream>

#include "app.h"

namespace folio {

// Prints "error: ..." and "warning: ..." lines and a summary; returns the exit status
// (1 when there is any error, else 0).
int run_check(const Loaded& loaded, std::ostream& out);

}  // namespace folio
