// Jekyll's Liquid tags and objects that need the whole site (partials from _includes/, files
// beside the page, link and post_url, markdownify, jekyll.environment, the paginator), set on one
// Jekyll page's LiquidContext. The Liquid engine itself never reads files or knows the site.
#pragma once
namespace folio {

struct LiquidContext;  // jekyll/liquid.h
struct Page;           // page.h
struct SiteView;       // site_view.h

// Sets ctx's callbacks and adds jekyll.* and paginator to ctx.vars (which holds site.* and
// page.* already). Nothing for a site that is not a Jekyll site.
void add_jekyll_site_liquid(const SiteView& view, const Page& page, LiquidContext& ctx);

}  // namespace folio
