// What a Jekyll page's Liquid sees: site.* (the _config.yml, site.pages, the collections) and
// page.*, and the includes folio answers itself (base_path, toc, archive-single).
#pragma once
namespace folio {

// Declared, not included: jekyll/liquid.h brings yaml-cpp, which the callers include anyway
// to render the context.
struct LiquidContext;  // jekyll/liquid.h
struct Page;           // page.h
struct SiteView;       // site_view.h

// What {% include toc %} writes: an HTML comment survives Markdown, and the content pipeline
// replaces it by the table of contents once the headings are known.
inline constexpr const char* kTocMarker = "<!--folio:toc-->";

// The Liquid context of page on a Jekyll site (view.site.jekyll set). The context refers to
// view: use it while view lives.
LiquidContext page_liquid_context(const SiteView& view, const Page& page);

}  // namespace folio
