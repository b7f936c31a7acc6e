// End-to-end: an existing Jekyll (academicpages-style) site served unchanged (issue 5), on a
// small site written here; tests/jekyll/ runs the real academicpages corpus.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>

#include "cgi_runner.h"
#include "response_checks.h"

using e2e::cgi;

namespace {

// A Jekyll source folder plus a folio.ini that points at it.
struct JekyllSite {
    e2e::SiteCopy copy;  // provides the temp folder and the repo's templates
    std::string config;
    JekyllSite() {
        const std::string src = copy.dir + "/site";
        config = copy.dir + "/jekyll.ini";
        copy.write("jekyll.ini", "[paths]\ncontent = site\ntemplates = templates\ncache = off\n");
        copy.write("site/_config.yml",
                   "title: \"Ada's site\"\nurl: https://ada.example.org\nbaseurl: \"\"\nfuture: false\n"
                   "permalink: /:categories/:year/:month/:title/\n"
                   "author:\n  name: Ada Lovelace\n  avatar: profile.png\n  bio: Analyst\n  github: ada\n"
                   "  googlescholar: https://scholar.google.com/citations?user=ADA\n"
                   "include: [_pages]\nexclude: [Gemfile, \"*.txt\"]\n"
                   "collections:\n  publications:\n    output: true\n    permalink: /:collection/:path/\n"
                   "  drafts_private:\n    output: false\n"
                   "defaults:\n  - scope: {path: \"\", type: publications}\n    values: {author_profile: true, layout: single}\n"
                   "  - scope: {path: \"\", type: pages}\n    values: {author_profile: true}\n");
        copy.write("site/_data/navigation.yml", "main:\n  - title: Publications\n    url: /publications/\n  - title: Blog\n    url: /year-archive/\n");
        copy.write("site/_pages/about.md",
                   "---\npermalink: /\ntitle: About me\nredirect_from:\n  - /about/\n  - /about.html\n  - \"/wordpress/?p=12\"\n---\n"
                   "{% include base_path %}\nHello from [the CV]({{ base_path }}/cv/). Site: {{ site.title }}.\n\n"
                   "A notice.\n{: .notice}\n\nMath: $$a_1 * b_2$$ stays.\n");
        copy.write("site/_pages/cv.md",
                   "---\ntitle: CV\npermalink: /cv/\nredirect_from: /resume\n---\n{% include base_path %}\n"
                   "Publications\n======\n<ul>{% for post in site.publications reversed %}\n  {% include archive-single-cv.html %}\n{% endfor %}</ul>\n"
                   "{% assign n = site.posts | size %}Posts: {{ n }}{% if n > 1 %} (several){% endif %}\n"
                   "{% capture greeting %}Hi {{ site.author.name }}{% endcapture %}{{ greeting }}\n"
                   "{% comment %}hidden{% endcomment %}{% unsupportedtag %}\n");
        copy.write("site/_pages/loop.md",
                   "---\ntitle: Every page\npermalink: /loop/\n---\n{% for post in site.pages %}\n  {% include archive-single.html %}\n{% endfor %}\n");
        copy.write("site/_pages/moved.md", "---\ntitle: Moved\npermalink: /moved/\nredirect_to: https://elsewhere.example.org/x\n---\n");
        copy.write("site/_posts/2012-08-14-first-post.md", "---\ntitle: First post\ncategories: [news]\n---\nOne.\n");
        copy.write("site/_posts/2013-01-02-second.md", "---\ntitle: Second post\n---\nTwo.\n");
        copy.write("site/_posts/2199-01-01-future.md", "---\ntitle: Future post\n---\nNot yet.\n");
        copy.write("site/_publications/2009-10-01-paper-1.md",
                   "---\ntitle: Paper One\npermalink: /publication/2009-10-01-paper-1\nvenue: Journal 1\ndate: 2009-10-01\ncategory: manuscripts\n---\nAbout paper one.\n");
        copy.write("site/_publications/2010-paper-2.md", "---\ntitle: Paper Two\nvenue: Conf 2\ndate: 2010-10-01\n---\nAbout paper two.\n");
        copy.write("site/_portfolio_unlisted/x.md", "---\ntitle: Not a collection\n---\n");
        copy.write("site/_drafts_private/secret.md", "---\ntitle: Secret\n---\n");
        copy.write("site/_includes/head.html", "<meta>\n");
        copy.write("site/Gemfile", "source 'https://rubygems.org'\n");
        copy.write("site/notes.txt", "excluded\n");
        copy.write("site/files/paper1.pdf", "%PDF-1.4 fake\n");
        copy.write("site/portfolio-2.html", "---\ntitle: HTML page\npermalink: /html-page/\n---\n<p class=\"raw\">*not markdown*</p>\n");
    }
    e2e::Result get(const std::string& uri) const { return cgi(uri, "GET", config); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(jekyll)

BOOST_AUTO_TEST_CASE(pages_posts_and_collections_at_jekylls_urls) {
    JekyllSite s;
    auto home = s.get("/");
    BOOST_TEST(home.status == 200);
    BOOST_TEST(home.body.find("<title>About me - Ada&apos;s site</title>") != std::string::npos, home.body.substr(0, 600));
    BOOST_TEST(home.body.find("Ada Lovelace") != std::string::npos);                 // author from _config.yml
    BOOST_TEST(home.body.find("https://scholar.google.com/citations?user=ADA") != std::string::npos);
    BOOST_TEST(home.body.find("src=\"/images/profile.png\"") != std::string::npos);  // academicpages avatar folder
    BOOST_TEST(home.body.find(">Publications</a>") != std::string::npos);            // navigation.yml
    BOOST_TEST(s.get("/news/2012/08/first-post/").status == 200);                    // site permalink pattern
    BOOST_TEST(s.get("/2013/01/second/").status == 200);
    BOOST_TEST(s.get("/2199/01/future/").status == 404);                             // future: false
    BOOST_TEST(s.get("/publication/2009-10-01-paper-1").status == 200);              // explicit permalink, no slash
    BOOST_TEST(s.get("/publication/2009-10-01-paper-1.html").status == 200);         // ... and with .html
    BOOST_TEST(s.get("/publications/2010-paper-2/").status == 200);                  // collection pattern
    BOOST_TEST(s.get("/cv/index.html").status == 200);
    BOOST_TEST(s.get("/drafts_private/secret/").status == 404);                      // output: false
    BOOST_TEST(s.get("/portfolio_unlisted/x/").status == 404);                       // not a collection
    BOOST_TEST(s.get("/Gemfile").status == 404);                                     // exclude
    BOOST_TEST(s.get("/notes.txt").status == 404);
    BOOST_TEST(s.get("/_includes/head.html").status == 404);
    BOOST_TEST(s.get("/files/paper1.pdf").header("Content-Type") == "application/pdf");
    auto html = s.get("/html-page/");
    BOOST_TEST(html.body.find("<p class=\"raw\">*not markdown*</p>") != std::string::npos);  // .html is not Markdown
}

BOOST_AUTO_TEST_CASE(redirects_as_real_301s) {
    JekyllSite s;
    for (const char* from : {"/about/", "/about.html"}) BOOST_TEST(s.get(from).header("Location") == "/");
    BOOST_TEST(s.get("/resume").header("Location") == "/cv/");
    BOOST_TEST(s.get("/resume.html").header("Location") == "/cv/");
    auto wp = s.get("/wordpress/?p=12");
    e2e::expect_redirect(wp, "/");
    BOOST_TEST(s.get("/wordpress/?p=13").status == 404);
    auto moved = s.get("/moved/");
    e2e::expect_redirect(moved, "https://elsewhere.example.org/x");
}

BOOST_AUTO_TEST_CASE(liquid_is_evaluated_and_never_leaks) {
    JekyllSite s;
    auto home = s.get("/");
    BOOST_TEST(home.body.find("href=\"/cv/\"") != std::string::npos);
    // Liquid's value, then kramdown-style typography (smart quotes) from the Markdown step.
    BOOST_TEST(home.body.find("Site: Ada\xE2\x80\x99s site.") != std::string::npos, home.body);
    auto cv = s.get("/cv/");
    BOOST_TEST(cv.status == 200);
    BOOST_TEST(cv.body.find("Paper Two") < cv.body.find("Paper One"));  // reversed path order
    BOOST_TEST(cv.body.find("Posts: 2 (several)") != std::string::npos, cv.body);
    BOOST_TEST(cv.body.find("Hi Ada Lovelace") != std::string::npos);
    BOOST_TEST(cv.body.find("hidden") == std::string::npos);
    for (const auto& r : {home, cv, s.get("/loop/")}) {
        BOOST_TEST(r.body.find("{%") == std::string::npos);
        BOOST_TEST(r.body.find("{{") == std::string::npos);
    }
    auto check = e2e::run({"--check", "--config", s.config}, {});
    BOOST_TEST(check.out.find("_pages/cv.md:14: Liquid: unsupported tag") != std::string::npos, check.out);
}

BOOST_AUTO_TEST_CASE(regression_a_page_listing_site_pages_includes_itself_without_recursing) {
    // Found by the academicpages corpus: /archive-layout-with-content/ loops over site.pages with
    // archive-single.html; rendering each item's content re-entered the loop until the stack ran out.
    JekyllSite s;
    auto r = s.get("/loop/");
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.find("About me") != std::string::npos);
    BOOST_TEST(r.body.find("Every page") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(kramdown_extras) {
    JekyllSite s;
    auto home = s.get("/");
    BOOST_TEST(home.body.find("class=\"notice\"") != std::string::npos, home.body);
    BOOST_TEST(home.body.find("{:") == std::string::npos);
    BOOST_TEST(home.body.find("a_1 * b_2") != std::string::npos);  // math untouched by emphasis
}

BOOST_AUTO_TEST_CASE(listings_for_navigation_and_the_sitemap) {
    JekyllSite s;
    auto pubs = s.get("/publications/");
    BOOST_TEST(pubs.status == 200);
    BOOST_TEST(pubs.body.find("Paper One") != std::string::npos);
    BOOST_TEST(pubs.body.find("Journal articles") != std::string::npos);  // category manuscripts
    auto blog = s.get("/year-archive/");
    BOOST_TEST(blog.status == 200);
    BOOST_TEST(blog.body.find(">2013</h2>") != std::string::npos, blog.body);
    BOOST_TEST(blog.body.find("Future post") == std::string::npos);
    auto sitemap = s.get("/sitemap.xml");
    BOOST_TEST(sitemap.body.find("<loc>https://ada.example.org/publication/2009-10-01-paper-1</loc>") != std::string::npos);
    BOOST_TEST(sitemap.body.find("/about/") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(broken_config_yml_names_its_line) {
    JekyllSite s;
    s.copy.write("site/_config.yml", "title: ok\ncollections:\n  pubs: [unclosed\n");
    auto r = e2e::run({"--check", "--config", s.config}, {});
    BOOST_TEST(r.exit_code != 0);
    BOOST_TEST(r.err.find("_config.yml:") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(a_feed_entry_is_the_page_content) {
    // Issue 12, point 1: the feed rendered a post's body as plain Markdown, so its Liquid came out
    // as written and kramdown's attribute lists as text, while the page itself had neither.
    JekyllSite s;
    s.copy.write("site/_posts/2014-03-04-liquid-post.md",
                 "---\ntitle: Liquid post\n---\nWritten for {{ site.author.name }}.\n\nA notice.\n{: .notice}\n");
    auto page = s.get("/2014/03/liquid-post/");
    BOOST_TEST(page.status == 200);
    const std::string expected = "<p>Written for Ada Lovelace.</p>\n<p class=\"notice\">A notice.</p>";
    BOOST_TEST(page.body.find(expected) != std::string::npos, page.body);
    auto feed = s.get("/feed.xml");
    BOOST_TEST(feed.status == 200);
    // The feed holds the same HTML, escaped as XML text.
    BOOST_TEST(feed.body.find("&lt;p&gt;Written for Ada Lovelace.&lt;/p&gt;\n&lt;p class=&quot;notice&quot;&gt;A notice.&lt;/p&gt;") !=
                   std::string::npos,
               feed.body);
    BOOST_TEST(feed.body.find("{{") == std::string::npos);
    BOOST_TEST(feed.body.find("{:") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
