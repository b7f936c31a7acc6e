// folio: options, configuration, then one of: a CGI request, the FastCGI loop, --render,
// --check. The one top-level catch lives here.
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "app.h"
#include "check.h"
#include "disk_cache.h"
#include "error.h"
#include "export.h"
#include "fcgi_io.h"
#include "router.h"

#ifndef FOLIO_VERSION
#define FOLIO_VERSION "0.1.0"
#endif

namespace {

constexpr const char* kUsage =
    "usage: folio.fcgi [--config FILE] [--check | --render PATH | --export DIR | --listen ADDRESS]\n"
    "\n"
    "Serves a Markdown academic homepage as a FastCGI or CGI program.\n"
    "  (no option)       FastCGI when started by a web server, else one CGI request\n"
    "  --config FILE     folio.ini to use (default: $FOLIO_CONFIG, else folio.ini beside the program)\n"
    "  --check           load the whole site, report every problem with file:line; exit 1 on errors\n"
    "  --render PATH     print the full response for one site path (e.g. /publications/)\n"
    "  --export DIR      write the whole site as static files (pages, files, redirect stubs, .htaccess, _redirects)\n"
    "  --listen ADDRESS  run as a FastCGI daemon on a Unix socket path (made 0660) or 127.0.0.1:PORT\n"
    "  --help, --version\n";

struct Options {
    std::string config, render, listen, export_dir;
    bool check = false;
};

void log_line(std::string_view message) {
    // One write per line so that lines from several workers do not interleave.
    std::string line = "folio: ";
    line += message;
    line += '\n';
    folio::log_to_server(line);
}

std::string default_config_path(const char* argv0) {
    if (const char* env = std::getenv("FOLIO_CONFIG"); env && *env) return env;
    std::string exe;
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) exe.assign(buf, static_cast<std::size_t>(n));
    else exe = argv0;
    std::size_t slash = exe.rfind('/');
    return (slash == std::string::npos ? std::string(".") : exe.substr(0, slash)) + "/folio.ini";
}

// Returns false (after printing why) when the arguments are not understood.
bool parse_options(int argc, char** argv, Options& o, int& exit_code) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= argc) {
                std::cerr << "folio: " << a << " needs a value\n" << kUsage;
                return false;
            }
            into = argv[++i];
            return true;
        };
        if (a == "--help" || a == "-h") {
            std::cout << kUsage;
            exit_code = 0;
            return false;
        } else if (a == "--version") {
            std::cout << "folio " << FOLIO_VERSION << "\n";
            exit_code = 0;
            return false;
        } else if (a == "--check") {
            o.check = true;
        } else if (a == "--config" || a == "--render" || a == "--listen" || a == "--export") {
            std::string& into = a == "--config" ? o.config : a == "--render" ? o.render : a == "--listen" ? o.listen : o.export_dir;
            if (!value(into)) return false;
        } else {
            std::cerr << "folio: unknown option " << a << "\n" << kUsage;
            return false;
        }
    }
    return true;
}

folio::Response answer(const folio::Request& req, const folio::SiteView& view) {
    // The one top-level catch: whatever escapes a request becomes a 500 and a log line, and the
    // process goes on to the next request.
    try {
        return folio::handle_request(req, view, log_line);
    } catch (const std::exception& e) {
        return folio::error_response(view, 500, std::string("unexpected error: ") + e.what(), "/", log_line);
    }
}

// CGI mode: one request per process, so the cost to beat is building the index. A response made
// for this exact state of the site (same fingerprint of every input file) is taken from the disk
// cache; otherwise the site is built, and the response kept for the next process.
folio::Response answer_cgi(const folio::Request& req, const std::string& config_path) {
    folio::Config config = folio::load_config(config_path);
    auto cache = folio::DiskCache::open(folio::default_cache_dir(config.cache_dir, config_path), config.cache_dir.empty());
    if (!cache && !config.cache_dir.empty() && config.cache_dir != "off")
        log_line(config.cache_dir + ": not used as the cache: it must be a folder of folio's own user, mode 0700");
    // Edits show within a second, as in FastCGI mode: a fingerprint younger than that is reused.
    folio::Fingerprint fp;
    if (auto recent = cache ? cache->recent_fingerprint(1000) : std::nullopt) {
        fp.hash = *recent;
    } else {
        fp = folio::fingerprint(config_path, config);
        if (cache) cache->note_fingerprint(fp.hash);
    }
    // Only what cannot vary without bound is kept: GET/HEAD without a query string.
    const bool cacheable = cache && (req.method == "GET" || req.method == "HEAD") && req.query.empty() &&
                           req.uri.find('?') == std::string::npos;
    const std::string key = req.uri + (folio::accepts_gzip(req.accept_encoding) ? "\tgzip" : "");
    auto conditional = [&](folio::Response r) {
        return r.status == 200 && folio::not_modified(req, r) ? folio::not_modified_response(r) : r;
    };
    if (cacheable)
        if (auto hit = cache->get(fp.hash, key)) return conditional(std::move(*hit));
    if (fp.newest == 0) {  // the reused fingerprint has no dates: building costs far more anyway
        fp = folio::fingerprint(config_path, config);
        if (cache) cache->note_fingerprint(fp.hash);
    }
    auto loaded = folio::load_site(std::move(config), fp, cache ? &*cache : nullptr);
    if (!loaded->site.unreadable.empty()) return folio::content_unavailable(loaded->site, log_line);
    folio::Request plain = req;  // the full response is what gets kept; 304 is decided per request
    plain.if_none_match.clear();
    plain.if_modified_since.clear();
    folio::Response r = answer(plain, loaded->view());
    if (cacheable && (r.status == 200 || r.status == 301)) cache->put(fp.hash, key, r);
    return conditional(std::move(r));
}

// A broken folio.ini under a web server still gets an HTTP answer, not a bare crash.
int config_failure(const std::string& message, bool as_cgi) {
    log_line(message);
    if (as_cgi) {
        folio::Response r;
        r.status = 500;
        r.set_header("Content-Type", "text/plain; charset=utf-8");
        r.body = "500 Internal Server Error: the site's configuration is broken; see the server's error log.\n";
        std::cout << folio::serialize(r, false) << std::flush;
    }
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    int exit_code = 2;
    if (!parse_options(argc, argv, o, exit_code)) return exit_code;
    const std::string config_path = o.config.empty() ? default_config_path(argv[0]) : o.config;
    const bool interactive = o.check || !o.render.empty() || !o.export_dir.empty();
    const bool as_cgi = !interactive && o.listen.empty() && folio::started_as_cgi();

    if (as_cgi) {
        // A CGI answers one request: a broken page logs its error when it is the one asked for.
        try {
            return folio::serve_cgi([&](const folio::Request& r) { return answer_cgi(r, config_path); });
        } catch (const std::exception& e) {
            return config_failure(e.what(), true);
        }
    }

    std::unique_ptr<folio::Loaded> loaded;
    try {
        loaded = folio::load_site(config_path);
    } catch (const std::exception& e) {
        return config_failure(e.what(), as_cgi);
    }

    if (o.check) return folio::run_check(*loaded, std::cout);
    if (!o.export_dir.empty()) return folio::run_export(*loaded, o.export_dir, std::cerr);
    if (!o.render.empty()) {
        folio::Request req;
        req.method = "GET";
        req.uri = loaded->config.site.base_path + o.render;
        std::cout << folio::serialize(answer(req, loaded->view()), false) << std::flush;
        return 0;
    }
    int listen_fd = 0;
    if (!o.listen.empty()) {
        std::string reason;
        listen_fd = folio::open_listener(o.listen, reason);
        if (listen_fd < 0) {
            log_line(reason);
            return 1;
        }
    }
    folio::SiteHolder holder(config_path, std::move(loaded));
    return folio::serve_fastcgi(
        listen_fd, [&](const folio::Request& r) { return answer(r, holder.get().view(holder.cache())); },
        [&] { holder.refresh(log_line); });
}
