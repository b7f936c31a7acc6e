// folio: options, configuration, then one of: a CGI request, the FastCGI loop, --render,
// --check. The one top-level catch lives here.
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "app.h"
#include "check.h"
#include "disk_cache.h"
#include "error.h"
#include "export.h"
#include "fcgi_io.h"
#include "gzip_store.h"
#include "listener.h"
#include "router.h"
#include "url_path.h"

#ifndef FOLIO_VERSION
#define FOLIO_VERSION "0.1.0"
#endif

namespace {

constexpr const char* kUsage =
    "usage: folio.fcgi [--config FILE] [--check | --render PATH | --export DIR | --listen ADDRESS [--listen-public]]\n"
    "\n"
    "Serves a Markdown academic homepage as a FastCGI or CGI program.\n"
    "  (no option)       FastCGI when started by a web server, else one CGI request\n"
    "  --config FILE     folio.ini to use (default: $FOLIO_CONFIG, else folio.ini beside the program)\n"
    "  --check           load the whole site, report every problem with file:line; exit 1 on errors\n"
    "  --render PATH     print the full response for one site path (e.g. /publications/)\n"
    "  --export DIR      write the whole site as static files (pages, files, redirect stubs, .htaccess, _redirects)\n"
    "  --listen ADDRESS  run as a FastCGI daemon on a Unix socket path with a '/' (made 0660, removed at\n"
    "                    exit) or a loopback HOST:PORT (127.0.0.1:PORT, localhost:PORT, [::1]:PORT)\n"
    "  --listen-public   let --listen take any other address (:PORT is every interface), with a warning\n"
    "  --help, --version\n";

struct Options {
    std::string config, render, listen, export_dir;
    bool check = false, listen_public = false;
};

void log_line(std::string_view message) {
    // One write per line so that lines from several workers do not interleave.
    std::string line = "folio: ";
    line += message;
    line += '\n';
    folio::log_to_server(line);
}

// The program file: /proc/self/exe where there is one, else argv[0].
std::string program_file(const char* argv0) {
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string(argv0 ? argv0 : "");
}

std::string default_config_path(const char* argv0) {
    if (const char* env = std::getenv("FOLIO_CONFIG"); env && *env) return env;
    const std::string exe = program_file(argv0);
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
        } else if (a == "--listen-public") {
            o.listen_public = true;
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

// What decides the CGI cache's folder (see disk_cache.h).
folio::CacheSetup cache_setup(const folio::Config& config, const std::string& config_path, const std::string& program) {
    const char* tmp = std::getenv("TMPDIR");
    return folio::CacheSetup{program, config_path, config.cache_dir, config.cache_size, tmp && *tmp == '/' ? tmp : "/tmp"};
}

// Kept gzip variants of large static files live in the cache folder's "gzip" folder: under the
// same rules as the cache (private, used only by the owner of the program file) and within its
// bound. Without a cache folder, large files go out uncompressed.
std::optional<folio::GzipStore> open_gzip_store(const std::optional<folio::DiskCache>& cache, std::uint64_t limit) {
    if (!cache) return std::nullopt;
    return folio::GzipStore::open(cache->dir() + "/gzip", limit);
}

// CGI mode: one request per process, so the cost to beat is building the index. A response made
// for this exact state of the site (same fingerprint of every input file) is taken from the disk
// cache; otherwise the site is built, and the response kept for the next process.
folio::Response answer_cgi(const folio::Request& req, const std::string& config_path, const std::string& program) {
    folio::Config config = folio::load_config(config_path);
    auto cache = folio::open_cgi_cache(cache_setup(config, config_path, program), log_line);
    const auto gzip_store = open_gzip_store(cache, config.cache_size);
    // Edits show within a second, as in FastCGI mode: a fingerprint younger than that is reused.
    folio::Fingerprint fp;
    if (auto recent = cache ? cache->recent_fingerprint(1000) : std::nullopt) {
        fp.hash = *recent;
    } else {
        fp = folio::fingerprint(config_path, config);
        if (cache) cache->note_fingerprint(fp.hash);
    }
    // Keyed by the site path the router will look up (decoded once, without a #fragment or an
    // absolute-form host), not by the raw REQUEST_URI: every spelling of a page shares its entry,
    // and since only 200 and 301 without a query are kept, the keys are bounded by the routes.
    const folio::PathResult path = folio::request_path(req.uri, config.site.base_path);
    const bool cacheable = cache && path.ok() && (req.method == "GET" || req.method == "HEAD") && req.query.empty() &&
                           req.uri.find('?') == std::string::npos;
    const std::string key = "path " + path.path + (folio::accepts_gzip(req.accept_encoding) ? "\tgzip" : "");
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
    folio::SiteView view = loaded->view();
    view.gzip = gzip_store ? &*gzip_store : nullptr;
    folio::Response r = answer(plain, view);
    // A static file is a file already: never copied (r.file marks a streamed one; the route says
    // it for a file read into memory).
    const folio::Route* route = cacheable ? loaded->site.find(path.path) : nullptr;
    const bool static_file = r.file || (route && route->kind == folio::RouteKind::Static);
    if (cacheable && !static_file && (r.status == 200 || r.status == 301)) cache->put(fp.hash, key, r);
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
            const std::string program = program_file(argv[0]);
            return folio::serve_cgi([&](const folio::Request& r) { return answer_cgi(r, config_path, program); });
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

    if (o.check)
        return folio::run_check(*loaded, std::cout,
                                folio::describe_cgi_cache(cache_setup(loaded->config, config_path, program_file(argv[0]))));
    if (!o.export_dir.empty()) return folio::run_export(*loaded, o.export_dir, std::cerr);
    if (!o.render.empty()) {
        folio::Request req;
        req.method = "GET";
        req.uri = loaded->config.site.base_path + o.render;
        std::cout << folio::serialize(answer(req, loaded->view()), false) << std::flush;
        return 0;
    }
    std::unique_ptr<folio::Listener> listener;  // outlives the loop: removes its socket file at exit
    if (!o.listen.empty()) {
        std::string reason, warning;
        listener = folio::Listener::open(o.listen, o.listen_public, reason, warning);
        if (!warning.empty()) log_line(warning);
        if (!listener) {
            log_line(reason);
            return 1;
        }
    }
    // The FastCGI process keeps its responses in memory; of the cache folder it uses only the
    // kept gzip variants, under the same rules as a CGI.
    // Its lines wait for the first request: lighttpd gives the processes it spawns /dev/null as
    // stderr, so only a request's FastCGI stderr reaches its error log (and the line is said once).
    std::vector<std::string> start_lines;
    const auto disk_cache = folio::open_cgi_cache(cache_setup(loaded->config, config_path, program_file(argv[0])),
                                                  [&](std::string_view line) { start_lines.emplace_back(line); });
    // Without one (run as a user that does not own the program file), the variants are kept by
    // this process alone, which lives long enough to make that worth it.
    const auto gzip_store = disk_cache ? open_gzip_store(disk_cache, loaded->config.cache_size)
                                       : std::optional<folio::GzipStore>(folio::GzipStore::in_process(loaded->config.cache_size));
    folio::SiteHolder holder(config_path, std::move(loaded));
    auto view = [&] {
        folio::SiteView v = holder.get().view(holder.cache());
        v.gzip = gzip_store ? &*gzip_store : nullptr;
        return v;
    };
    return folio::serve_fastcgi(
        listener ? listener->fd() : 0, [&](const folio::Request& r) { return answer(r, view()); },
        [&] {
            for (const std::string& line : start_lines) log_line(line);
            start_lines.clear();
            holder.refresh(log_line);
        });
}
