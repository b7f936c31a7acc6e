// End-to-end: publications read from .bib files (issue 15): the default site's papers.bib as
// listing, pages, anchors, Highwire tags and byte-exact downloads; malformed entries in --check;
// Markdown items that add to an entry; edits seen by a FastCGI process; links to the site's own
// address kept on this host under a mount prefix.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "cgi_runner.h"
#include "fcgi_client.h"

using e2e::cgi;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t pos = 0; (pos = hay.find(needle, pos)) != std::string::npos; pos += needle.size()) ++n;
    return n;
}

// The entry `@type{key,` of a .bib text, from '@' through the newline after its closing "}".
std::string entry_text(const std::string& bib, const std::string& head) {
    const std::size_t at = bib.find(head);
    if (at == std::string::npos) return "(no " + head + ")";
    const std::size_t end = bib.find("\n}\n", at);
    return bib.substr(at, end + 3 - at);
}

void set_ini(const e2e::SiteCopy& site, const std::string& from, const std::string& to) {
    std::string ini = read(site.config);
    ini.replace(ini.find(from), from.size(), to);
    site.write("cgi-bin/folio.ini", ini);
}

struct Paper {
    const char* key;
    const char* page;
};
const Paper kPapers[] = {{"DSP", "/publications/2025-dsp/"},
                         {"PAB", "/publications/2025-pab/"},
                         {"AutoChunk", "/publications/2024-autochunk/"},
                         {"HeteGen", "/publications/2024-hetegen/"},
                         {"FastFold", "/publications/2024-fastfold/"}};

}  // namespace

BOOST_AUTO_TEST_SUITE(bibtex)

BOOST_AUTO_TEST_CASE(default_site_publications_come_from_papers_bib) {
    const std::string bib = read("content/_publications/papers.bib");
    BOOST_REQUIRE(!bib.empty());
    auto list = cgi("/publications/");
    BOOST_TEST(list.status == 200);
    BOOST_TEST(count(list.body, "<strong class=\"owner\">Xuanlei Zhao") == 5u);
    BOOST_TEST(count(list.body, "<strong class=\"owner\">Xuanlei Zhao*</strong>") == 2u);  // PAB, HeteGen
    BOOST_TEST(list.body.find("<span class=\"author\">Xiaolong Jin*</span>") != std::string::npos);
    // Newest first, as the Markdown items were.
    BOOST_TEST(list.body.find("id=\"DSP\"") < list.body.find("id=\"PAB\""));
    BOOST_TEST(list.body.find("id=\"PAB\"") < list.body.find("id=\"HeteGen\""));
    BOOST_TEST(list.body.find("id=\"HeteGen\"") < list.body.find("id=\"AutoChunk\""));
    BOOST_TEST(list.body.find("id=\"AutoChunk\"") < list.body.find("id=\"FastFold\""));
    for (const Paper& p : kPapers) {
        BOOST_TEST(list.body.find(std::string("id=\"") + p.key + "\"") != std::string::npos, p.key);
        BOOST_TEST(list.body.find(std::string("href=\"") + p.page + "\"") != std::string::npos, p.page);
        auto page = cgi(p.page);
        BOOST_TEST(page.status == 200, p.page);
        BOOST_TEST(page.body.find("<meta name=\"citation_title\"") != std::string::npos, p.page);
        BOOST_TEST(page.body.find("<meta name=\"citation_conference_title\"") != std::string::npos, p.page);
        std::string bib_url = std::string(p.page);
        bib_url = bib_url.substr(0, bib_url.size() - 1) + ".bib";
        auto download = cgi(bib_url);
        BOOST_TEST(download.status == 200, bib_url);
        BOOST_TEST(download.body == entry_text(bib, std::string("@inproceedings{") + p.key + ","), bib_url);
    }
    auto dsp = cgi("/publications/2025-dsp/");
    BOOST_TEST(dsp.body.find("<meta name=\"citation_title\" content=\"DSP: Dynamic Sequence Parallelism for Multi-Dimensional Transformers\">") !=
               std::string::npos);
    BOOST_TEST(count(dsp.body, "<meta name=\"citation_author\"") == 7u);
    BOOST_TEST(dsp.body.find("<meta name=\"citation_publication_date\" content=\"2025/07/13\">") != std::string::npos);
    BOOST_TEST(dsp.body.find("<meta name=\"citation_arxiv_id\" content=\"2403.10266\">") != std::string::npos);
    BOOST_TEST(dsp.body.find("<a class=\"link-code\" href=\"https://github.com/NUS-HPC-AI-Lab/VideoSys\">") != std::string::npos);
    BOOST_TEST(dsp.body.find("Published at ICML 2025.") != std::string::npos);
    // The Highwire tags of the Markdown items papers.bib replaced: no DOI tag (the seed gives
    // none, only the ACM address), the first author first.
    auto fastfold = cgi("/publications/2024-fastfold/");
    BOOST_TEST(fastfold.body.find("<meta name=\"citation_doi\"") == std::string::npos);
    BOOST_TEST(fastfold.body.find("<meta name=\"citation_author\" content=\"Shenggan Cheng\">") <
               fastfold.body.find("<meta name=\"citation_author\" content=\"Xuanlei Zhao\">"));
}

BOOST_AUTO_TEST_CASE(malformed_entries_are_reported_and_left_out) {
    e2e::SiteCopy site;
    site.write("content/_publications/extra.bib",
               "@string{jmlr = \"Journal of Machine Learning Research\"}\n"      // 1
               "@article{Good1, title = {First {G}ood}, author = {A, B}, journal = jmlr, year = 2020}\n"  // 2
               "\n"                                                              // 3
               "@article{Broken, title = {never closed, year = 2021,\n"          // 4
               "\n"                                                              // 5
               "@article{Good2, title = {Second}, author = {C, D}, year = 2019}\n"  // 6
               "@misc{Syntax, title = {x} # , }\n");                             // 7
    auto check = e2e::run({"--check", "--config", site.config}, {});
    BOOST_TEST(check.exit_code == 1);
    BOOST_TEST(check.out.find("content/_publications/extra.bib:4: entry is not closed: its braces are unbalanced; entry left out") !=
                   std::string::npos,
               check.out);
    BOOST_TEST(check.out.find("content/_publications/extra.bib:7: ") != std::string::npos, check.out);
    auto list = cgi("/publications/", "GET", site.config);
    BOOST_TEST(list.status == 200);
    BOOST_TEST(list.body.find("id=\"Good1\"") != std::string::npos);
    BOOST_TEST(list.body.find("Journal of Machine Learning Research") != std::string::npos);
    BOOST_TEST(list.body.find("id=\"Good2\"") != std::string::npos);
    BOOST_TEST(list.body.find("id=\"Broken\"") == std::string::npos);
    BOOST_TEST(list.body.find("id=\"Syntax\"") == std::string::npos);
    BOOST_TEST(cgi("/publications/2020-good1/", "GET", site.config).status == 200);
}

BOOST_AUTO_TEST_CASE(latex_is_shown_as_unicode_and_downloaded_as_written) {
    e2e::SiteCopy site;
    const std::string entry =
        "@article{Accents,\n  title = {Caf{\\'e} na{\\\"\\i}ve -- {\\&} M\\\"{u}ller~Co},\n"
        "  author = {M{\\\"u}ller, J{\\\"o}rg and {\\v{C}}ech, Ond\\v{r}ej},\n  journal = {J},\n  year = 2022,\n  month = mar,\n"
        "  abstract = {We show \\emph{this}.},\n  keywords = {alpha, beta},\n}\n";
    site.write("content/_publications/accents.bib", entry);
    auto page = cgi("/publications/2022-accents/", "GET", site.config);
    BOOST_TEST(page.status == 200);
    BOOST_TEST(page.body.find("<h1 class=\"page-title\">Café naïve – &amp; Müller\u00a0Co</h1>") != std::string::npos, page.body);
    BOOST_TEST(page.body.find("<meta name=\"citation_author\" content=\"Jörg Müller\">") != std::string::npos);
    BOOST_TEST(page.body.find("<meta name=\"citation_author\" content=\"Ondřej Čech\">") != std::string::npos);
    BOOST_TEST(page.body.find("<meta name=\"citation_journal_title\" content=\"J\">") != std::string::npos);
    BOOST_TEST(page.body.find("<p>We show this.</p>") != std::string::npos);  // the abstract is the body
    auto download = cgi("/publications/2022-accents.bib", "GET", site.config);
    BOOST_TEST(download.body == entry);
}

BOOST_AUTO_TEST_CASE(markdown_item_with_the_same_key_adds_to_the_entry) {
    e2e::SiteCopy site;
    site.write("content/_publications/dsp-notes.md",
               "---\nid: DSP\nvenue: \"ICML 2025 (spotlight)\"\nslidesurl: /files/dsp-slides.pdf\n---\nOur notes on DSP.\n");
    auto list = cgi("/publications/", "GET", site.config);
    BOOST_TEST(count(list.body, "id=\"DSP\"") == 1u);  // one item, not two
    BOOST_TEST(list.body.find("ICML 2025 (spotlight)") != std::string::npos);
    auto page = cgi("/publications/2025-dsp/", "GET", site.config);
    BOOST_TEST(page.status == 200);
    BOOST_TEST(page.body.find("Our notes on DSP.") != std::string::npos);
    BOOST_TEST(page.body.find("<a class=\"link-slides\" href=\"/files/dsp-slides.pdf\">") != std::string::npos);
    BOOST_TEST(page.body.find("<meta name=\"citation_title\" content=\"DSP: Dynamic Sequence Parallelism") != std::string::npos);
    BOOST_TEST(cgi("/publications/dsp-notes/", "GET", site.config).status == 404);
}

BOOST_AUTO_TEST_CASE(fastcgi_sees_an_edit_of_the_bib_file_within_a_second) {
    e2e::SiteCopy site;
    e2e::Daemon d("127.0.0.1:" + std::to_string(e2e::free_port()), site.config);
    BOOST_REQUIRE(d.wait_ready());
    BOOST_TEST(e2e::fcgi_get(d.address, "/publications/").body.find("id=\"NewPaper\"") == std::string::npos);
    std::string bib = read(site.dir + "/content/_publications/papers.bib");
    bib += "\n@misc{NewPaper, title = {A New Paper}, author = {Zhao, Xuanlei}, year = 2026, date = {2026-01-05}}\n";
    site.write("content/_publications/papers.bib", bib);
    const auto start = std::chrono::steady_clock::now();
    e2e::Result r;
    while (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(1500)) {
        r = e2e::fcgi_get(d.address, "/publications/");
        if (r.body.find("id=\"NewPaper\"") != std::string::npos) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    BOOST_TEST(r.body.find("id=\"NewPaper\"") != std::string::npos);
    BOOST_TEST(waited <= 1200);
    BOOST_TEST_MESSAGE("a .bib edit showed over FastCGI after " << waited << " ms");
    BOOST_TEST(e2e::fcgi_get(d.address, "/publications/2026-newpaper/").status == 200);
}

BOOST_AUTO_TEST_CASE(about_page_links_to_the_public_address_land_on_this_host_under_a_prefix) {
    e2e::SiteCopy site;
    set_ini(site, "base_path =\n", "base_path = /~user\n");
    const std::string about = read("content/about.md");
    std::vector<std::string> own;  // every link of the About page to https://oahzxl.github.io
    for (std::size_t pos = 0; (pos = about.find("https://oahzxl.github.io", pos)) != std::string::npos; ++pos)
        own.push_back(about.substr(pos + 24, about.find_first_of(") \"\n", pos) - pos - 24));
    BOOST_REQUIRE(own.size() >= 5u);
    auto home = cgi("/~user/", "GET", site.config);
    BOOST_TEST(home.status == 200);
    BOOST_TEST(home.body.find("href=\"https://oahzxl.github.io/publications") == std::string::npos);
    for (const std::string& rest : own) {
        BOOST_TEST(home.body.find("href=\"/~user" + rest + "\"") != std::string::npos, rest);
        const std::string path = rest.substr(0, rest.find('#'));
        const std::string anchor = rest.find('#') == std::string::npos ? "" : rest.substr(rest.find('#') + 1);
        auto target = cgi("/~user" + path, "GET", site.config);
        BOOST_TEST(target.status == 200, rest);
        if (!anchor.empty()) BOOST_TEST(target.body.find("id=\"" + anchor + "\"") != std::string::npos, rest);
    }
    // The canonical link in the head stays an absolute address.
    BOOST_TEST(home.body.find("<link rel=\"canonical\" href=\"https://oahzxl.github.io/~user/\">") != std::string::npos);
    auto check = e2e::run({"--check", "--config", site.config}, {});
    BOOST_TEST(check.exit_code == 0, check.out);
}

BOOST_AUTO_TEST_CASE(jekyll_site_publications_holds_the_bib_entries) {
    e2e::SiteCopy copy;
    copy.write("jekyll.ini", "[paths]\ncontent = site\ntemplates = templates\ncache = off\n");
    copy.write("site/_config.yml",
               "title: Ada\nurl: https://ada.example.org\ninclude: [_pages]\n"
               "collections:\n  publications:\n    output: true\n    permalink: /:collection/:path/\n");
    copy.write("site/_pages/publications.md",
               "---\ntitle: Publications\npermalink: /publications/\n---\n{% include base_path %}\n"
               "{% for post in site.publications reversed %}\n  {% include archive-single.html %}\n{% endfor %}\n"
               "Count: {{ site.publications | size }}\n");
    copy.write("site/_publications/2010-paper.md", "---\ntitle: Markdown Paper\nvenue: Conf\ndate: 2010-10-01\n---\nx\n");
    copy.write("site/_publications/refs.bib",
               "@article{Lovelace1843, title = {Notes on the Analytical Engine}, author = {Lovelace, Ada}, journal = {Memoirs}, year = 1843}\n"
               "@inproceedings{Second, title = {A Second {P}aper}, author = {Lovelace, Ada}, booktitle = {Conf}, year = 1844}\n");
    auto r = cgi("/publications/", "GET", copy.dir + "/jekyll.ini");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.find("Notes on the Analytical Engine") != std::string::npos, r.body);
    BOOST_TEST(r.body.find("A Second Paper") != std::string::npos);
    BOOST_TEST(r.body.find("Markdown Paper") != std::string::npos);
    BOOST_TEST(r.body.find("Count: 3") != std::string::npos);
    BOOST_TEST(cgi("/publications/lovelace1843/", "GET", copy.dir + "/jekyll.ini").status == 404);  // :key keeps its case
    BOOST_TEST(cgi("/publications/Lovelace1843/", "GET", copy.dir + "/jekyll.ini").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
