// listing: a `list:` page's items from a real site on disk, sorted and grouped as its front
// matter asks.
#include <boost/test/unit_test.hpp>

#include <kainjow/mustache.hpp>

#include "listing.h"
#include "site.h"
#include "site_fixture.h"

using testing::SiteOnDisk;

namespace {

// The listing of the page at url, rendered with tmpl (items or groups).
std::string listing_of(const folio::Loaded& l, const std::string& rel, const std::string& tmpl) {
    for (const folio::Page& p : l.site.pages) {
        if (p.rel != rel) continue;
        folio::TemplateData d{folio::TemplateData::type::object};
        folio::add_listing(l.view(), p, d);
        return kainjow::mustache::mustache(tmpl).render(d);
    }
    return "<no page " + rel + ">";
}

// Three talks: b (2023, no date but a year), a (2024-05-01), c (2022-01-01).
void talks(SiteOnDisk& s, const std::string& list_front) {
    s.content("talks.md", "---\ntitle: Talks\nlist: talks\n" + list_front + "---\n");
    s.content("_talks/a.md", "---\ntitle: Alpha\ndate: 2024-05-01\ntype: keynote\n---\nA\n");
    s.content("_talks/b.md", "---\ntitle: Beta\nyear: 2023\nid: beta-talk\ntype: seminar\n---\nB\n");
    s.content("_talks/c.md", "---\ntitle: Gamma\ndate: 2022-01-01\ntype: keynote\n---\nC\n");
}

const char* kItems = "{{#has_items}}{{#items}}{{title}}#{{anchor}};{{/items}}{{/has_items}}";

}  // namespace

BOOST_AUTO_TEST_SUITE(listing)

BOOST_AUTO_TEST_CASE(newest_first_by_default_with_year_for_a_missing_date) {
    SiteOnDisk s;
    talks(s, "");
    const auto& l = s.load();
    BOOST_TEST(listing_of(l, "talks.md", kItems) == "Alpha#a;Beta#beta-talk;Gamma#c;");
}

BOOST_AUTO_TEST_CASE(order_asc_and_sort_by_title) {
    SiteOnDisk s;
    talks(s, "order: asc\n");
    BOOST_TEST(listing_of(s.load(), "talks.md", kItems) == "Gamma#c;Beta#beta-talk;Alpha#a;");
    SiteOnDisk t;
    talks(t, "sort: title\n");  // titles go up unless asked otherwise
    BOOST_TEST(listing_of(t.load(), "talks.md", kItems) == "Alpha#a;Beta#beta-talk;Gamma#c;");
}

BOOST_AUTO_TEST_CASE(items_carry_front_matter_and_prefixed_urls_not_bodies) {
    SiteOnDisk s("base_path = /~ada");
    talks(s, "");
    const std::string out = listing_of(s.load(), "talks.md", "{{#items}}{{type}} {{url}} [{{content}}]\n{{/items}}");
    BOOST_TEST(out == "keynote /~ada/talks/a/ []\nseminar /~ada/talks/b/ []\nkeynote /~ada/talks/c/ []\n");
}

// Groups keep the order in which their first item comes; their names get a capital letter.
BOOST_AUTO_TEST_CASE(group_by_makes_groups_in_first_seen_order) {
    SiteOnDisk s;
    talks(s, "group_by: type\n");
    const std::string out =
        listing_of(s.load(), "talks.md", "{{#has_groups}}{{#groups}}{{name}}({{id}}):{{#items}}{{title}},{{/items}};{{/groups}}{{/has_groups}}|{{#items}}{{title}},{{/items}}");
    BOOST_TEST(out == "Keynote(keynote):Alpha,Gamma,;Seminar(seminar):Beta,;|Alpha,Beta,Gamma,");
}

BOOST_AUTO_TEST_CASE(publication_kinds_get_their_labels) {
    SiteOnDisk s;
    s.content("publications.md", "---\ntitle: Publications\nlist: publications\ngroup_by: category\n---\n");
    s.content("_publications/p1.md", "---\ntitle: P1\ndate: 2025-01-01\ncategory: manuscripts\nauthors: [Ada]\n---\n");
    s.content("_publications/p2.md", "---\ntitle: P2\ndate: 2024-01-01\ncategory: conferences\nauthors: [Ada]\n---\n");
    s.content("_publications/p3.md", "---\ntitle: P3\ndate: 2023-01-01\nauthors: [Ada]\n---\n");
    BOOST_TEST(listing_of(s.load(), "publications.md", "{{#groups}}{{name}}:{{#items}}{{title}}{{/items}};{{/groups}}") ==
               "Journal articles:P1;Conference papers:P2;Other:P3;");
}

BOOST_AUTO_TEST_CASE(an_unknown_collection_lists_nothing) {
    SiteOnDisk s;
    s.content("empty.md", "---\ntitle: Empty\nlist: nothing\n---\n");
    BOOST_TEST(listing_of(s.load(), "empty.md", "{{#has_items}}some{{/has_items}}{{^has_items}}none{{/has_items}}") == "none");
}

BOOST_AUTO_TEST_SUITE_END()
