// Request routing: one lookup in the site table decides what answers.
#include "router.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "feeds.h"
#include "publication.h"
#include "html.h"
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

// Reads a file found in the table. O_NOFOLLOW: the route holds the resolved path, so a link
// appearing there later is refused rather than followed.
Response static_file(const SiteView& v, const Route& route, const std::string& path, const Log& log) {
    int fd = open(route.file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return error_response(v, 404, "file vanished: " + route.origin, path, log);
    struct stat st;
    Response r;
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= static_cast<off_t>(kMaxContentFileBytes * 64);
    if (ok) {
        r.body.resize(static_cast<std::size_t>(st.st_size));
        std::size_t got = 0;
        while (got < r.body.size()) {
            ssize_t n = read(fd, r.body.data() + got, r.body.size() - got);
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        r.body.resize(got);
    }
    close(fd);
    if (!ok) return error_response(v, 404, "not a regular file: " + route.origin, path, log);
    r.set_header("Content-Type", content_type_for(route.file));
    return r;
}

Response generated(const SiteView& v, const Route& route) {
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
    case Generated::Bibtex: {
        const Page& p = v.site.pages[route.page];
        r.body = bibtex_of(p, absolute_url(v.config, p.url));
        r.set_header("Content-Type", "text/x-bibtex; charset=utf-8");
        break;
    }
    }
    return r;
}

Response page(const SiteView& v, const Page& p, const std::string& path, const Log& log) {
    try {
        return html_response(200, render_page(v, p, 200));
    } catch (const std::exception& e) {
        return error_response(v, 500, e.what(), path, log);
    }
}

}  // namespace

Response error_response(const SiteView& v, int status, const std::string& reason, const std::string& path,
                        const Log& log) {
    if (status >= 500) log(reason);
    Response r;
    try {
        if (status == 404 && v.site.not_found_page != kNoPage) {
            r = html_response(404, render_page(v, v.site.pages[v.site.not_found_page], 404));
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
    if (p.path.empty()) return redirect_to(v, "/", "");  // the bare mount prefix
    std::string_view query = query_of(req.uri);
    if (query.empty()) query = req.query;

    // A redirect registered with its query string (/old/?p=12) wins over the bare path.
    const Route* route = query.empty() ? nullptr : v.site.find(p.path + "?" + std::string(query));
    if (route) return redirect_to(v, route->target, "");
    route = v.site.find(p.path);
    if (!route) {
        if (p.path.back() != '/' && v.site.find(p.path + "/")) return redirect_to(v, p.path + "/", query);
        return error_response(v, 404, "no page at " + p.path, p.path, log);
    }
    switch (route->kind) {
    case RouteKind::Page: return page(v, v.site.pages[route->page], p.path, log);
    case RouteKind::Redirect: return redirect_to(v, route->target, query);
    case RouteKind::Static: return static_file(v, *route, p.path, log);
    case RouteKind::Generated: return generated(v, *route);
    }
    return error_response(v, 500, "unknown route kind", p.path, log);
}

}  // namespace folio
