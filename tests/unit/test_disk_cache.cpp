// disk_cache: the bound and its eviction, the folders it refuses, the program-owner rule, the
// once-only log lines, and [paths] cache_size.
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "config.h"
#include "disk_cache.h"
#include "helpers.h"

using folio::DiskCache;
using testing::TempDir;

namespace {

struct Logged {
    std::vector<std::string> lines;
    folio::Log log() {
        return [this](std::string_view l) { lines.emplace_back(l); };
    }
};

folio::Response page(std::size_t bytes, char fill = 'p') {
    folio::Response r;
    r.set_header("Content-Type", "text/html; charset=utf-8");
    r.body.assign(bytes, fill);
    return r;
}

std::optional<DiskCache> open_at(const std::string& dir, std::uint64_t limit, Logged& logged, std::string* why = nullptr) {
    std::string refused;
    bool existed = false;
    auto c = DiskCache::open(dir, false, limit, logged.log(), refused, existed);
    if (why) *why = refused;
    return c;
}

// A setup whose program file is this test binary (ours: the build made it).
folio::CacheSetup setup_in(const TempDir& t, std::uint64_t limit) {
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    return folio::CacheSetup{std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0), t / "site/folio.ini", "", limit,
                             t / "tmp"};
}

std::size_t count(const std::vector<std::string>& lines, const std::string& what) {
    std::size_t n = 0;
    for (const auto& l : lines) n += l.find(what) != std::string::npos;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(disk_cache)

BOOST_AUTO_TEST_CASE(entries_stay_within_the_bound_oldest_go_first_and_it_is_said_once) {
    TempDir t;
    Logged logged;
    const std::uint64_t limit = 64 << 10;
    auto c = open_at(t / "cache", limit, logged);
    BOOST_REQUIRE(c);
    for (int i = 0; i < 40; ++i) {
        c->put(1, "path /p" + std::to_string(i) + "/", page(5000));
        BOOST_TEST(c->entry_bytes() <= limit, "after " << i << ": " << c->entry_bytes());
        usleep(2000);  // distinct modification times
    }
    BOOST_TEST(c->get(1, "path /p39/").has_value());
    BOOST_TEST(!c->get(1, "path /p0/").has_value());
    BOOST_TEST(c->get(1, "path /p39/")->body == std::string(5000, 'p'));
    BOOST_TEST(count(logged.lines, "reached its bound of 64 KiB") == 1u);
    // Another process (another DiskCache on the same folder) does not say it again.
    Logged again;
    auto c2 = open_at(t / "cache", limit, again);
    for (int i = 40; i < 50; ++i) c2->put(1, "path /p" + std::to_string(i) + "/", page(5000));
    BOOST_TEST(again.lines.empty());
}

BOOST_AUTO_TEST_CASE(too_big_and_static_file_responses_are_not_kept) {
    TempDir t;
    Logged logged;
    auto c = open_at(t / "cache", 64 << 10, logged);
    BOOST_REQUIRE(c);
    c->put(1, "path /big/", page((64 << 10) / folio::kMaxEntryShare + 1));
    BOOST_TEST(!c->get(1, "path /big/").has_value());
    BOOST_TEST(c->entry_bytes() == 0u);
    // A static file's response (Response::file set) is never copied: only the pointer is looked
    // at, so any non-null one marks it.
    folio::Response file = page(10);
    auto owner = std::make_shared<int>(0);
    file.file = std::shared_ptr<const folio::BodyFile>(owner, reinterpret_cast<const folio::BodyFile*>(owner.get()));
    c->put(1, "path /file.pdf", file);
    BOOST_TEST(!c->get(1, "path /file.pdf").has_value());
    c->put(1, "path /small/", page(10));
    BOOST_TEST(c->get(1, "path /small/").has_value());
}

BOOST_AUTO_TEST_CASE(a_new_fingerprint_drops_the_old_entries) {
    TempDir t;
    Logged logged;
    auto c = open_at(t / "cache", 1 << 20, logged);
    c->put(1, "path /a/", page(100));
    c->put(2, "path /a/", page(100, 'q'));
    BOOST_TEST(!c->get(1, "path /a/").has_value());
    BOOST_TEST(c->get(2, "path /a/")->body == std::string(100, 'q'));
    BOOST_TEST(c->entry_bytes() <= 4096u * 2);
}

BOOST_AUTO_TEST_CASE(unsafe_folders_are_refused_with_the_reason) {
    TempDir t;
    Logged logged;
    std::string why;
    t.mkdirs("real");
    BOOST_REQUIRE(symlink((t / "real").c_str(), (t / "link").c_str()) == 0);
    BOOST_TEST(!open_at(t / "link", 1 << 20, logged, &why));
    BOOST_TEST(why.find("symbolic link") != std::string::npos, why);

    BOOST_REQUIRE(mkdir((t / "open").c_str(), 0700) == 0 && chmod((t / "open").c_str(), 0755) == 0);
    BOOST_TEST(!open_at(t / "open", 1 << 20, logged, &why));
    BOOST_TEST(why.find("mode 0755") != std::string::npos, why);

    BOOST_REQUIRE(mkdir((t / "theirs").c_str(), 0700) == 0 && chown((t / "theirs").c_str(), 65534, 65534) == 0);
    BOOST_TEST(!open_at(t / "theirs", 1 << 20, logged, &why));
    BOOST_TEST(why.find("belongs to uid 65534") != std::string::npos, why);

    t.write("file", "x");
    BOOST_TEST(!open_at(t / "file", 1 << 20, logged, &why));
    BOOST_TEST(why.find("not a folder") != std::string::npos, why);

    auto made = open_at(t / "made", 1 << 20, logged, &why);
    BOOST_TEST(made.has_value());
    struct stat st;
    BOOST_TEST((lstat((t / "made").c_str(), &st) == 0 && (st.st_mode & 0777) == 0700));
    BOOST_TEST(logged.lines.empty());  // DiskCache::open reports, open_cgi_cache logs
}

BOOST_AUTO_TEST_CASE(the_site_folder_is_preferred_and_refusals_are_logged_once) {
    TempDir t;
    t.mkdirs("site");
    t.mkdirs("tmp");
    BOOST_REQUIRE(chmod((t / "site").c_str(), 0755) == 0);
    Logged logged;
    auto c = folio::open_cgi_cache(setup_in(t, 1 << 20), logged.log());
    BOOST_REQUIRE(c);
    BOOST_TEST(c->dir() == t / "site/.folio-cache");
    BOOST_TEST(logged.lines.empty());

    // A link where the site's folder would be: the fallback in TMPDIR, and one line naming it.
    BOOST_REQUIRE(rmdir((t / "site/.folio-cache").c_str()) == 0);
    BOOST_REQUIRE(symlink((t / "tmp").c_str(), (t / "site/.folio-cache").c_str()) == 0);
    for (int i = 0; i < 3; ++i) {
        c = folio::open_cgi_cache(setup_in(t, 1 << 20), logged.log());
        BOOST_REQUIRE(c);
        BOOST_TEST(c->dir().rfind(t / "tmp/folio-", 0) == 0u, c->dir());
    }
    BOOST_TEST(logged.lines.size() == 1u);
    BOOST_TEST(count(logged.lines, t / "site/.folio-cache: it is a symbolic link") == 1u);

    // A site folder other users may write is not used for the cache.
    BOOST_REQUIRE(unlink((t / "site/.folio-cache").c_str()) == 0 && chmod((t / "site").c_str(), 0777) == 0);
    c = folio::open_cgi_cache(setup_in(t, 1 << 20), logged.log());
    BOOST_REQUIRE(c);
    BOOST_TEST(c->dir().rfind(t / "tmp/folio-", 0) == 0u, c->dir());
}

BOOST_AUTO_TEST_CASE(no_disk_cache_for_a_program_of_another_owner) {
    TempDir t;
    t.mkdirs("site");
    t.mkdirs("tmp");
    const std::string program = t.write("folio.fcgi", "not run");
    BOOST_REQUIRE(chown(program.c_str(), 65534, 65534) == 0);
    folio::CacheSetup s = setup_in(t, 1 << 20);
    s.program = program;
    Logged logged;
    for (int i = 0; i < 3; ++i) BOOST_TEST(!folio::open_cgi_cache(s, logged.log()).has_value());
    BOOST_TEST(logged.lines.size() == 1u);
    BOOST_TEST(count(logged.lines, "no disk cache: " + program + " belongs to uid 65534") == 1u);
    struct stat st;
    BOOST_TEST(lstat((t / "site/.folio-cache").c_str(), &st) != 0);
    BOOST_TEST(folio::describe_cgi_cache(s).find("CGI disk cache: off (no disk cache") == 0u);
    s.program = t / "missing";
    BOOST_TEST(!folio::open_cgi_cache(s, logged.log()).has_value());
}

BOOST_AUTO_TEST_CASE(cache_size_setting) {
    auto size_of = [](const std::string& v) {
        return folio::parse_config("[paths]\ncache_size = " + v + "\n", "folio.ini", "/site").cache_size;
    };
    BOOST_TEST(folio::parse_config("[site]\ntitle = x\n", "folio.ini", "/site").cache_size == folio::kDefaultCacheSize);
    BOOST_TEST(size_of("512K") == 512u << 10);
    BOOST_TEST(size_of("4M") == 4u << 20);
    BOOST_TEST(size_of("2MiB") == 2u << 20);
    BOOST_TEST(size_of("1G") == 1u << 30);
    BOOST_TEST(size_of("1000") == 1000u);
    BOOST_TEST(size_of("0") == 0u);
    for (const char* bad : {"", "M", "4X", "-1", "2G", "999999999999G", "4 M"})
        BOOST_CHECK_THROW(size_of(bad), std::exception);
}

BOOST_AUTO_TEST_SUITE_END()
