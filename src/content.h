// The content pipeline: a page's body text to the HTML its layout shows as {{{content}}}.
// Pages, --check, the feed and --export all go through it, so they show the same content.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "problem.h"
#include "site_view.h"
#include "templates.h"

namespace folio {

struct Page;
struct LiquidContext;  // jekyll/liquid.h

// Pure (no I/O): Liquid first (Jekyll sites), then kramdown's extras (Jekyll sites) and Markdown
// unless the page is an .html file, then the table of contents where {% include toc %} asked for
// it. link_base goes before links to site paths ("/x" -> link_base + "/x"): the mount prefix on
// pages, where links to the site's own public address are made local too; the public URL in the
// feed. Problems that do not stop the render (Liquid folio leaves
// out) are added to problems (the page's file and line, "Liquid: ..."), when it is given.
// liquid: the page's Liquid context when the caller has made it already (the theme engine
// renders the layouts with the same one); null: made here.
std::string render_content(const SiteView& view, const Page& page, std::string_view body, const std::string& link_base,
                           std::vector<Problem>* problems, const LiquidContext* liquid = nullptr);

// Markdown as a Jekyll site's kramdown renders it (kramdown's extras around cmark-gfm): content,
// markdownify and excerpts; gfm_ids: heading ids as kramdown's GFM parser makes them (the site's
// kramdown input, jekyll_gfm_input). Pure.
std::string jekyll_markdown(std::string_view markdown, const std::string& link_base, bool gfm_ids);

// The same for a page's own body, read from its file (the edge: page_body), linked under the
// mount prefix. Throws folio::Error when the file cannot be read any more.
std::string page_content(const SiteView& view, const Page& page, std::vector<Problem>* problems);

// The table of contents of rendered HTML (its h2 and h3 headings) as the toc partial's data.
TemplateData toc_data(const std::string& html);

}  // namespace folio
