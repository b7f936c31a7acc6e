// Fuzz target: folio.ini text -> Config (parse_config, src/config.h; inih underneath).
// Checked: the only exception is folio::Error naming "folio.ini:"; a line over kMaxIniLine is
// always refused; and whatever is accepted is safe where it goes: base_path and site.url into
// every link, nav targets into HTML, redirect sources and targets into Location headers
// (SECURITY.md: "validated when the site was loaded").
#include <cstdint>
#include <string>

#include "config.h"
#include "error.h"
#include "fuzz_common.h"
#include "http.h"
#include "url_path.h"

namespace {

bool has_long_line(const std::string& text) {
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end - start > folio::kMaxIniLine) return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    folio::Config c;
    try {
        c = folio::parse_config(text, "folio.ini", "/srv/site/cgi-bin");
    } catch (const folio::Error& e) {
        FUZZ_EXPECT(fuzz::starts_with(e.what(), "folio.ini:"), std::string(e.what()));
        return 0;
    }
    FUZZ_EXPECT(!has_long_line(text), "a line over kMaxIniLine was accepted");
    FUZZ_EXPECT(c.file == "folio.ini", c.file);

    const std::string& b = c.site.base_path;
    if (!b.empty()) {
        FUZZ_EXPECT(folio::validate_site_path(b).empty(), b);
        FUZZ_EXPECT(b.back() != '/', b);
        FUZZ_EXPECT(folio::header_value_ok(b), b);
    }
    if (!c.site.url.empty()) {
        FUZZ_EXPECT(folio::is_absolute_url(c.site.url), c.site.url);
        FUZZ_EXPECT(c.site.url.back() != '/', c.site.url);
        fuzz::check_target(c.site.url, "site.url");
    }
    for (const auto& n : c.nav) fuzz::check_target(n.url, "nav " + n.label);
    for (const auto& r : c.redirects) {
        FUZZ_EXPECT(!folio::is_absolute_url(r.from), r.from);
        fuzz::check_target(r.from, "redirect source");
        fuzz::check_target(r.to, "redirect target");
        FUZZ_EXPECT(r.line >= 1, r.from + " = " + r.to);
    }
    for (const auto& l : c.author.links) {
        FUZZ_EXPECT(folio::is_absolute_url(l.url), l.key + " = " + l.url);
        fuzz::check_target(l.url, "profile link " + l.key);
    }
    if (!c.author.email.empty()) FUZZ_EXPECT(fuzz::contains(c.author.email, "@"), c.author.email);
    return 0;
}
