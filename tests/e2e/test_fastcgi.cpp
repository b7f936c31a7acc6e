// End-to-end over the FastCGI protocol: folio.fcgi --listen, a client speaking FastCGI.
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "fcgi_client.h"

namespace {

std::string tcp_address() { return "127.0.0.1:" + std::to_string(e2e::free_port()); }

}  // namespace

BOOST_AUTO_TEST_SUITE(fastcgi)

BOOST_AUTO_TEST_CASE(serves_many_requests_from_one_process) {
    e2e::SiteCopy site;
    e2e::Daemon d(tcp_address(), site.config);
    BOOST_REQUIRE(d.wait_ready());
    for (int i = 0; i < 20; ++i) {
        auto r = e2e::fcgi_get(d.address, i % 2 ? "/publications/" : "/about/?i=" + std::to_string(i));
        BOOST_TEST(r.status == (i % 2 ? 200 : 301));
    }
    auto head = e2e::fcgi_get(d.address, "/", "HEAD");
    BOOST_TEST(head.status == 200);
    BOOST_TEST(head.body.empty());
    BOOST_TEST(e2e::fcgi_get(d.address, "/", "POST").status == 405);
}

BOOST_AUTO_TEST_CASE(unix_socket_is_0660) {
    e2e::SiteCopy site;
    const std::string sock = site.dir + "/folio.sock";
    e2e::Daemon d(sock, site.config);
    BOOST_REQUIRE(d.wait_ready());
    struct stat st;
    BOOST_REQUIRE(stat(sock.c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0660u);
    BOOST_TEST(e2e::fcgi_get(sock, "/").status == 200);
}

BOOST_AUTO_TEST_CASE(content_edits_show_within_a_second) {
    e2e::SiteCopy site;
    e2e::Daemon d(tcp_address(), site.config);
    BOOST_REQUIRE(d.wait_ready());
    BOOST_TEST(e2e::fcgi_get(d.address, "/news/").status == 404);
    site.write("content/news.md", "---\ntitle: News\n---\nFirst version.\n");
    // The index is rechecked at most once a second: within ~1.2 s the page must be there.
    auto start = std::chrono::steady_clock::now();
    e2e::Result r;
    while (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(1500)) {
        r = e2e::fcgi_get(d.address, "/news/");
        if (r.status == 200) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.find("First version.") != std::string::npos);
    site.write("content/news.md", "---\ntitle: News\n---\nSecond version, longer.\n");
    start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(1500)) {
        r = e2e::fcgi_get(d.address, "/news/");
        if (r.body.find("Second version") != std::string::npos) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    BOOST_TEST(r.body.find("Second version") != std::string::npos);
    unlink((site.dir + "/content/news.md").c_str());
    start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(1500)) {
        r = e2e::fcgi_get(d.address, "/news/");
        if (r.status == 404) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    BOOST_TEST(r.status == 404);
}

BOOST_AUTO_TEST_CASE(broken_configuration_keeps_the_last_good_state) {
    e2e::SiteCopy site;
    e2e::Daemon d(tcp_address(), site.config);
    BOOST_REQUIRE(d.wait_ready());
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    site.write("cgi-bin/folio.ini", "[site]\nbogus = 1\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    auto first = e2e::fcgi_get(d.address, "/");
    BOOST_TEST(first.status == 200);
    BOOST_TEST(e2e::fcgi_get(d.address, "/publications/").status == 200);
    // The log line travels on the request's FastCGI stderr stream, into the server's error log.
    BOOST_TEST(first.err.find("folio.ini:2: unknown key 'bogus' in [site]") != std::string::npos, first.err);
}

BOOST_AUTO_TEST_CASE(sigterm_stops_an_idle_process_at_once) {
    e2e::SiteCopy site;
    e2e::Daemon d(tcp_address(), site.config);
    BOOST_REQUIRE(d.wait_ready());
    BOOST_TEST(e2e::fcgi_get(d.address, "/").status == 200);
    auto start = std::chrono::steady_clock::now();
    int code = d.stop(SIGTERM, 1000);
    BOOST_TEST(code != -1);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    BOOST_TEST(ms < 1000);
}

BOOST_AUTO_TEST_SUITE_END()
