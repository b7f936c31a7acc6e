// kramdown: what of the chain kramdown_before -> render_markdown -> kramdown_after cannot be data:
// markers that cannot be forged or trusted, limits, hostile input in a child process, timing.
// The input/expected cases of the kramdown syntax of academicpages content are data, in
// tests/data/kramdown/ (expected HTML is kramdown's, 2.4 with GFM input as Jekyll runs it, where
// folio matches it), run by test_data_cases.cpp.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

#include "helpers.h"
#include "jekyll/kramdown.h"
#include "markdown.h"

using testing::contains;

namespace {

std::string kd(const std::string& markdown) {
    folio::KramdownPrepared prep = folio::kramdown_before(markdown);
    return folio::kramdown_after(folio::render_markdown(prep.markdown, {}), prep);
}

// No marker character (U+FDD0..U+FDEF) and no marker comment may reach the page.
bool clean(const std::string& html) {
    for (std::size_t i = 0; i + 2 < html.size(); ++i)
        if (html[i] == '\xEF' && html[i + 1] == '\xB7' && static_cast<unsigned char>(html[i + 2]) >= 0x90 &&
            static_cast<unsigned char>(html[i + 2]) <= 0xAF)
            return false;
    return true;
}

std::size_t count(const std::string& s, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + needle.size())) ++n;
    return n;
}

// Runs the chain on hostile input in a child process: no crash, within the time limit, and no
// marker left in the output. "exit 0" when all holds.
std::string survives(const std::string& markdown, unsigned seconds = 20) {
    return testing::run_isolated([&] { return clean(kd(markdown)) ? 0 : 1; }, seconds);
}

double seconds_for(const std::string& markdown) {
    auto start = std::chrono::steady_clock::now();
    kd(markdown);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(kramdown)

// --- markers --------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(marker_characters_in_the_input_cannot_forge_a_marker) {
    // U+FDD0 U+FDE0 U+FDD1 is how marker 0 is written; in the input it is replaced with U+FFFD.
    std::string forged = "a \xEF\xB7\x90\xEF\xB7\xA0\xEF\xB7\x91 b\n\n<!--\xEF\xB7\x90\xEF\xB7\xA0\xEF\xB7\x91-->\n\n$$x$$\n";
    std::string html = kd(forged);
    BOOST_TEST(clean(html), html);
    BOOST_TEST(contains(html, "<p>a \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD b</p>"), html);
    BOOST_TEST(contains(html, "\\[x\\]"), html);
}

BOOST_AUTO_TEST_CASE(after_without_markers_changes_nothing) {
    folio::KramdownPrepared empty;
    const std::string html = "<p class=\"a\">x &amp; <b>y</b></p>\n<pre><code>{: .x}</code></pre>\n";
    BOOST_TEST(folio::kramdown_after(html, empty) == html);
    // Markers from another page's preparation are not trusted either.
    BOOST_TEST(folio::kramdown_after("a \xEF\xB7\x90\xEF\xB7\xA5\xEF\xB7\x91 b", empty) == "a  b");
}

// --- hostile input --------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(huge_numbers_of_attribute_lists) {
    std::string ials = "para\n";
    for (int i = 0; i < 200000; ++i) ials += "{: .x}\n";
    BOOST_TEST(survives(ials) == "exit 0");
    std::string spaced;
    for (int i = 0; i < 100000; ++i) spaced += "p\n\n{: .x}\n";
    BOOST_TEST(survives(spaced) == "exit 0");
    std::string spans;
    for (int i = 0; i < 120000; ++i) spans += "[a](b){: .c} ";
    BOOST_TEST(survives(spans) == "exit 0");
}

BOOST_AUTO_TEST_CASE(beyond_the_marker_limit_syntax_stays_text) {
    std::string spans;
    for (std::size_t i = 0; i < folio::kMaxKramdownMarkers + 10; ++i) spans += "*a*{: .c}\n";
    std::string html = kd(spans);
    BOOST_TEST(clean(html));
    BOOST_TEST(count(html, "<em class=\"c\">") == folio::kMaxKramdownMarkers);
    BOOST_TEST(count(html, "{: .c}") == 10u);
}

BOOST_AUTO_TEST_CASE(unterminated_and_unbalanced_constructs) {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += "$$ a \\\\( b {: c <a x=\" [[ ]( `` ";
    BOOST_TEST(survives(s) == "exit 0");
    BOOST_TEST(survives(std::string(300000, '[') + std::string(300000, ']')) == "exit 0");
    BOOST_TEST(survives(std::string(300000, '{') + ":" + std::string(300000, '}')) == "exit 0");
    std::string ticks;
    for (int i = 1; i < 700; ++i) ticks += std::string(i, '`') + " x ";
    BOOST_TEST(survives(ticks) == "exit 0");
    std::string nested;
    for (int i = 0; i < 2000; ++i) nested += std::string(2 * i, ' ') + "* a\n" + std::string(2 * i + 2, ' ') + "{: .x}\n";
    BOOST_TEST(survives(nested) == "exit 0");
    std::string quotes;
    for (int i = 0; i < 1500; ++i) {
        quotes += std::string(i, '>') + " p\n";
        quotes += std::string(i, '>') + " {: .x}\n";
    }
    BOOST_TEST(survives(quotes) == "exit 0");
    std::string lists;
    for (int i = 0; i < 100000; ++i) lists += "Term\n: def $$x$$\n";
    BOOST_TEST(survives(lists) == "exit 0");
    std::string regions;
    for (int i = 0; i < 100000; ++i) regions += "<div markdown=\"1\">";
    for (int i = 0; i < 100000; ++i) regions += "</div>\n*x*\n";
    BOOST_TEST(survives(regions) == "exit 0");
    std::string abbrs;
    for (int i = 0; i < 3000; ++i) abbrs += "*[A" + std::to_string(i) + "]: t\n";
    for (int i = 0; i < 100000; ++i) abbrs += "A1 A2 A3 B ";
    BOOST_TEST(survives(abbrs) == "exit 0");
}

BOOST_AUTO_TEST_CASE(time_grows_linearly) {
    // Doubling the input must not much more than double the time (a quadratic scan would
    // quadruple it). Small absolute times are noise, so compare against a floor.
    auto input = [](int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += "p $$a_" + std::to_string(i) + "$$ [l](u){: .c}\n{: .x}\n\nT\n: d\n\n| a |\n|---|\n|---|\n\n";
        return s;
    };
    // 10,000 blocks make about 80,000 markers: all below kMaxKramdownMarkers, all processed.
    const double small = seconds_for(input(5000)), large = seconds_for(input(10000));
    BOOST_TEST(large < 3 * small + 0.2, "5k: " << small << "s, 10k: " << large << "s");
}

BOOST_AUTO_TEST_SUITE_END()
