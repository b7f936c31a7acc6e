// The site index: one table from site path to what answers it, built from content/.
#pragma once
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config.h"
#include "page.h"
#include "problem.h"

namespace folio {

struct JekyllSite;  // jekyll/jekyll.h
struct PageReuse;   // index_cache.h

// Limits that keep a hostile or runaway content folder from stalling start-up.
inline constexpr std::size_t kMaxContentFileBytes = 4 * 1024 * 1024;
inline constexpr std::size_t kMaxContentFiles = 100000;
inline constexpr int kMaxFolderDepth = 16;
inline constexpr int kMaxRedirectChain = 8;

inline constexpr std::size_t kNoPage = static_cast<std::size_t>(-1);

enum class RouteKind { Page, Redirect, Static, Generated };

// Files folio writes itself from the index. Stylesheet: a Jekyll site's .scss/.sass page
// compiled to CSS (jekyll/stylesheet.h), its source in `file` and `origin`; StylesheetMap: its
// source map, when _config.yml's sass: sourcemap asks for one. The Jekyll ones as jekyll-sitemap
// and jekyll-feed write them, for a Jekyll site whose _config.yml lists those plugins.
enum class Generated { Sitemap, Robots, Feed, Bibtex, Stylesheet, StylesheetMap, JekyllSitemap, JekyllRobots, JekyllFeed };

struct Route {
    RouteKind kind = RouteKind::Page;
    std::size_t page = 0;  // Page: index into Site::pages
    std::string target;    // Redirect: site path (may carry ?query) or absolute URL
    std::string file;      // Static: resolved path on disk
    std::size_t below = 0; // Static: file's first `below` bytes are its (resolved) root folder, below
                           // which it is opened without following links (safe_open.h); 0: none
    Generated generated = Generated::Sitemap;  // Generated: which one (Bibtex: of `page`)
    std::string origin;    // where it was declared, "content/about.md:6", for messages (kept after
                           // the build for files and redirects only)
    int pager = 0;         // Page: jekyll-paginate's page number this route shows (0: not paginated)
};

struct Site {
    std::vector<Page> pages;
    std::map<std::string, Route> routes;  // site path (or path?query) -> route
    // collection name -> indices of its published pages, newest date (else year) first
    std::map<std::string, std::vector<std::size_t>> collections;
    std::vector<Problem> warnings;  // the site serves anyway
    std::vector<Problem> errors;    // some page or file cannot be served
    std::size_t not_found_page = kNoPage;  // index of the page at /404.html, if any
    std::shared_ptr<const JekyllSite> jekyll;  // set when content/ is a Jekyll site
    // "content: cannot read the content folder: Permission denied" when the folder itself is
    // missing or unreadable: the site is then empty, which says nothing about its pages (a
    // FastCGI process keeps its last good state, a CGI answers 503). "" when it was read.
    std::string unreadable;

    const Route* find(const std::string& key) const {
        auto it = routes.find(key);
        return it == routes.end() ? nullptr : &it->second;
    }
};

// Reads every file below cfg.content_dir (and theme assets below cfg.templates_dir/assets)
// and builds the table. Never throws for bad content: problems land in warnings and errors.
// With jekyll set, content/ is read by Jekyll's rules (collections, _pages, _posts, defaults,
// permalink patterns; the last of two sources of one URL wins, as in Jekyll).
// reuse: pages of an earlier build (the index cache); a page whose file has the same stamp is
// taken from there instead of being read and parsed again.
Site build_site(const Config& cfg, std::shared_ptr<const JekyllSite> jekyll = nullptr, PageReuse* reuse = nullptr);

// jekyll-paginate's settings in _config.yml: posts a page (0: no pagination) and the pattern of
// the later pages' paths ("/page:num/"), as a site path ending in '/'.
long long jekyll_per_page(const JekyllSite& j);
std::string jekyll_pager_path(const JekyllSite& j, long long num);
inline constexpr long long kMaxPagerPages = 1000;  // /page2/ ... at most this many pages

// Today's date in UTC, "2026-11-27": Jekyll's `future: false` hides posts dated after it.
std::string today_utc();

// Where a publication's BibTeX is served: "/publications/dsp/" -> "/publications/dsp.bib".
std::string bibtex_url(const std::string& page_url);

// Content-Type for a file name, by extension.
std::string content_type_for(const std::string& name);

// Lexical clean-up of a file path for messages and comparisons: "a/b/../c" -> "a/c".
std::string normalize_path(const std::string& path);

}  // namespace folio
