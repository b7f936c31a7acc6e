// Every exception folio throws is a folio::Error, so the one top-level catch (std::exception)
// sees it and the request gets a 500 instead of the process ending (issue 12, point 5).
#include <boost/test/unit_test.hpp>

#include <string>

#include "error.h"
#include "front_matter.h"
#include "http.h"

BOOST_AUTO_TEST_SUITE(error_model)

BOOST_AUTO_TEST_CASE(front_matter_errors_are_folio_errors_with_their_line) {
    try {
        folio::parse_front_matter("---\ntitle: x\nauthors: [unclosed\n---\nbody\n");
        BOOST_FAIL("broken front matter was accepted");
    } catch (const folio::Error& e) {
        const auto* line_error = dynamic_cast<const folio::LineError*>(&e);
        BOOST_REQUIRE(line_error != nullptr);
        BOOST_TEST(line_error->line >= 2);
        BOOST_TEST(std::string(e.what()).find("YAML") != std::string::npos, e.what());
    }
}

BOOST_AUTO_TEST_CASE(a_refused_redirect_is_a_folio_error) {
    BOOST_CHECK_THROW(folio::redirect_response(301, "/x\r\nSet-Cookie: a=b"), folio::Error);
}

BOOST_AUTO_TEST_SUITE_END()
