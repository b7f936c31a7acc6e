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

// True when something accepts TCP connections on 127.0.0.1:port.
bool listening_on(int port) {
    int fd = e2e::connect_to("127.0.0.1:" + std::to_string(port));
    if (fd < 0) return false;
    close(fd);
    return true;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

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

// --listen :PORT or 0.0.0.0:PORT made libfcgi listen on every interface, silently.
BOOST_AUTO_TEST_CASE(listen_refuses_every_interface_without_listen_public) {
    e2e::SiteCopy site;
    for (const std::string host : {"", "0.0.0.0", "*", "[::]"}) {
        const int port = e2e::free_port();
        const std::string address = host + ":" + std::to_string(port);
        BOOST_TEST_CONTEXT(address) {
            e2e::Daemon d(address, site.config);
            const int code = d.stop(0, 3000);  // no signal: waits for it to give up by itself
            BOOST_TEST(code == 1);
            BOOST_TEST(!listening_on(port));
            BOOST_TEST(contains(d.log_text(), "--listen-public"), d.log_text());
            d.stop(SIGKILL, 1000);
        }
    }
}

BOOST_AUTO_TEST_CASE(listen_refuses_a_non_loopback_address_without_listen_public) {
    e2e::SiteCopy site;
    // 192.0.2.1 (TEST-NET-1) is on no interface here: refused before any bind is tried.
    e2e::Daemon d("192.0.2.1:" + std::to_string(e2e::free_port()), site.config);
    BOOST_TEST(d.stop(0, 3000) == 1);
    BOOST_TEST(contains(d.log_text(), "192.0.2.1 is not a loopback address"), d.log_text());
    BOOST_TEST(contains(d.log_text(), "--listen-public"), d.log_text());
}

BOOST_AUTO_TEST_CASE(listen_public_warns) {
    e2e::SiteCopy site;
    const std::string address = "192.0.2.1:" + std::to_string(e2e::free_port());
    e2e::Daemon d(address, site.config, {"--listen-public"});
    // The warning comes first; the bind then fails (the address is on no interface here), so
    // the test never listens beyond the loopback interface.
    BOOST_TEST(d.stop(0, 3000) == 1);
    BOOST_TEST(contains(d.log_text(), "warning: listening on " + address), d.log_text());
    BOOST_TEST(contains(d.log_text(), "cannot listen on " + address), d.log_text());
}

// libfcgi read "127.0.0.1:0" as a Unix socket path and cut port 70000 to a short (4464).
BOOST_AUTO_TEST_CASE(listen_refuses_bad_ports_and_paths_without_a_slash) {
    e2e::SiteCopy site;
    for (const std::string address : {"127.0.0.1:0", "127.0.0.1:70000", "127.0.0.1:http", "folio.sock", "[::1]"}) {
        BOOST_TEST_CONTEXT(address) {
            e2e::Daemon d(address, site.config);
            BOOST_TEST(d.stop(0, 3000) == 1);
            BOOST_TEST(contains(d.log_text(), "--listen " + address + ":"), d.log_text());
            d.stop(SIGKILL, 1000);
            struct stat st;
            BOOST_TEST(stat(address.c_str(), &st) != 0);  // no socket file made from it
            unlink(address.c_str());
        }
    }
}

BOOST_AUTO_TEST_CASE(listen_accepts_the_loopback_forms) {
    e2e::SiteCopy site;
    for (const std::string host : {"127.0.0.1", "localhost", "[::1]", "127.0.0.2"}) {
        const std::string address = host + ":" + std::to_string(e2e::free_port());
        BOOST_TEST_CONTEXT(address) {
            e2e::Daemon d(address, site.config);
            BOOST_REQUIRE(d.wait_ready());
            BOOST_TEST(e2e::fcgi_get(address, "/").status == 200);
            BOOST_TEST(d.stop(SIGTERM, 2000) == 0);
        }
    }
}

BOOST_AUTO_TEST_CASE(listen_socket_file_is_removed_at_exit) {
    e2e::SiteCopy site;
    const std::string sock = site.dir + "/folio.sock";
    e2e::Daemon d(sock, site.config);
    BOOST_REQUIRE(d.wait_ready());
    struct stat st;
    BOOST_TEST(stat(sock.c_str(), &st) == 0);
    // One answered request first: the socket listens before folio's SIGTERM handler is installed
    // (under ASan that start-up window was wide enough for the signal to land in it).
    BOOST_TEST(e2e::fcgi_get(sock, "/").status == 200);
    BOOST_TEST(d.stop(SIGTERM, 2000) == 0);
    BOOST_TEST(stat(sock.c_str(), &st) != 0);
}

// libfcgi unlink()ed whatever was at the path before binding its socket there.
BOOST_AUTO_TEST_CASE(listen_keeps_a_file_in_its_way_and_a_socket_in_use) {
    e2e::SiteCopy site;
    const std::string path = site.dir + "/not-a-socket";
    site.write("not-a-socket", "precious\n");
    e2e::Daemon d(path, site.config);
    BOOST_TEST(d.stop(0, 3000) == 1);
    BOOST_TEST(contains(d.log_text(), "exists and is not a socket"), d.log_text());
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    BOOST_TEST(line == "precious");

    const std::string sock = site.dir + "/folio.sock";
    e2e::Daemon first(sock, site.config);
    BOOST_REQUIRE(first.wait_ready());
    e2e::Daemon second(sock, site.config);
    BOOST_TEST(second.stop(0, 3000) == 1);
    BOOST_TEST(contains(second.log_text(), "in use"), second.log_text());
    BOOST_TEST(e2e::fcgi_get(sock, "/").status == 200);  // still the first one's socket
}

// libfcgi's own accept took TCP peers only from FCGI_WEB_SERVER_ADDRS when it was set; folio's
// accept keeps that.
BOOST_AUTO_TEST_CASE(fcgi_web_server_addrs_still_limits_tcp_peers) {
    e2e::SiteCopy site;
    for (const std::string list : {"127.0.0.2", "127.0.0.2,127.0.0.1"}) {
        BOOST_TEST_CONTEXT(list) {
            setenv("FCGI_WEB_SERVER_ADDRS", list.c_str(), 1);
            e2e::Daemon d(tcp_address(), site.config);
            unsetenv("FCGI_WEB_SERVER_ADDRS");
            BOOST_REQUIRE(d.wait_ready());
            BOOST_TEST(e2e::fcgi_get(d.address, "/").status == (list == "127.0.0.2" ? 0 : 200));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
