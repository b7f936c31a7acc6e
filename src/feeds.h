// Files folio generates from the index: sitemap.xml, robots.txt, the Atom feed, BibTeX.
#pragma once
#include <string>

#include "render.h"

namespace folio {

// sitemaps.org protocol: every served page with lastmod; no redirects, no 404 page, none with
// `sitemap: false`.
std::string sitemap_xml(const SiteView& view);

// Allows everything and points at the sitemap.
std::string robots_txt(const SiteView& view);

// RFC 4287 Atom feed of the `posts` collection, newest first.
std::string atom_feed(const SiteView& view);

// The public absolute URL of a site path: [site] url + base_path + path.
std::string absolute_url(const Config& config, const std::string& path);

// "2025-07-13" or "2025-07-13 10:00:00 +0800" -> RFC 3339; else the mtime, in UTC.
std::string rfc3339(const std::string& date, long long mtime);

}  // namespace folio
