// jekyll: reading a Jekyll site's _config.yml and navigation, permalinks, post names, slugs.
#include <boost/test/unit_test.hpp>

#include <string>

#include "config.h"
#include "error.h"
#include "helpers.h"
#include "jekyll/jekyll.h"
#include "router.h"
#include "site_fixture.h"

using testing::contains;

namespace {

// The message parse_jekyll throws for config_text, or "(no error)".
std::string error_of(const std::string& config_text) {
    folio::Config cfg;
    try {
        folio::parse_jekyll(config_text, "_config.yml", "", "_data/navigation.yml", cfg);
    } catch (const folio::Error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jekyll_config)

BOOST_AUTO_TEST_CASE(config_fills_what_folio_ini_left_empty) {
    folio::Config cfg;
    cfg.site.title = "Mine";
    folio::JekyllSite j = folio::parse_jekyll(
        "title: Theirs\nurl: https://ada.github.io/\nbaseurl: lab/\ndescription: D\nlocale: fr\n"
        "permalink: /blog/:year/:title/\nfuture: true\n"
        "collections:\n  publications: {output: true, permalink: '/:collection/:path/'}\n  drafts: {}\n"
        "defaults:\n  - scope: {path: '', type: publications}\n    values: {author_profile: true}\n  - scope: {path: x}\n"
        "include: [_pages]\nexclude: [Gemfile, '*.log']\n",
        "_config.yml", "main:\n  - {title: Pubs, url: /publications/}\n  - {title: Bad, url: 'javascript:x'}\n",
        "_data/navigation.yml", cfg);
    BOOST_TEST(cfg.site.title == "Mine");  // folio.ini wins
    BOOST_TEST(cfg.site.url == "https://ada.github.io");
    BOOST_TEST(cfg.site.base_path == "/lab");
    BOOST_TEST(cfg.site.description == "D");
    BOOST_TEST(cfg.site.language == "fr");
    BOOST_TEST(j.permalink == "/blog/:year/:title/");
    BOOST_TEST(j.future);
    BOOST_TEST_REQUIRE(j.collections.size() == 3u);
    BOOST_TEST(j.collection("posts")->permalink == "/blog/:year/:title/");
    BOOST_TEST(j.collection("publications")->output);
    BOOST_TEST(!j.collection("drafts")->output);
    BOOST_TEST(j.collection("nope") == nullptr);
    BOOST_TEST_REQUIRE(j.defaults.size() == 1u);  // the one without values is left out
    BOOST_TEST(j.defaults[0].type == "publications");
    BOOST_TEST(j.include == std::vector<std::string>{"_pages"});
    BOOST_TEST(j.excluded("Gemfile"));
    BOOST_TEST(j.excluded("build.log"));
    BOOST_TEST(!j.excluded("content"));
    BOOST_TEST_REQUIRE(cfg.nav.size() == 1u);
    BOOST_TEST(cfg.nav[0].url == "/publications/");
    BOOST_TEST_REQUIRE(j.warnings.size() == 1u);
    BOOST_TEST(contains(j.warnings[0].text(), "_data/navigation.yml:3: navigation entry left out"), j.warnings[0].text());
}

BOOST_AUTO_TEST_CASE(bad_config_names_file_and_line) {
    BOOST_TEST(contains(error_of("title: x\nurl: ftp://x\n"), "_config.yml:2: url: expected an absolute http(s) URL"));
    BOOST_TEST(contains(error_of("url: 'https://a b'\n"), "_config.yml:1: url: space or control character"));
    BOOST_TEST(contains(error_of("a: 1\nbaseurl: /a/../b\n"), "_config.yml:2: baseurl: "));
    BOOST_TEST(contains(error_of("- a\n- b\n"), "_config.yml:1: expected a YAML mapping"));
    BOOST_TEST(contains(error_of("a: [1\n"), "_config.yml:"));
    BOOST_TEST(error_of("title: ok\n") == "(no error)");
}

// The site's own theme: the layout chain (inner -> outer, each with {{ content }} and the merged
// layout object), an include with a parameter, _data with a YAML merge key, documents' excerpts,
// ids, order, previous/next, and a Markdown file without front matter left as a file. The
// expected bodies are Jekyll 4.3.1's own build of this site (jekyll build, 2026-11-30).
// _data/ in JSON, CSV (quoted cells, doubled quotes) and TSV, as Jekyll's DataReader reads them;
// the expected text is Jekyll 4.3.1's build of this site. Before, only YAML was read: academicpages'
// _data/cv.json gave an empty /cv-json/.
// Found on public academicpages forks (tests/jekyll/forks): Jekyll reads every dated file in
// _posts as a post, front matter or not, and a document without a title takes its slug in words.
// Expected from Jekyll 4.3.1's build of this site: <t>Hello World</t><h1 id="hi">Hi</h1>.
BOOST_AUTO_TEST_CASE(a_post_without_front_matter_is_a_post_titled_from_its_slug) {
    testing::TempDir d;
    d.write("site/_config.yml", "title: S\ndefaults:\n  - scope:\n      path: \"\"\n      type: posts\n    values:\n      layout: default\n");
    d.write("site/_layouts/default.html", "<t>{{ page.title }}</t>{{ content }}");
    d.write("site/_posts/2020-01-02-hello-world.md", "# Hi\n\nText.\n");
    d.write("site/_posts/2020-01-03-with-TITLE.md", "---\n---\nOther.\n");
    const auto site = testing::load_jekyll_page(d, "_posts/2020-01-02-hello-world.md");
    BOOST_REQUIRE(site.page);
    BOOST_TEST(site.page->title == "Hello World");
    const auto get = [&](const std::string& uri) {
        folio::Request req;
        req.method = "GET";
        req.uri = uri;
        return folio::handle_request(req, site.loaded->view(), [](std::string_view) {});
    };
    folio::Response r = get("/2020/01/02/hello-world.html");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(contains(r.body, "<t>Hello World</t><h1 id=\"hi\">Hi</h1>"), r.body);
    r = get("/2020/01/03/with-TITLE.html");
    BOOST_TEST(contains(r.body, "<t>With Title</t><p>Other.</p>"), r.body);
}

// Found on a 2025 academicpages fork served under a baseurl (tests/jekyll/forks): a Markdown link
// written with it ({{ site.baseurl }}/files/x.pdf, academicpages' {{ base_path }}/...) already
// holds the prefix. Jekyll 4.3.1's build of this site: <a href="/sub/files/x.pdf">a</a> and
// <a href="/files/y.pdf">b</a>; folio adds the prefix to the second only (a link that would leave
// the site's folder on GitHub Pages stays on it).
BOOST_AUTO_TEST_CASE(a_markdown_link_with_the_baseurl_is_not_prefixed_twice) {
    testing::TempDir d;
    d.write("site/_config.yml", "title: S\nbaseurl: /sub\n");
    d.write("site/_layouts/default.html", "{{ content }}");
    d.write("site/page.md", "---\nlayout: default\n---\n[a]({{ site.baseurl }}/files/x.pdf) [b](/files/y.pdf) [c](/sub) [d](/subway/)\n");
    const auto site = testing::load_jekyll_page(d, "page.md");
    BOOST_REQUIRE(site.page);
    folio::Request req;
    req.method = "GET";
    req.uri = "/sub/page.html";
    const folio::Response r = folio::handle_request(req, site.loaded->view(), [](std::string_view) {});
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == "<p><a href=\"/sub/files/x.pdf\">a</a> <a href=\"/sub/files/y.pdf\">b</a> <a href=\"/sub\">c</a> "
                         "<a href=\"/sub/subway/\">d</a></p>\n", r.body);
}

// Found on a 2018 academicpages fork (tests/jekyll/forks): a post whose text starts after blank
// lines. Jekyll's front matter pattern ends in `---\s*$\n?`, which takes them all, so the excerpt
// is the first paragraph, not the empty text before the first blank line. Jekyll 4.3.1's build of
// this site: "[<p>First <em>para</em>.</p>\n]\n".
BOOST_AUTO_TEST_CASE(an_excerpt_after_blank_lines_is_the_first_paragraph) {
    testing::TempDir d;
    d.write("site/_config.yml", "title: S\n");
    d.write("site/_layouts/default.html", "{{ content }}");  // the site's own theme
    d.write("site/_posts/2020-01-02-a.md", "---\ntitle: T\n---\n\n  \n\nFirst *para*.\n\nSecond.\n");
    d.write("site/list.html", "---\n---\n[{{ site.posts[0].excerpt }}]\n");
    const auto site = testing::load_jekyll_page(d, "list.html");
    BOOST_REQUIRE(site.page);
    folio::Request req;
    req.method = "GET";
    req.uri = "/list.html";
    const folio::Response r = folio::handle_request(req, site.loaded->view(), [](std::string_view) {});
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == "[<p>First <em>para</em>.</p>\n]\n", r.body);
}

// Found on a 2025 academicpages fork (tests/jekyll/forks): site.posts is Jekyll's document order
// (by date, then by path) reversed, so posts of one day come in reverse order of their file names.
// Jekyll 4.3.1's build of this site: "newer,kiwi,banana,apple,older,".
BOOST_AUTO_TEST_CASE(posts_of_one_day_come_in_reverse_order_of_their_names) {
    testing::TempDir d;
    d.write("site/_config.yml", "title: S\n");
    d.write("site/_layouts/default.html", "{{ content }}");  // the site's own theme
    for (const char* name : {"apple", "kiwi", "banana"})
        d.write(std::string("site/_posts/2020-01-02-") + name + ".md", std::string("---\ntitle: ") + name + "\n---\nx\n");
    d.write("site/_posts/2020-01-01-zebra.md", "---\ntitle: older\n---\nx\n");
    d.write("site/_posts/2020-01-03-aardvark.md", "---\ntitle: newer\n---\nx\n");
    d.write("site/list.html", "---\n---\n{% for p in site.posts %}{{ p.title }},{% endfor %}\n");
    const auto site = testing::load_jekyll_page(d, "list.html");
    BOOST_REQUIRE(site.page);
    folio::Request req;
    req.method = "GET";
    req.uri = "/list.html";
    const folio::Response r = folio::handle_request(req, site.loaded->view(), [](std::string_view) {});
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == "newer,kiwi,banana,apple,older,\n", r.body);
}

// Found on academicpages forks (tests/jekyll/forks): a page without a title has none in Jekyll
// (the theme's <title> is then the site's, not "about - Site"), and site.pages is sorted by file
// name (Reader#sort_files!), wherever the file is. Jekyll 4.3.1's build of this site:
// "<t></t>[A;;Z;]<p>Hi</p>\n".
BOOST_AUTO_TEST_CASE(a_page_without_a_title_has_none_and_site_pages_go_by_name) {
    testing::TempDir d;
    d.write("site/_config.yml", "title: S\n");
    d.write("site/_layouts/default.html", "<t>{{ page.title }}</t>[{% for p in site.pages %}{{ p.title }};{% endfor %}]{{ content }}");
    d.write("site/a.md", "---\ntitle: A\nlayout: default\n---\nHi\n");
    d.write("site/b/z.md", "---\ntitle: Z\n---\nzz\n");
    d.write("site/y.md", "---\nlayout: default\n---\nHi\n");
    const auto site = testing::load_jekyll_page(d, "y.md");
    BOOST_REQUIRE(site.page);
    folio::Request req;
    req.method = "GET";
    req.uri = "/y.html";
    const folio::Response r = folio::handle_request(req, site.loaded->view(), [](std::string_view) {});
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == "<t></t>[A;;Z;]<p>Hi</p>\n", r.body);
}

// Found measuring the shared academicpages site whole (tests/jekyll/forks): its future post has
// blog post 4's permalink; Jekyll's related posts leave out the post itself, not every post of the
// same URL. Jekyll 4.3.1's build of this site: "B:A,C,\n".
BOOST_AUTO_TEST_CASE(related_posts_leave_out_the_post_not_its_url) {
    testing::TempDir d;
    d.write("site/_config.yml", "title: S\n");
    d.write("site/_layouts/default.html", "{{ page.title }}:{% for r in site.related_posts %}{{ r.title }},{% endfor %}\n");
    d.write("site/_posts/2015-01-01-a.md", "---\ntitle: A\nlayout: default\npermalink: /p/\n---\nx\n");
    d.write("site/_posts/2016-01-01-b.md", "---\ntitle: B\nlayout: default\npermalink: /p/\n---\nx\n");
    d.write("site/_posts/2014-01-01-c.md", "---\ntitle: C\nlayout: default\n---\nx\n");
    const auto site = testing::load_jekyll_page(d, "_posts/2016-01-01-b.md");
    BOOST_REQUIRE(site.page);
    folio::Request req;
    req.method = "GET";
    req.uri = "/p/";
    const folio::Response r = folio::handle_request(req, site.loaded->view(), [](std::string_view) {});
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == "B:A,C,\n", r.body);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(jekyll_names)

BOOST_AUTO_TEST_CASE(permalinks_expand_their_placeholders_and_styles) {
    folio::PermalinkParts parts;
    parts.collection = "publications";
    parts.path = "2024-fast";
    parts.title = "fast";
    parts.categories = "ml";
    parts.year = "2024";
    parts.month = "03";
    parts.day = "05";
    BOOST_TEST(folio::expand_permalink("/:collection/:path/", parts) == "/publications/2024-fast/");
    BOOST_TEST(folio::expand_permalink("pretty", parts) == "/ml/2024/03/05/fast/");
    BOOST_TEST(folio::expand_permalink("date", parts) == "/ml/2024/03/05/fast.html");
    BOOST_TEST(folio::expand_permalink("none", parts) == "/ml/fast.html");
    parts.categories = "";
    BOOST_TEST(folio::expand_permalink("/:categories/:title/", parts) == "/fast/");  // slashes merged
}

BOOST_AUTO_TEST_CASE(post_names_split_into_date_and_slug) {
    std::string date, slug;
    BOOST_TEST(folio::split_post_name("2012-08-14-blog-post-1", date, slug));
    BOOST_TEST(date == "2012-08-14");
    BOOST_TEST(slug == "blog-post-1");
    BOOST_TEST(!folio::split_post_name("2012-08-14", date, slug));
    BOOST_TEST(!folio::split_post_name("20x2-08-14-post", date, slug));
    BOOST_TEST(!folio::split_post_name("about-me-page", date, slug));
}

BOOST_AUTO_TEST_CASE(slugify_as_jekyll) {
    testing::expect_each([](const std::string& in) { return folio::slugify(in); },
                          {{"Hello, World! -- 2024 ", "hello-world-2024"},
                           {"  --a__b--  ", "a-b"},
                           {"", ""}});
}

// A page without a permalink, as Jekyll's Page#template: the site's permalink style gives the
// suffix (pretty or a pattern ending in "/": a folder; date, the default, or ":output_ext": .html;
// another pattern: none); an index page is its folder whatever the style.
BOOST_AUTO_TEST_CASE(page_urls_follow_the_permalink_style) {
    const std::pair<const char*, const char*> cases[] = {
        {"", "/docs/a.html"}, {"permalink: date\n", "/docs/a.html"}, {"permalink: pretty\n", "/docs/a/"},
        {"permalink: /:categories/:title/\n", "/docs/a/"}, {"permalink: /:year/:title:output_ext\n", "/docs/a.html"},
        {"permalink: /:year/:title\n", "/docs/a"}};
    for (const auto& [config, want] : cases) {
        testing::TempDir d;
        d.write("site/_config.yml", std::string("title: S\n") + config);
        d.write("site/docs/a.md", "---\ntitle: A\n---\nA\n");
        d.write("site/docs/index.md", "---\ntitle: I\n---\nI\n");
        const auto a = testing::load_jekyll_page(d, "docs/a.md");
        const auto index = testing::load_jekyll_page(d, "docs/index.md");
        BOOST_REQUIRE(a.page);
        BOOST_REQUIRE(index.page);
        BOOST_TEST(a.page->url == want, config);
        BOOST_TEST(index.page->url == "/docs/", config);
    }
}

// jekyll-paginate: the site's index.html at / shows the first posts, /page2/ ... (paginate_path)
// the next ones, each with the paginator at its page; past the last page is a 404.
BOOST_AUTO_TEST_CASE(paginated_pages_show_their_slice_of_the_posts) {
    testing::TempDir d;
    d.write("site/_config.yml", "title: S\npaginate: 2\npaginate_path: \"/blog/page:num\"\n");
    for (int i = 1; i <= 5; ++i)
        d.write("site/_posts/2024-01-0" + std::to_string(i) + "-p.md", "---\ntitle: Post " + std::to_string(i) + "\n---\nx\n");
    d.write("site/index.html", "---\ntitle: Home\n---\n<p>{{ paginator.page }}/{{ paginator.total_pages }}:"
                               "{% for p in paginator.posts %} {{ p.title }};{% endfor %} prev={{ paginator.previous_page_path }}"
                               " next={{ paginator.next_page_path }}</p>\n");
    const auto site = testing::load_jekyll_page(d, "index.html");
    BOOST_REQUIRE(site.page);
    const auto get = [&](const std::string& uri) {
        folio::Request req;
        req.method = "GET";
        req.uri = uri;
        return folio::handle_request(req, site.loaded->view(), [](std::string_view) {});
    };
    const std::pair<const char*, const char*> pages[] = {
        {"/", "<p>1/3: Post 5; Post 4; prev= next=/blog/page2/</p>"},
        {"/blog/page2/", "<p>2/3: Post 3; Post 2; prev=/ next=/blog/page3/</p>"},
        {"/blog/page3/", "<p>3/3: Post 1; prev=/blog/page2/ next=</p>"}};
    for (const auto& [uri, want] : pages) {
        const folio::Response r = get(uri);
        BOOST_TEST(r.status == 200, uri);
        BOOST_TEST(r.body.find(want) != std::string::npos, uri << ": " << r.body.substr(0, 2000));
    }
    BOOST_TEST(get("/blog/page4/").status == 404);
    BOOST_TEST(get("/blog/page1/").status == 404);
}

// The site's own theme: the layout chain (inner -> outer, each with {{ content }} and the merged
// layout object), an include with a parameter, _data with a YAML merge key, documents' excerpts,
// ids, order, previous/next, and a Markdown file without front matter left as a file. The
// expected bodies are Jekyll 4.3.1's own build of this site (jekyll build, 2026-11-30).
BOOST_AUTO_TEST_CASE(own_theme_renders_the_layout_chain_as_jekyll_does) {
    testing::TempDir d;
    d.write("site/_config.yml", "title: S\ncollections:\n  notes:\n    output: true\n");
    d.write("site/_layouts/outer.html", "---\nsite_wide: true\n---\n<html><body>{{ layout.site_wide }}|{{ layout.kind }}|{{ content }}</body></html>\n");
    d.write("site/_layouts/inner.html", "---\nlayout: outer\nkind: inner\n---\n<main>{% include box.html label=page.title %}{{ content }}</main>\n");
    d.write("site/_includes/box.html", "<b>{{ include.label }}:{{ site.data.ui.en-US.hi }}</b>");
    d.write("site/_data/ui.yml", "en: &EN\n  hi: Hello\nen-US:\n  <<: *EN\n");
    d.write("site/README.md", "Read me\n");
    d.write("site/_notes/a.md", "---\ntitle: One\nlayout: inner\ndate: 2024-01-01\n---\nFirst *para*.\n\nSecond.\n");
    d.write("site/_notes/b.md", "---\ntitle: Two\nlayout: inner\ndate: 2024-02-01\n---\nOther.\n");
    d.write("site/_notes/c.md", "---\nlayout: inner\ntitle: Note page\n---\nA note.\n\nprev={{ page.previous.title }} next={{ page.next.title }}\n");
    d.write("site/list.html", "---\ntitle: List\nlayout: inner\n---\n{% for n in site.notes %}[{{ n.title }}/{{ n.excerpt | strip }}/{{ n.id }}]{% endfor %}\n");
    const auto site = testing::load_jekyll_page(d, "list.html");
    BOOST_REQUIRE(site.page);
    const auto get = [&](const std::string& uri) {
        folio::Request req;
        req.method = "GET";
        req.uri = uri;
        return folio::handle_request(req, site.loaded->view(), [](std::string_view) {});
    };
    folio::Response r = get("/list.html");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == "<html><body>true|inner|<main><b>List:Hello</b>[One/<p>First <em>para</em>.</p>//notes/a][Two/<p>Other.</p>//notes/b]"
                         "[Note page/<p>A note.</p>//notes/c]\n</main>\n</body></html>\n");
    r = get("/notes/c.html");
    BOOST_TEST(r.status == 200);
    // Jekyll's kramdown puts a blank line between the two paragraphs; cmark a newline.
    BOOST_TEST(r.body == "<html><body>true|inner|<main><b>Note page:Hello</b><p>A note.</p>\n<p>prev=Two next=</p>\n</main>\n</body></html>\n");
    r = get("/README.md");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body == "Read me\n");
    BOOST_TEST(get("/README/").status == 404);
}

// _data/ in JSON, CSV (quoted cells, doubled quotes) and TSV, as Jekyll's DataReader reads them;
// the expected text is Jekyll 4.3.1's build of this site. Before, only YAML was read: academicpages'
// _data/cv.json gave an empty /cv-json/.
BOOST_AUTO_TEST_CASE(data_files_in_json_csv_and_tsv) {
    testing::TempDir d;
    d.write("site/_config.yml", "title: S\n");
    d.write("site/_data/people.csv", "name,role\n\"Lovelace, Ada\",\"said \"\"hi\"\"\"\nBabbage,\n");
    d.write("site/_data/t.tsv", "a\tb\n1\t2\n");
    d.write("site/_data/j.json", "{\"k\": {\"n\": 3, \"s\": \"x\"}}\n");
    d.write("site/index.html", "---\n---\n{% for p in site.data.people %}[{{ p.name }}|{{ p.role }}]{% endfor %}"
                               "{{ site.data.t[0].b }}{{ site.data.j.k.n | plus: 1 }}{{ site.data.j.k.s }}\n");
    const auto site = testing::load_jekyll_page(d, "index.html");
    BOOST_REQUIRE(site.page);
    folio::Request req;
    req.method = "GET";
    req.uri = "/";
    const folio::Response r = folio::handle_request(req, site.loaded->view(), [](std::string_view) {});
    // (No _layouts/: the page wears folio's theme around Jekyll's text.)
    BOOST_TEST(r.body.find("[Lovelace, Ada|said \"hi\"][Babbage|]24x\n") != std::string::npos, r.body);
}

// A file with front matter that is not HTML (a JSON template) is a Jekyll page: its Liquid runs
// and it is served at its own path as its own type, and it is in site.pages; a page without a
// title has none, a document gets its slug in words. Expected text: Jekyll 4.3.1's build of this
// site. Before, the JSON file was served as written, with its front matter and raw Liquid.
BOOST_AUTO_TEST_CASE(files_with_front_matter_of_other_kinds_are_pages) {
    testing::TempDir d;
    d.write("site/_config.yml", "title: S\ncollections:\n  notes:\n    output: true\n");
    d.write("site/data/info.json", "---\n---\n{\"t\": \"{{ site.title }}\"}\n");
    d.write("site/index.html", "---\n---\n{% for p in site.pages %}[{{ p.url }}|{{ p.title }}]{% endfor %}{% for n in site.notes %}[{{ n.title }}]{% endfor %}\n");
    d.write("site/_notes/my-first-note.md", "---\n---\nx\n");
    const auto site = testing::load_jekyll_page(d, "index.html");
    BOOST_REQUIRE(site.page);
    const auto get = [&](const std::string& uri) {
        folio::Request req;
        req.method = "GET";
        req.uri = uri;
        return folio::handle_request(req, site.loaded->view(), [](std::string_view) {});
    };
    const folio::Response json = get("/data/info.json");
    BOOST_TEST(json.status == 200);
    BOOST_TEST(json.body == "{\"t\": \"S\"}\n");
    BOOST_REQUIRE(json.header("Content-Type"));
    BOOST_TEST(*json.header("Content-Type") == "application/json");
    const folio::Response index = get("/");
    BOOST_TEST(index.body.find("[/|][/data/info.json|][My First Note]\n") != std::string::npos, index.body);
}

BOOST_AUTO_TEST_SUITE_END()
