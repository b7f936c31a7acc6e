// front_matter: text -> (YAML map, body), errors with the 1-based line in the file.
#include <boost/test/unit_test.hpp>

#include <string>

#include "front_matter.h"

using folio::FrontMatter;
using folio::FrontMatterError;
using folio::parse_front_matter;

namespace {

// The line parse_front_matter reports for text; 0 when it does not throw.
int error_line(const std::string& text, std::string* message = nullptr) {
    try {
        parse_front_matter(text);
    } catch (const FrontMatterError& e) {
        if (message) *message = e.message;
        return e.line;
    }
    return 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(front_matter)

BOOST_AUTO_TEST_CASE(no_front_matter_gives_an_empty_map_and_the_whole_body) {
    const std::string text = "# Title\n\nSome text.\n---\nnot: front matter\n";
    FrontMatter fm = parse_front_matter(text);
    BOOST_TEST(fm.data.IsMap());
    BOOST_TEST(fm.data.size() == 0u);
    BOOST_TEST(fm.body == text);
    BOOST_TEST(fm.body_line == 1);
    BOOST_TEST(parse_front_matter("").body == "");
    BOOST_TEST(parse_front_matter("----\nx: 1\n----\n").body == "----\nx: 1\n----\n");
}

BOOST_AUTO_TEST_CASE(normal_front_matter) {
    FrontMatter fm = parse_front_matter("---\ntitle: Hello\ndate: 2024-05-01\ntags: [a, b]\n---\nBody line\nmore\n");
    BOOST_TEST(fm.data.IsMap());
    BOOST_TEST(fm.data["title"].as<std::string>() == "Hello");
    BOOST_TEST(fm.data["date"].as<std::string>() == "2024-05-01");
    BOOST_TEST(fm.data["tags"].size() == 2u);
    BOOST_TEST(fm.body == "Body line\nmore\n");
    BOOST_TEST(fm.body_line == 6);
}

BOOST_AUTO_TEST_CASE(body_line_counts_the_fences) {
    BOOST_TEST(parse_front_matter("---\n---\nbody").body_line == 3);
    BOOST_TEST(parse_front_matter("---\n---\nbody").body == "body");
    BOOST_TEST(parse_front_matter("---\na: 1\nb: 2\nc: 3\n---\n\nbody").body_line == 6);
    // Nothing after the closing fence.
    FrontMatter fm = parse_front_matter("---\ntitle: x\n---");
    BOOST_TEST(fm.body == "");
    BOOST_TEST(fm.data["title"].as<std::string>() == "x");
}

BOOST_AUTO_TEST_CASE(dots_close_the_front_matter_too) {
    FrontMatter fm = parse_front_matter("---\ntitle: x\n...\nbody\n");
    BOOST_TEST(fm.data["title"].as<std::string>() == "x");
    BOOST_TEST(fm.body == "body\n");
    // "..." does not open it.
    BOOST_TEST(parse_front_matter("...\ntitle: x\n...\n").data.size() == 0u);
}

BOOST_AUTO_TEST_CASE(empty_front_matter_is_an_empty_map) {
    FrontMatter fm = parse_front_matter("---\n\n---\nx");
    BOOST_TEST(fm.data.IsMap());
    BOOST_TEST(fm.body == "x");
    fm = parse_front_matter("---\n# just a comment\n---\nx");
    BOOST_TEST(fm.data.IsMap());
}

BOOST_AUTO_TEST_CASE(unclosed_front_matter_is_an_error_on_line_1) {
    std::string msg;
    BOOST_TEST(error_line("---\ntitle: x\n\nbody without a fence\n", &msg) == 1);
    BOOST_TEST(!msg.empty());
    BOOST_TEST(error_line("---\ntitle: x") == 1);
    BOOST_TEST(error_line("---") == 1);
    BOOST_TEST(error_line("---\n") == 1);
}

BOOST_AUTO_TEST_CASE(yaml_error_reports_the_file_line) {
    // File line 4 holds the error: "---" is line 1, the YAML starts on line 2.
    std::string msg;
    BOOST_TEST(error_line("---\ntitle: ok\ndate: 2024\nbad: a: b\nmore: x\n---\nbody\n", &msg) == 4);
    BOOST_TEST(msg.find("YAML") == 0u, msg);
    BOOST_TEST(error_line("---\ntitle: ok\nx: @bad\n---\n") == 3);
    BOOST_TEST(error_line("---\nbad: a: b\n---\n") == 2);
}

BOOST_AUTO_TEST_CASE(yaml_error_line_counts_from_after_a_bom) {
    BOOST_TEST(error_line("\xEF\xBB\xBF---\ntitle: ok\ndate: 2024\nbad: a: b\n---\n") == 4);
}

BOOST_AUTO_TEST_CASE(non_map_front_matter_is_an_error) {
    std::string msg;
    BOOST_TEST(error_line("---\n- a\n- b\n---\nbody\n", &msg) == 2);
    BOOST_TEST(!msg.empty());
    BOOST_TEST(error_line("---\njust a sentence\n---\nbody\n") == 2);
}

BOOST_AUTO_TEST_CASE(bom_is_skipped) {
    FrontMatter fm = parse_front_matter("\xEF\xBB\xBF---\ntitle: Bom\n---\nbody\n");
    BOOST_TEST(fm.data["title"].as<std::string>() == "Bom");
    BOOST_TEST(fm.body == "body\n");
    BOOST_TEST(fm.body_line == 4);
    // A BOM before plain Markdown does not reach the body.
    BOOST_TEST(parse_front_matter("\xEF\xBB\xBF# Hi\n").body == "# Hi\n");
}

BOOST_AUTO_TEST_CASE(crlf_fences) {
    FrontMatter fm = parse_front_matter("---\r\ntitle: Windows\r\nlayout: single\r\n---\r\nBody\r\n");
    BOOST_TEST(fm.data["title"].as<std::string>() == "Windows");
    BOOST_TEST(fm.data["layout"].as<std::string>() == "single");
    BOOST_TEST(fm.body == "Body\r\n");
    BOOST_TEST(fm.body_line == 5);
    // Trailing blanks after a fence are tolerated as well.
    BOOST_TEST(parse_front_matter("--- \ntitle: x\n---\t\nb").body == "b");
}

BOOST_AUTO_TEST_CASE(line_of_gives_file_lines) {
    FrontMatter fm = parse_front_matter("---\ntitle: x\n\nredirect_from:\n  - /a/\n  - /b/\n---\n");
    BOOST_TEST(folio::line_of(fm.data["title"]) == 2);
    BOOST_TEST(folio::line_of(fm.data["redirect_from"][0]) == 5);
    BOOST_TEST(folio::line_of(fm.data["redirect_from"][1]) == 6);
    BOOST_TEST(folio::line_of(fm.data["missing"]) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
