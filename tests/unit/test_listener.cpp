// listener: which --listen addresses folio takes, and which are loopback.
#include <boost/test/unit_test.hpp>

#include <string>

#include "listener.h"

using folio::ListenAddress;
using folio::parse_listen_address;

namespace {

ListenAddress parsed(const std::string& text) {
    std::string reason;
    auto a = parse_listen_address(text, reason);
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(a.has_value(), reason); }
    return a.value_or(ListenAddress{});
}

std::string refused(const std::string& text) {
    std::string reason;
    auto a = parse_listen_address(text, reason);
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(!a.has_value()); }
    return reason;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(listener)

BOOST_AUTO_TEST_CASE(unix_paths_have_a_slash) {
    auto a = parsed("/run/folio/folio.sock");
    BOOST_TEST(a.path == "/run/folio/folio.sock");
    BOOST_TEST(a.loopback);
    BOOST_TEST(parsed("./folio.sock").path == "./folio.sock");
    BOOST_TEST(parsed("/tmp/a:80").path == "/tmp/a:80");  // libfcgi read this as host "/tmp/a", port 80
    BOOST_TEST(refused("folio.sock").find("'/'") != std::string::npos);
    BOOST_TEST(refused("/" + std::string(200, 'a')).find("shorter") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(loopback_addresses) {
    for (const char* text : {"127.0.0.1:9000", "127.1.2.3:9000", "localhost:9000", "[::1]:9000", "[::ffff:127.0.0.1]:9000"}) {
        auto a = parsed(text);
        BOOST_TEST_CONTEXT(text) {
            BOOST_TEST(a.loopback);
            BOOST_TEST(a.port == 9000);
        }
    }
    BOOST_TEST(parsed("localhost:1").host == "127.0.0.1");
    BOOST_TEST(parsed("[::1]:65535").host == "::1");
    BOOST_TEST(static_cast<int>(parsed("[::1]:80").kind) == static_cast<int>(ListenAddress::Kind::ipv6));
}

BOOST_AUTO_TEST_CASE(every_interface_and_other_hosts_are_not_loopback) {
    for (const char* text : {":9000", "*:9000", "0.0.0.0:9000", "192.0.2.1:9000", "[::]:9000", "[2001:db8::1]:9000"})
        BOOST_TEST_CONTEXT(text) { BOOST_TEST(!parsed(text).loopback); }
    BOOST_TEST(parsed(":9000").host == "0.0.0.0");
}

BOOST_AUTO_TEST_CASE(ports_and_hosts_are_checked) {
    for (const char* text : {"127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:70000", "127.0.0.1:http", "127.0.0.1:", "127.0.0.1:-1",
                             "127.0.0.1: 80", "127.0.0.1:0x50"})
        BOOST_TEST(refused(text).find("port") != std::string::npos);
    // Names are never looked up; libfcgi's inet_addr also took forms like 127.1 and 0x7f.0.0.1.
    for (const char* text : {"example.org:80", "127.1:80", "0x7f.0.0.1:80", "2130706433:80"})
        BOOST_TEST(refused(text).find("numeric") != std::string::npos);
    BOOST_TEST(refused("[::1]").find("HOST:PORT") != std::string::npos);
    BOOST_TEST(refused("[zz]:80").find("IPv6") != std::string::npos);
    BOOST_TEST(refused("").find("HOST:PORT") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
