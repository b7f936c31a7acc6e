// End-to-end: hostile requests against the real binary (SECURITY.md's threat model, "anyone on
// the internet"), as CGI and over FastCGI. Extends test_cgi.cpp's bad_paths and
// tests/servers/requests.tsv; every answer is also checked for what must never happen: a 5xx,
// a crash, a header folio does not send, a Location that leaves the configured prefix, or the
// text of the canary files kept beside content/ (outside it) in the body.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "cgi_runner.h"
#include "fcgi_client.h"
#include "response_checks.h"

namespace {

const std::string kCanary = "CANARY-h0st1le-9b2e";
const std::set<std::string> kFolioHeaders = {"Status", "Content-Type", "Content-Length", "Location", "Allow", "ETag",
                                             "Last-Modified", "Cache-Control", "Vary", "Content-Encoding"};

// The default site plus everything a hostile request could try to reach: canary files beside
// content/, dot-files and '_' folders inside it, and symbolic links that lead out of it.
struct HostileSite {
    e2e::SiteCopy copy;
    std::string base;  // the configured mount prefix ("" or "/~xz")

    explicit HostileSite(const std::string& base_path = "") : base(base_path) {
        const std::string& d = copy.dir;
        copy.write("canary.txt", kCanary + " beside content/\n");
        copy.write("canary.md", "---\ntitle: " + kCanary + "\n---\n" + kCanary + " page beside content/\n");
        copy.write("content-private/secret.md", "---\ntitle: " + kCanary + "\n---\n" + kCanary + " private\n");
        copy.write("content-private/notes.txt", kCanary + " private notes\n");
        copy.write("content/.git/config", "[core]\n\t" + kCanary + "\n");
        copy.write("content/.htaccess", kCanary + " htaccess\n");
        copy.write("content/.well-known/security.txt", kCanary + " dot folder\n");
        copy.write("content/images/.secret.svg", "<svg>" + kCanary + "</svg>\n");
        copy.write("content/_private/file.txt", kCanary + " underscore folder\n");
        const std::pair<std::string, std::string> links[] = {
            {"../canary.txt", "content/rel-leak.txt"},                 // relative, out
            {d + "/canary.txt", "content/abs-leak.txt"},               // absolute, out
            {"/etc/passwd", "content/passwd.txt"},                     // system file
            {"../content-private", "content/content-priv"},           // the prefix trap: not inside content/
            {"../content-private/secret.md", "content/secret.md"},    // a page through a link
            {"../canary.md", "content/canary-page.md"},
            {"../../canary.txt", "content/images/deep.txt"},          // out from a subfolder
            {"chain-b.txt", "content/chain-a.txt"},                   // a chain that ends outside
            {"../canary.txt", "content/chain-b.txt"},
            {"..", "content/parent"},                                  // a folder link to the site root
        };
        for (const auto& [target, rel] : links)
            BOOST_REQUIRE_MESSAGE(symlink(target.c_str(), (d + "/" + rel).c_str()) == 0, rel << ": " << std::strerror(errno));
        if (!base.empty()) copy.set_base_path(base);
    }

    std::map<std::string, std::string> env(const std::string& uri, const std::string& method = "GET") const {
        std::map<std::string, std::string> e = {{"REQUEST_METHOD", method}, {"REQUEST_URI", uri},
                                                {"GATEWAY_INTERFACE", "CGI/1.1"}, {"FOLIO_CONFIG", copy.config},
                                                {"PATH", "/usr/bin:/bin"}};
        std::size_t q = uri.find('?');
        e["QUERY_STRING"] = q == std::string::npos ? "" : uri.substr(q + 1);
        return e;
    }
    e2e::Result get(const std::string& uri, const std::string& method = "GET",
                    const std::map<std::string, std::string>& extra = {}) const {
        auto e = env(uri, method);
        for (const auto& [k, v] : extra) e[k] = v;
        return e2e::run({}, e);
    }
};

// What must hold for every answer, whatever the request.
void expect_safe(const e2e::Result& r, const std::string& base = "") {
    BOOST_TEST(r.exit_code == 0, "exit " << r.exit_code << "; stderr: " << r.err.substr(0, 300));
    BOOST_TEST(r.status >= 200);
    BOOST_TEST(r.status < 500, "status " << r.status << "; stderr: " << r.err.substr(0, 300));
    BOOST_TEST(r.out.find(kCanary) == std::string::npos, "the canary leaked");
    BOOST_TEST(r.out.find("root:x:0:0") == std::string::npos, "/etc/passwd leaked");
    for (const auto& [name, value] : r.headers) {
        BOOST_TEST(kFolioHeaders.count(name) == 1, "a header folio never sends: " << name << ": " << value);
        for (unsigned char c : value) BOOST_TEST((c >= 0x20 && c != 0x7f), "control character in " << name);
    }
    std::string loc = r.header("Location");
    if (!loc.empty()) {
        BOOST_TEST(loc.rfind(base + "/", 0) == 0u, "Location " << loc << " leaves " << base << "/");
        BOOST_TEST(loc.rfind(base + "//", 0) != 0u, "Location " << loc << " is protocol-relative");
    }
}

void expect_refused(const e2e::Result& r, const std::string& base = "") {
    expect_safe(r, base);
    BOOST_TEST(r.status >= 400);
    BOOST_TEST(r.header("Location").empty());
}

e2e::Result parse(int exit_code, const std::string& out, const std::string& err) {
    e2e::Result r;
    r.exit_code = exit_code;
    r.out = out;
    r.err = err;
    std::size_t end = out.find("\r\n\r\n");
    if (end == std::string::npos) return r;
    r.body = out.substr(end + 4);
    std::istringstream head(out.substr(0, end));
    for (std::string line; std::getline(head, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string name = line.substr(0, colon), value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        if (name == "Status") r.status = std::atoi(value.c_str());
        r.headers[name] = value;
    }
    return r;
}

// Runs the binary as a CGI with a request body on stdin (cgi_runner's run() gives /dev/null).
// stdin is a file holding body, or a pipe holding body whose writing end stays open until folio
// exits: folio must answer without ever waiting for the body. Killed after `seconds`.
e2e::Result run_with_body(const HostileSite& site, std::map<std::string, std::string> env, const std::string& body,
                          bool as_pipe, int seconds = 10) {
    const std::string out = site.copy.dir + "/body.out", err = site.copy.dir + "/body.err", in = site.copy.dir + "/body.in";
    int stdin_fd = -1, writer = -1;
    if (as_pipe) {
        int p[2];
        BOOST_REQUIRE(pipe2(p, O_CLOEXEC) == 0);
        fcntl(p[1], F_SETFL, O_NONBLOCK);
        ssize_t n = write(p[1], body.data(), body.size());  // what fits in the pipe; the rest never matters
        (void)n;
        stdin_fd = p[0];
        writer = p[1];
    } else {
        std::ofstream(in, std::ios::binary) << body;
        stdin_fd = open(in.c_str(), O_RDONLY | O_CLOEXEC);
    }
    BOOST_REQUIRE(stdin_fd >= 0);
    pid_t pid = fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
        dup2(stdin_fd, 0);
        int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600), e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(o, 1);
        dup2(e, 2);
        std::vector<std::string> envs;
        for (const auto& [k, v] : env) envs.push_back(k + "=" + v);
        std::vector<char*> envp;
        for (auto& s : envs) envp.push_back(s.data());
        envp.push_back(nullptr);
        std::string bin = e2e::binary();
        char* argv[] = {bin.data(), nullptr};
        execve(bin.c_str(), argv, envp.data());
        _exit(127);
    }
    close(stdin_fd);
    int st = 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    bool killed = false;
    while (waitpid(pid, &st, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            killed = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (writer >= 0) close(writer);
    BOOST_TEST(!killed, "folio waited for a request body it must never read");
    int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return parse(code, testing::read_file(out), testing::read_file(err));
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile)

// Percent-encoding, once and twice over, of everything that could climb out of content/.
BOOST_AUTO_TEST_CASE(encoded_traversal_is_refused) {
    HostileSite site;
    const char* uris[] = {
        "/%2e%2e/canary.txt", "/%2E%2e/canary.txt", "/.%2e/canary.txt", "/%2e./canary.txt", "/%2e%2e%2fcanary.txt",
        "/images/%2e%2e/%2e%2e/canary.txt", "/images/..%2f..%2fcanary.txt", "/images/%2e%2e%2f%2e%2e%2fcanary.txt",
        "/%252e%252e/canary.txt", "/%252e%252e%252fcanary.txt", "/%25252e%25252e/canary.txt", "/%25%32%65%25%32%65/canary.txt",
        "/images/%252e%252e%252f%252e%252e%252fcanary.txt", "/..;/canary.txt", "/images/avatar.svg/..", "/images/avatar.svg/%2e%2e",
        "/./images/avatar.svg", "/images/./avatar.svg", "/images/%2e/avatar.svg", "/content/../canary.txt",
        "/%2e%2e/content-private/notes.txt", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
    };
    for (const char* uri : uris) {
        BOOST_TEST_CONTEXT(uri) {
            auto r = site.get(uri);
            expect_refused(r);
            // Decoded once, then checked: dot segments are a 400, never a lookup.
            if (std::string(uri).find("%25") == std::string::npos && std::string(uri).find(";") == std::string::npos)
                BOOST_TEST(r.status == 400);
        }
    }
}

// An encoded slash decodes to a slash (decoded once, then validated like any path): it reaches
// only what the plain path reaches, and never helps a '..' through.
BOOST_AUTO_TEST_CASE(encoded_slash_is_just_a_slash) {
    HostileSite site;
    for (const char* uri : {"/images%2favatar.svg", "/images%2Favatar.svg"}) {
        auto r = site.get(uri);
        BOOST_TEST_CONTEXT(uri) {
            expect_safe(r);
            BOOST_TEST(r.status == 200);
            BOOST_TEST(r.header("Content-Type") == "image/svg+xml");
        }
    }
    for (const char* uri : {"/%2fetc/passwd", "/%2f%2fevil.example/", "/images%2f..%2f..%2fcanary.txt", "/%2f", "/a%2f%2fb/"})
        BOOST_TEST_CONTEXT(uri) {
            auto r = site.get(uri);
            expect_refused(r);
            BOOST_TEST(r.status == 400);
        }
}

BOOST_AUTO_TEST_CASE(backslash_nul_and_control_characters_are_400) {
    HostileSite site;
    const std::string uris[] = {
        "/images\\avatar.svg", "/%5c%2e%2e%5ccanary.txt", "/images%5Cavatar.svg", "/a%00b/", "/images/avatar.svg%00.html",
        "/%00/../canary.txt", "/a%0ab/", "/a%0db/", "/a%0d%0aLocation:%20https://evil.example/", "/a%09b/", "/a%1bb/",
        "/a%7fb/", "/a\tb/", "/a\x7f" "b/", "/a\x01" "b/", "/a\r\nSet-Cookie: x=1/", "/a\nLocation: https://evil.example/",
    };
    for (const auto& uri : uris)
        BOOST_TEST_CONTEXT(uri) {
            auto r = site.get(uri);
            expect_refused(r);
            BOOST_TEST(r.status == 400);
            BOOST_TEST(r.out.find("Set-Cookie") == std::string::npos);
            BOOST_TEST(r.out.find("evil.example") == std::string::npos);
        }
}

// A query string goes back out in Location headers: raw control characters in it are a 400,
// encoded ones stay encoded.
BOOST_AUTO_TEST_CASE(query_string_cannot_split_a_redirect) {
    HostileSite site;
    auto raw = site.get("/about/", "GET", {{"QUERY_STRING", "a=1\r\nSet-Cookie: x=1"}});
    expect_refused(raw);
    BOOST_TEST(raw.status == 400);
    auto raw_uri = site.get("/about/?a=1\r\nSet-Cookie: x=1");
    expect_refused(raw_uri);
    BOOST_TEST(raw_uri.out.find("Set-Cookie") == std::string::npos);
    auto encoded = site.get("/about/?a=1%0d%0aSet-Cookie:%20x=1");
    expect_safe(encoded);
    e2e::expect_redirect(encoded, "/?a=1%0d%0aSet-Cookie:%20x=1");
    BOOST_TEST(encoded.headers.count("Set-Cookie") == 0u);
    auto protocol_relative = site.get("/about/?//evil.example/");
    expect_safe(protocol_relative);
    BOOST_TEST(protocol_relative.header("Location") == "/?//evil.example/");
}

BOOST_AUTO_TEST_CASE(overlong_and_invalid_utf8_is_400) {
    HostileSite site;
    const std::string uris[] = {
        "/%c0%ae%c0%ae/canary.txt", "/%c0%af", "/%c0%80/", "/%c1%bf/", "/%e0%80%80/", "/%e0%80%ae%e0%80%ae/canary.txt",
        "/%f0%80%80%80/", "/%f0%80%80%af", "/%f8%88%80%80%80/", "/%fc%84%80%80%80%80/", "/%fe/", "/%ff/", "/%80/",
        "/%bf/", "/%ed%a0%80/", "/%ed%bf%bf/", "/%f4%90%80%80/", "/%f5%80%80%80/", "/%e2%82/", "/%e2%82%2f",
        "/\xc0\xae\xc0\xae/canary.txt", "/\xff/", "/\xed\xa0\x80/",
    };
    for (const auto& uri : uris)
        BOOST_TEST_CONTEXT(uri) {
            auto r = site.get(uri);
            expect_refused(r);
            BOOST_TEST(r.status == 400);
        }
    // Valid UTF-8 is a path like any other (no such page: 404, not 400).
    for (const char* uri : {"/caf%C3%A9/", "/caf\xc3\xa9/", "/%F0%9F%93%9A/"})
        BOOST_TEST_CONTEXT(uri) {
            auto r = site.get(uri);
            expect_safe(r);
            BOOST_TEST(r.status == 404);
        }
}

// Limits: a path over 2 KiB is 414, more than 64 segments 400; both answered at once.
BOOST_AUTO_TEST_CASE(long_and_deep_paths) {
    HostileSite site;
    struct Case {
        std::string name, uri;
        int status;
    };
    const Case cases[] = {
        {"2048-byte path", "/" + std::string(2046, 'a') + "/", 404},
        {"2049-byte path", "/" + std::string(2047, 'a') + "/", 414},
        {"10 KB of encoded dots", repeat("/%2e%2e", 1500) + "/canary.txt", 414},
        {"10 KB query string", "/publications/?q=" + std::string(10240, 'x'), 414},
        {"100 KB URI", "/" + std::string(100 * 1024, 'b'), 414},
        {"64 segments", repeat("/a", 64) + "/", 404},
        {"65 segments", repeat("/a", 65) + "/", 400},
        {"1,000 '..' segments (3 KB decoded)", repeat("/..", 1000) + "/canary.txt", 414},
        {"500 '..' segments", repeat("/..", 500) + "/canary.txt", 400},
        {"1,000 encoded-slash segments", "/" + repeat("a%2f", 1000), 400},
        {"1,000 empty segments", std::string(1000, '/'), 400},
    };
    for (const auto& c : cases)
        BOOST_TEST_CONTEXT(c.name) {
            auto start = std::chrono::steady_clock::now();
            auto r = site.get(c.uri);
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
            expect_safe(r);
            BOOST_TEST(r.status == c.status);
            BOOST_TEST(ms < 5000, ms << " ms");
        }
}

BOOST_AUTO_TEST_CASE(dot_files_and_private_folders_are_never_served) {
    HostileSite site;
    const char* uris[] = {
        "/.git/config", "/.git/", "/.git", "/%2egit/config", "/%2Egit/config", "/.%67it/config", "/.htaccess", "/%2ehtaccess",
        "/.well-known/security.txt", "/images/.secret.svg", "/images/%2esecret.svg", "/_private/file.txt", "/private/file.txt",
        "/_publications/papers.bib", "/folio.ini", "/cgi-bin/folio.ini", "/cgi-bin/folio.fcgi",
        "/templates/layouts/page.mustache", "/content/about.md", "/canary.txt",
    };
    for (const char* uri : uris)
        BOOST_TEST_CONTEXT(uri) {
            auto r = site.get(uri);
            expect_refused(r);
            BOOST_TEST(r.out.find("[core]") == std::string::npos);
            BOOST_TEST(r.out.find("[paths]") == std::string::npos);
        }
}

BOOST_AUTO_TEST_CASE(symlinks_out_of_content_are_not_served) {
    HostileSite site;
    const char* uris[] = {
        "/rel-leak.txt", "/abs-leak.txt", "/passwd.txt", "/content-priv/notes.txt", "/content-priv/secret/", "/secret/",
        "/canary-page/", "/images/deep.txt", "/chain-a.txt", "/chain-b.txt", "/parent/canary.txt", "/parent/content-private/notes.txt",
        "/parent/cgi-bin/folio.ini",
    };
    for (const char* uri : uris)
        BOOST_TEST_CONTEXT(uri) {
            auto r = site.get(uri);
            expect_refused(r);
            BOOST_TEST(r.status == 404);
        }
    // Nor do pages behind such links reach the generated files and listings.
    for (const char* uri : {"/", "/publications/", "/sitemap.xml", "/feed.xml", "/robots.txt", "/nowhere/"})
        BOOST_TEST_CONTEXT(uri) expect_safe(site.get(uri));
    auto check = e2e::run({"--check", "--config", site.copy.config}, {});
    BOOST_TEST(check.out.find(kCanary) == std::string::npos);
    for (const char* name : {"rel-leak.txt", "abs-leak.txt", "passwd.txt", "secret.md", "canary-page.md"})
        BOOST_TEST(check.out.find(name) != std::string::npos, name << " is not reported by --check:\n" << check.out);
}

// Host, X-Forwarded-* and SERVER_NAME are the client's to choose (HACKING.md, server fact 1): folio never
// reads them, so redirects and canonical links stay those of the configuration.
BOOST_AUTO_TEST_CASE(host_headers_do_not_change_redirects_or_links) {
    const std::map<std::string, std::string> hostile = {
        {"HTTP_HOST", "evil.example"},          {"SERVER_NAME", "evil-name.example"},
        {"SERVER_PORT", "8443"},                {"HTTPS", "on"},
        {"HTTP_X_FORWARDED_HOST", "evil-forwarded.example"}, {"HTTP_X_FORWARDED_PROTO", "javascript"},
        {"HTTP_X_FORWARDED_PREFIX", "//evil-prefix.example"}, {"HTTP_FORWARDED", "host=evil-fwd.example;proto=https"},
        {"HTTP_X_ORIGINAL_URL", "/%2e%2e/canary.txt"}, {"HTTP_X_REWRITE_URL", "/%2e%2e/canary.txt"},
        {"SCRIPT_NAME", "//evil-script.example"}, {"PATH_INFO", "/../canary.txt"},
        {"HTTP_REFERER", "https://evil.example/"},
    };
    for (const std::string base : {"", "/~xz"}) {
        HostileSite site(base);
        const std::pair<std::string, std::string> redirects[] = {
            {"/about/", "/"}, {"/about.html", "/"}, {"/publications", "/publications/"}, {"/about/?x=1", "/?x=1"},
            {"http://evil.example/about/", "/"}, {"HTTPS://EVIL.EXAMPLE/publications", "/publications/"},
            {"/publications/2025-dsp", "/publications/2025-dsp/"},
        };
        for (const auto& [uri, target] : redirects)
            BOOST_TEST_CONTEXT(base << " " << uri) {
                std::string u = uri[0] == '/' ? base + uri : uri;
                if (uri[0] != '/') u.insert(u.find("/", 8), base);  // absolute form: prefix in its path
                auto r = site.get(u, "GET", hostile);
                expect_safe(r, base);
                e2e::expect_redirect(r, base + target);
                BOOST_TEST(r.out.find("evil.example") == std::string::npos);
            }
        if (!base.empty()) {  // the bare prefix
            auto r = site.get(base, "GET", hostile);
            BOOST_TEST(r.header("Location") == base + "/");
        }
        for (const std::string path : {"/", "/publications/", "/publications/2025-dsp/", "/nowhere/"})
            BOOST_TEST_CONTEXT(base << " " << path) {
                auto r = site.get(base + path, "GET", hostile);
                expect_safe(r, base);
                BOOST_TEST(r.out.find("evil.example") == std::string::npos, "a hostile header value reached the page");
                BOOST_TEST(r.out.find("evil-") == std::string::npos, "a hostile header value reached the page");
                if (r.status == 200) BOOST_TEST(r.body.find("https://oahzxl.github.io" + base + path) != std::string::npos);
            }
    }
}

// A response cached (CGI disk cache) for a hostile request is the same as for a plain one: no
// request value is part of what gets stored.
BOOST_AUTO_TEST_CASE(hostile_headers_cannot_poison_the_cgi_cache) {
    HostileSite site;
    const std::map<std::string, std::string> hostile = {
        {"HTTP_HOST", "evil.example"}, {"HTTP_X_FORWARDED_HOST", "evil.example"}, {"HTTP_IF_NONE_MATCH", "\"evil\""},
        {"HTTP_ACCEPT_LANGUAGE", "evil"}, {"HTTP_COOKIE", "session=evil"}};
    for (const char* uri : {"/publications/", "/about/", "/images/avatar.svg"}) {
        auto first = site.get(uri, "GET", hostile);
        auto second = site.get(uri);
        BOOST_TEST_CONTEXT(uri) {
            expect_safe(first);
            expect_safe(second);
            BOOST_TEST(first.out == second.out);
            BOOST_TEST(second.out.find("evil.example") == std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(absolute_form_request_uris_are_cut_to_their_path) {
    HostileSite site;
    const std::pair<std::string, int> cases[] = {
        {"http://evil.example/", 200},          {"https://evil.example", 200},
        {"http://evil.example?x=1", 200},       {"HTTP://evil.example/publications/", 200},
        {"http://user:pw@evil.example/publications/", 200},
        {"http://evil.example:8080/images/avatar.svg", 200},
        {"http://evil.example/%2e%2e/canary.txt", 400}, {"http://evil.example//evil.example/", 400},
        {"http://evil.example/.git/config", 400}, {"http://evil.example/%c0%ae%c0%ae/", 400},
        {"ftp://evil.example/", 400},            {"javascript:alert(1)", 400},
        {"//evil.example/", 400},                {"evil.example/about/", 400},
        {"*", 400},                               {"", 200},
    };
    for (const auto& [uri, status] : cases)
        BOOST_TEST_CONTEXT("'" << uri << "'") {
            auto r = site.get(uri);
            expect_safe(r);
            BOOST_TEST(r.status == status);
            BOOST_TEST(r.out.find("evil.example") == std::string::npos);
        }
}

// Request bodies are never read: a body on a GET changes nothing, and folio does not wait for
// one that never comes (CONTENT_LENGTH larger than what is sent).
BOOST_AUTO_TEST_CASE(a_body_on_get_is_ignored) {
    HostileSite site;
    auto plain = site.get("/publications/");
    BOOST_REQUIRE(plain.status == 200);
    const std::string small = "x=1&" + kCanary + "&<script>alert(1)</script>";
    const std::string big(1024 * 1024, 'B');
    struct Case {
        std::string name, method, length, body;
        bool pipe;
        int status;
    };
    const Case cases[] = {
        {"GET, small body in a pipe", "GET", std::to_string(small.size()), small, true, 200},
        {"GET, 1 MiB body in a file", "GET", std::to_string(big.size()), big, false, 200},
        {"GET, CONTENT_LENGTH far beyond the body", "GET", "99999999999", small, true, 200},
        {"GET, negative CONTENT_LENGTH", "GET", "-1", small, true, 200},
        {"GET, garbage CONTENT_LENGTH", "GET", "12abc", small, true, 200},
        {"HEAD with a body", "HEAD", std::to_string(small.size()), small, true, 200},
        {"POST, 1 MiB body in a file", "POST", std::to_string(big.size()), big, false, 405},
        {"POST, body never completed", "POST", "1000000", small, true, 405},
    };
    for (const auto& c : cases)
        BOOST_TEST_CONTEXT(c.name) {
            auto env = site.env("/publications/", c.method);
            env["CONTENT_LENGTH"] = c.length;
            env["CONTENT_TYPE"] = "application/x-www-form-urlencoded";
            env["HTTP_TRANSFER_ENCODING"] = "chunked";
            auto r = run_with_body(site, env, c.body, c.pipe);
            expect_safe(r);
            BOOST_TEST(r.status == c.status);
            BOOST_TEST(r.out.find("<script>alert(1)") == std::string::npos);
            if (c.method == "GET") BOOST_TEST(r.body == plain.body);
            if (c.method == "HEAD") BOOST_TEST(r.body.empty());
        }
}

BOOST_AUTO_TEST_CASE(unknown_methods_are_405) {
    HostileSite site;
    const std::string methods[] = {
        "get", "Get", "GET ", " GET", "", "TRACE", "TRACK", "CONNECT", "PROPFIND", "MKCOL", "PATCH", "M-SEARCH", "DEBUG",
        std::string(10000, 'G'), "GET\r\nX-Injected: 1", "GET /etc/passwd HTTP/1.1", "HEAD\x01",
    };
    for (const auto& m : methods)
        BOOST_TEST_CONTEXT("'" << m.substr(0, 40) << "'") {
            auto r = site.get("/", m);
            expect_safe(r);
            BOOST_TEST(r.status == 405);
            BOOST_TEST(r.header("Allow") == "GET, HEAD");
            BOOST_TEST(r.out.find("X-Injected") == std::string::npos);
            if (m.size() > 100) BOOST_TEST(r.out.find(m.substr(0, 100)) == std::string::npos);
        }
}

// Conditional and encoding headers are compared with folio's own values, never echoed.
BOOST_AUTO_TEST_CASE(odd_conditional_and_encoding_headers) {
    HostileSite site;
    const std::map<std::string, std::string> headers[] = {
        {{"HTTP_IF_MODIFIED_SINCE", "Fri, 31 Dec 9999 23:59:59 GMT"}},
        {{"HTTP_IF_MODIFIED_SINCE", "Thu, 01 Jan 1970 00:00:00 GMT"}},
        {{"HTTP_IF_MODIFIED_SINCE", "-1"}},
        {{"HTTP_IF_MODIFIED_SINCE", std::string(10000, '9')}},
        {{"HTTP_IF_MODIFIED_SINCE", "Sun, 06 Nov 1994 08:49:37 GMT\r\nX-Injected: 1"}},
        {{"HTTP_IF_NONE_MATCH", std::string(20000, '"')}},
        {{"HTTP_IF_NONE_MATCH", "*, W/\"\", \"" + kCanary + "\""}},
        {{"HTTP_IF_NONE_MATCH", ",,,,,"}},
        {{"HTTP_ACCEPT_ENCODING", "gzip;q=NaN, gzip;q=-1, gzip;q=1e999"}},
        {{"HTTP_ACCEPT_ENCODING", std::string(10000, ',') + "gzip"}},
        {{"HTTP_ACCEPT_ENCODING", "x-evil\r\nX-Injected: 1"}},
    };
    for (const auto& h : headers)
        BOOST_TEST_CONTEXT(h.begin()->first << ": " << h.begin()->second.substr(0, 40)) {
            auto r = site.get("/publications/", "GET", h);
            expect_safe(r);
            BOOST_TEST((r.status == 200 || r.status == 304));
            BOOST_TEST(r.out.find("X-Injected") == std::string::npos);
        }
}

// The same hostile requests over FastCGI, to one long-lived process: every one answered, the
// process still alive and serving afterwards. FastCGI parameters may also hold bytes that a
// CGI environment cannot (NUL).
BOOST_AUTO_TEST_CASE(hostile_requests_over_fastcgi_leave_the_process_serving) {
    HostileSite site;
    e2e::Daemon d("127.0.0.1:" + std::to_string(e2e::free_port()), site.copy.config);
    BOOST_REQUIRE(d.wait_ready());
    auto request = [&](const std::string& uri, const std::string& method = "GET",
                       std::map<std::string, std::string> extra = {}) {
        std::map<std::string, std::string> p = {{"REQUEST_METHOD", method}, {"REQUEST_URI", uri},
                                                {"GATEWAY_INTERFACE", "CGI/1.1"}, {"SERVER_PROTOCOL", "HTTP/1.1"}};
        std::size_t q = uri.find('?');
        p["QUERY_STRING"] = q == std::string::npos ? "" : uri.substr(q + 1);
        for (auto& [k, v] : extra) p[k] = v;
        return e2e::fcgi_request(d.address, p);
    };
    const std::string nul_uri("/images/avatar.svg\0/../../canary.txt", 37);
    const std::string uris[] = {
        "/%2e%2e/canary.txt", "/%252e%252e/canary.txt", "/rel-leak.txt", "/parent/canary.txt", "/.git/config",
        "/a%0d%0aSet-Cookie:%20x=1/", "/%c0%ae%c0%ae/canary.txt", "/" + std::string(10240, 'a'), repeat("/a", 1000),
        "http://evil.example/%2e%2e/canary.txt", nul_uri, std::string("/\0", 2), "/\xff\xfe/",
    };
    for (const auto& uri : uris)
        BOOST_TEST_CONTEXT(uri.substr(0, 60)) {
            auto r = request(uri);
            BOOST_TEST(r.status >= 200);
            BOOST_TEST(r.status < 500);
            BOOST_TEST(r.out.find(kCanary) == std::string::npos);
            BOOST_TEST(r.out.find("Set-Cookie") == std::string::npos);
        }
    // Redirects ignore Host and friends here too (and the FastCGI response cache keeps nothing of them).
    for (int i = 0; i < 2; ++i) {
        auto r = request("/about/", "GET", {{"HTTP_HOST", "evil.example"}, {"HTTP_X_FORWARDED_HOST", "evil.example"},
                                            {"SERVER_NAME", "evil.example"}, {"HTTP_X_FORWARDED_PROTO", "https"}});
        e2e::expect_redirect(r, "/");
    }
    auto page = request("/publications/", "GET", {{"HTTP_HOST", "evil.example"}});
    BOOST_TEST(page.out.find("evil.example") == std::string::npos);
    // (One PARAMS record of the test client holds at most 64 KiB, hence two 30 KB values.)
    for (const char* m : {"BREW", "", "get"}) BOOST_TEST(request("/", m).status == 405);
    auto huge = request("/", "GET", {{"HTTP_IF_NONE_MATCH", std::string(30000, 'x')}, {"HTTP_X_JUNK", std::string(30000, 'j')}});
    BOOST_TEST(huge.status == 200);
    BOOST_TEST(kill(d.pid, 0) == 0, "the FastCGI process died");
    BOOST_TEST(e2e::fcgi_get(d.address, "/").status == 200);
    BOOST_TEST(e2e::fcgi_get(d.address, "/publications/").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
