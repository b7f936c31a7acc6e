// jsonld: the home page's schema.org Person, which must stay one JSON value inside <script>.
#include <boost/test/unit_test.hpp>

#include "config.h"
#include "jsonld.h"

using folio::Config;
using folio::person_jsonld;

BOOST_AUTO_TEST_SUITE(jsonld)

BOOST_AUTO_TEST_CASE(name_only_without_a_site_url) {
    Config c;
    c.author.name = "Ada Lovelace";
    c.author.avatar = "/images/ada.png";  // no image without a site url to make it absolute
    BOOST_TEST(person_jsonld(c) == R"({"@context":"https://schema.org","@type":"Person","name":"Ada Lovelace"})");
}

BOOST_AUTO_TEST_CASE(every_field_in_order_with_absolute_urls) {
    Config c;
    c.site.url = "https://example.org";
    c.site.base_path = "/~ada";
    c.author.name = "Ada";
    c.author.bio = "Counts things.";
    c.author.employer = "Analytical Engines";
    c.author.email = "ada@example.org";
    c.author.avatar = "/images/ada.png";
    c.author.links = {{"github", "GitHub", "https://github.com/ada"}, {"orcid", "ORCID", "https://orcid.org/0000"}};
    BOOST_TEST(person_jsonld(c) ==
               R"({"@context":"https://schema.org","@type":"Person","name":"Ada","url":"https://example.org/~ada/",)"
               R"("description":"Counts things.","affiliation":{"@type":"Organization","name":"Analytical Engines"},)"
               R"("email":"mailto:ada@example.org","image":"https://example.org/~ada/images/ada.png",)"
               R"("sameAs":["https://github.com/ada","https://orcid.org/0000"]})");
}

BOOST_AUTO_TEST_CASE(text_cannot_close_the_script_or_the_string) {
    Config c;
    c.author.name = "A</script><script>alert(1)</script>";
    c.author.bio = "say \"hi\" \\ & tab\there\nline\x01";
    const std::string j = person_jsonld(c);
    BOOST_TEST(j ==
               R"({"@context":"https://schema.org","@type":"Person",)"
               R"("name":"A\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e",)"
               R"("description":"say \"hi\" \\ \u0026 tab\u0009here\u000aline\u0001"})");
    BOOST_TEST(j.find('<') == std::string::npos);
    BOOST_TEST(j.find('>') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(utf8_passes_unchanged) {
    Config c;
    c.author.name = "Zhào Xuānlěi 赵";
    BOOST_TEST(person_jsonld(c) == R"({"@context":"https://schema.org","@type":"Person","name":"Zhào Xuānlěi 赵"})");
}

BOOST_AUTO_TEST_SUITE_END()
