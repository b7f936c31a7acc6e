// Request routing: one lookup in the site table decides what answers.
#include "router.h"

#include <cstdint>

#include "config.h"
#include "error.h"
#include "feeds.h"
#include "gzip_store.h"
#include "http_cache.h"
#include "jekyll/sitemap_feed.h"
#include "publication.h"
#include "render.h"
#include "html.h"
#include "jekyll/stylesheet.h"
#include "safe_open.h"
#include "site.h"
#include "site_url.h"
#include "text.h"
#include "url_path.h"

namespace folio {
namespace {

constexpr int kRedirectStatus = 301;

Response html_response(int status, std::string body) {
    Response r;
    r.status = status;
    r.set_header("Content-Type", "text/html; charset=utf-8");
    r.body = std::move(body);
    return r;
}

// Redirect targets are configured or validated site paths, never taken from request headers.
Response redirect_to(const SiteView& v, const std::string& target, std::string_view query) {
    std::string location = link_to(v.config, target);
    if (!query.empty()) {
        location += location.find('?') == std::string::npos ? '?' : '&';
        location += query;
    }
    return redirect_response(kRedirectStatus, location);
}

// A response made once per site state (a page, a file, a generated file, the 404 page): from the
// FastCGI cache when there is one; a 200 gets its validators before it is kept. A streamed file
// is not kept (ResponseCache::put refuses it): the next request opens it again.
template <typename Make>
Response once(const SiteView& v, const std::string& key, long long last_modified, Make make) {
    if (v.cache)
        if (const Response* hit = v.cache->find(key)) return *hit;
    Response r = make();
    if (r.status == 200) add_validators(r, last_modified, v.config.site.cache_control);
    if (v.cache && (r.status == 200 || r.status == 404)) v.cache->put(key, r);
    return r;
}

// The gzip variant of a streamed file: the one kept in the gzip store (made on first demand),
// or none (the file goes out as it is) when there is no store, the file is too large for one,
// or another process is making it right now. Never compressed per request.
Response gzip_streamed(const SiteView& v, Response r, const Log& log) {
    if (!v.gzip) return r;
    std::string reason;
    if (auto gz = v.gzip->variant(*r.file, reason)) return gzipped_file(r, std::move(gz));
    if (!reason.empty()) log("gzip variant not made: " + reason);
    return r;
}

// Per request: the gzip variant when the client takes it, then 304 when the client has it.
Response finish(const Request& req, const SiteView& v, const std::string& key, Response r, const Log& log) {
    if (r.status != 200 && r.status != 404) return r;
    if (compressible(r)) r.set_header("Vary", "Accept-Encoding");
    if (compressible(r) && accepts_gzip(req.accept_encoding)) {
        if (r.file) r = gzip_streamed(v, std::move(r), log);
        else if (r.body.size() >= kMinGzipBytes) r = v.cache && v.cache->find(key) ? v.cache->gzip_of(key, r) : gzipped(r);
    }
    if (r.status == 200 && not_modified(req, r)) return not_modified_response(r);
    return r;
}

// Static files up to this size are read into the response, like pages: the FastCGI cache keeps
// them (within kMaxCacheBytes, gzip variant included). Larger ones are streamed from the open
// file (Response::file) and never copied into memory or a cache.
constexpr std::uint64_t kMaxInMemoryFileBytes = 256 * 1024;

// A file found in the table. The route holds the resolved path; below its root, no link is
// followed (safe_open.h), so a folder or file swapped for a link later is refused. There is no
// size limit: memory per request is one chunk whatever the size (the limit of 256 MiB existed
// because files were read whole). The ETag comes from the file's stamp, so a large file is not
// read to make one.
Response read_static(const SiteView& v, const Route& route, const std::string& path, const Log& log) {
    std::string reason;
    auto file = BodyFile::adopt(open_below(route.file, route.below), route.file, reason);
    if (!file) return error_response(v, 404, "file vanished or not a regular file: " + route.origin, path, log);
    Response r;
    r.set_header("Content-Type", content_type_for(route.file));
    r.set_header("Last-Modified", http_date(file->mtime_ns / 1000000000));
    r.set_header("ETag", etag_of_file(*file));
    if (file->size > kMaxInMemoryFileBytes) {
        r.file = std::move(file);
        return r;
    }
    r.body.reserve(static_cast<std::size_t>(file->size));
    auto append = [&](const char* p, std::size_t n) {
        r.body.append(p, n);
        return true;
    };
    if (!file->for_each_chunk(append, reason)) return error_response(v, 500, reason, path, log);
    return r;
}

Response make_generated(const SiteView& v, const Route& route) {
    Response r;
    switch (route.generated) {
    case Generated::Sitemap:
        r.body = sitemap_xml(v);
        r.set_header("Content-Type", "application/xml; charset=utf-8");
        break;
    case Generated::Robots:
        r.body = robots_txt(v);
        r.set_header("Content-Type", "text/plain; charset=utf-8");
        break;
    case Generated::Feed:
        r.body = atom_feed(v);
        r.set_header("Content-Type", "application/atom+xml; charset=utf-8");
        break;
    case Generated::JekyllSitemap:
        r.body = jekyll_sitemap_xml(v);
        r.set_header("Content-Type", "application/xml; charset=utf-8");
        break;
    case Generated::JekyllRobots:
        r.body = jekyll_robots_txt(v);
        r.set_header("Content-Type", "text/plain; charset=utf-8");
        break;
    case Generated::JekyllFeed:
        r.body = jekyll_feed_xml(v, jekyll_feed_path(*v.site.jekyll));
        r.set_header("Content-Type", "application/atom+xml; charset=utf-8");
        break;
    case Generated::Bibtex: {
        const Page& p = v.site.pages[route.page];
        r.body = bibtex_of(p, absolute_url(v.config, p.url));
        r.set_header("Content-Type", "text/x-bibtex; charset=utf-8");
        break;
    }
    case Generated::Stylesheet:
    case Generated::StylesheetMap:
        break;  // make_stylesheet: it can fail
    }
    return r;
}

// A Jekyll .scss/.sass page as CSS; a Sass error is a 500 whose log line names file:line.
Response make_stylesheet(const SiteView& v, const Route& route, const std::string& path, const Log& log) {
    SassResult css;
    try {
        css = stylesheet_of(v, route);
    } catch (const std::exception& e) {  // Liquid's or yaml-cpp's own
        return error_response(v, 500, route.origin + ": " + e.what(), path, log);
    }
    if (css.problem) return error_response(v, 500, Problem{css.problem->file, css.problem->line, "Sass: " + css.problem->message}.text(), path, log);
    Response r;
    const bool map = route.generated == Generated::StylesheetMap;
    r.body = std::move(map ? css.source_map : css.css);
    r.set_header("Content-Type", map ? "application/json" : "text/css; charset=utf-8");
    return r;
}

Response make_page(const SiteView& v, const Page& p, const std::string& path, const Log& log) {
    try {
        Response r = html_response(200, render_page(v, p, page_body(p), 200));
        // A Jekyll page of another kind (feed.xml, a JSON template) is served as what it is.
        if (!is_html_output(p)) r.set_header("Content-Type", content_type_for(p.url));
        return r;
    } catch (const std::exception& e) {
        return error_response(v, 500, e.what(), path, log);
    }
}

// What answers a route (before the per-request gzip and 304 step), and its cache key.
Response answer_route(const SiteView& v, const Route& route, const std::string& path, std::string& key, const Log& log) {
    switch (route.kind) {
    case RouteKind::Page:
        key = "page " + std::to_string(route.page);
        if (route.pager > 1) {  // /page2/ ...: the same page, the paginator at another page
            key += " pager " + std::to_string(route.pager);
            SiteView pager = v;
            pager.paginator_page = route.pager;
            return once(v, key, v.last_modified, [&] { return make_page(pager, v.site.pages[route.page], path, log); });
        }
        return once(v, key, v.last_modified, [&] { return make_page(v, v.site.pages[route.page], path, log); });
    case RouteKind::Static:
        key = "file " + route.file;
        return once(v, key, 0, [&] { return read_static(v, route, path, log); });
    case RouteKind::Generated:
        key = "generated " + path;
        if (route.generated == Generated::Stylesheet || route.generated == Generated::StylesheetMap)
            return once(v, key, v.last_modified, [&] { return make_stylesheet(v, route, path, log); });
        return once(v, key, v.last_modified, [&] { return make_generated(v, route); });
    case RouteKind::Redirect:
        break;
    }
    return error_response(v, 500, "route kind without an answer", path, log);
}

// Jekyll's server and GitHub Pages answer "/x" from x.html and "/x.html" for a page whose URL is
// "/x", and "/x/index.html" for "/x/": the same page, not a redirect.
const Route* html_alternate(const Site& site, const std::string& path) {
    const std::string ext = ".html", index = "/index.html";
    if (path.size() > index.size() && ends_with(path, index))
        return site.find(path.substr(0, path.size() - index.size() + 1));
    if (path.size() > ext.size() && ends_with(path, ext))
        return site.find(path.substr(0, path.size() - ext.size()));
    if (path.back() != '/') return site.find(path + ext);
    return nullptr;
}

}  // namespace

Response error_response(const SiteView& v, int status, const std::string& reason, const std::string& path,
                        const Log& log) {
    if (status >= 500) log(reason);
    Response r;
    try {
        if (status == 404 && v.site.not_found_page != kNoPage) {
            const Page& not_found = v.site.pages[v.site.not_found_page];
            r = html_response(404, render_page(v, not_found, page_body(not_found), 404));
        } else {
            std::string title = std::to_string(status) + " " + reason_phrase(status);
            std::string message = status >= 500 ? "<p>This page could not be shown. The site's owner can find the reason in the server's error log.</p>"
                                                : "<p>" + escape_html(reason) + ".</p>";
            r = html_response(status, render_message(v, title, message, path, status));
        }
    } catch (const std::exception& e) {
        if (status < 500) log(std::string("error page: ") + e.what());
        r = html_response(status, "<!DOCTYPE html>\n<title>" + std::to_string(status) + "</title>\n<h1>" +
                                      std::to_string(status) + " " + reason_phrase(status) + "</h1>\n");
    }
    r.status = status;
    if (status == 405) r.set_header("Allow", "GET, HEAD");
    return r;
}

Response handle_request(const Request& req, const SiteView& v, const Log& log) {
    if (req.method != "GET" && req.method != "HEAD") return error_response(v, 405, "method not allowed", "/", log);
    PathResult p = request_path(req.uri, v.config.site.base_path);
    if (!p.ok()) return error_response(v, p.status, p.reason, "/", log);
    std::string_view query = query_of(req.uri);
    if (query.empty()) query = req.query;
    // The query goes back out in Location headers: it must not be able to split one.
    if (!header_value_ok(query)) return error_response(v, 400, "control character in the query string", "/", log);
    if (p.path.empty()) return redirect_to(v, "/", query);  // the bare mount prefix

    // A redirect registered with its query string (/old/?p=12) wins over the bare path.
    const Route* route = query.empty() ? nullptr : v.site.find(p.path + "?" + std::string(query));
    if (route) return redirect_to(v, route->target, "");
    route = v.site.find(p.path);
    if (!route) route = html_alternate(v.site, p.path);
    if (!route) {
        if (p.path.back() != '/' && v.site.find(p.path + "/")) return redirect_to(v, p.path + "/", query);
        if (v.site.not_found_page == kNoPage) return error_response(v, 404, "no page at " + p.path, p.path, log);
        // Every 404 has the same body when the site has a 404 page: make it once.
        return finish(req, v, "404", once(v, "404", 0, [&] { return error_response(v, 404, "", p.path, log); }), log);
    }
    if (route->kind == RouteKind::Redirect) return redirect_to(v, route->target, query);
    std::string key;
    Response r = answer_route(v, *route, p.path, key, log);
    return finish(req, v, key, std::move(r), log);
}

}  // namespace folio
