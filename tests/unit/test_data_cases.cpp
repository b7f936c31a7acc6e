// The data-driven cases: every folder tests/data/<suite>/<case>/ holds an input and the output
// expected from it (tests/data/README.md gives the files of each suite). This runner registers
// one Boost test case per folder, named <suite>/<case>, so a failure names the folder; the
// expected output must match to the byte. The folder is tests/data below the current directory
// (make test runs from the top of the tree), or $FOLIO_TEST_DATA.
#include <boost/test/unit_test.hpp>

#include <limits.h>
#include <stdlib.h>

#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "app.h"
#include "data_cases.h"
#include "jekyll/kramdown.h"
#include "liquid_include.h"
#include "jekyll/liquid.h"
#include "markdown.h"
#include "router.h"
#include "url_path.h"

namespace {

using testing::DataCase;
using testing::TempDir;

// --- markdown: input.md, expected.html, optional options (base_path=..., smart=true) and
// problems.txt (table_limit_problems, one "line: message" a line) ------------------------------

folio::MarkdownOptions markdown_options(const DataCase& c) {
    folio::MarkdownOptions options;
    for (const auto& [key, value] : c.options()) {
        if (key == "base_path") options.base_path = value;
        else if (key == "smart") options.smart = value == "true";
        else BOOST_FAIL(c.name() << "/options: unknown key '" << key << "'");
    }
    return options;
}

void run_markdown(const DataCase& c) {
    const std::string input = c.read("input.md");
    c.check("expected.html", folio::render_markdown(input, markdown_options(c)));
    std::string problems;
    for (const auto& p : folio::table_limit_problems(input)) problems += std::to_string(p.line) + ": " + p.message + "\n";
    c.check_optional("problems.txt", problems);
}

// --- kramdown: input.md through kramdown_before -> render_markdown -> kramdown_after ------------

void run_kramdown(const DataCase& c) {
    const std::string input = c.read("input.md");
    folio::KramdownPrepared prep = folio::kramdown_before(input);
    const std::string html = folio::kramdown_after(folio::render_markdown(prep.markdown, markdown_options(c)), prep);
    c.check("expected.html", html);
    // Whatever the expected file says: no marker character (U+FDD0..U+FDEF) may reach a page.
    for (std::size_t i = 0; i + 2 < html.size(); ++i)
        BOOST_TEST_REQUIRE(!(html[i] == '\xEF' && html[i + 1] == '\xB7' && static_cast<unsigned char>(html[i + 2]) >= 0x90 &&
                             static_cast<unsigned char>(html[i + 2]) <= 0xAF),
                           c.name() << ": a kramdown marker is left at byte " << i);
}

// --- liquid: template.liquid with the variables of vars.yml (none when absent), expected.txt,
// problems.txt (one "line: message" a line; none expected when absent); includes give
// "[NAME post=TITLE key=value ...]" (testing::marked_include) ----------------------------------

void run_liquid(const DataCase& c) {
    const std::string vars = c.has("vars.yml") ? c.read("vars.yml") : "{}";
    folio::LiquidContext context{YAML::Load(vars), testing::marked_include};
    std::vector<folio::LiquidProblem> problems;
    const std::string out = folio::render_liquid(c.read("template.liquid"), context, problems);
    c.check("expected.txt", out);
    std::string listed;
    for (const auto& p : problems) listed += std::to_string(p.line) + ": " + p.message + "\n";
    c.check_optional("problems.txt", listed);
}

// --- site (regressions only): a whole site, loaded as folio loads it (load_site), answers one
// request. site/content/ is its content folder (a Jekyll site when it holds _config.yml);
// site/templates/ its templates, else the project's templates/. `request` is "METHOD URI";
// `options` may set [site] keys (url, base_path, title); `folio.ini` other sections. expected.status holds the status;
// expected.headers, when present, "Name: value" lines the response must carry; expected.txt,
// when present, the body. ------------------------------------------------------------------

void run_site(const DataCase& c) {
    BOOST_TEST_REQUIRE(c.has("site/content"), c.name() << ": no site/content");
    char root[PATH_MAX], templates[PATH_MAX];
    BOOST_TEST_REQUIRE(realpath(c.dir().c_str(), root) != nullptr);
    BOOST_TEST_REQUIRE(realpath(c.has("site/templates") ? (c.dir() + "/site/templates").c_str() : "templates", templates) != nullptr);
    std::string site_keys = "title = Test\n";
    for (const auto& [key, value] : c.options()) site_keys += key + " = " + value + "\n";
    TempDir work;
    // `folio.ini`, when present, adds sections of its own ([redirects], [nav], [author]).
    const std::string more = c.has("folio.ini") ? c.read("folio.ini") : "";
    const std::string ini = work.write("folio.ini", "[site]\n" + site_keys + "[paths]\ncontent = " + std::string(root) +
                                                        "/site/content\ntemplates = " + templates + "\ncache = off\n" + more);
    const std::unique_ptr<folio::Loaded> loaded = folio::load_site(ini);
    std::string line = c.read("request");
    line.erase(line.find_last_not_of("\n") + 1);
    const auto space = line.find(' ');
    BOOST_TEST_REQUIRE(space != std::string::npos, c.name() << "/request: not \"METHOD URI\"");
    folio::Request request;
    request.method = line.substr(0, space);
    request.uri = line.substr(space + 1);
    request.query = std::string(folio::query_of(request.uri));
    const folio::Response r = folio::handle_request(request, loaded->view(), [](std::string_view) {});
    c.check("expected.status", std::to_string(r.status) + "\n");
    if (c.has("expected.headers")) {
        std::istringstream in(c.read("expected.headers"));
        for (std::string h; std::getline(in, h);) {
            const auto colon = h.find(": ");
            if (colon == std::string::npos) continue;
            const std::string* value = r.header(h.substr(0, colon));
            BOOST_TEST((value && *value == h.substr(colon + 2)),
                       c.name() << "/expected.headers: want " << h << ", got " << (value ? *value : "(none)"));
        }
    }
    if (c.has("expected.txt")) c.check("expected.txt", r.body);
}

// --- regressions: each folder names the suite that runs it in `suite` (markdown, kramdown,
// liquid or site) and its bug and fix (commit or issue) in `about` ------------------------------

void run_regression(const DataCase& c) {
    BOOST_TEST_REQUIRE(c.has("about"), c.name() << ": a regression names its bug and fix in `about`");
    BOOST_TEST_REQUIRE(c.read("about").size() > 20u);
    std::string suite = c.read("suite");
    suite.erase(suite.find_last_not_of(" \n") + 1);
    if (suite == "markdown") run_markdown(c);
    else if (suite == "kramdown") run_kramdown(c);
    else if (suite == "liquid") run_liquid(c);
    else if (suite == "site") run_site(c);
    else BOOST_FAIL(c.name() << ": unknown suite '" << suite << "'");
}

const std::vector<std::pair<std::string, void (*)(const DataCase&)>>& runners() {
    static const std::vector<std::pair<std::string, void (*)(const DataCase&)>> table = {
        {"markdown", run_markdown},
        {"kramdown", run_kramdown},
        {"liquid", run_liquid},
        {"regressions", run_regression},
    };
    return table;
}

// Registers a test suite per data suite and a test case per folder, before Boost runs them: an
// object built at start-up, as BOOST_AUTO_TEST_CASE registers its cases (the one global here).
struct Registrar {
    Registrar() {
        auto& master = boost::unit_test::framework::master_test_suite();
        auto* all = BOOST_TEST_SUITE("data");
        master.add(all);
        const std::string root = testing::data_root();
        for (const auto& [suite, run] : runners()) {
            auto* s = BOOST_TEST_SUITE(suite);
            all->add(s);
            const auto cases = testing::list_folders(root + "/" + suite);
            if (cases.empty()) {
                // A missing or empty folder must fail, not pass with nothing checked.
                const std::string where = root + "/" + suite;
                s->add(boost::unit_test::make_test_case([where] { BOOST_FAIL("no cases in " << where); }, "no_cases",
                                                        __FILE__, __LINE__));
                continue;
            }
            for (const std::string& name : cases) {
                DataCase c(root + "/" + suite + "/" + name, suite + "/" + name);
                auto step = run;
                s->add(boost::unit_test::make_test_case([c, step] { step(c); }, name, __FILE__, __LINE__));
            }
        }
    }
};
const Registrar registrar;

}  // namespace
