// Shared by the end-to-end tests: a response body holds each of some pieces of text.
#pragma once
#include <boost/test/unit_test.hpp>

#include <initializer_list>
#include <string>

namespace e2e {

// Every needle is in body: one check each, naming the needle when it is missing.
inline void expect_in(const std::string& body, std::initializer_list<std::string> needles) {
    for (const auto& needle : needles) {
        BOOST_TEST_CONTEXT("looking for " << needle) { BOOST_TEST(body.find(needle) != std::string::npos); }
    }
}

}  // namespace e2e
