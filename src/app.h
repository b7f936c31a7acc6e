// The loaded state of one site (configuration, index, templates) and its refresh.
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "config.h"
#include "http_cache.h"
#include "site_view.h"
#include "site.h"
#include "templates.h"

namespace folio {

struct Loaded {
    Config config;
    Site site;
    Templates templates;
    std::uint64_t fingerprint = 0;  // of the files it was built from
    long long last_modified = 0;    // their newest modification time
    // Parsed Liquid (layouts, includes, pages), kept while this state is the loaded one.
    std::shared_ptr<LiquidCache> liquid;
    // The last stylesheet compiled: x.css and x.css.map are asked for one after the other.
    std::shared_ptr<SassMemo> sass;
    SiteView view(ResponseCache* cache = nullptr) const {
        return SiteView{config, site, templates, last_modified, cache, nullptr, liquid.get(), 1, sass.get()};
    }
};

// Reads folio.ini, builds the index and loads the templates. Throws folio::Error only for a
// broken configuration; bad content and templates are kept as problems in the result.
std::unique_ptr<Loaded> load_site(const std::string& config_path);

struct Fingerprint;
class DiskCache;
// The same from an already-read configuration and fingerprint (CGI mode has both at hand).
// index: the cache folder whose index cache (see index_cache.h) is read and brought up to date,
// so that only pages whose files changed are parsed; null to parse every page.
std::unique_ptr<Loaded> load_site(Config config, const Fingerprint& fp, const DiskCache* index = nullptr);

// Logs what the index found (conflicts, broken pages and templates), one line each. A FastCGI
// process does it when it (re)loads; a CGI, started per request, leaves it to --check.
template <typename LogFn>
void log_problems(const Loaded& l, const LogFn& log) {
    for (const auto& w : l.site.warnings) log("warning: " + w.text());
    for (const auto& e : l.site.errors) log("error: " + e.text());
    for (const auto& e : l.templates.problems()) log("error: " + e.text());
}

// CGI mode's answer when the content folder cannot be read: 503 and one log line that names the
// folder and the reason, rather than a 404 for every page.
template <typename LogFn>
Response content_unavailable(const Site& site, const LogFn& log) {
    log(site.unreadable);
    Response r;
    r.status = 503;
    r.set_header("Content-Type", "text/plain; charset=utf-8");
    r.body = "503 Service Unavailable: the site's content cannot be read; see the server's error log.\n";
    return r;
}

struct Fingerprint {
    std::uint64_t hash = 0;   // of names, sizes, inodes and modification times
    long long newest = 0;     // the newest modification time seen
};
// A cheap fingerprint of the content and template trees and the ini file.
Fingerprint fingerprint(const std::string& config_path, const Config& config);

// Keeps a FastCGI process's site current: checks the fingerprint at most once a second and
// rebuilds when it changed. A rebuild that fails (broken folio.ini) keeps the last good state.
class SiteHolder {
public:
    explicit SiteHolder(std::string config_path, std::unique_ptr<Loaded> initial)
        : path_(std::move(config_path)), current_(std::move(initial)) {}
    template <typename LogFn>
    void refresh(const LogFn& log);
    const Loaded& get() const { return *current_; }
    ResponseCache* cache() { return &cache_; }

private:
    std::string path_;
    std::unique_ptr<Loaded> current_;
    std::chrono::steady_clock::time_point last_check_ = std::chrono::steady_clock::now();
    std::uint64_t failed_fingerprint_ = 0;
    ResponseCache cache_;  // emptied whenever the site is rebuilt
    bool logged_ = false;  // start-up problems logged yet
};

template <typename LogFn>
void SiteHolder::refresh(const LogFn& log) {
    // The first time inside a request, so that lighttpd (which gives its backends /dev/null as
    // stderr) gets the start-up problems through the request's FastCGI stderr.
    if (!logged_) {
        logged_ = true;
        log_problems(*current_, log);
    }
    // The check itself walks the tree, so it is rate-limited: edits show within a second.
    auto now = std::chrono::steady_clock::now();
    if (now - last_check_ < std::chrono::seconds(1)) return;
    last_check_ = now;
    std::uint64_t fp = fingerprint(path_, current_->config).hash;
    if (fp == current_->fingerprint || fp == failed_fingerprint_) return;
    try {
        auto next = load_site(path_);
        // A content folder that cannot be read (chmod, a deploy that renamed it away) would
        // turn every page into a 404: the last good state stays, as for a broken folio.ini.
        if (!next->site.unreadable.empty() && current_->site.unreadable.empty()) {
            failed_fingerprint_ = fp;
            log(next->site.unreadable + " (still serving the last good state)");
            return;
        }
        current_ = std::move(next);
        cache_.clear();
        log_problems(*current_, log);
    } catch (const std::exception& e) {
        failed_fingerprint_ = fp;
        log(std::string(e.what()) + " (still serving the last good configuration)");
        // Only the configuration is frozen: content and templates are read again under the last
        // good folio.ini, so pages added or repaired meanwhile are served.
        try {
            auto next = load_site(Config(current_->config), fingerprint(path_, current_->config));
            next->fingerprint = fp;
            current_ = std::move(next);
            cache_.clear();
        } catch (const std::exception&) {
            // A _config.yml broken too: the last good state stays whole.
        }
    }
}

}  // namespace folio
