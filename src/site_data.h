// The template data every page gets: site, author, nav (with the current entry), status, feed_url.
#pragma once
#include <string>

#include "site_view.h"
#include "templates.h"

namespace folio {

TemplateData base_data(const SiteView& view, const std::string& path, int status);

}  // namespace folio
