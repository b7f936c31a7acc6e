// Fuzz target: a Jekyll site's _config.yml and _data/navigation.yml -> JekyllSite + Config
// (parse_jekyll, src/jekyll/jekyll.h), then the permalink patterns it found expanded, and the
// exclude patterns matched against a few names.
//
// Input: the _config.yml text, a NUL byte, the navigation.yml text.
//
// Checked: the only exception is folio::Error naming one of the two files; what _config.yml
// fills into the Config is as safe as what folio.ini may hold: base_path goes in front of every
// link and every Location, so it must be a valid site path without control characters (a
// "//host" base_path would make every redirect leave the site); site.url and nav targets
// likewise. Expanded permalinks start with '/' and have no "//".
#include <cstdint>
#include <string>

#include "config.h"
#include "error.h"
#include "fuzz_common.h"
#include "http.h"
#include "jekyll/jekyll.h"
#include "url_path.h"

namespace {

// What folio.ini left empty, so that _config.yml fills it.
folio::Config empty_config() {
    return folio::parse_config("[paths]\ncontent = site\n", "folio.ini", "/srv");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto f = fuzz::split_fields(data, size, 2);
    folio::Config cfg = empty_config();
    folio::JekyllSite j;
    try {
        j = folio::parse_jekyll(f[0], "_config.yml", f[1], "_data/navigation.yml", cfg);
    } catch (const folio::Error& e) {
        const std::string m = e.what();
        FUZZ_EXPECT(fuzz::starts_with(m, "_config.yml:") || fuzz::starts_with(m, "_data/navigation.yml:"), m);
        return 0;
    }

    const std::string& b = cfg.site.base_path;
    if (!b.empty()) {
        FUZZ_EXPECT(folio::validate_site_path(b).empty(), "baseurl -> base_path '" + b + "'");
        FUZZ_EXPECT(b.back() != '/', b);
        FUZZ_EXPECT(folio::header_value_ok(b), b);
    }
    if (!cfg.site.url.empty()) fuzz::check_target(cfg.site.url, "url");
    for (const auto& n : cfg.nav) fuzz::check_target(n.url, "navigation entry " + n.label);
    for (const auto& l : cfg.author.links) fuzz::check_target(l.url, "profile link " + l.key);

    folio::PermalinkParts parts;
    parts.collection = "publications";
    parts.path = "2024-paper";
    parts.name = "2024-paper";
    parts.title = folio::slugify(f[0].substr(0, 64));
    parts.categories = "news";
    parts.year = "2024";
    parts.month = "07";
    parts.day = "13";
    parts.slug = "paper";
    const std::string patterns[] = {j.permalink};
    for (const auto& p : patterns) {
        std::string u = folio::expand_permalink(p, parts);
        FUZZ_EXPECT(!u.empty() && u[0] == '/', p + " -> " + u);
        FUZZ_EXPECT(!fuzz::contains(u, "//"), p + " -> " + u);
    }
    for (const auto& c : j.collections) {
        std::string u = folio::expand_permalink(c.permalink.empty() ? "/:collection/:path/" : c.permalink, parts);
        FUZZ_EXPECT(!u.empty() && u[0] == '/' && !fuzz::contains(u, "//"), c.permalink + " -> " + u);
    }
    for (const char* name : {"_pages", "Gemfile", "notes.txt", "README.md", "aaaaaaaaaaaaaaaaaaaa.txt"}) (void)j.excluded(name);
    std::string date, slug;
    if (folio::split_post_name(f[1].substr(0, 80), date, slug)) FUZZ_EXPECT(date.size() == 10, date);
    std::string s = folio::slugify(f[1].substr(0, 200));
    FUZZ_EXPECT(s.empty() || (s.front() != '-' && s.back() != '-'), s);
    return 0;
}
