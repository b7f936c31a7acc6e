// What jekyll-sitemap and jekyll-feed write for a Jekyll site (sitemap.xml, robots.txt, the Atom
// feed), made from folio's index the way the plugins' templates make them from Jekyll's site.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "site_view.h"

namespace folio {

struct JekyllSite;

// The sitemaps.org protocol allows 50,000 URLs in one sitemap: a site with more (folio reads up
// to kMaxContentFiles) gets the first 50,000, so the response stays bounded.
inline constexpr std::size_t kMaxSitemapUrls = 50000;
// jekyll-feed writes posts_limit entries (10 unless the site says); a site asking for millions
// gets this many, each post's content rendered once per site state.
inline constexpr std::size_t kMaxJekyllFeedEntries = 200;

// True when _config.yml lists the plugin (a gem name) in `plugins:` or, as older sites do, `gems:`.
bool jekyll_plugin_enabled(const JekyllSite& j, std::string_view name);

// Where jekyll-feed writes the posts' feed: `feed: path:` as a site path, else "/feed.xml".
std::string jekyll_feed_path(const JekyllSite& j);

// jekyll-sitemap's sitemap.xml: the documents of every collection with output (collections by
// name, documents by date then path), the HTML pages (by file name) but 404.html, then the
// static .htm/.html/.xhtml/.pdf files (by path); none with `sitemap: false`.
std::string jekyll_sitemap_xml(const SiteView& view, std::size_t max_urls = kMaxSitemapUrls);

// jekyll-sitemap's robots.txt: the sitemap's absolute URL.
std::string jekyll_robots_txt(const SiteView& view);

// jekyll-feed's Atom feed of the posts, served at path (the feed's own URL), newest first.
std::string jekyll_feed_xml(const SiteView& view, const std::string& path, std::size_t max_entries = kMaxJekyllFeedEntries);

}  // namespace folio
