// liquid_jekyll: Jekyll's tags that need the site (include_relative, link, post_url) through
// LiquidContext's callbacks, highlight, and the filters whose Jekyll forms the oracle
// (tests/jekyll_oracle/) showed folio had wrong: slugify's modes, smartify, xml_escape, sample.
#include <boost/test/unit_test.hpp>

#include <map>
#include <string>
#include <vector>

#include <unistd.h>

#include "app.h"
#include "helpers.h"
#include "site_fixture.h"
#include "jekyll/liquid.h"
#include "content.h"
#include "render.h"

namespace {

struct Out {
    std::string text;
    std::vector<folio::LiquidProblem> problems;
    std::string problem_list() const {
        std::string s;
        for (const auto& p : problems) s += std::to_string(p.line) + ": " + p.message + "\n";
        return s;
    }
};

// A site with baseurl /b, a page, a post and a file beside the page.
folio::LiquidContext site_context() {
    folio::LiquidContext ctx;
    ctx.vars = YAML::Load("{site: {baseurl: /b, url: 'https://x.org'}, page: {title: T}, n: 2}");
    const std::map<std::string, std::string> urls = {{"about.md", "/about/"}, {"_posts/2024-01-15-a.md", "/2024/01/15/a.html"}};
    ctx.link = [urls](const std::string& path) -> std::optional<std::string> {
        auto it = urls.find(path);
        return it == urls.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    ctx.post_url = [](const std::string& name) -> std::optional<std::string> {
        return name == "2024-01-15-a" ? std::optional<std::string>("/2024/01/15/a.html") : std::nullopt;
    };
    ctx.include_relative = [](const std::string& path) -> std::optional<std::string> {
        if (path == "part.md") return std::string("[{{ page.title }} {{ include.x }}]");
        return std::nullopt;
    };
    ctx.partial = [](const std::string& name) -> std::optional<std::string> {
        if (name == "part.md") return std::string("(from _includes)");
        return std::nullopt;
    };
    return ctx;
}

Out render(const std::string& text, const folio::LiquidContext& ctx = site_context()) {
    Out o;
    o.text = folio::render_liquid(text, ctx, o.problems);
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(liquid_jekyll)

BOOST_AUTO_TEST_CASE(link_and_post_url_put_the_baseurl_in_front) {
    Out o = render("{% link about.md %}|{% link _posts/2024-01-15-a.md %}|{% post_url 2024-01-15-a %}");
    BOOST_TEST(o.text == "/b/about/|/b/2024/01/15/a.html|/b/2024/01/15/a.html");
    BOOST_TEST(o.problems.empty(), o.problem_list());
}

BOOST_AUTO_TEST_CASE(link_to_a_missing_file_is_reported_and_prints_nothing) {
    Out o = render("a{% link nope.md %}b\n{% post_url 1999-01-01-x %}c");
    BOOST_TEST(o.text == "ab\nc");
    BOOST_REQUIRE(o.problems.size() == 2u);
    BOOST_TEST(o.problems[0].line == 1);
    BOOST_TEST(o.problems[0].message.find("nope.md") != std::string::npos, o.problem_list());
    BOOST_TEST(o.problems[1].line == 2);
}

BOOST_AUTO_TEST_CASE(without_a_site_the_tags_are_reported) {
    folio::LiquidContext bare;
    Out o = render("{% link about.md %}{% post_url x %}{% include_relative part.md %}", bare);
    BOOST_TEST(o.text == "");
    BOOST_TEST(o.problems.size() == 3u, o.problem_list());
}

BOOST_AUTO_TEST_CASE(include_relative_reads_beside_the_page_with_parameters) {
    Out o = render("{% include_relative part.md x=n %} {% include part.md %}");
    BOOST_TEST(o.text == "[T 2] (from _includes)");
    BOOST_TEST(o.problems.empty(), o.problem_list());
    o = render("{% include_relative missing.md %}");
    BOOST_TEST(o.text == "");
    BOOST_TEST(!o.problems.empty());
}

BOOST_AUTO_TEST_CASE(highlight_is_plain_escaped_pre_code_with_liquid_inside) {
    Out o = render("{% highlight c++ linenos %}\n\nint a = n < {{ n }} && b;\n{% endhighlight %}");
    BOOST_TEST(o.text == "<figure class=\"highlight\"><pre><code class=\"language-c--\" data-lang=\"c++\">"
                         "int a = n &lt; 2 &amp;&amp; b;</code></pre></figure>");
    BOOST_TEST(o.problems.empty(), o.problem_list());
    o = render("{% highlight %}x{% endhighlight %}after");
    BOOST_TEST(o.text == "after");
    BOOST_TEST(!o.problems.empty());
}

BOOST_AUTO_TEST_CASE(slugify_modes_as_jekyll) {
    Out o = render("{{ 'The _config.yml file!' | slugify: 'pretty' }}|{{ 'a  b_c' | slugify: 'raw' }}|"
                   "{{ 'Ünï Straße' | slugify }}|{{ 'Ünï Straße' | slugify: 'latin' }}|{{ 'Ünï Straße' | slugify: 'ascii' }}|"
                   "{{ 'A B!' | slugify: 'none' }}");
    BOOST_TEST(o.text == "the-_config.yml-file!|a-b_c|ünï-straße|uni-strasse|n-stra-e|a b!");
    BOOST_TEST(o.problems.empty(), o.problem_list());
}

BOOST_AUTO_TEST_CASE(smartify_xml_escape_inspect_sample) {
    Out o = render("{% capture s %}\"Hi\" -- it's --- <i>'x'</i>...{% endcapture %}{{ s | smartify }}");
    BOOST_TEST(o.text == "\u201cHi\u201d \u2013 it\u2019s \u2014 <i>\u2018x\u2019</i>\u2026");
    o = render("{{ \"it's <a>\" | xml_escape }}|{{ 'q' | inspect }}|{{ '  a  b ' | normalize_whitespace }}|");
    BOOST_TEST(o.text == "it&apos;s &lt;a&gt;|&quot;q&quot;|a b|");
    o = render("{% assign l = 'a,b,c' | split: ',' %}{{ l | sample: 2 | size }}{{ l | sample: 9 | size }}{{ l | sample | size }}");
    BOOST_TEST(o.text == "231");
}

BOOST_AUTO_TEST_CASE(where_matches_an_item_of_a_list_property_as_jekyll) {
    folio::LiquidContext ctx = site_context();
    ctx.vars["posts"] = YAML::Load("[{t: A, tags: [x, y]}, {t: B, tags: [y]}, {t: C}, {t: D, tags: x}]");
    BOOST_TEST(render("{{ posts | where: 'tags', 'x' | map: 't' | join: ',' }}|{{ posts | find: 'tags', 'y' | map: 't' }}", ctx).text ==
               "A,D|A");
}

BOOST_AUTO_TEST_CASE(number_of_words_modes) {
    BOOST_TEST(render("{{ '日本語 text 中文' | number_of_words: 'cjk' }} {{ '日本語 text' | number_of_words: 'auto' }} "
                      "{{ 'a b' | number_of_words: 'auto' }} {{ '日本語 text' | number_of_words }}")
                   .text == "6 4 2 2");
}

// academicpages' read-time.html compares the count with numbers ({% if words < 180 %}); as a
// string the comparison was an error and the page showed no reading time.
BOOST_AUTO_TEST_CASE(number_of_words_is_a_number) {
    BOOST_TEST(render("{% assign w = 'a b <b>c</b>' | strip_html | number_of_words %}{% if w < 180 %}short {{ w | plus: 1 }}{% endif %}").text ==
               "short 4");
}

BOOST_AUTO_TEST_CASE(jekyll_date_filters_show_utc_the_date_filter_keeps_the_offset) {
    BOOST_TEST(render("{{ '2023-11-20 01:05:00 +0200' | date_to_xmlschema }}|{{ '2023-11-20 01:05:00 +0200' | date_to_string }}|"
                      "{{ '2023-11-20 01:05:00 +0200' | date: '%H %z' }}")
                   .text == "2023-11-19T23:05:00+00:00|19 Nov 2023|01 +0200");
}

BOOST_AUTO_TEST_CASE(markdownify_uses_the_given_converter) {
    folio::LiquidContext ctx = site_context();
    BOOST_TEST(render("{{ '*a*' | markdownify }}", ctx).text == "*a*");  // no converter: as is
    ctx.markdownify = [](const std::string& md) { return "<p>" + md + "</p>\n"; };
    BOOST_TEST(render("{{ '*a*' | markdownify }}", ctx).text == "<p>*a*</p>\n");
}

// A Jekyll site's partials and include_relative files are read below the site folder only: no
// "..", no link to elsewhere, no file over the partial limit.
BOOST_AUTO_TEST_CASE(partials_never_come_from_outside_the_site) {
    testing::TempDir d;
    d.write("outside.txt", "SECRET");
    d.write("site/_config.yml", "title: S\n");
    d.write("site/_includes/ok.html", "OK {{ include.x }}");
    d.write("site/_includes/big.html", std::string(2 * 1024 * 1024, 'x'));
    BOOST_REQUIRE(::symlink((d / "outside.txt").c_str(), (d / "site/_includes/out.html").c_str()) == 0);
    d.write("site/docs/p.html", "---\ntitle: P\n---\n{% include ok.html x=1 %}|\n{% include out.html %}|\n{% include ../../outside.txt %}|\n"
                                "{% include_relative ../../outside.txt %}|\n{% include big.html %}|\n{% include_relative ../_includes/ok.html %}");
    const auto [loaded, page] = testing::load_jekyll_page(d, "docs/p.html");
    BOOST_REQUIRE(page);
    std::vector<folio::Problem> problems;
    const std::string html = folio::page_content(folio::SiteView{loaded->config, loaded->site, loaded->templates}, *page, &problems);
    BOOST_TEST(html.find("SECRET") == std::string::npos, html);
    BOOST_TEST(html.find("xxxx") == std::string::npos);
    BOOST_TEST(html == "OK 1|\n|\n|\n|\n|\n", html);
    std::string list;
    for (const auto& p : problems) list += p.text() + "\n";
    BOOST_TEST(problems.size() == 5u, list + html);
}

// Jekyll's `layout` object: the front matter of the page's layout file, seen by the page's own
// Liquid (a layout without front matter, or none at all, gives nothing).
BOOST_AUTO_TEST_CASE(layout_object_is_the_layout_files_front_matter) {
    testing::TempDir d;
    d.write("site/_config.yml", "title: S\n");
    d.write("site/_layouts/plain.html", "---\nnote: from the layout\nlist: [a, b]\n---\n<main>{{ content }}</main>\n");
    d.write("site/_layouts/bare.html", "<main>{{ content }}</main>\n");
    d.write("site/a.html", "---\nlayout: plain\n---\n[{{ layout.note }}|{{ layout.list | join: ',' }}]");
    d.write("site/b.html", "---\nlayout: bare\n---\n[{{ layout.note }}]");
    d.write("site/c.html", "---\nlayout: ../_config\n---\n[{{ layout.title }}]");
    for (const auto& [rel, want] : {std::pair{"a.html", "[from the layout|a,b]"}, std::pair{"b.html", "[]"}, std::pair{"c.html", "[]"}}) {
        const auto [loaded, page] = testing::load_jekyll_page(d, rel);
        BOOST_REQUIRE(page);
        BOOST_TEST(folio::page_content(loaded->view(), *page, nullptr) == want, rel);
    }
}

// _config.yml's `liquid: strict_variables: true`: a variable or key that is not there is a
// problem with its line (Jekyll stops the build there) and prints nothing; nil values and
// size/first/last are there. Without the setting: nothing, silently.
BOOST_AUTO_TEST_CASE(strict_variables_from_the_config_report_what_is_missing) {
    for (const bool strict : {true, false}) {
        testing::TempDir d;
        d.write("site/_config.yml", std::string("title: S\nnothing_here:\n") + (strict ? "liquid:\n  strict_variables: true\n" : ""));
        d.write("site/p.html", "---\ntitle: P\nlist: [a]\n---\n[{{ page.title }}|{{ page.nope }}|{{ site.nothing_here }}]\n"
                               "[{{ missing }}|{{ page.list.size }}{{ page.list.first }}|{% for x in page.list %}{{ forloop.index }}{% endfor %}]");
        const auto [loaded, page] = testing::load_jekyll_page(d, "p.html");
        BOOST_REQUIRE(page);
        std::vector<folio::Problem> problems;
        BOOST_TEST(folio::page_content(loaded->view(), *page, &problems) == "[P||]\n[|1a|1]");
        std::string list;
        for (const auto& p : problems) list += p.text() + "\n";
        if (strict) {
            BOOST_TEST(problems.size() == 2u, list);
            BOOST_TEST(list.find("p.html:5: Liquid: undefined variable nope") != std::string::npos, list);
            BOOST_TEST(list.find("p.html:6: Liquid: undefined variable missing") != std::string::npos, list);
        } else {
            BOOST_TEST(problems.empty(), list);
        }
    }
}

// archive-single.html outside a loop (no `post`): nothing, and no yaml-cpp exception (a missing
// key gives an invalid node, which threw on IsMap; found by fuzz_page).
BOOST_AUTO_TEST_CASE(archive_single_without_a_post_renders_nothing) {
    testing::TempDir d;
    d.write("site/_config.yml", "title: S\n");
    d.write("site/p.md", "---\ntitle: Excerpt\n---\n[{% include archive-single.html %}]\n");
    const auto [loaded, page] = testing::load_jekyll_page(d, "p.md");
    BOOST_REQUIRE(page);
    BOOST_TEST(folio::page_content(loaded->view(), *page, nullptr) == "<p>[]</p>\n");
}

BOOST_AUTO_TEST_SUITE_END()
