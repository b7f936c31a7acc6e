// A Jekyll site's .scss/.sass pages (front matter first) served as CSS at the same path with
// .css, through Liquid and libsass with _config.yml's sass: settings; --check names Sass errors.
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "app.h"
#include "check.h"
#include "helpers.h"
#include "router.h"
#include "site_fixture.h"

using testing::contains;
using testing::TempDir;

namespace {

struct SassSite {
    TempDir d;
    std::unique_ptr<folio::Loaded> loaded;
    std::vector<std::string> log;

    explicit SassSite(const std::string& sass_config = "sass:\n  sass_dir: _sass\n  style: compressed\n  sourcemap: never\n") {
        d.write("site/_config.yml", "title: Sass site\nsite_theme: air\n" + sass_config);
        d.write("site/index.md", "---\ntitle: Home\n---\nHello.\n");
        d.write("site/_sass/_base.scss", "$fg: #123456;\nbody { color: $fg; }\n");
        d.write("site/_sass/theme/_air_light.scss", ".light { margin: 0; }\n");
        d.write("site/assets/css/main.scss",
                "---\n---\n\n@import \"base\", \"theme/{{ site.site_theme | append: '_light' }}\";\n"
                ".nav { a { padding: 1px + 2px; } }\n");
        d.write("site/assets/css/plain.scss", "// no front matter: copied as it is, as Jekyll does\n.x { y: z }\n");
        d.write("site/assets/css/other.sass", "---\n---\n.a\n  .b\n    color: red\n");
        d.write("site/_drafts_sass/skip.scss", "---\n---\n.skip { a: b }\n");
    }
    void load() { loaded = testing::load_jekyll_page(d, "index.md").loaded; }
    folio::Response get(const std::string& uri) {
        folio::Request req;
        req.method = "GET";
        req.uri = uri;
        return folio::handle_request(req, loaded->view(), [this](std::string_view line) { log.emplace_back(line); });
    }
};

std::string content_type(const folio::Response& r) {
    const std::string* t = r.header("Content-Type");
    return t ? *t : "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stylesheet)

BOOST_AUTO_TEST_CASE(scss_with_front_matter_is_served_compiled_at_its_css_path) {
    SassSite s;
    s.load();
    auto r = s.get("/assets/css/main.css");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(contains(content_type(r), "text/css"), content_type(r));
    // compressed (the _config.yml style), the partial from _sass, the Liquid in the import resolved
    BOOST_TEST(r.body == "body{color:#123456}.light{margin:0}.nav a{padding:3px}\n", r.body);
    BOOST_TEST(s.get("/assets/css/main.scss").status == 404);  // Jekyll does not publish the source
    auto sass = s.get("/assets/css/other.css");
    BOOST_TEST(sass.status == 200);
    BOOST_TEST(sass.body == ".a .b{color:red}\n", sass.body);
}

BOOST_AUTO_TEST_CASE(scss_without_front_matter_stays_a_static_file) {
    SassSite s;
    s.load();
    auto r = s.get("/assets/css/plain.scss");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(contains(r.body, ".x { y: z }"));
    BOOST_TEST(s.get("/assets/css/plain.css").status == 404);
    BOOST_TEST(s.get("/_drafts_sass/skip.css").status == 404);  // '_' folders are not part of the site
}

BOOST_AUTO_TEST_CASE(style_and_sass_dir_come_from_config_yml) {
    SassSite s("sass:\n  sass_dir: styles\n  style: expanded\n  sourcemap: never\n");
    s.d.write("site/styles/_base.scss", "body { color: red; }\n");
    s.d.write("site/styles/theme/_air_light.scss", "");
    s.load();
    auto r = s.get("/assets/css/main.css");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == "body {\n  color: red;\n}\n\n.nav a {\n  padding: 3px;\n}\n", r.body);
}

BOOST_AUTO_TEST_CASE(load_paths_are_searched_before_sass_dir) {
    SassSite s("sass:\n  style: compressed\n  load_paths: [vendor/css]\n  sourcemap: never\n");
    s.d.write("site/vendor/css/_base.scss", "body { color: blue; }\n");
    s.load();
    auto r = s.get("/assets/css/main.css");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(contains(r.body, "body{color:blue}"), r.body);
}

BOOST_AUTO_TEST_CASE(a_source_map_beside_the_css_as_jekyll_writes_by_default) {
    SassSite s("sass:\n  style: compressed\n");
    s.load();
    auto css = s.get("/assets/css/main.css");
    BOOST_TEST(css.status == 200);
    const std::string tail = "\n\n/*# sourceMappingURL=main.css.map */";
    BOOST_TEST(css.body.substr(css.body.size() - std::min(css.body.size(), tail.size())) == tail, css.body);
    auto map = s.get("/assets/css/main.css.map");
    BOOST_TEST(map.status == 200);
    BOOST_TEST(content_type(map) == "application/json");
    BOOST_TEST(contains(map.body, "\"version\": 3"), map.body);
    BOOST_TEST(contains(map.body, "\"../../_sass/_base.scss\""), map.body);  // from the map's folder
    BOOST_TEST(contains(map.body, "$fg: #123456;"), map.body);                 // the sources' text inside
    // the text after the front matter's blank line, as Jekyll takes it
    BOOST_TEST(contains(map.body, "\"@import \\\"base\\\", \\\"theme/air_light\\\";"), map.body);
    SassSite never;  // sourcemap: never
    never.load();
    BOOST_TEST(!contains(never.get("/assets/css/main.css").body, "sourceMappingURL"));
    BOOST_TEST(never.get("/assets/css/main.css.map").status == 404);
}

BOOST_AUTO_TEST_CASE(a_broken_stylesheet_is_a_500_with_file_and_line_in_the_log) {
    SassSite s;
    s.d.write("site/_sass/_base.scss", "body {\n  color: $undefined;\n}\n");
    s.load();
    auto r = s.get("/assets/css/main.css");
    BOOST_TEST(r.status == 500);
    BOOST_TEST(testing::any_contains(s.log, {"_sass/_base.scss:2:", "Undefined variable"}));
    BOOST_TEST(s.get("/").status == 200);  // the rest of the site is served
    BOOST_TEST(s.get("/assets/css/other.css").status == 200);
}

BOOST_AUTO_TEST_CASE(check_reports_sass_errors_with_file_and_line) {
    SassSite s;
    s.d.write("site/assets/css/other.sass", "---\n---\n.a\n  color: $nope\n");
    s.load();
    std::ostringstream out;
    BOOST_TEST(folio::run_check(*s.loaded, out) == 1);
    BOOST_TEST(contains(out.str(), "assets/css/other.sass:4: "), out.str());
    BOOST_TEST(contains(out.str(), "Undefined variable"), out.str());
}

// The CSS and its source map come from one compile of a loaded site (SassMemo): a partial changed
// on disk after the CSS was made does not show in the map asked for next (the loaded site is
// replaced when a file changes; here it is not reloaded, so the memo is what answers).
BOOST_AUTO_TEST_CASE(the_css_and_its_map_come_from_one_compile) {
    SassSite s("sass:\n  style: compressed\n");
    s.load();
    BOOST_TEST(s.get("/assets/css/main.css").status == 200);
    s.d.write("site/_sass/_base.scss", "$fg: #654321;\nbody { color: $fg; }\n");
    const auto map = s.get("/assets/css/main.css.map");
    BOOST_TEST(map.status == 200);
    BOOST_TEST(contains(map.body, "$fg: #123456;"), map.body);
    BOOST_TEST(!contains(map.body, "#654321"), map.body);
}

BOOST_AUTO_TEST_SUITE_END()
