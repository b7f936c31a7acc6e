// End-to-end: a Jekyll site's stylesheet (issue 14) from the real binary. An edit to an imported
// partial in _sass/ shows on the next FastCGI request within a second, and in CGI mode past the
// disk cache; a broken one is a 500 with its file:line in the log, and the process and the
// other pages go on.
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "cgi_runner.h"
#include "fcgi_client.h"

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct SassSite {
    e2e::SiteCopy copy;
    std::string config;
    explicit SassSite(const std::string& cache = "off") {
        config = copy.dir + "/sass.ini";
        copy.write("sass.ini", "[paths]\ncontent = site\ntemplates = templates\ncache = " + cache + "\n");
        copy.write("site/_config.yml", "title: Sass\nsass:\n  style: compressed\n  sourcemap: never\n");
        copy.write("site/index.md", "---\ntitle: Home\n---\nHello.\n");
        copy.write("site/_sass/_base.scss", "$fg: #111111;\nbody { color: $fg; }\n");
        copy.write("site/assets/css/main.scss", "---\n---\n@import \"base\";\n");
    }
};

// Asks until the answer satisfies done or limit passes; returns the last answer and the time.
template <typename Get, typename Done>
e2e::Result poll(Get get, Done done, std::chrono::milliseconds limit, std::chrono::milliseconds& took) {
    const auto start = std::chrono::steady_clock::now();
    e2e::Result r;
    do {
        r = get();
        if (done(r)) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } while (std::chrono::steady_clock::now() - start < limit);
    took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sass_e2e)

BOOST_AUTO_TEST_CASE(fastcgi_a_partial_edit_shows_within_a_second_and_a_broken_one_is_a_500) {
    SassSite s;
    e2e::Daemon d("127.0.0.1:" + std::to_string(e2e::free_port()), s.config);
    BOOST_REQUIRE(d.wait_ready());
    auto get = [&] { return e2e::fcgi_get(d.address, "/assets/css/main.css"); };
    auto first = get();
    BOOST_TEST(first.status == 200);
    BOOST_TEST(first.header("Content-Type") == "text/css; charset=utf-8");
    BOOST_TEST(first.body == "body{color:#111}\n", first.body);

    s.copy.write("site/_sass/_base.scss", "$fg: #222222;\nbody { color: $fg; }\n");
    std::chrono::milliseconds took{};
    auto r = poll(get, [](const e2e::Result& x) { return contains(x.body, "#222"); }, std::chrono::milliseconds(1500), took);
    BOOST_TEST(r.body == "body{color:#222}\n", r.body);
    BOOST_TEST(took.count() <= 1200, "the edit showed after " << took.count() << " ms");

    s.copy.write("site/_sass/_base.scss", "body {\n  color: $undefined;\n}\n");
    r = poll(get, [](const e2e::Result& x) { return x.status != 200; }, std::chrono::milliseconds(1500), took);
    BOOST_TEST(r.status == 500);
    // The reason goes out on the request's FastCGI stderr stream (the web server's error log).
    BOOST_TEST(contains(r.err + d.log_text(), "_sass/_base.scss:2: Sass: Undefined variable"), r.err + d.log_text());
    BOOST_TEST(!contains(r.body, "Undefined variable"));  // the reason goes to the log, not to the visitor
    BOOST_TEST(e2e::fcgi_get(d.address, "/").status == 200);  // the process serves the rest

    s.copy.write("site/_sass/_base.scss", "body { color: #333333; }\n");
    r = poll(get, [](const e2e::Result& x) { return x.status == 200; }, std::chrono::milliseconds(1500), took);
    BOOST_TEST(r.body == "body{color:#333333}\n", r.body);  // libsass shortens computed colours only
    BOOST_TEST(kill(d.pid, 0) == 0);  // never crashed
}

BOOST_AUTO_TEST_CASE(cgi_disk_cache_sees_a_partial_edit) {
    e2e::SiteCopy scratch;  // a private folder for the cache
    SassSite s(scratch.dir + "/cache");
    auto get = [&] { return e2e::cgi("/assets/css/main.css", "GET", s.config); };
    BOOST_TEST(get().body == "body{color:#111}\n");
    BOOST_TEST(get().body == "body{color:#111}\n");  // now from the disk cache
    s.copy.write("site/_sass/_base.scss", "$fg: #444444;\nbody { color: $fg; }\n");
    // A CGI reuses a fingerprint younger than a second: by then the edit must show.
    std::chrono::milliseconds took{};
    auto r = poll(get, [](const e2e::Result& x) { return contains(x.body, "#444"); }, std::chrono::milliseconds(2000), took);
    BOOST_TEST(r.body == "body{color:#444}\n", r.body);
    BOOST_TEST(took.count() <= 1300, "the edit showed after " << took.count() << " ms");
}

BOOST_AUTO_TEST_SUITE_END()
