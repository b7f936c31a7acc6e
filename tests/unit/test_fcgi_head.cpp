// fcgi_head: when the bytes on a FastCGI connection hold one whole request head.
#include <boost/test/unit_test.hpp>

#include <string>

#include "fcgi_head.h"

using folio::check_request_head;
using folio::HeadState;

namespace {

std::string record(unsigned type, const std::string& content, unsigned id = 1, unsigned padding = 0) {
    std::string r;
    for (unsigned b : {1u, type, id >> 8, id & 0xff, unsigned(content.size() >> 8), unsigned(content.size() & 0xff), padding, 0u})
        r += static_cast<char>(b);
    return r + content + std::string(padding, '\0');
}

std::string begin(unsigned role = 1, unsigned id = 1) {
    return record(1, std::string{char(0), char(role), char(0), 0, 0, 0, 0, 0}, id);
}

std::string pair(const std::string& name, const std::string& value) {
    return std::string(1, char(name.size())) + char(value.size()) + name + value;
}

const std::string kParams = pair("REQUEST_METHOD", "GET") + pair("REQUEST_URI", "/");
const std::string kHead = begin() + record(4, kParams, 1, 3) + record(4, "");

HeadState state(const std::string& bytes) { return check_request_head(bytes).state; }

}  // namespace

BOOST_AUTO_TEST_SUITE(fcgi_head)

BOOST_AUTO_TEST_CASE(a_whole_head_is_complete_and_every_prefix_incomplete) {
    BOOST_TEST(static_cast<int>(state(kHead)) == static_cast<int>(HeadState::complete));
    BOOST_TEST(static_cast<int>(state(kHead + record(5, ""))) == static_cast<int>(HeadState::complete));
    for (std::size_t n = 0; n < kHead.size(); ++n)
        BOOST_TEST_CONTEXT(n) { BOOST_TEST(static_cast<int>(state(kHead.substr(0, n))) == static_cast<int>(HeadState::incomplete)); }
}

BOOST_AUTO_TEST_CASE(parameters_may_span_records) {
    const std::string head = begin() + record(4, kParams.substr(0, 5)) + record(4, kParams.substr(5)) + record(4, "");
    BOOST_TEST(static_cast<int>(state(head)) == static_cast<int>(HeadState::complete));
}

BOOST_AUTO_TEST_CASE(anything_else_is_bad) {
    const auto bad = [](const std::string& bytes) { return check_request_head(bytes).state == HeadState::bad; };
    BOOST_TEST(bad(record(4, kParams) + record(4, "")));                 // no BEGIN_REQUEST first
    BOOST_TEST(bad(record(9, pair("FCGI_MAX_CONNS", "")) + kHead));      // a management record first
    BOOST_TEST(bad(begin(2) + record(4, "")));                           // the authorizer role
    BOOST_TEST(bad(begin(1, 0) + record(4, "")));                        // request id 0
    BOOST_TEST(bad(begin() + record(4, kParams, 2) + record(4, "")));    // another request's parameters
    BOOST_TEST(bad(begin() + record(5, "") + record(4, "")));            // STDIN before the parameters end
    BOOST_TEST(bad(begin() + begin()));                                  // a second BEGIN_REQUEST
    std::string v2 = kHead;
    v2[0] = 2;
    BOOST_TEST(bad(v2));
}

// libfcgi allocates what a pair declares before reading it (and aborts when it cannot).
BOOST_AUTO_TEST_CASE(a_length_beyond_the_parameters_is_bad) {
    const std::string lie = std::string(1, char(4)) + "\xff\xff\xff\xfe" + "NAME" + "value";
    auto c = check_request_head(begin() + record(4, kParams + lie) + record(4, ""));
    BOOST_TEST(static_cast<int>(c.state) == static_cast<int>(HeadState::bad));
    BOOST_TEST(c.reason.find("length") != std::string::npos, c.reason);
    BOOST_TEST(static_cast<int>(state(begin() + record(4, kParams + "\x05") + record(4, ""))) == static_cast<int>(HeadState::bad));
}

BOOST_AUTO_TEST_CASE(a_head_over_the_bound_is_bad) {
    std::string head = begin();
    while (head.size() < folio::kMaxRequestHeadBytes) head += record(4, pair("X", std::string(100, 'x')));
    auto c = check_request_head(head);
    BOOST_TEST(static_cast<int>(c.state) == static_cast<int>(HeadState::bad));
    BOOST_TEST(c.reason.find("larger than") != std::string::npos, c.reason);
    // Just under the bound, with its end record, it is taken.
    std::string fits = begin();
    const std::string one = record(4, pair("X", std::string(100, 'x')));
    while (fits.size() + one.size() + 8 <= folio::kMaxRequestHeadBytes) fits += one;
    BOOST_TEST(static_cast<int>(state(fits + record(4, ""))) == static_cast<int>(HeadState::complete));
}

BOOST_AUTO_TEST_SUITE_END()
