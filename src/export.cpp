// Static export: every route answered through the router, so exported bytes are served bytes.
#include "export.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "app.h"
#include "html.h"
#include "router.h"

namespace folio {
namespace {

constexpr std::size_t kProgressEvery = 100;  // pages between progress lines on large sites

bool make_dirs(const std::string& path) {
    for (std::size_t pos = 1; pos <= path.size(); ++pos) {
        if (pos != path.size() && path[pos] != '/') continue;
        std::string part = path.substr(0, pos);
        if (mkdir(part.c_str(), 0755) != 0 && errno != EEXIST) return false;
    }
    return true;
}

bool write_file(const std::string& path, const std::string& bytes) {
    std::size_t slash = path.rfind('/');
    if (slash != std::string::npos && !make_dirs(path.substr(0, slash))) return false;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    return static_cast<bool>(out);
}

// A streamed static file, copied chunk by chunk: a large file is never held in memory.
bool write_file(const std::string& path, const BodyFile& body) {
    std::size_t slash = path.rfind('/');
    if (slash != std::string::npos && !make_dirs(path.substr(0, slash))) return false;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    std::string reason;
    const bool whole = body.for_each_chunk([&](const char* p, std::size_t n) {
        out.write(p, static_cast<std::streamsize>(n));
        return static_cast<bool>(out);
    }, reason);
    return whole && static_cast<bool>(out);
}

// The file a URL is stored in: "/a/" -> "a/index.html"; "/a.html" or "/x.bib" as they are.
std::string file_for(const std::string& url) {
    if (url.back() == '/') return url.substr(1) + "index.html";
    std::string last = url.substr(url.rfind('/') + 1);
    if (last.find('.') != std::string::npos) return url.substr(1);
    return url.substr(1) + "/index.html";  // an extension-less URL: a folder index
}

std::string stub(const std::string& location) {
    const std::string l = escape_html(location);
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<meta charset=\"utf-8\">\n<title>Redirecting&hellip;</title>\n"
           "<link rel=\"canonical\" href=\"" + l + "\">\n<meta http-equiv=\"refresh\" content=\"0; url=" + l +
           "\">\n<meta name=\"robots\" content=\"noindex\">\n<p><a href=\"" + l + "\">Click here if you are not redirected.</a></p>\n</html>\n";
}

// A path as an anchored regular expression for RedirectMatch.
std::string anchored_regex(const std::string& path) {
    std::string out = "^";
    for (char c : path) {
        if (std::strchr(".^$*+?()[]{}|\\", c)) out += '\\';
        out += c;
    }
    return out + "$";
}

}  // namespace

int run_export(const Loaded& l, const std::string& dir, std::ostream& progress) {
    const SiteView v = l.view();
    auto quiet = [](std::string_view) {};
    // RedirectMatch, not Redirect: Redirect matches prefixes, so "Redirect 301 /about/ /" would
    // also send /about/x to /x.
    std::string htaccess = "# Redirects exported by folio (Apache mod_alias), one RedirectMatch 301 per redirect.\n";
    std::string query_rules;
    std::string redirects = "# Redirects exported by folio (Netlify / Cloudflare Pages format).\n";
    std::size_t written = 0, failures = 0, count = 0;
    const std::size_t total = l.site.routes.size();
    for (const auto& [key, route] : l.site.routes) {
        ++count;
        if (total > kProgressEvery && count % kProgressEvery == 0)
            progress << "folio: exported " << count << " of " << total << " URLs\n" << std::flush;
        Request req;
        req.method = "GET";
        req.uri = l.config.site.base_path + key;
        Response r = handle_request(req, v, quiet);
        if (route.kind == RouteKind::Redirect) {
            const std::string* loc = r.header("Location");
            if (!loc) continue;
            const std::size_t q = key.find('?');
            if (q == std::string::npos)
                htaccess += "RedirectMatch 301 " + anchored_regex(l.config.site.base_path + key) + " " + *loc + "\n";
            else  // mod_alias cannot see the query string; mod_rewrite can.
                query_rules += "RewriteCond %{REQUEST_URI} =" + l.config.site.base_path + key.substr(0, q) +
                               "\nRewriteCond %{QUERY_STRING} =" + key.substr(q + 1) + "\nRewriteRule ^ " + *loc + " [R=301,L,QSD]\n";
            redirects += l.config.site.base_path + key + " " + *loc + " 301\n";
            if (key.find('?') != std::string::npos) continue;  // a stub file cannot match a query
        }
        const std::string path = dir + "/" + file_for(key.substr(0, key.find('?')));
        const std::string& bytes = route.kind == RouteKind::Redirect ? stub(*r.header("Location")) : r.body;
        if (route.kind != RouteKind::Redirect && r.status != 200) {
            progress << "folio: " << key << ": answered " << r.status << ", not exported\n";
            ++failures;
            continue;
        }
        const bool written_ok = r.file && route.kind != RouteKind::Redirect ? write_file(path, *r.file) : write_file(path, bytes);
        if (!written_ok) {
            progress << "folio: " << path << ": cannot write: " << std::strerror(errno) << "\n";
            ++failures;
            continue;
        }
        ++written;
    }
    // The 404 page, where static hosts look for it.
    if (l.site.not_found_page != kNoPage) {
        Request req{"GET", l.config.site.base_path + "/folio-export-missing/", "", "", "", ""};
        Response r = handle_request(req, v, quiet);
        write_file(dir + "/404.html", r.body);
        htaccess += "ErrorDocument 404 " + l.config.site.base_path + "/404.html\n";
    }
    if (!query_rules.empty()) htaccess += "RewriteEngine On\n" + query_rules;
    if (!write_file(dir + "/.htaccess", htaccess) || !write_file(dir + "/_redirects", redirects)) ++failures;
    progress << "folio: exported " << written << " files to " << dir << (failures ? "; " + std::to_string(failures) + " failed" : "") << "\n";
    return failures ? 1 : 0;
}

}  // namespace folio
