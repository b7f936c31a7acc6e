// site_data: the values every layout gets (site, author, nav with its current entry, status).
#include <boost/test/unit_test.hpp>

#include <kainjow/mustache.hpp>

#include "config.h"
#include "site.h"
#include "site_data.h"
#include "templates.h"

using folio::Config;

namespace {

// A configuration mounted under /~ada with a nav of nested paths; nothing of the site or the
// templates is read by base_data.
struct Fixture {
    Config c;
    folio::Site site;
    folio::Templates templates;
    Fixture() {
        c.site.title = "Ada's Site";
        c.site.url = "https://example.org";
        c.site.base_path = "/~ada";
        c.author.name = "Ada";
        c.author.avatar = "me.png";
        c.author.links = {{"github", "GitHub", "https://github.com/ada"}};
        c.nav = {{"Home", "/"}, {"Pubs", "/publications/"}, {"2025", "/publications/2025/"}, {"Blog", "https://blog.example.org/"}};
    }
    std::string render(const std::string& tmpl, const std::string& path, int status = 200) const {
        kainjow::mustache::mustache m(tmpl);
        return m.render(folio::base_data(folio::SiteView{c, site, templates}, path, status));
    }
};

const char* kNav = "{{#nav}}{{label}}={{url}}{{#current}}*{{/current}};{{/nav}}";

}  // namespace

BOOST_AUTO_TEST_SUITE(site_data)

BOOST_AUTO_TEST_CASE(site_values_and_empty_ones_left_out) {
    Fixture f;
    BOOST_TEST(f.render("{{site.title}}|{{site.url}}|{{site.base_path}}|{{site.language}}|{{#site.description}}D{{/site.description}}", "/") ==
               "Ada&apos;s Site|https://example.org|/~ada|en|");
    f.c.site.description = "Notes";
    BOOST_TEST(f.render("{{#site.description}}[{{site.description}}]{{/site.description}}", "/") == "[Notes]");
}

BOOST_AUTO_TEST_CASE(status_and_feed_url_under_the_prefix) {
    Fixture f;
    BOOST_TEST(f.render("{{status}} {{feed_url}}", "/nowhere/", 404) == "404 /~ada/feed.xml");
    f.c.site.base_path = "";
    BOOST_TEST(f.render("{{feed_url}}", "/") == "/feed.xml");
}

BOOST_AUTO_TEST_CASE(avatar_from_a_name_a_path_or_a_url) {
    Fixture f;
    BOOST_TEST(f.render("{{author.avatar}}", "/") == "/~ada/images/me.png");
    f.c.author.avatar = "/files/me.jpg";
    BOOST_TEST(f.render("{{author.avatar}}", "/") == "/~ada/files/me.jpg");
    f.c.author.avatar = "https://cdn.example/me.png";
    BOOST_TEST(f.render("{{author.avatar}}", "/") == "https://cdn.example/me.png");
    f.c.author.avatar = "";
    BOOST_TEST(f.render("{{#author.avatar}}A{{/author.avatar}}{{author.name}}", "/") == "Ada");
}

BOOST_AUTO_TEST_CASE(author_links_as_a_list) {
    Fixture f;
    BOOST_TEST(f.render("{{#author.links}}{{key}}:{{label}}:{{url}}{{/author.links}}", "/") == "github:GitHub:https://github.com/ada");
}

// The current entry is the longest nav path the page's path starts with; "/" only for "/".
BOOST_AUTO_TEST_CASE(the_current_nav_entry_is_the_longest_prefix) {
    Fixture f;
    const std::string rest = "Blog=https://blog.example.org/;";
    BOOST_TEST(f.render(kNav, "/") == "Home=/~ada/*;Pubs=/~ada/publications/;2025=/~ada/publications/2025/;" + rest);
    BOOST_TEST(f.render(kNav, "/publications/") == "Home=/~ada/;Pubs=/~ada/publications/*;2025=/~ada/publications/2025/;" + rest);
    BOOST_TEST(f.render(kNav, "/publications/2025/dsp/") == "Home=/~ada/;Pubs=/~ada/publications/;2025=/~ada/publications/2025/*;" + rest);
    BOOST_TEST(f.render(kNav, "/talks/") == "Home=/~ada/;Pubs=/~ada/publications/;2025=/~ada/publications/2025/;" + rest);
}

BOOST_AUTO_TEST_SUITE_END()
