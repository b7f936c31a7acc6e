// Building the site index: walk content/, parse every page, lay out the routing table, and
// report conflicts with file:line. The request path never touches the file system except
// through a route found here.
#include "site.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cctype>
#include <ctime>
#include <memory>
#include <set>
#include <sstream>
#include <string_view>

#include "bib_pages.h"
#include "error.h"
#include "fd.h"
#include "index_cache.h"
#include "jekyll/excerpt.h"
#include "jekyll/jekyll.h"
#include "jekyll/stylesheet.h"
#include "jekyll/sitemap_feed.h"
#include "text.h"
#include "publication.h"
#include "read_file.h"
#include "redirect_chain.h"
#include "safe_open.h"
#include "utc_time.h"
#include "yaml_pack.h"

namespace folio {
namespace {

FileStamp stamp_of(const struct stat& st) {
    return {static_cast<long long>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec, static_cast<long long>(st.st_size),
            static_cast<unsigned long long>(st.st_ino)};
}

// A content file that becomes a page, and what kind of document it is.
struct Source {
    std::string rel;
    std::string collection;  // "" for plain pages
    std::string type;        // "pages", "posts" or the collection name
    bool html = false;
    FileStamp stamp;         // of the file when the walk saw it
};

// Names that are never part of the site, files or folders, as in Jekyll (which leaves out names
// that start with '.', '#' or '~' and names that end in '~'): dot-files, editor backups
// ("x.md~"), Emacs auto-saves ("#x.md#") and lock files (".#x.md"), Office lock files
// ("~$x.docx"); and, beyond Jekyll, the leftovers of editors, merges and patches (.swp, .bak,
// .orig, .rej, ...). Each can hold the source of a page that is not published.
bool is_hidden_or_backup(std::string_view name) {
    if (name.empty() || name[0] == '.' || name[0] == '#' || name[0] == '~' || name.back() == '~') return true;
    static constexpr std::string_view kLeftovers[] = {".swp", ".swo", ".swn", ".swx", ".bak", ".orig", ".rej",
                                                      ".tmp", ".temp", ".old", ".save", ".kate-swp", ".part"};
    const std::string lower = to_lower(name);
    for (std::string_view ext : kLeftovers)
        if (lower.size() > ext.size() && ends_with(lower, ext)) return true;
    return false;
}

// What a top-level '_' folder holds.
enum class FolderKind { Pages, Collection, Skip };

struct Walker {
    std::string root;       // content folder as named in messages
    std::string real_root;  // realpath of it, for the beneath check
    std::vector<Source> pages;        // Markdown files (and .html files with front matter)
    std::vector<std::string> other;   // rel paths of other files
    std::vector<Problem>& warnings;
    const JekyllSite* jekyll = nullptr;
    std::size_t count = 0;
    std::vector<std::string> styles = {};  // Jekyll: rel paths of .scss/.sass files with front matter
    std::vector<BibSource> bibs = {};      // .bib files in collection folders: their entries are items

    bool beneath(const std::string& path) {
        char buf[PATH_MAX];
        if (!realpath(path.c_str(), buf)) return false;
        std::string real = buf;
        return real == real_root || real.rfind(real_root + "/", 0) == 0;
    }

    // Native folio: every top-level '_' folder is a collection. Jekyll: only the configured
    // collections and _posts; folders in `include:` (academicpages' _pages) hold plain pages;
    // _data, _includes, _layouts, _sass, _site ... are not content.
    FolderKind classify(const std::string& name) const {
        if (!jekyll) return FolderKind::Collection;
        const std::string bare = name.substr(1);
        if (jekyll->collection(bare)) return FolderKind::Collection;
        for (const auto& inc : jekyll->include)
            if (inc == name) return FolderKind::Pages;
        return FolderKind::Skip;
    }

    static bool has_front_matter(const std::string& path) {
        char head[4] = {};
        const Fd fd(open(path.c_str(), O_RDONLY | O_CLOEXEC));
        const ssize_t n = fd ? read(fd.get(), head, sizeof head) : -1;
        return n >= 4 && head[0] == '-' && head[1] == '-' && head[2] == '-' && (head[3] == '\n' || head[3] == '\r');
    }

    void walk(const std::string& rel, int depth, const Source& kind) {
        const std::string dir = rel.empty() ? root : root + "/" + rel;
        if (depth > kMaxFolderDepth) {
            warnings.push_back(Problem{dir, 0, "folders nest deeper than " + std::to_string(kMaxFolderDepth) + " levels; not read"});
            return;
        }
        Dir d = open_dir(dir.c_str());
        if (!d) {
            warnings.push_back(Problem{dir, 0, "cannot read folder"});
            return;
        }
        std::vector<std::string> names;
        while (dirent* e = readdir(d.get()))
            if (!is_hidden_or_backup(e->d_name)) names.push_back(e->d_name);
        std::sort(names.begin(), names.end());
        for (const auto& name : names) {
            if (++count > kMaxContentFiles) {
                if (count == kMaxContentFiles + 1) warnings.push_back(Problem{root, 0, "more than " + std::to_string(kMaxContentFiles) + " files; the rest are not read"});
                return;
            }
            if (depth == 0 && jekyll && (jekyll->excluded(name) || name == "_config.yml")) continue;
            const std::string child_rel = rel.empty() ? name : rel + "/" + name;
            const std::string path = root + "/" + child_rel;
            // Relative to the open folder: a site of thousands of files is stat()ed without
            // resolving its full path each time. A link costs a second look at its target.
            struct stat st;
            if (fstatat(dirfd(d.get()), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
            if (S_ISLNK(st.st_mode)) {
                if (!beneath(path)) {
                    warnings.push_back(Problem{path, 0, "symbolic link leads outside the content folder; not served"});
                    continue;
                }
                if (stat(path.c_str(), &st) != 0) continue;
            }
            if (S_ISDIR(st.st_mode)) {
                if (name[0] != '_') {
                    walk(child_rel, depth + 1, kind);
                } else if (depth == 0) {
                    FolderKind k = classify(name);
                    if (k == FolderKind::Collection) walk(child_rel, depth + 1, {"", name.substr(1), name.substr(1), false, {}});
                    else if (k == FolderKind::Pages) walk(child_rel, depth + 1, {"", "", "pages", false, {}});
                }
                // A deeper '_' folder is private.
            } else if (S_ISREG(st.st_mode)) {
                if (name[0] == '_') continue;  // a '_' file is private, as in Jekyll
                Source src = kind;
                src.rel = child_rel;
                src.stamp = stamp_of(st);
                // On a Jekyll site a Markdown file without front matter is a file Jekyll copies as
                // it is (README.md, CONTRIBUTING.md), not a page; but Jekyll reads every file in
                // _posts as a post, front matter or not (its post reader never looks for it).
                const bool post = jekyll && kind.type == "posts";
                if ((ends_with(name, ".md") || ends_with(name, ".markdown")) && (!jekyll || post || has_front_matter(path))) {
                    pages.push_back(src);
                } else if (!kind.collection.empty() && ends_with(name, ".bib")) {
                    bibs.push_back({child_rel, kind.collection});
                } else if ((ends_with(name, ".html") || ends_with(name, ".htm")) && has_front_matter(path)) {
                    src.html = true;
                    pages.push_back(src);
                } else if (jekyll && is_sass_source(name) && has_front_matter(path)) {
                    styles.push_back(child_rel);  // Jekyll compiles it; without front matter it is copied
                } else if (jekyll && !kind.collection.size() && has_front_matter(path)) {
                    // Any other file with front matter is a Jekyll page whose output keeps the
                    // file's kind (feed.xml, a JSON or text template): Liquid, no Markdown.
                    src.html = true;
                    pages.push_back(src);
                } else if (name[0] != '_' && child_rel[0] != '_') {
                    other.push_back(child_rel);
                }
            }
        }
    }
};

// Reads a whole page below root, refusing one over kMaxContentFileBytes.
std::string read_limited(const std::string& root, const std::string& rel, std::string& error) {
    const Fd fd(open_within(root, rel));
    std::string reason;
    std::optional<std::string> text = fd ? read_open_file(fd.get(), kMaxContentFileBytes, reason) : std::nullopt;
    if (!text) error = fd && errno == EFBIG ? reason : "cannot read";
    return text ? std::move(*text) : std::string();
}

std::string real(const std::string& path) {
    char buf[PATH_MAX];
    return realpath(path.c_str(), buf) ? std::string(buf) : path;
}

std::string origin_of(const Page& p, int line) {
    return p.source + (line > 0 ? ":" + std::to_string(line) : "");
}

// A problem at a route's origin ("content/about.md:6", "folio.ini:3", or a file or folder
// without a line): the file and line taken apart again, so that its text() reads as the origin.
Problem at_origin(const std::string& origin, std::string message) {
    const std::size_t colon = origin.rfind(':');
    if (colon != std::string::npos && colon + 1 < origin.size() && colon + 10 > origin.size() &&
        origin.find_first_not_of("0123456789", colon + 1) == std::string::npos && origin[colon + 1] != '0')
        return {origin.substr(0, colon), std::stoi(origin.substr(colon + 1)), std::move(message)};
    return {origin, 0, std::move(message)};
}


// A page's sort key in a listing: its date, else its year.
std::string date_key(const Page& p) {
    if (!p.date.empty()) return p.date;
    return front_text(p, "year");
}

// Jekyll's front-matter defaults for one document: every matching scope, later ones winning.
// Pages that match the same scopes share one node (memo), so defaults cost nothing per page.
YAML::Node jekyll_defaults(const JekyllSite& j, const std::string& rel, const std::string& type,
                           std::map<std::string, YAML::Node>& memo) {
    std::string key;
    for (std::size_t i = 0; i < j.defaults.size(); ++i) {
        const auto& d = j.defaults[i];
        if ((d.type.empty() || d.type == type) && (d.path.empty() || rel.rfind(d.path, 0) == 0)) key += std::to_string(i) + ",";
    }
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    YAML::Node merged(YAML::NodeType::Map);
    for (std::size_t i = 0; i < j.defaults.size(); ++i) {
        const auto& d = j.defaults[i];
        if (!d.type.empty() && d.type != type) continue;
        if (!d.path.empty() && rel.rfind(d.path, 0) != 0) continue;
        for (const auto& kv : d.values) merged[kv.first.Scalar()] = kv.second;
    }
    return memo[key] = merged;
}

}  // namespace

long long jekyll_per_page(const JekyllSite& j) {
    const YAML::Node& config = j.config;
    const YAML::Node n = config.IsMap() ? config["paginate"] : YAML::Node();
    if (!n.IsDefined() || !n.IsScalar()) return 0;
    const long long per = std::atoll(n.Scalar().c_str());
    return per > 0 ? per : 0;
}

std::string jekyll_pager_path(const JekyllSite& j, long long num) {
    const YAML::Node& config = j.config;
    const YAML::Node n = config.IsMap() ? config["paginate_path"] : YAML::Node();
    std::string path = n.IsDefined() && n.IsScalar() ? n.Scalar() : "/page:num";
    if (const std::size_t at = path.find(":num"); at != std::string::npos) path.replace(at, 4, std::to_string(num));
    if (path.empty() || path[0] != '/') path.insert(path.begin(), '/');
    if (path.back() != '/') path += '/';  // written as a folder's index.html, as jekyll-paginate does
    return path;
}

std::string today_utc() { return utc_time(std::time(nullptr), "%Y-%m-%d"); }

namespace {

// A Jekyll page's URL without a permalink, as Jekyll's Page#template makes it: an index page is
// its folder; another page is /:path/:basename, then the suffix the site's permalink style
// gives (Utils.add_permalink_suffix): "/" for `pretty` or a pattern that ends in "/" (as
// academicpages' /:categories/:title/), ".html" for `date` (the default), `ordinal`, `none` or a
// pattern that ends in ":output_ext", nothing for any other pattern.
std::string jekyll_page_url(const std::string& style, const std::string& inside) {
    std::string name = inside.substr(inside.rfind('/') == std::string::npos ? 0 : inside.rfind('/') + 1);
    const bool html_page = ends_with(name, ".md") || ends_with(name, ".markdown") || ends_with(name, ".html") || ends_with(name, ".htm");
    // A page of another kind (a feed, a JSON or text file with front matter) keeps its own name:
    // Jekyll's template for it is /:path/:basename:output_ext.
    if (!html_page) return "/" + inside;
    const std::string folder_form = derived_url(inside);  // "/", "/a/", "/a/b/"
    name = name.substr(0, name.rfind('.'));
    // (A page of another kind, feed.xml with front matter say, keeps folio's rule for now.)
    if (!html_page || name == "index" || folder_form == "/") return folder_form;
    const std::string base = folder_form.substr(0, folder_form.size() - 1);
    if (style == "pretty" || ends_with(style, "/")) return folder_form;
    if (style == "date" || style == "ordinal" || style == "none" || ends_with(style, ":output_ext")) return base + ".html";
    return base;
}

// URL and dates by Jekyll's rules, for a document without an explicit permalink.
void apply_jekyll_rules(const JekyllSite& j, Page& p) {
    std::string inside = p.rel;  // the path inside its collection or pages folder
    if (!p.rel.empty() && p.rel[0] == '_' && p.rel.find('/') != std::string::npos) inside = p.rel.substr(p.rel.find('/') + 1);
    std::string stem_path = inside.substr(0, inside.rfind('.'));
    const std::string stem = page_stem(p);
    std::string date, slug = stem;
    if (p.type == "posts" && split_post_name(stem, date, slug) && p.date.empty()) p.date = date;
    if (p.type == "posts" && !j.future && p.date.substr(0, 10) > today_utc()) p.published = false;
    if (const JekyllCollection* c = j.collection(p.collection); c && !c->output) p.output = false;
    // Document#populate_title: a document (a post, a collection's item) without a title takes
    // its file name's slug in words, any date left out ("2020-01-02-hello-world": "Hello World").
    // A page keeps folio's stem.
    if (p.type != "pages" && !p.collection.empty() && !p.error) {
        std::string day, words = stem;
        split_post_name(stem, day, words);
        if (const YAML::Node t = front_of(p)["title"]; !t.IsDefined() || t.IsNull()) p.title = titleize_slug(words);
    }
    if (p.has_permalink || p.error) return;
    if (p.type == "pages" || p.collection.empty()) {
        p.url = jekyll_page_url(j.permalink, inside);
        return;
    }
    PermalinkParts parts;
    parts.collection = p.collection;
    parts.path = stem_path;
    parts.name = stem;
    parts.title = slug;
    parts.slug = slug;
    if (p.date.size() >= 10) {
        parts.year = p.date.substr(0, 4);
        parts.month = p.date.substr(5, 2);
        parts.day = p.date.substr(8, 2);
    }
    const YAML::Node front = front_of(p);
    // A `slug` in the front matter is the document's :title and :slug (Jekyll's UrlDrop).
    if (const YAML::Node s = front["slug"]; s.IsDefined() && s.IsScalar() && !s.Scalar().empty()) parts.title = parts.slug = s.Scalar();
    // Jekyll's categories: `categories` (a text is split at whitespace), then `category`, each once.
    std::vector<std::string> names;
    auto add_category = [&](const std::string& c) {
        if (!c.empty() && std::find(names.begin(), names.end(), c) == names.end()) names.push_back(c);
    };
    if (const YAML::Node cats = front["categories"]; cats.IsDefined() && cats.IsSequence()) {
        for (const auto& c : cats)
            if (c.IsScalar()) add_category(c.Scalar());
    } else if (cats.IsDefined() && cats.IsScalar()) {
        std::istringstream words(cats.Scalar());
        for (std::string w; words >> w;) add_category(w);
    }
    if (const YAML::Node cat = front["category"]; cat.IsDefined() && cat.IsScalar()) add_category(cat.Scalar());
    for (const auto& c : names) parts.categories += (parts.categories.empty() ? "" : "/") + slugify(c);
    const JekyllCollection* c = j.collection(p.collection);
    std::string pattern = c && !c->permalink.empty() ? c->permalink : p.type == "posts" ? j.permalink : "/:collection/:path:output_ext";
    p.url = expand_permalink(pattern, parts);
}

class Builder {
public:
    Builder(const Config& cfg, Site& site) : cfg_(cfg), site_(site) {}

    void add(const std::string& key, Route route, const std::string& what) {
        auto [it, inserted] = site_.routes.emplace(key, route);
        if (inserted) return;
        // Jekyll writes both and the last one written stays; folio's own rule keeps the first.
        if (site_.jekyll && route.kind == RouteKind::Page && it->second.kind == RouteKind::Page) {
            site_.warnings.push_back(at_origin(route.origin, what + " " + key + " is also " + describe(it->second) +
                                                               "; this one wins, as in Jekyll (the last written)"));
            it->second = route;
            return;
        }
        site_.warnings.push_back(at_origin(route.origin, what + " " + key + " is already " + describe(it->second) + "; that one wins"));
    }

    // academicpages builds /publications/, /talks/, /year-archive/ ... from theme HTML that folio
    // does not read; when the navigation points at such a URL and no page claims it, folio's own
    // listing answers.
    void navigation_listings() {
        for (const auto& entry : cfg_.nav) {
            const std::string& url = entry.url;
            if (url.empty() || url[0] != '/' || url.back() != '/' || site_.routes.count(url)) continue;
            std::string name = url.substr(1, url.size() - 2);
            YAML::Node front(YAML::NodeType::Map);
            std::vector<RedirectSource> theme_redirects;
            if (name == "year-archive") {
                name = "posts";
                front["group_by"] = "year";
                // The theme's own year-archive page carries this redirect (academicpages'
                // _pages/year-archive.html: redirect_from /wordpress/blog-posts/); folio's
                // stand-in keeps it so old WordPress links still land.
                theme_redirects.push_back({"/wordpress/blog-posts/", 0});
            } else if (!site_.jekyll->collection(name)) {
                continue;
            } else if (name == "publications") {
                front["group_by"] = "category";
            }
            Page p;
            p.source = "(listing for the navigation entry " + url + ")";
            p.url = url;
            p.title = entry.label;
            p.list = name;
            p.author_profile = true;
            p.in_sitemap = true;
            front["title"] = entry.label;
            p.front = pack_yaml(front);
            for (const auto& kv : front) p.fields.add(kv.first.Scalar(), kv.second.Scalar());
            p.redirect_from = theme_redirects;
            site_.pages.push_back(p);
            Route r;
            r.kind = RouteKind::Page;
            r.page = site_.pages.size() - 1;
            r.origin = p.source;
            site_.routes.emplace(url, r);
        }
    }

    // jekyll-paginate: the site's index.html shows site.posts a page at a time; /page2/, /page3/
    // ... (paginate_path) are that same page with the paginator at their number.
    void paginate() {
        const long long per = jekyll_per_page(*site_.jekyll);
        const Route* index = site_.find("/");
        if (per <= 0 || !index || index->kind != RouteKind::Page || site_.pages[index->page].rel != "index.html") return;
        const auto posts = site_.collections.find("posts");
        const long long total = posts == site_.collections.end() ? 0 : static_cast<long long>(posts->second.size());
        const long long pages = std::min((total + per - 1) / per, kMaxPagerPages);
        for (long long k = 2; k <= pages; ++k) {
            Route r = *index;
            r.pager = static_cast<int>(k);
            add(jekyll_pager_path(*site_.jekyll, k), r, "paginated page");
        }
    }

    void pages() {
        for (std::size_t i = 0; i < site_.pages.size(); ++i) {
            const Page& p = site_.pages[i];
            if (p.error) site_.errors.push_back(*p.error);
            if (!p.published) continue;
            if (!p.collection.empty() && !p.error) site_.collections[p.collection].push_back(i);
            if (!p.output) continue;
            Route r;
            r.origin = origin_of(p, 1);
            if (!p.redirect_to.empty() && !p.error) {
                r.kind = RouteKind::Redirect;
                r.target = p.redirect_to;
                r.origin = origin_of(p, p.redirect_to_line);
            } else {
                r.kind = RouteKind::Page;
                r.page = i;
            }
            add(p.url, r, "URL");
        }
        if (const Route* nf = site_.find("/404.html"); nf && nf->kind == RouteKind::Page) site_.not_found_page = nf->page;
        for (auto& [name, items] : site_.collections) {
            std::stable_sort(items.begin(), items.end(), [&](std::size_t a, std::size_t b) {
                return date_key(site_.pages[a]) > date_key(site_.pages[b]);
            });
        }
    }

    void statics(const std::string& root, const std::vector<std::string>& files, const std::string& url_prefix, bool warn) {
        const std::string real_root = real(root);
        for (const auto& rel : files) {
            Route r;
            r.kind = RouteKind::Static;
            r.file = real(root + "/" + rel);
            // The walk left out links that lead outside; a file that still is not below its root
            // (moved meanwhile) gets below = 0, which open_below refuses.
            if (r.file.rfind(real_root + "/", 0) == 0) r.below = real_root.size();
            r.origin = root + "/" + rel;
            const std::string url = url_prefix + "/" + rel;
            if (warn) add(url, r, "file URL");
            else site_.routes.emplace(url, r);
        }
    }

    // A Jekyll site's stylesheets, at their .css paths: pages in Jekyll, so they come with the
    // pages, before files.
    void stylesheets(const std::string& root, const std::vector<std::string>& files) {
        const std::string real_root = real(root);
        const bool maps = !files.empty() && sass_settings(*site_.jekyll, root).source_map;
        for (const auto& rel : files) {
            Route r;
            r.kind = RouteKind::Generated;
            r.generated = Generated::Stylesheet;
            r.file = real(root + "/" + rel);
            if (r.file.rfind(real_root + "/", 0) == 0) r.below = real_root.size();
            r.origin = root + "/" + rel;
            add(stylesheet_url(rel), r, "stylesheet URL");
            r.generated = Generated::StylesheetMap;
            if (maps) add(stylesheet_url(rel) + ".map", r, "source map URL");
        }
    }

    // Sitemap, robots.txt, feed and each publication's .bib, unless content has a file there.
    void generated() {
        auto gen = [&](const std::string& url, Generated g, std::size_t page) {
            Route r;
            r.kind = RouteKind::Generated;
            r.generated = g;
            r.page = page;
            r.origin = "(generated " + url + ")";
            site_.routes.emplace(url, r);
        };
        // The plugins, like folio, write nothing where the site has a file of that URL.
        const JekyllSite* j = site_.jekyll.get();
        const bool sitemap_plugin = j && jekyll_plugin_enabled(*j, "jekyll-sitemap");
        gen("/sitemap.xml", sitemap_plugin ? Generated::JekyllSitemap : Generated::Sitemap, kNoPage);
        gen("/robots.txt", sitemap_plugin ? Generated::JekyllRobots : Generated::Robots, kNoPage);
        if (j && jekyll_plugin_enabled(*j, "jekyll-feed")) gen(jekyll_feed_path(*j), Generated::JekyllFeed, kNoPage);
        else gen("/feed.xml", Generated::Feed, kNoPage);
        for (const auto& [name, items] : site_.collections)
            for (std::size_t i : items)
                if (is_publication(site_.pages[i])) gen(bibtex_url(site_.pages[i].url), Generated::Bibtex, i);
    }

    void redirects() {
        for (const Page& p : site_.pages) {
            if (!p.published || !p.output || p.error) continue;
            for (const auto& from : p.redirect_from) {
                Route r;
                r.kind = RouteKind::Redirect;
                r.target = p.url;
                r.origin = origin_of(p, from.line);
                add(from.from, r, "redirect_from");
            }
        }
        for (const auto& cr : cfg_.redirects) {
            Route r;
            r.kind = RouteKind::Redirect;
            r.target = cr.to;
            r.origin = at(cfg_.file, cr.line, "").substr(0, at(cfg_.file, cr.line, "").size() - 2);
            add(cr.from, r, "redirect");
        }
    }

    // Redirects that come back to themselves are errors; chains and dead ends are warnings.
    void check_redirects() {
        for (const auto& [from, route] : site_.routes) {
            if (route.kind != RouteKind::Redirect || is_absolute_url(route.target)) continue;
            const ChainEnd end = follow_redirects(site_, from, route);
            using K = ChainEnd::Kind;
            if (end.kind == K::Loop || end.kind == K::TooLong) {
                site_.errors.push_back(at_origin(route.origin, "redirect from " + from + " loops back (" + end.path + ")"));
            } else if (end.kind == K::Missing) {
                site_.warnings.push_back(at_origin(route.origin, "redirect from " + from + " goes to " + end.path + ", which does not exist"));
            } else if (end.hops > 1) {
                site_.warnings.push_back(at_origin(route.origin, "redirect from " + from + " takes " + std::to_string(end.hops) + " hops to reach a page"));
            }
        }
    }

private:
    std::string describe(const Route& r) const {
        switch (r.kind) {
        case RouteKind::Page: return "the page " + site_.pages[r.page].source;
        case RouteKind::Redirect: return "a redirect (" + r.origin + ")";
        case RouteKind::Static: return "the file " + r.origin;
        case RouteKind::Generated: return "generated by folio";
        }
        return "taken";
    }

    const Config& cfg_;
    Site& site_;
};

}  // namespace

std::string bibtex_url(const std::string& page_url) {
    std::string u = page_url;
    if (u.size() > 1 && u.back() == '/') u.pop_back();
    if (u.size() > 5 && ends_with(u, ".html")) u.resize(u.size() - 5);
    return u + ".bib";
}

std::string normalize_path(const std::string& path) {
    std::vector<std::string> parts;
    const bool absolute = !path.empty() && path[0] == '/';
    std::stringstream ss(path);
    std::string seg;
    while (std::getline(ss, seg, '/')) {
        if (seg.empty() || seg == ".") continue;
        if (seg == ".." && !parts.empty() && parts.back() != "..") parts.pop_back();
        else if (seg == ".." && absolute) continue;
        else parts.push_back(seg);
    }
    std::string out = absolute ? "/" : "";
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
    return out.empty() ? "." : out;
}

std::string content_type_for(const std::string& name) {
    static const std::map<std::string, std::string> kTypes = {
        {"html", "text/html; charset=utf-8"}, {"htm", "text/html; charset=utf-8"},
        {"css", "text/css; charset=utf-8"},   {"js", "text/javascript; charset=utf-8"},
        {"json", "application/json"},         {"xml", "application/xml"},
        {"txt", "text/plain; charset=utf-8"}, {"bib", "text/x-bibtex; charset=utf-8"},
        {"pdf", "application/pdf"},           {"png", "image/png"},
        {"jpg", "image/jpeg"},                {"jpeg", "image/jpeg"},
        {"gif", "image/gif"},                 {"svg", "image/svg+xml"},
        {"webp", "image/webp"},               {"avif", "image/avif"},
        {"ico", "image/x-icon"},              {"woff", "font/woff"},
        {"woff2", "font/woff2"},              {"ttf", "font/ttf"},
        {"otf", "font/otf"},                  {"mp4", "video/mp4"},
        {"webm", "video/webm"},               {"mp3", "audio/mpeg"},
        {"zip", "application/zip"},           {"gz", "application/gzip"},
        {"tex", "text/plain; charset=utf-8"}, {"csv", "text/csv; charset=utf-8"},
        {"md", "text/plain; charset=utf-8"},
    };
    std::size_t dot = name.rfind('.');
    std::size_t slash = name.rfind('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "application/octet-stream";
    const std::string ext = to_lower(name.substr(dot + 1));
    auto it = kTypes.find(ext);
    return it == kTypes.end() ? "application/octet-stream" : it->second;
}

Site build_site(const Config& cfg, std::shared_ptr<const JekyllSite> jekyll, PageReuse* reuse) {
    Site site;
    site.jekyll = jekyll;
    if (jekyll) site.warnings = jekyll->warnings;
    const std::string root = normalize_path(cfg.content_dir);
    Walker w{root, real(root), {}, {}, site.warnings, jekyll.get()};
    struct stat st;
    if (stat(root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        site.errors.push_back({root, 0, "content folder not found"});
        site.unreadable = site.errors.back().text();
        return site;
    }
    if (Dir d = open_dir(root.c_str()); !d) {
        site.errors.push_back({root, 0, std::string("cannot read the content folder: ") + std::strerror(errno)});
        site.unreadable = site.errors.back().text();
        return site;
    }
    w.walk("", 0, Source{"", "", "pages", false, {}});
    std::map<std::string, YAML::Node> defaults_memo;
    // Reserved up front: growing the vector would copy every Page (YAML::Node has no noexcept
    // move), briefly doubling the index's memory on a large site. The extra room is for the
    // listing pages navigation entries may add.
    site.pages.reserve(w.pages.size() + cfg.nav.size());
    for (const auto& src : w.pages) {
        const std::string path = root + "/" + src.rel;
        YAML::Node defaults = jekyll ? jekyll_defaults(*jekyll, src.rel, src.type, defaults_memo) : YAML::Node();
        if (reuse) {
            // The stamp is the walk's, taken before any read: a file written since has another
            // stamp by the next build, so a stale page is never kept past one rebuild.
            auto it = reuse->pages.find(src.rel);
            if (it != reuse->pages.end() && it->second.stamp == src.stamp && it->second.source == path) {
                Page p = std::move(it->second);
                reuse->pages.erase(it);
                p.defaults = shared_defaults(defaults);
                site.pages.push_back(std::move(p));
                ++reuse->reused;
                continue;
            }
            ++reuse->parsed;
        }
        std::string error;
        std::string text = read_limited(root, src.rel, error);
        Page p = parse_page(error.empty() ? text : std::string(), path, src.rel, defaults);
        if (!error.empty()) p.error = Problem{path, 0, error};
        p.collection = src.collection;
        p.type = src.type;
        p.html = src.html;
        p.mtime = src.stamp.mtime_ns / 1000000000;
        // A page that failed is not kept in the index cache: a fix that leaves the stamp alone
        // (chmod of an unreadable file) must still be seen.
        if (!p.error) p.stamp = src.stamp;
        if (jekyll) apply_jekyll_rules(*jekyll, p);
        // Every document of a site in its own theme gets Jekyll's excerpt, made here while its
        // text is at hand: listings show their documents' excerpts, and a render must not read
        // every document's file.
        if (jekyll && jekyll->own_theme && !p.collection.empty() && !p.error && !front_has(p, "excerpt") &&
            p.body_offset != std::string::npos && p.body_offset <= text.size()) {
            std::string separator = front_text(p, "excerpt_separator");
            if (!front_has(p, "excerpt_separator")) {
                const YAML::Node sep = static_cast<const YAML::Node&>(jekyll->config)["excerpt_separator"];
                separator = sep.IsDefined() && sep.IsScalar() ? sep.Scalar() : std::string("\n\n");
            }
            p.excerpt = jekyll_excerpt(std::string_view(text).substr(p.body_offset), separator, jekyll->config, cfg.site.base_path);
        }
        site.pages.push_back(std::move(p));
    }
    add_bib_items(root, w.bibs, cfg.site.bib_permalink, site.pages, site.errors);
    Builder b(cfg, site);
    b.pages();
    if (jekyll) b.navigation_listings();
    if (jekyll) b.paginate();
    b.stylesheets(root, w.styles);
    b.statics(root, w.other, "", true);
    // Theme assets come after content, so a content file of the same URL wins.
    const std::string assets = normalize_path(cfg.templates_dir + "/assets");
    if (stat(assets.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        std::vector<Problem> ignored;
        Walker aw{assets, real(assets), {}, {}, ignored};
        aw.walk("", 0, Source{});
        b.statics(assets, aw.other, "/assets", false);
    }
    b.generated();
    b.redirects();
    b.check_redirects();
    // Where a page's or a generated file's route came from only matters to the messages above;
    // a big site would keep thousands of such strings for nothing. Files, redirects and
    // stylesheets (their source's name) keep theirs.
    for (auto& [key, route] : site.routes)
        if (route.kind == RouteKind::Page || (route.kind == RouteKind::Generated && route.generated != Generated::Stylesheet &&
                                                  route.generated != Generated::StylesheetMap))
            std::string().swap(route.origin);
    return site;
}

}  // namespace folio
