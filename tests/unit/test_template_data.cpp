// template_data: YAML to Mustache data, and the moving setters.
#include <boost/test/unit_test.hpp>

#include <yaml-cpp/yaml.h>

#include <kainjow/mustache.hpp>

#include "helpers.h"
#include "template_data.h"

using folio::TemplateData;
using folio::yaml_data;

namespace {
// The text value of key in an object d; "<not text>" when it is missing or not a string.
std::string text_at(const TemplateData& d, const std::string& key) {
    const TemplateData* v = d.get(key);
    return v && v->is_string() ? v->string_value() : "<not text>";
}

std::string render(const std::string& tmpl, const TemplateData& data) {
    kainjow::mustache::mustache m(tmpl);
    return m.render(data);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(template_data)

BOOST_AUTO_TEST_CASE(plain_true_and_false_become_booleans) {
    const TemplateData d = yaml_data(YAML::Load("a: true\nb: False\nc: TRUE\nd: 'true'\ne: \"false\"\nf: yes\ng: tRuE\n"));
    BOOST_TEST(d.get("a")->is_true());
    BOOST_TEST(d.get("b")->is_false());
    BOOST_TEST(d.get("c")->is_true());
    // Quoted, or another spelling: text, exactly as written.
    testing::expect_each([&](const std::string& key) { return text_at(d, key); },
                         {{"d", "true"}, {"e", "false"}, {"f", "yes"}, {"g", "tRuE"}});
    // So sections work on the booleans and a quoted "false" is a non-empty, truthy string.
    BOOST_TEST(render("{{#a}}A{{/a}}{{#b}}B{{/b}}{{#e}}E{{/e}}", d) == "AE");
}

BOOST_AUTO_TEST_CASE(scalars_stay_text_as_written) {
    const TemplateData d = yaml_data(YAML::Load("n: 007\nx: 1.50\nd: 2024-01-02\ns: <b>\n"));
    testing::expect_each([&](const std::string& key) { return text_at(d, key); },
                         {{"n", "007"}, {"x", "1.50"}, {"d", "2024-01-02"}});
    BOOST_TEST(render("{{s}}|{{{s}}}", d) == "&lt;b&gt;|<b>");
}

BOOST_AUTO_TEST_CASE(maps_and_lists_nest_and_null_is_false) {
    const TemplateData d = yaml_data(YAML::Load("list: [x, y]\nmap: {k: v}\nnone:\nitems:\n  - {t: one}\n  - {t: two}\n"));
    BOOST_TEST(d.get("list")->is_list());
    BOOST_TEST(d.get("list")->list_value().size() == 2u);
    BOOST_TEST(d.get("none")->is_false());
    BOOST_TEST(render("{{#list}}[{{.}}]{{/list}}{{map.k}}{{^none}}-{{/none}}{{#items}}<{{t}}>{{/items}}", d) ==
               "[x][y]v-<one><two>");
}

BOOST_AUTO_TEST_CASE(set_text_skips_empty_values) {
    TemplateData d{TemplateData::type::object};
    folio::set_text(d, "empty", "");
    folio::set_text(d, "full", "x");
    BOOST_TEST(d.get("empty") == nullptr);
    BOOST_TEST(d.get("full")->string_value() == "x");
    BOOST_TEST(render("{{#empty}}E{{/empty}}{{#full}}F{{/full}}", d) == "F");
}

BOOST_AUTO_TEST_CASE(moving_setters_keep_every_value) {
    TemplateData list{TemplateData::type::list};
    for (int i = 0; i < 3; ++i) {
        TemplateData item{TemplateData::type::object};
        item.set("i", std::to_string(i));
        folio::push_moved(list, std::move(item));
    }
    TemplateData page{TemplateData::type::object};
    page.set("items", std::string("replaced"));  // an existing key is replaced
    folio::set_moved(page, "items", std::move(list));
    BOOST_TEST(page.get("items")->is_list());
    BOOST_TEST(page.get("items")->list_value().size() == 3u);
    BOOST_TEST(render("{{#items}}{{i}},{{/items}}", page) == "0,1,2,");
}

BOOST_AUTO_TEST_SUITE_END()
