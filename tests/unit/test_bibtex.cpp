// bibtex, latex_text, bib_pages: .bib text -> entries (btparse), LaTeX -> Unicode, entries ->
// front matter; hostile input (unbalanced braces, huge fields, @string cycles, bad bytes).
#include <boost/test/unit_test.hpp>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <string>

#include "bib_pages.h"
#include "bibtex.h"
#include "latex_text.h"

using folio::BibFile;
using folio::latex_to_unicode;
using folio::parse_bibtex;

namespace {

const folio::BibEntry* find(const BibFile& f, const std::string& key) {
    for (const auto& e : f.entries)
        if (e.key == key) return &e;
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bibtex)

BOOST_AUTO_TEST_CASE(strings_concatenation_months_and_crossref) {
    const std::string text =
        "% a comment, and an address: someone@example.org\n"
        "@string{conf = \"Conference on \" # \"Things\"}\n"
        "@string(short = {CoT})\n"
        "@inproceedings{child,\n  title = \"A {B} c\",\n  booktitle = conf # \" (\" # short # \")\",\n"
        "  month = jul, year = 2024, crossref = {parent}}\n"
        "@proceedings{parent, title = {Parent Proceedings}, publisher = {ACM}, year = 1999}\n";
    BibFile f = parse_bibtex(text, "t.bib");
    BOOST_TEST(f.problems.empty());
    BOOST_REQUIRE(f.entries.size() == 2u);
    const auto& c = f.entries[0];
    BOOST_TEST(c.type == "inproceedings");
    BOOST_TEST(c.key == "child");
    BOOST_TEST(c.line == 4);
    BOOST_TEST(c.field("title") == "A B c");
    BOOST_TEST(c.field("booktitle") == "Conference on Things (CoT)");
    BOOST_TEST(c.field("month") == "July");
    BOOST_TEST(c.field("year") == "2024");        // its own, not the parent's
    BOOST_TEST(c.field("publisher") == "ACM");    // from the crossref
    BOOST_TEST(f.entries[1].field("booktitle") == "");
    BOOST_TEST(c.raw == text.substr(text.find("@inproceedings"), text.find("@proceedings{") - text.find("@inproceedings")));
}

BOOST_AUTO_TEST_CASE(names_are_split_and_put_in_display_order) {
    BOOST_TEST((folio::split_bibtex_names("Zhao, Xuanlei and Cheng, Shenggan AND {Barnes and Noble} and van der Berg, Jan and Ford, Jr., Henry") ==
                std::vector<std::string>{"Xuanlei Zhao", "Shenggan Cheng", "{Barnes and Noble}", "Jan van der Berg", "Henry Ford Jr."}));
    BibFile f = parse_bibtex("@article{a, author = {M{\\\"u}ller, J{\\\"o}rg and Yang You}}\n", "t.bib");
    BOOST_REQUIRE(f.entries.size() == 1u);
    BOOST_TEST((f.entries[0].authors == std::vector<std::string>{"Jörg Müller", "Yang You"}));
}

BOOST_AUTO_TEST_CASE(latex_becomes_unicode) {
    BOOST_TEST(latex_to_unicode("{\\\"o} \\\"o \\\"{o} \\'e \\`a \\^o \\~n \\c{c} \\v{s} \\H{o} \\k{a} \\r{a} \\u{g} \\=a \\.z") ==
               "ö ö ö é à ô ñ ç š ő ą å ğ ā ż");
    // As in TeX, the blank after a control word is eaten: "\o \AE" is "øÆ".
    BOOST_TEST(latex_to_unicode("\\ss{} \\o \\AE \\l{} \\'{\\i}") == "ß øÆł í");
    BOOST_TEST(latex_to_unicode("1--2 a---b \\& \\% \\$ \\# \\_ \\{x\\} ~ ``q''") == "1–2 a—b & % $ # _ {x} \u00a0 “q”");
    BOOST_TEST(latex_to_unicode("\\emph{Deep} {L}earning $O(n)$ \\textbf {x}") == "Deep Learning O(n) x");
    BOOST_TEST(latex_to_unicode("\\\"q \\'") == "q\u0308 \u0301");  // no precomposed letter: combining mark
    BOOST_TEST(latex_to_unicode("\xff ok \xc3\xa9 \xc3") == "\xEF\xBF\xBD ok é \xEF\xBF\xBD");  // bytes that are not UTF-8
    BOOST_TEST(latex_to_unicode("\\") == "");
    BOOST_TEST(latex_to_unicode("\\\"") == "\u0308");
}

BOOST_AUTO_TEST_CASE(malformed_entries_are_left_out_with_their_line) {
    const std::string text =
        "@article{ok1, title = {One}}\n"        // 1
        "@article{open, title = {never closed,\n"  // 2
        "  year = 2020\n"                        // 3
        "@article{ok2, title = {Two}}\n"        // 4
        "@misc{bad, title = {x} # , }\n"        // 5
        "@misc{, title = {no key}}\n"           // 6
        "@article(paren, title = {P})\n"        // 7
        "@article{ok3, title = \"has } brace\"}\n";  // 8: a quoted value may not hold an unbalanced brace
    BibFile f = parse_bibtex(text, "t.bib");
    BOOST_TEST(find(f, "ok1") != nullptr);
    BOOST_TEST(find(f, "ok2") != nullptr);
    BOOST_TEST(find(f, "paren") != nullptr);
    BOOST_TEST(find(f, "open") == nullptr);
    BOOST_TEST(find(f, "bad") == nullptr);
    std::string lines;
    for (const auto& p : f.problems) lines += std::to_string(p.line) + ":" + p.reason + "\n";
    BOOST_TEST(lines.find("2:entry is not closed: its braces are unbalanced") != std::string::npos, lines);
    BOOST_TEST(lines.find("5:") != std::string::npos, lines);
    BOOST_TEST(lines.find("6:") != std::string::npos, lines);
}

BOOST_AUTO_TEST_CASE(hostile_input_is_bounded) {
    // A 1 MB field is read whole, quickly.
    const std::string big(1 << 20, 'x');
    auto start = std::chrono::steady_clock::now();
    BibFile f = parse_bibtex("@misc{big, title = {" + big + "}}\n@misc{after, title = {ok}}\n", "t.bib");
    BOOST_TEST((std::chrono::steady_clock::now() - start < std::chrono::seconds(2)));
    BOOST_REQUIRE(find(f, "big") != nullptr);
    BOOST_TEST(find(f, "big")->field("title").size() == big.size());
    BOOST_TEST(find(f, "after") != nullptr);
    // @string cycles and macros that are never defined read as empty (as BibTeX does).
    f = parse_bibtex("@string{a = a}\n@string{b = c # a}\n@string{c = b}\n@misc{m, title = a # b # c # \"!\" # nodef}\n", "t.bib");
    BOOST_REQUIRE(find(f, "m") != nullptr);
    BOOST_TEST(find(f, "m")->field("title") == "!");
    // More fields than btparse's fixed stacks hold: refused before btparse sees them.
    std::string many = "@misc{many";
    for (int i = 0; i < 200; ++i) many += ", f" + std::to_string(i) + " = {x}";
    f = parse_bibtex(many + "}\n@misc{next, title = {n}}\n", "t.bib");
    BOOST_TEST(find(f, "many") == nullptr);
    BOOST_TEST(find(f, "next") != nullptr);
    BOOST_REQUIRE(f.problems.size() == 1u);
    BOOST_TEST(f.problems[0].reason.find("more than 64 fields") != std::string::npos);
    // Deep braces, a lone '@', bytes that are not UTF-8 in keys and values.
    f = parse_bibtex("@misc{deep, title = " + std::string(10000, '{') + std::string(10000, '}') + "}\n@\n@misc{k\xff, title = {\xfe\xff}}\n", "t.bib");
    BOOST_TEST(find(f, "deep") != nullptr);
    for (const auto& e : f.entries)
        for (const auto& [n, v] : e.fields) BOOST_TEST(folio::to_valid_utf8(v) == v);
}

// btparse keeps global state: a FastCGI process parses the file again after every edit.
BOOST_AUTO_TEST_CASE(parsing_again_and_again_in_one_process_starts_clean) {
    for (int i = 0; i < 500; ++i) {
        BibFile f = parse_bibtex(i % 2 ? "@string{v = \"odd\"}\n@misc{a, title = v}\n" : "@misc{a, title = v}\n@misc{b, title = {\n", "t.bib");
        BOOST_REQUIRE(!f.entries.empty());
        // A macro of an earlier parse is gone in the next one.
        BOOST_TEST(f.entries[0].field("title") == (i % 2 ? "odd" : ""));
    }
}

BOOST_AUTO_TEST_CASE(an_entry_as_front_matter) {
    BibFile f = parse_bibtex(
        "@inproceedings{DBLP:conf/x/Zhao25,\n title = {T}, author = {Zhao, Xuanlei and Jin, Xiaolong and You, Yang},\n"
        " equal_contribution = {1-2}, booktitle = {ICML}, year = 2025, date = {2025-07-13}, eprint = {2403.10266},\n"
        " archivePrefix = {arXiv}, code = {https://c}, slides = {/s.pdf}, pdf = {https://p.pdf}, note = {Oral}, keywords = {k}}\n",
        "t.bib");
    BOOST_REQUIRE(f.entries.size() == 1u);
    YAML::Node y = folio::bib_front_matter(f.entries[0], "publications", "/:collection/:year-:slug/");
    BOOST_TEST(y["id"].as<std::string>() == "DBLP:conf/x/Zhao25");
    BOOST_TEST(y["permalink"].as<std::string>() == "/publications/2025-dblp-conf-x-zhao25/");
    BOOST_TEST(y["authors"][0].as<std::string>() == "Xuanlei Zhao*");
    BOOST_TEST(y["authors"][1].as<std::string>() == "Xiaolong Jin*");
    BOOST_TEST(y["authors"][2].as<std::string>() == "Yang You");
    BOOST_TEST(y["venue"].as<std::string>() == "ICML");
    BOOST_TEST(y["category"].as<std::string>() == "conference");
    BOOST_TEST(y["paperurl"].as<std::string>() == "https://arxiv.org/abs/2403.10266");
    BOOST_TEST(y["arxiv"].as<std::string>() == "2403.10266");
    BOOST_TEST(y["codeurl"].as<std::string>() == "https://c");
    BOOST_TEST(y["slidesurl"].as<std::string>() == "/s.pdf");
    BOOST_TEST(y["pdfurl"].as<std::string>() == "https://p.pdf");
    BOOST_TEST(y["note"].as<std::string>() == "Oral");
    BOOST_TEST(y["keywords"].as<std::string>() == "k");
    BOOST_TEST(y["date"].as<std::string>() == "2025-07-13");
    BOOST_TEST(y["bibtex"].as<std::string>() == f.entries[0].raw);
    BOOST_TEST(!y["author"].IsDefined());
}

BOOST_AUTO_TEST_SUITE_END()
