// Shared by the end-to-end tests: checks of a response that many tests make (its body holds some
// pieces of text; it is a redirect).
#pragma once
#include <boost/test/unit_test.hpp>

#include <initializer_list>
#include <string>

#include "cgi_runner.h"

namespace e2e {

// Every needle is in body: one check each, naming the needle when it is missing.
inline void expect_in(const std::string& body, std::initializer_list<std::string> needles) {
    for (const auto& needle : needles) {
        BOOST_TEST_CONTEXT("looking for " << needle) { BOOST_TEST(body.find(needle) != std::string::npos); }
    }
}

// r is a 301 to location.
inline void expect_redirect(const Result& r, const std::string& location) {
    BOOST_TEST(r.status == 301);
    BOOST_TEST(r.header("Location") == location);
}

}  // namespace e2e
