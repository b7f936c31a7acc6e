// The request flow in a screenful: method -> path -> site table -> page / redirect / file.
#pragma once
#include <functional>
#include <string_view>

#include "http.h"
#include "site_view.h"

namespace folio {

// Where one-line log messages go (the web server's error log: stderr).
using Log = std::function<void(std::string_view)>;

Response handle_request(const Request& request, const SiteView& view, const Log& log);

// The one place that builds error responses: the 404 page or a message through the layout,
// and a plain page when even the templates are broken.
Response error_response(const SiteView& view, int status, const std::string& reason, const std::string& path,
                        const Log& log);

}  // namespace folio
