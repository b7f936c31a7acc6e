// End-to-end: what an academic homepage needs (issue 4): publications, sitemap, feed, robots,
// head metadata, BibTeX, --check on links and anchors, --export.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <thread>

#include "cgi_runner.h"
#include "response_checks.h"

using e2e::cgi;

namespace {

// Well-formedness by a real XML parser (xmllint, libxml2-utils): "" when fine, else its message.
std::string xml_problems(const std::string& xml) {
    char tmpl[] = "/tmp/folio-xml-XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0) return "mkstemp failed";
    FILE* f = fdopen(fd, "w");
    fwrite(xml.data(), 1, xml.size(), f);
    fclose(f);
    std::string cmd = std::string("xmllint --noout '") + tmpl + "' 2>&1";
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buf[512];
        while (fgets(buf, sizeof buf, p)) out += buf;
        if (pclose(p) != 0 && out.empty()) out = "xmllint failed";
    } else {
        out = "cannot run xmllint";
    }
    remove(tmpl);
    return out;
}

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t pos = 0; (pos = hay.find(needle, pos)) != std::string::npos; pos += needle.size()) ++n;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(homepage)

BOOST_AUTO_TEST_CASE(publications_grouped_with_owner_in_bold) {
    auto r = cgi("/publications/");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.find("<h2 class=\"group-title\">Conference papers</h2>") != std::string::npos);
    // Every entry names the owner (Xuanlei Zhao, with or without the equal-contribution *) in bold.
    BOOST_TEST(count(r.body, "<strong class=\"owner\">Xuanlei Zhao") == 5u);
    BOOST_TEST(r.body.find("<strong class=\"owner\">Shenggan") == std::string::npos);
    for (const char* bib : {"/publications/2025-dsp.bib", "/publications/2024-fastfold.bib"})
        BOOST_TEST(r.body.find(std::string("href=\"") + bib + "\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(grouping_and_ordering_follow_the_page) {
    e2e::SiteCopy site;
    site.write("content/_publications/j.md",
               "---\ntitle: A Journal Paper\nauthors: [Someone Else, X. Zhao]\nvenue: JMLR\nyear: 2023\ntype: journal\n---\n");
    site.write("content/_publications/p.md",
               "---\ntitle: A Preprint\nauthors: Xuanlei Zhao and Other Person\nvenue: arXiv\ndate: 2026-01-02\ncategory: preprint\n---\n");
    site.replace_in_config("name = Xuanlei Zhao", "name = Xuanlei Zhao\naliases = X. Zhao");
    auto r = cgi("/publications/", "GET", site.config);
    BOOST_TEST(r.status == 200);
    const auto pre = r.body.find("Preprints</h2>"), conf = r.body.find("Conference papers</h2>"), jour = r.body.find("Journal articles</h2>");
    BOOST_TEST(pre != std::string::npos);
    BOOST_TEST(jour != std::string::npos);
    BOOST_TEST((pre < conf && conf < jour));  // groups in order of their newest item
    BOOST_TEST(r.body.find("<strong class=\"owner\">X. Zhao</strong>") != std::string::npos);  // an alias
    BOOST_TEST(r.body.find("<strong class=\"owner\">Xuanlei Zhao</strong></span><span class=\"author\">Other Person") != std::string::npos);

    site.write("content/publications.md", "---\ntitle: P\npermalink: /publications/\nlist: publications\nsort: title\n---\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // edits show within a second
    r = cgi("/publications/", "GET", site.config);
    BOOST_TEST(r.body.find(">A Journal Paper<") < r.body.find(">A Preprint<"));
    BOOST_TEST(r.body.find(">A Preprint<") < r.body.find(">AutoChunk"));
}

// Issue 15: the About page links to the site's public address (https://oahzxl.github.io/...). Served
// under /~user, those links must stay on this host, under the prefix (they led to the old host).
BOOST_AUTO_TEST_CASE(links_to_the_sites_own_address_stay_on_this_host) {
    e2e::SiteCopy site;
    site.set_base_path("/~user");
    auto r = cgi("/~user/", "GET", site.config);
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.find("href=\"https://oahzxl.github.io/publications/") == std::string::npos);
    for (const char* anchor : {"DSP", "PAB", "AutoChunk", "HeteGen", "FastFold"})
        BOOST_TEST(r.body.find(std::string("href=\"/~user/publications/#") + anchor + "\"") != std::string::npos, anchor);
    // The head's canonical address stays absolute.
    BOOST_TEST(r.body.find("rel=\"canonical\" href=\"https://oahzxl.github.io/~user/\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(publication_page_has_highwire_tags_and_bibtex) {
    auto r = cgi("/publications/2024-fastfold/");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.find("<meta name=\"citation_title\" content=\"FastFold: Optimizing AlphaFold Training and Inference on GPU Clusters\">") != std::string::npos);
    BOOST_TEST(count(r.body, "<meta name=\"citation_author\"") == 9u);
    e2e::expect_in(r.body, {"<meta name=\"citation_author\" content=\"Xuanlei Zhao\">",
                            "<meta name=\"citation_publication_date\" content=\"2024/03/02\">",
                            "<meta name=\"citation_conference_title\" content=\"PPoPP\">",
                            "<pre id=\"bibtex-entry\">",
                            "Copy BibTeX"});

    auto pab = cgi("/publications/2025-pab/");
    BOOST_TEST(pab.body.find("<meta name=\"citation_pdf_url\" content=\"https://arxiv.org/pdf/2408.12588\">") != std::string::npos);

    auto bib = cgi("/publications/2024-fastfold.bib");
    BOOST_TEST(bib.status == 200);
    BOOST_TEST(bib.header("Content-Type") == "text/x-bibtex; charset=utf-8");
    BOOST_TEST(bib.body.rfind("@inproceedings{", 0) == 0u);
    // The entry as written in content/_publications/papers.bib (tests/e2e/test_bibtex.cpp checks
    // every byte).
    BOOST_TEST(bib.body.find("author    = {Cheng, Shenggan and Zhao, Xuanlei and Lu, Guangyang and Fang, Jiarui and Zheng, Tian and "
                             "Wu, Ruidong and Zhang, Xiwen and Peng, Jian and You, Yang}") != std::string::npos,
               bib.body);
    BOOST_TEST(bib.body.find("year      = {2024}") != std::string::npos);
    // Equal-contribution marks are not part of a BibTeX name.
    BOOST_TEST(cgi("/publications/2025-pab.bib").body.find("Zhao, Xuanlei and Jin, Xiaolong and Wang, Kai and You, Yang}") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sitemap_is_valid_and_complete) {
    auto r = cgi("/sitemap.xml");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.header("Content-Type").rfind("application/xml", 0) == 0u);
    BOOST_TEST(xml_problems(r.body) == "");
    BOOST_TEST(r.body.find("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">") != std::string::npos);
    BOOST_TEST(count(r.body, "<url>") == 7u);  // home, publications, five items
    BOOST_TEST(count(r.body, "<lastmod>") == 7u);
    BOOST_TEST(r.body.find("<loc>https://oahzxl.github.io/</loc>") != std::string::npos);
    BOOST_TEST(r.body.find("<loc>https://oahzxl.github.io/publications/2025-dsp/</loc>") != std::string::npos);
    BOOST_TEST(r.body.find("404") == std::string::npos);
    BOOST_TEST(r.body.find("/about/") == std::string::npos);  // redirects are not pages
}

BOOST_AUTO_TEST_CASE(robots_points_at_the_sitemap_unless_content_has_one) {
    auto r = cgi("/robots.txt");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.find("Sitemap: https://oahzxl.github.io/sitemap.xml") != std::string::npos);
    e2e::SiteCopy site;
    site.write("content/robots.txt", "User-agent: *\nDisallow: /private/\n");
    BOOST_TEST(cgi("/robots.txt", "GET", site.config).body == "User-agent: *\nDisallow: /private/\n");
}

BOOST_AUTO_TEST_CASE(feed_is_valid_atom_of_posts) {
    auto empty = cgi("/feed.xml");
    BOOST_TEST(empty.status == 200);
    BOOST_TEST(xml_problems(empty.body) == "");
    e2e::SiteCopy site;
    site.write("content/_posts/2025-01-02-hello.md", "---\ntitle: Hello & welcome\ndate: 2025-01-02\nexcerpt: First <post>\n---\nSee [pubs](/publications/).\n");
    site.write("content/_posts/2025-03-04-second.md", "---\ntitle: Second\ndate: 2025-03-04 10:30:00 +0800\n---\nMore.\n");
    site.write("content/_posts/2025-05-01-draft.md", "---\ntitle: Draft\ndate: 2025-05-01\npublished: false\n---\nNo.\n");
    auto r = cgi("/feed.xml", "GET", site.config);
    BOOST_TEST(r.header("Content-Type") == "application/atom+xml; charset=utf-8");
    BOOST_TEST(xml_problems(r.body) == "", r.body);
    BOOST_TEST(r.body.find("<feed xmlns=\"http://www.w3.org/2005/Atom\"") != std::string::npos);
    BOOST_TEST(count(r.body, "<entry>") == 2u);
    e2e::expect_in(r.body, {"<title>Hello &amp; welcome</title>",
                            "<updated>2025-03-04T10:30:00+08:00</updated>",
                            "<id>https://oahzxl.github.io/posts/2025-01-02-hello/</id>"});
    BOOST_TEST(r.body.find("Second") < r.body.find("Hello"));  // newest first
    BOOST_TEST(r.body.find("Draft") == std::string::npos);
    BOOST_TEST(r.body.find("href=&quot;https://oahzxl.github.io/publications/&quot;") != std::string::npos);  // absolute links
}

BOOST_AUTO_TEST_CASE(every_page_head_has_metadata) {
    auto home = cgi("/");
    e2e::expect_in(home.body, {"<link rel=\"canonical\" href=\"https://oahzxl.github.io/\">",
                               "<meta property=\"og:title\"",
                               "<meta name=\"twitter:card\" content=\"summary\">",
                               "<meta name=\"description\"",
                               "<link rel=\"alternate\" type=\"application/atom+xml\"",
                               "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Person\",\"name\":\"Xuanlei Zhao\""});
    BOOST_TEST(home.body.find("\"sameAs\":[\"https://github.com/oahzxl\",") == std::string::npos);  // scholar comes first
    BOOST_TEST(home.body.find("\"https://github.com/oahzxl\"") != std::string::npos);
    auto pubs = cgi("/publications/");
    BOOST_TEST(pubs.body.find("<link rel=\"canonical\" href=\"https://oahzxl.github.io/publications/\">") != std::string::npos);
    BOOST_TEST(pubs.body.find("application/ld+json") == std::string::npos);  // home page only
}

BOOST_AUTO_TEST_CASE(toc_lists_the_headings) {
    e2e::SiteCopy site;
    site.write("content/notes.md", "---\ntitle: Notes\ntoc: true\n---\n## First part\ntext\n### A detail\n## Second & last\n");
    auto r = cgi("/notes/", "GET", site.config);
    e2e::expect_in(r.body, {"<nav class=\"toc\"",
                            "<a href=\"#first-part\">First part</a>",
                            "<li class=\"toc-h3\"><a href=\"#a-detail\">A detail</a>"});
    BOOST_TEST(r.body.find("<a href=\"#second--last\">Second &amp; last</a>") != std::string::npos, r.body);
    BOOST_TEST(cgi("/").body.find("<nav class=\"toc\"") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(talks_and_teaching_are_listed_the_same_way) {
    e2e::SiteCopy site;
    site.write("content/_talks/2024-icml.md", "---\ntitle: Scaling video models\nevent: ICML Workshop\nlocation: Vienna\ndate: 2024-07-26\nslidesurl: /files/slides.pdf\n---\n");
    site.write("content/_teaching/cs101.md", "---\ntitle: CS101 Teaching Assistant\nevent: National University of Singapore\ndate: 2024-01-15\n---\n");
    site.write("content/talks.md", "---\ntitle: Talks\nlist: talks\n---\n");
    site.write("content/teaching.md", "---\ntitle: Teaching\nlist: teaching\n---\n");
    auto talks = cgi("/talks/", "GET", site.config);
    e2e::expect_in(talks.body, {"Scaling video models",
                                "ICML Workshop, Vienna",
                                "href=\"/files/slides.pdf\">Slides</a>"});
    BOOST_TEST(talks.body.find("BibTeX") == std::string::npos);  // talks are not publications
    BOOST_TEST(cgi("/teaching/", "GET", site.config).body.find("CS101 Teaching Assistant") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(check_names_a_broken_link_and_a_missing_anchor) {
    e2e::SiteCopy site;
    site.write("content/news.md", "---\ntitle: News\n---\nFirst line.\n\nOur [paper](/publications/#NoSuchPaper).\n\nAn [old page](/gone/).\n");
    auto r = e2e::run({"--check", "--config", site.config}, {});
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(r.out.find("content/news.md:6: missing anchor #NoSuchPaper on /publications/") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("content/news.md:8: broken link /gone/") != std::string::npos, r.out);
    // The About page's own links to https://oahzxl.github.io/publications/#DSP etc. all land.
    auto ok = e2e::run({"--check"}, {});
    BOOST_TEST(ok.exit_code == 0, ok.out);
}

BOOST_AUTO_TEST_CASE(export_writes_pages_files_and_redirects) {
    e2e::SiteCopy site;
    site.write("content/old.md", "---\ntitle: Old\nredirect_from: [\"/wordpress/?p=12\", /old-home/]\n---\nx\n");
    const std::string out = site.dir + "/export";
    auto r = e2e::run({"--export", out, "--config", site.config}, {});
    BOOST_TEST(r.exit_code == 0, r.err);
    BOOST_TEST(testing::read_file(out + "/index.html") == cgi("/", "GET", site.config).body);
    BOOST_TEST(testing::read_file(out + "/publications/index.html") == cgi("/publications/", "GET", site.config).body);
    BOOST_TEST(testing::read_file(out + "/publications/2025-dsp.bib") == cgi("/publications/2025-dsp.bib", "GET", site.config).body);
    BOOST_TEST(testing::read_file(out + "/images/avatar.svg").find("<svg") != std::string::npos);
    BOOST_TEST(xml_problems(testing::read_file(out + "/sitemap.xml")) == "");
    BOOST_TEST(testing::read_file(out + "/about/index.html").find("url=/\"") != std::string::npos);
    const std::string htaccess = testing::read_file(out + "/.htaccess");
    BOOST_TEST(htaccess.find("RedirectMatch 301 ^/about/$ /\n") != std::string::npos, htaccess);
    BOOST_TEST(htaccess.find("RedirectMatch 301 ^/about\\.html$ /\n") != std::string::npos);
    BOOST_TEST(htaccess.find("RewriteCond %{QUERY_STRING} =p=12") != std::string::npos);
    const std::string redirects = testing::read_file(out + "/_redirects");
    BOOST_TEST(redirects.find("/old-home/ /old/ 301") != std::string::npos, redirects);
    BOOST_TEST(redirects.find("/wordpress/?p=12 /old/ 301") != std::string::npos);
    BOOST_TEST(testing::read_file(out + "/404.html").find("Page not found") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
