// The libsass wrapper (src/jekyll/sass.h): CSS out, imports from the load paths, errors with the
// file and line they are in, the named bounds, the output style.
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <chrono>
#include <string>

#include "helpers.h"
#include "jekyll/sass.h"

using folio::compile_sass;
using folio::SassInput;
using folio::SassStyle;
using testing::contains;
using testing::TempDir;

namespace {

SassInput input(const std::string& text, const std::string& file) {
    SassInput in;
    in.text = text;
    in.file = file;
    return in;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sass)

BOOST_AUTO_TEST_CASE(compiles_nesting_and_variables) {
    const std::string text = "$c: #f00;\na {\n  b { color: $c; }\n}\n";
    SassInput in = input(text, "/site/main.scss");
    in.style = SassStyle::Compressed;
    auto r = compile_sass(in);
    BOOST_TEST(!r.problem.has_value(), (r.problem ? r.problem->text() : ""));
    BOOST_TEST(r.css == "a b{color:red}\n");
}

BOOST_AUTO_TEST_CASE(style_setting_changes_the_output) {
    const std::string text = "a { b { color: red; } }\n";
    SassInput in = input(text, "/site/main.scss");
    in.style = SassStyle::Expanded;
    BOOST_TEST(compile_sass(in).css == "a b {\n  color: red;\n}\n");
    in.style = SassStyle::Compact;
    BOOST_TEST(compile_sass(in).css == "a b { color: red; }\n");
    SassStyle s = SassStyle::Nested;
    BOOST_TEST(folio::parse_sass_style("compressed", s));
    BOOST_TEST((s == SassStyle::Compressed));
    BOOST_TEST(folio::parse_sass_style(":expanded", s));
    BOOST_TEST((s == SassStyle::Expanded));
    BOOST_TEST(!folio::parse_sass_style("tiny", s));
}

BOOST_AUTO_TEST_CASE(indented_syntax) {
    const std::string text = "a\n  b\n    color: red\n";
    SassInput in = input(text, "/site/main.sass");
    in.indented = true;
    in.style = SassStyle::Compressed;
    BOOST_TEST(compile_sass(in).css == "a b{color:red}\n");
}

BOOST_AUTO_TEST_CASE(imports_from_the_load_path_and_lists_them) {
    TempDir d;
    d.write("_sass/_colors.scss", "$c: blue;\n");
    d.write("_sass/layout/_box.scss", ".box { color: $c; }\n");
    const std::string text = "@import \"colors\", \"layout/box\";\n";
    SassInput in = input(text, d / "assets/main.scss");
    in.load_paths = {d / "_sass"};
    in.style = SassStyle::Compressed;
    auto r = compile_sass(in);
    BOOST_TEST(!r.problem.has_value(), (r.problem ? r.problem->text() : ""));
    BOOST_TEST(r.css == ".box{color:blue}\n");
    BOOST_TEST(testing::any_contains(r.imported, {"_sass/_colors.scss"}));
    BOOST_TEST(testing::any_contains(r.imported, {"_sass/layout/_box.scss"}));
}

BOOST_AUTO_TEST_CASE(an_error_names_the_file_and_line) {
    const std::string text = "a {\n  color: red;\n  b: $missing;\n}\n";
    SassInput in = input(text, "/site/assets/main.scss");
    in.first_line = 4;  // three lines of front matter before the text
    auto r = compile_sass(in);
    BOOST_REQUIRE(r.problem.has_value());
    BOOST_TEST(r.css.empty());
    BOOST_TEST(r.problem->file == "/site/assets/main.scss");
    BOOST_TEST(r.problem->line == 6);
    BOOST_TEST(contains(r.problem->message, "Undefined variable"), r.problem->message);
}

BOOST_AUTO_TEST_CASE(an_error_in_an_imported_partial_names_the_partial) {
    TempDir d;
    d.write("_sass/_bad.scss", ".ok { color: red; }\n\n.x { color: $nope; }\n");
    const std::string text = "\n@import \"bad\";\n";
    SassInput in = input(text, d / "main.scss");
    in.load_paths = {d / "_sass"};
    in.first_line = 3;  // the partial's lines are its own, not shifted by the page's front matter
    auto r = compile_sass(in);
    BOOST_REQUIRE(r.problem.has_value());
    BOOST_TEST(r.problem->file == d / "_sass/_bad.scss");
    BOOST_TEST(r.problem->line == 3, r.problem->text());
    BOOST_TEST(contains(r.problem->message, "Undefined variable"), r.problem->message);
}

BOOST_AUTO_TEST_CASE(an_import_that_is_missing_is_an_error_at_its_line) {
    const std::string text = "a { color: red; }\n@import \"nowhere\";\n";
    auto r = compile_sass(input(text, "/site/main.scss"));
    BOOST_REQUIRE(r.problem.has_value());
    BOOST_TEST(r.problem->line == 2);
    BOOST_TEST(contains(r.problem->message, "nowhere"), r.problem->message);
}

BOOST_AUTO_TEST_CASE(input_over_the_bound_is_refused_unparsed) {
    const std::string text(folio::kMaxSassInputBytes + 1, ' ');
    auto r = compile_sass(input(text, "/site/main.scss"));
    BOOST_REQUIRE(r.problem.has_value());
    BOOST_TEST(r.problem->file == "/site/main.scss");
    BOOST_TEST(contains(r.problem->message, std::to_string(folio::kMaxSassInputBytes)), r.problem->message);
}

BOOST_AUTO_TEST_CASE(output_over_the_bound_is_refused) {
    const std::string text = "@for $i from 1 through 2000 { .a#{$i} { color: red; } }\n";
    SassInput in = input(text, "/site/main.scss");
    in.max_output = 1000;
    auto r = compile_sass(in);
    BOOST_REQUIRE(r.problem.has_value());
    BOOST_TEST(r.css.empty());
    BOOST_TEST(contains(r.problem->message, "1000"), r.problem->message);
    in.max_output = folio::kMaxSassOutputBytes;
    BOOST_TEST(!compile_sass(in).problem.has_value());
}

BOOST_AUTO_TEST_CASE(an_import_from_outside_the_confining_folder_is_refused) {
    TempDir outside, site;
    outside.write("_secret.scss", ".secret { content: \"the text of a file outside the site\"; }\n");
    const std::string text = "@import \"" + outside.path() + "/secret\";\n";
    SassInput in = input(text, site / "main.scss");
    in.confine = site.path();
    auto r = compile_sass(in);
    BOOST_REQUIRE(r.problem.has_value());
    BOOST_TEST(r.css.empty());
    BOOST_TEST(contains(r.problem->message, "outside"), r.problem->message);
    in.confine.clear();  // the same import without the bound is read: the check above is what refused it
    BOOST_TEST(contains(compile_sass(in).css, "the text of a file outside"));
}

// libsass cannot be interrupted: a compile runs in a child process with a CPU and a memory limit,
// and the caller waits a bounded time (run_isolated keeps a hang here from stalling the suite).
BOOST_AUTO_TEST_CASE(an_endless_loop_is_stopped_by_the_cpu_limit) {
    const std::string text = "$i: 0;\n@while true { $i: $i + 1; }\n";
    SassInput in = input(text, "/site/main.scss");
    in.max_cpu_seconds = 1;
    const std::string outcome = testing::run_isolated(
        [&] {
            auto r = compile_sass(in);
            // Stopped by the CPU limit; under AddressSanitizer (make asan), whose freed memory
            // is held back for a while, the loop's garbage reaches the memory limit first.
            return r.problem && r.css.empty() && (contains(r.problem->message, "CPU") || contains(r.problem->message, "memory")) ? 0 : 1;
        },
        10);
    BOOST_TEST(outcome == "exit 0");
}

BOOST_AUTO_TEST_CASE(an_import_that_blocks_is_given_up_after_the_wall_limit) {
    TempDir d;
    d.mkdirs("_sass");
    BOOST_REQUIRE(mkfifo((d / "_sass/_pipe.scss").c_str(), 0600) == 0);  // opening it for reading blocks
    const std::string text = "@import \"pipe\";\n";
    SassInput in = input(text, d / "main.scss");
    in.load_paths = {d / "_sass"};
    in.max_cpu_seconds = 1;
    const auto start = std::chrono::steady_clock::now();
    auto r = compile_sass(in);
    const auto took = std::chrono::steady_clock::now() - start;
    BOOST_REQUIRE(r.problem.has_value());
    BOOST_TEST(contains(r.problem->message, "seconds"), r.problem->message);
    BOOST_TEST((took < std::chrono::seconds(6)));
}

BOOST_AUTO_TEST_SUITE_END()
