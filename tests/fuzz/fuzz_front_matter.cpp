// Fuzz target: a content file's text -> front matter (src/front_matter.h) -> Page (src/page.h).
// Checks the contracts: parse_front_matter throws only FrontMatterError, with a line inside the
// file; parse_page never throws, names its file in every error, and whatever it accepts as a
// URL, redirect source or redirect target is a valid site path (or, for redirect_to, an
// http(s) URL) that can go into a Location header.
#include <cstdint>
#include <string>

#include "front_matter.h"
#include "fuzz_common.h"
#include "http.h"
#include "page.h"
#include "url_path.h"

namespace {

int count_lines(std::string_view s) {
    int n = 1;
    for (char c : s) n += c == '\n';
    return n;
}

// Every node reachable from n, line_of() included: yaml-cpp's aliases make this a graph, so
// the walk is bounded by a budget (a node reached twice is visited twice).
void walk(const YAML::Node& n, int& budget) {
    if (--budget < 0) return;
    (void)folio::line_of(n);
    if (n.IsMap()) {
        for (const auto& kv : n) {
            walk(kv.first, budget);
            walk(kv.second, budget);
        }
    } else if (n.IsSequence()) {
        for (const auto& e : n) walk(e, budget);
    }
}

void check_site_path(const std::string& p, const std::string& d) {
    FUZZ_EXPECT(folio::validate_site_path(p.substr(0, p.find('?'))).empty(), d + " path " + p);
    FUZZ_EXPECT(folio::header_value_ok(p), d + " path " + p);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const int lines = count_lines(text);

    try {
        folio::FrontMatter fm = folio::parse_front_matter(text);
        FUZZ_EXPECT(fm.data.IsMap(), text);
        FUZZ_EXPECT(fm.body_line >= 1 && fm.body_line <= lines + 1, text);
        FUZZ_EXPECT(fm.body.size() <= text.size(), text);
        FUZZ_EXPECT(text.size() >= fm.body.size() && text.compare(text.size() - fm.body.size(), fm.body.size(), fm.body) == 0,
                    text);
        int budget = 10000;
        walk(fm.data, budget);
    } catch (const folio::FrontMatterError& e) {
        FUZZ_EXPECT(e.line >= 1 && e.line <= lines + 1, std::to_string(e.line) + ": " + e.message);
        FUZZ_EXPECT(!e.message.empty(), text);
    }
    // Anything else escaping is a broken contract: libFuzzer reports the uncaught exception.

    static const YAML::Node defaults = YAML::Load("layout: single\nauthor_profile: true\nshare: true\n");
    for (const auto* rel : {"notes/fuzz.md", "_publications/2024-fuzz.md"}) {
        const std::string source = std::string("content/") + rel;
        folio::Page p;
        try {
            p = folio::parse_page(text, source, rel, *rel == '_' ? defaults : YAML::Node());
        } catch (const std::exception& e) {
            fuzz::fail("parse_page threw (it promises never to)", __FILE__, __LINE__, e.what());
        }
        const std::string d = source + " | " + text;
        if (p.error) FUZZ_EXPECT(p.error->file == source, p.error->text());
        // Even a broken page keeps a URL: it answers 500, not 404.
        check_site_path(p.url, d);
        if (p.error) continue;  // a broken page answers 500 and redirects nowhere
        for (const auto& r : p.redirect_from) check_site_path(r.from, d);
        if (!p.redirect_to.empty()) {
            if (fuzz::starts_with(p.redirect_to, "http://") || fuzz::starts_with(p.redirect_to, "https://")) {
                for (unsigned char c : p.redirect_to) FUZZ_EXPECT(c > 0x20 && c != 0x7F, d + " redirect_to " + p.redirect_to);
            } else {
                check_site_path(p.redirect_to, d);
            }
        }
    }
    return 0;
}
