// Page -> HTML: builds the template data (site, author, nav, page, items) and renders a layout.
#pragma once
#include <string>
#include <vector>

#include "site_view.h"

namespace folio {

struct Config;
struct Page;

// Renders a page through its layout. Throws folio::Error with file:line when the page itself
// is broken (front matter) or its template is.
std::string render_page(const SiteView& view, const Page& page, int status);

// Renders a message (an error page with no content file) through the default layout.
std::string render_message(const SiteView& view, const std::string& title, const std::string& message_html,
                           const std::string& path, int status);

// A page's body as HTML (Liquid and kramdown extras on Jekyll sites, Markdown unless it is an
// .html file). Problems that do not stop the render (unsupported Liquid) are added to problems.
std::string page_content(const SiteView& view, const Page& page, std::vector<std::string>* problems);

// A site path as a link: the mount prefix put in front of site paths, absolute URLs unchanged.
std::string link_to(const Config& config, const std::string& target);

}  // namespace folio
