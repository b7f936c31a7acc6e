// End-to-end, the real binary on a copy of the default site: content that costs or leaks more
// than it should (issue 11): giant tables, editor backups, control characters in titles,
// folders swapped for symbolic links, an unreadable content folder.
#include <boost/test/unit_test.hpp>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "cgi_runner.h"
#include "fcgi_client.h"

using e2e::cgi;

namespace {

bool contains(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

// xmllint's verdict on a document: "" when it is well-formed, else its complaint.
std::string xml_problems(const std::string& xml, const std::string& dir) {
    const std::string file = dir + "/check.xml";
    std::ofstream(file, std::ios::binary) << xml;
    const std::string cmd = "xmllint --noout '" + file + "' 2>&1";
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buf[4096];
        std::size_t n;
        while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
        if (pclose(p) != 0 && out.empty()) out = "xmllint failed";
    } else {
        out = "cannot run xmllint";
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(giant_tables)

BOOST_AUTO_TEST_CASE(check_names_the_line_of_a_row_past_the_limit_and_the_page_serves) {
    e2e::SiteCopy site;
    site.write("content/wide.md", "---\ntitle: Wide\n---\nIntro\n\n|a|b|\n|-|-|\n|1|2|\n" + std::string(20000, '|') + "\n");
    auto check = e2e::run({"--check", "--config", site.config}, {});
    BOOST_TEST(contains(check.out, "content/wide.md:9: a table row of 19999 cells"), check.out);
    auto r = cgi("/wide/", "GET", site.config);
    BOOST_TEST(r.status == 200);
    BOOST_TEST(contains(r.body, "<td>1</td>"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(editor_backups)

BOOST_AUTO_TEST_CASE(backups_swap_and_lock_files_are_never_served) {
    e2e::SiteCopy site;
    const std::string secret = "---\ntitle: Draft\npublished: false\n---\nUNPUBLISHED-SOURCE-5c1e\n";
    site.write("content/draft.md", secret);
    const char* leftovers[] = {"draft.md~", "#draft.md#", "~draft.md", "draft.md.swp", "draft.md.swo", "draft.md.bak",
                               "draft.md.BAK", "draft.md.orig", "draft.md.rej", "draft.md.tmp", "draft.md.old",
                               "draft.md.save", "files/draft.md~", "files/#notes.txt#"};
    for (const char* name : leftovers) site.write(std::string("content/") + name, secret);
    site.write("content/#drafts#/page.md", secret);  // a folder of such a name is left out whole
    site.write("content/files/report.txt", "a real file\n");
    for (const char* name : leftovers) {
        std::string uri = "/";
        for (char c : std::string(name)) uri += c == '#' ? std::string("%23") : std::string(1, c);
        auto r = cgi(uri, "GET", site.config);
        BOOST_TEST_CONTEXT(uri) {
            BOOST_TEST(r.status == 404);
            BOOST_TEST(!contains(r.out, "UNPUBLISHED-SOURCE-5c1e"));
        }
    }
    BOOST_TEST(cgi("/%23drafts%23/page/", "GET", site.config).status == 404);
    BOOST_TEST(cgi("/files/report.txt", "GET", site.config).status == 200);
    BOOST_TEST(cgi("/draft/", "GET", site.config).status == 404);  // unpublished
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(xml_files)

BOOST_AUTO_TEST_CASE(feed_and_sitemap_are_well_formed_whatever_the_titles_hold) {
    e2e::SiteCopy site;
    // Every C0 control character XML 1.0 forbids, a noncharacter and bytes that are not UTF-8.
    std::string bad;
    for (char c = 1; c < 0x20; ++c)
        if (c != '\t' && c != '\n' && c != '\r') bad += c;
    site.write("content/_posts/2025-01-02-bad.md", "---\ntitle: \"Bell\\a and \\e escape\"\nexcerpt: \"tab\\vvt \\uFFFE\"\n---\nBody " +
                                                       bad + " \xff\xfe \xef\xbf\xbf end\n");
    site.write("content/_posts/2025-01-01-good.md", "---\ntitle: Fine & <dandy>\n---\nok\n");
    site.write("content/ctl.md", "---\ntitle: \"x\\x01y\"\npermalink: /ctl/\n---\nz\n");
    auto feed = cgi("/feed.xml", "GET", site.config);
    BOOST_TEST_REQUIRE(feed.status == 200);
    BOOST_TEST(contains(feed.body, "Bell"), feed.body);
    BOOST_TEST(xml_problems(feed.body, site.dir) == "");
    auto sitemap = cgi("/sitemap.xml", "GET", site.config);
    BOOST_TEST_REQUIRE(sitemap.status == 200);
    BOOST_TEST(xml_problems(sitemap.body, site.dir) == "");
    auto check = e2e::run({"--check", "--config", site.config}, {});
    BOOST_TEST(contains(check.out, "content/_posts/2025-01-02-bad.md:2: title: control character U+0007"), check.out);
    BOOST_TEST(contains(check.out, "content/_posts/2025-01-02-bad.md:5: control character U+0001"), check.out);
    BOOST_TEST(contains(check.out, "content/ctl.md:2: title: control character U+0001"), check.out);
    BOOST_TEST(!contains(check.out, "2025-01-01-good.md"), check.out);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(symlinked_folders)

// A FastCGI worker looks at the site again at most once a second; a folder swapped for a link
// in between must not be followed, neither for a static file nor for a page's body.
BOOST_AUTO_TEST_CASE(a_folder_swapped_for_a_link_is_not_followed_within_the_second) {
    e2e::SiteCopy site;
    site.write("content/files/report.txt", "the real report\n");
    site.write("content/notes/n.md", "---\ntitle: N\n---\nthe real note\n");
    site.write("outside/files/report.txt", "CANARY-OUTSIDE-91d2\n");
    site.write("outside/notes/n.md", "---\ntitle: N\n---\nCANARY-OUTSIDE-91d2\n");
    e2e::Daemon d("127.0.0.1:" + std::to_string(e2e::free_port()), site.config);
    BOOST_REQUIRE(d.wait_ready());
    BOOST_TEST(e2e::fcgi_get(d.address, "/").status == 200);  // the check of this second is done
    BOOST_REQUIRE(rename((site.dir + "/content/files").c_str(), (site.dir + "/files.old").c_str()) == 0);
    BOOST_REQUIRE(rename((site.dir + "/content/notes").c_str(), (site.dir + "/notes.old").c_str()) == 0);
    BOOST_REQUIRE(symlink((site.dir + "/outside/files").c_str(), (site.dir + "/content/files").c_str()) == 0);
    BOOST_REQUIRE(symlink((site.dir + "/outside/notes").c_str(), (site.dir + "/content/notes").c_str()) == 0);
    for (const char* uri : {"/files/report.txt", "/notes/n/"}) {
        auto r = e2e::fcgi_get(d.address, uri);
        BOOST_TEST_CONTEXT(uri) {
            BOOST_TEST(!contains(r.out, "CANARY-OUTSIDE-91d2"));
            BOOST_TEST(r.status != 200);
        }
    }
}

BOOST_AUTO_TEST_CASE(links_that_stay_inside_content_still_work) {
    e2e::SiteCopy site;
    site.write("content/real/a.md", "---\ntitle: A\n---\ninside page\n");
    site.write("content/real/f.txt", "inside file\n");
    BOOST_REQUIRE(symlink("real", (site.dir + "/content/alias").c_str()) == 0);
    auto page = cgi("/alias/a/", "GET", site.config);
    BOOST_TEST(page.status == 200);
    BOOST_TEST(contains(page.body, "inside page"));
    auto file = cgi("/alias/f.txt", "GET", site.config);
    BOOST_TEST(file.status == 200);
    BOOST_TEST(file.body == "inside file\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(unreadable_content)

namespace {

// folio run as a user that the folder's mode applies to. Root reads any folder whatever its mode,
// so under root (as make test runs) folio runs as nobody, through a wrapper script given as
// FOLIO_BIN, on a site copy that nobody may read; the content folder is then made mode 000.
class UnreadableContent {
public:
    explicit UnreadableContent(const e2e::SiteCopy& site) : site_(site) {
        const char* bin = std::getenv("FOLIO_BIN");
        saved_bin_ = bin ? bin : "";
        if (geteuid() == 0) {
            if (!getpwnam("nobody")) return;
            const std::string copy = site.dir + "/folio.fcgi", wrapper = site.dir + "/as-nobody";
            if (std::system(("cp '" + e2e::binary() + "' '" + copy + "' && chmod -R a+rX '" + site.dir + "'").c_str()) != 0)
                return;
            std::ofstream(wrapper) << "#!/bin/sh\nexec /usr/bin/setpriv --reuid=nobody --regid=nogroup --clear-groups '" << copy
                                   << "' \"$@\"\n";
            chmod(wrapper.c_str(), 0755);
            setenv("FOLIO_BIN", wrapper.c_str(), 1);
        }
        ready_ = true;
    }
    ~UnreadableContent() {
        readable(true);
        if (saved_bin_.empty()) unsetenv("FOLIO_BIN");
        else setenv("FOLIO_BIN", saved_bin_.c_str(), 1);
    }
    bool ready() const { return ready_; }
    bool readable(bool yes) const { return chmod((site_.dir + "/content").c_str(), yes ? 0755 : 0) == 0; }

private:
    const e2e::SiteCopy& site_;
    std::string saved_bin_;
    bool ready_ = false;
};

int lines_in(const std::string& text, const std::string& needle) {
    int n = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (text.substr(start, end - start).find(needle) != std::string::npos) ++n;
        start = end + 1;
    }
    return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_cgi_answers_503_and_logs_one_line_naming_the_folder) {
    e2e::SiteCopy site;
    UnreadableContent u(site);
    BOOST_REQUIRE_MESSAGE(u.ready(), "cannot run folio as an unprivileged user");
    BOOST_TEST(cgi("/", "GET", site.config).status == 200);
    BOOST_REQUIRE(u.readable(false));
    auto r = cgi("/publications/", "GET", site.config);
    BOOST_TEST(r.status == 503);
    BOOST_TEST(lines_in(r.err, site.dir + "/content") == 1, r.err);
    BOOST_TEST(contains(r.err, "Permission denied"), r.err);
    BOOST_TEST(r.err.find('\n') == r.err.size() - 1, r.err);  // that one line only
}

BOOST_AUTO_TEST_CASE(a_fastcgi_worker_keeps_its_last_good_state_and_logs_once) {
    e2e::SiteCopy site;
    UnreadableContent u(site);
    BOOST_REQUIRE_MESSAGE(u.ready(), "cannot run folio as an unprivileged user");
    e2e::Daemon d("127.0.0.1:" + std::to_string(e2e::free_port()), site.config);
    BOOST_REQUIRE(d.wait_ready());
    BOOST_TEST(e2e::fcgi_get(d.address, "/").status == 200);
    BOOST_REQUIRE(u.readable(false));
    // Past the once-a-second check, twice: the state stays, and the reason is logged once (in
    // a request, folio logs through the request's FastCGI stderr, as lighttpd wants it).
    std::string log;
    for (int i = 0; i < 2; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1200));
        auto r = e2e::fcgi_get(d.address, "/");
        BOOST_TEST(r.status == 200);
        BOOST_TEST(contains(r.body, "Xuanlei Zhao"));
        log += r.err;
    }
    log += testing::read_file(d.log);
    BOOST_TEST(lines_in(log, "cannot read the content folder: Permission denied") == 1, log);
    // Readable again: the worker takes the site up again at its next check.
    BOOST_REQUIRE(u.readable(true));
    site.write("content/back.md", "---\ntitle: Back\n---\nback again\n");
    chmod((site.dir + "/content/back.md").c_str(), 0644);
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    BOOST_TEST(e2e::fcgi_get(d.address, "/back/").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
