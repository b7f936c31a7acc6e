// Page -> HTML: builds the template data (site, author, nav, page, items) and renders a layout.
#pragma once
#include <string>
#include <vector>

#include "config.h"
#include "http_cache.h"
#include "site.h"
#include "templates.h"

namespace folio {

class GzipStore;

// Everything a render needs, passed explicitly (no globals).
struct SiteView {
    const Config& config;
    const Site& site;
    const Templates& templates;
    long long last_modified = 0;     // newest modification time of every input file
    ResponseCache* cache = nullptr;  // a FastCGI process's rendered responses; none in CGI mode
    const GzipStore* gzip = nullptr;  // kept gzip variants of large static files (both modes); none: sent plain
};

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
