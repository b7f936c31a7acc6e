// Renders each Jekyll oracle snippet with folio and compares with what Jekyll made of it.
//
//   jekyll_oracle_runner [--verbose] SITE_DIR SNIPPETS_DIR KNOWN_FILE
//
// SITE_DIR is a copy of tests/jekyll_oracle/site with every snippet already placed in it as a
// page (run-jekyll-oracle.sh does that, as make-expected.sh does for Jekyll): folio loads it as
// it loads any Jekyll site (read_jekyll, build_site) and renders each snippet page's body with
// page_content, the same path a request takes. A snippet matches when the output equals its
// expected.html byte for byte. KNOWN_FILE lists "name<TAB>reason" lines: differences folio
// keeps on purpose or has not closed yet; they are reported and counted as not matching.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "../common/named_lines.h"
#include "../common/read_file.h"
#include "app.h"
#include "content.h"
#include "render.h"

namespace fs = std::filesystem;

namespace {

// The page a snippet became: NAME.html at the top, or index.html for the paginator's.
std::string page_rel(const std::string& name) { return name == "paginator" ? "index.html" : name + ".html"; }

}  // namespace

int main(int argc, char** argv) {
    bool verbose = false;
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--verbose") verbose = true;
        else args.push_back(argv[i]);
    }
    if (args.size() != 3) {
        std::cerr << "usage: jekyll_oracle_runner [--verbose] SITE_DIR SNIPPETS_DIR KNOWN_FILE\n";
        return 2;
    }
    const fs::path site_dir = args[0], snippets = args[1];
    const auto known = testing::read_named_lines(args[2]);

    folio::Config config;
    config.file = "folio.ini";
    config.dir = site_dir.string();
    config.content_dir = site_dir.string();
    config.templates_dir = (fs::current_path() / "templates").string();
    const auto loaded = folio::load_site(std::move(config), folio::Fingerprint{});
    const folio::SiteView view{loaded->config, loaded->site, loaded->templates};

    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(snippets))
        if (e.is_directory()) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());

    int matched = 0, differ = 0, known_differ = 0, known_matched = 0;
    for (const std::string& name : names) {
        const std::string expected = testing::read_file(snippets / name / "expected.html");
        const folio::Page* page = nullptr;
        for (const auto& p : loaded->site.pages)
            if (p.rel == page_rel(name)) page = &p;
        std::string out;
        std::vector<folio::Problem> problems;
        if (!page) problems.push_back({"", 0, "folio has no page " + page_rel(name)});
        else out = folio::page_content(view, *page, &problems);
        const bool same = page && out == expected;
        const auto k = known.find(name);
        if (same) {
            ++matched;
            if (k != known.end()) {
                ++known_matched;
                std::cout << "ok - " << name << " (listed as a known difference, but it matches now: drop it from the list)\n";
            } else {
                std::cout << "ok - " << name << "\n";
            }
            continue;
        }
        if (k != known.end()) {
            ++known_differ;
            std::cout << "known difference - " << name << ": " << k->second << "\n";
        } else {
            ++differ;
            std::cout << "not ok - " << name << "\n";
        }
        if (verbose || k == known.end()) {
            std::cout << "    expected: [" << expected << "]\n    folio:    [" << out << "]\n";
            for (const auto& p : problems) std::cout << "    problem: " << p.text() << "\n";
        }
    }
    std::cout << "jekyll-oracle: " << names.size() << " snippets, " << matched << " match, " << known_differ
              << " known differences, " << differ << " differ\n";
    return differ == 0 && known_matched == 0 ? 0 : 1;
}
