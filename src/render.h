// Page -> HTML: gathers a page's template data (site_data, content, listing, publication_data,
// jsonld) and renders its layout.
#pragma once
#include <string>
#include <string_view>

#include "site_view.h"

namespace folio {

struct Page;

// Renders a page through its layout; body: the page's body text, read by the caller
// (page_body: the renderer does no I/O). Throws folio::Error with file:line when the page itself
// is broken (front matter) or its template is.
std::string render_page(const SiteView& view, const Page& page, std::string_view body, int status);

// Renders a message (an error page with no content file) through the default layout.
std::string render_message(const SiteView& view, const std::string& title, const std::string& message_html,
                           const std::string& path, int status);

}  // namespace folio
