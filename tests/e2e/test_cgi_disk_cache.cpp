// End-to-end: CGI mode's disk cache (issue 11, points 2, 3, 4, 14): one entry per route and
// variant, never a copy of a static file, a bound with eviction, no cache for a program file of
// another user, refused folders logged once, and no folder left behind by the tests.
#include <boost/test/unit_test.hpp>

#include <dirent.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <functional>

#include "cgi_runner.h"
#include "text.h"

namespace {

// The space a file takes, counted as the cache counts it: its allocated blocks or its length,
// whichever is more.
std::uintmax_t file_bytes(const struct stat& st) {
    std::uintmax_t blocks = static_cast<std::uintmax_t>(st.st_blocks) * 512;
    return std::max<std::uintmax_t>(blocks, static_cast<std::uintmax_t>(st.st_size));
}

// Calls f(path, stat) for every regular file under dir (any depth).
void each_file(const std::string& dir, const std::function<void(const std::string&, const struct stat&)>& f) {
    DIR* d = opendir(dir.c_str());
    if (!d) return;
    while (dirent* e = readdir(d)) {
        const std::string name = e->d_name;
        if (name == "." || name == "..") continue;
        const std::string path = dir + "/" + name;
        struct stat st;
        if (lstat(path.c_str(), &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) each_file(path, f);
        else if (S_ISREG(st.st_mode)) f(path, st);
    }
    closedir(d);
}

// The response entries: the files in the cache's per-state folders (the index cache and the
// small marker files at the top are outside the bound, as README says).
std::uintmax_t entry_bytes(const std::string& cache, std::size_t* count = nullptr) {
    std::uintmax_t total = 0;
    std::size_t n = 0;
    DIR* d = opendir(cache.c_str());
    if (!d) return 0;
    while (dirent* e = readdir(d)) {
        const std::string sub = cache + "/" + e->d_name;
        struct stat st;
        if (e->d_name[0] == '.' || lstat(sub.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        each_file(sub, [&](const std::string&, const struct stat& s) {
            total += file_bytes(s);
            ++n;
        });
    }
    closedir(d);
    if (count) *count = n;
    return total;
}

bool exists(const std::string& path) {
    struct stat st;
    return lstat(path.c_str(), &st) == 0;
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}

// A CGI GET with the site's folio.ini and a private TMPDIR (so nothing lands in the real /tmp).
e2e::Result get(const e2e::SiteCopy& site, const std::string& uri, const std::string& program = "") {
    std::map<std::string, std::string> env = {{"REQUEST_METHOD", "GET"}, {"REQUEST_URI", uri},
                                              {"FOLIO_CONFIG", site.config}, {"TMPDIR", site.dir + "/tmp"}};
    return program.empty() ? e2e::run({}, env) : e2e::run_program(program, {}, env);
}

// The site's folio.ini with lines added to its [paths] section (there is none by default).
void add_paths(const e2e::SiteCopy& site, const std::string& lines) {
    site.add_to_config("\n[paths]\n" + lines);
}

void make_tmp(const e2e::SiteCopy& site) { BOOST_REQUIRE(mkdir((site.dir + "/tmp").c_str(), 0700) == 0); }

uid_t nobody() {
    const passwd* pw = getpwnam("nobody");
    return pw ? pw->pw_uid : 65534;
}

// The default site's own cache folder, beside cgi-bin/folio.ini: made by the tests that run the
// default site, so removed at the end unless it was there before.
struct DefaultSiteCacheCleanup {
    bool existed = exists("cgi-bin/.folio-cache");
    ~DefaultSiteCacheCleanup() {
        if (!existed && exists("cgi-bin/.folio-cache") && std::system("rm -rf cgi-bin/.folio-cache") != 0) {
        }
    }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(DefaultSiteCacheCleanup);

BOOST_AUTO_TEST_SUITE(cgi_disk_cache)

// Point 2: a static file is a file already; spelling its path many ways (percent-escapes, a
// #fragment, an absolute-form host) stored one more copy each before.
BOOST_AUTO_TEST_CASE(spellings_of_a_big_file_do_not_fill_the_cache) {
    e2e::SiteCopy site;
    make_tmp(site);
    add_paths(site, "cache = ../cache\n");
    site.write("content/files/big.bin", std::string(10 << 20, 'x'));
    const std::string cache = site.dir + "/cache";
    const char* spellings[] = {"/files/big.bin", "/files/big.bin#a", "/files/%62ig.bin", "/%66iles/big.bin",
                               "http://one.example/files/big.bin", "https://two.example/files/big.bin#x",
                               "/files/big%2ebin", "/files/b%69g.bin", "/files/bi%67.bin", "/files/big.b%69n",
                               "/files/big.bi%6e", "/files/big.bin#b"};
    for (const char* uri : spellings) {
        auto r = get(site, uri);
        BOOST_TEST_CONTEXT(uri) {
            BOOST_TEST(r.status == 200);
            BOOST_TEST(r.body.size() == std::size_t(10 << 20));
        }
    }
    std::size_t n = 0;
    const std::uintmax_t bytes = entry_bytes(cache, &n);
    BOOST_TEST(bytes <= std::uintmax_t(4 << 20), "12 spellings of a 10 MiB file left " << bytes << " bytes in " << n << " entries");
}

// A response kept by one program file is not served by another (an upgraded folio): the
// fingerprint the entries are filed under includes the program file. Before, the new binary
// served the old one's pages until the content changed.
BOOST_AUTO_TEST_CASE(a_new_program_file_does_not_serve_the_old_ones_pages) {
    e2e::SiteCopy site;
    make_tmp(site);
    add_paths(site, "cache = ../cache\n");
    const std::string cache = site.dir + "/cache";
    const std::string program = site.dir + "/cgi-bin/folio-copy.fcgi";
    BOOST_REQUIRE(std::system(("cp " + e2e::binary() + " " + program).c_str()) == 0);
    BOOST_REQUIRE(get(site, "/publications/", program).status == 200);
    // Plant a different body in the entry the first program kept (as if an older folio made it).
    std::string entry;
    for (const auto& dir : {cache}) {
        DIR* d = opendir(dir.c_str());
        BOOST_REQUIRE(d);
        while (dirent* e = readdir(d)) {
            const std::string name = e->d_name;
            if (name.size() != 16) continue;
            DIR* f = opendir((dir + "/" + name).c_str());
            while (dirent* g = f ? readdir(f) : nullptr)
                if (g->d_name[0] != '.') entry = dir + "/" + name + "/" + g->d_name;
            if (f) closedir(f);
        }
        closedir(d);
    }
    BOOST_REQUIRE(!entry.empty());
    std::string kept = testing::read_file(entry);
    const auto at = kept.find("FastFold");
    BOOST_REQUIRE(at != std::string::npos);
    kept.replace(at, 8, "OLD-PAGE");
    { std::ofstream(entry, std::ios::binary) << kept; }
    sleep(1);  // past the second in which a fingerprint is reused
    BOOST_TEST(get(site, "/publications/", program).body.find("OLD-PAGE") != std::string::npos);  // same program: kept
    // A new program file (same bytes, a new file: an upload) renders anew.
    BOOST_REQUIRE(std::system(("cp " + program + " " + program + ".new && mv " + program + ".new " + program).c_str()) == 0);
    sleep(1);
    const auto r = get(site, "/publications/", program);
    BOOST_TEST(r.body.find("OLD-PAGE") == std::string::npos);
    BOOST_TEST(r.body.find("FastFold") != std::string::npos);
}

// Point 2: one entry per route and variant, whatever the spelling.
BOOST_AUTO_TEST_CASE(spellings_of_a_page_share_one_entry) {
    e2e::SiteCopy site;
    make_tmp(site);
    add_paths(site, "cache = ../cache\n");
    const std::string cache = site.dir + "/cache";
    const std::string first = get(site, "/publications/").body;
    BOOST_REQUIRE(first.find("FastFold") != std::string::npos);
    for (int i = 0; i < 40; ++i) {
        const std::string n = std::to_string(i);
        for (const std::string& uri : {"/publications/#" + n, "http://h" + n + ".example/publications/", "/%70ublications/#" + n})
            BOOST_TEST(get(site, uri).body == first, uri);
    }
    std::size_t entries = 0;
    entry_bytes(cache, &entries);
    BOOST_TEST(entries == 1u, "121 spellings of /publications/ left " << entries << " entries");
}

// Point 2: the bound holds after every request, the oldest entries go first, and reaching it is
// logged once.
BOOST_AUTO_TEST_CASE(the_bound_evicts_and_is_logged_once) {
    e2e::SiteCopy site;
    make_tmp(site);
    add_paths(site, "cache = ../cache\ncache_size = 64K\n");
    const std::string cache = site.dir + "/cache";
    for (int i = 0; i < 30; ++i)
        site.write("content/p" + std::to_string(i) + ".md", "---\ntitle: Page " + std::to_string(i) + "\n---\n" + std::string(3000, 'w') + "\n");
    std::string log;
    for (int i = 0; i < 30; ++i) {
        auto r = get(site, "/p" + std::to_string(i) + "/");
        BOOST_REQUIRE_MESSAGE(r.status == 200, r.err);
        log += r.err;
        const std::uintmax_t bytes = entry_bytes(cache);
        BOOST_TEST(bytes <= std::uintmax_t(64 << 10), "after page " << i << ": " << bytes << " bytes");
    }
    BOOST_TEST(count_of(log, "reached its bound") == 1u, log);
    // The newest entry is kept (a hit is served from it), the oldest went.
    std::string keys;
    each_file(cache, [&](const std::string& path, const struct stat&) { keys += testing::read_file(path).substr(0, 40) + "\n"; });
    BOOST_TEST(keys.find("/p29/") != std::string::npos, keys);
    BOOST_TEST(keys.find("/p0/") == std::string::npos, keys);
}

// Point 3: on a host without suexec every user's CGI runs as the web server's uid, and any of
// them could write folio's cache. A program file owned by another uid than the one folio runs as
// is that case: no disk cache (nothing read, nothing created), said once in the log and in --check.
BOOST_AUTO_TEST_CASE(a_program_of_another_user_runs_without_a_disk_cache) {
    e2e::SiteCopy site;
    make_tmp(site);
    add_paths(site, "cache = ../cache\n");
    const std::string cache = site.dir + "/cache";
    const std::string ours = site.dir + "/cgi-bin/folio.fcgi", theirs = site.dir + "/other/folio.fcgi";
    const std::string cp = "cp '" + e2e::binary() + "' '" + ours + "' && mkdir '" + site.dir + "/other' && cp '" +
                           e2e::binary() + "' '" + theirs + "'";
    BOOST_REQUIRE(std::system(cp.c_str()) == 0);
    BOOST_REQUIRE(chown(theirs.c_str(), nobody(), nobody()) == 0);

    // Our own program fills the cache; then another tenant rewrites its entries.
    BOOST_REQUIRE(get(site, "/publications/", ours).status == 200);
    std::size_t planted = 0;
    each_file(cache, [&](const std::string& path, const struct stat&) {
        std::string text = testing::read_file(path);
        for (std::size_t pos; (pos = text.find("FastFold")) != std::string::npos;) text.replace(pos, 8, "PLANTED!");
        if (text != testing::read_file(path)) {
            std::ofstream(path, std::ios::binary) << text;
            ++planted;
        }
    });
    BOOST_REQUIRE(planted > 0u);
    BOOST_TEST(get(site, "/publications/", ours).body.find("PLANTED!") != std::string::npos);  // the plant works

    // The program of the web server's shared uid does not read it.
    auto r = get(site, "/publications/", theirs);
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.body.find("PLANTED!") == std::string::npos);
    BOOST_TEST(r.body.find("FastFold") != std::string::npos);
    BOOST_TEST(r.err.find("no disk cache") != std::string::npos, r.err);
    BOOST_TEST(r.err.find(theirs) != std::string::npos, r.err);
    BOOST_TEST(get(site, "/", theirs).err.find("no disk cache") == std::string::npos);  // once

    // Nor does it create a folder anywhere: the default settings, a fresh site.
    e2e::SiteCopy fresh;
    make_tmp(fresh);
    auto f = get(fresh, "/publications/", theirs);
    BOOST_TEST(f.status == 200);
    BOOST_TEST(!exists(fresh.dir + "/cgi-bin/.folio-cache"));
    BOOST_TEST(!exists(fresh.dir + "/tmp/folio-" + std::to_string(geteuid())));
    auto check = e2e::run_program(theirs, {"--check", "--config", fresh.config}, {{"TMPDIR", fresh.dir + "/tmp"}});
    BOOST_TEST(check.out.find("no disk cache") != std::string::npos, check.out);
    BOOST_TEST(e2e::run({"--check", "--config", fresh.config}, {}).out.find("CGI disk cache: ") != std::string::npos);
}

// Point 4: the cache prefers a private folder inside the site; a folder it must refuse (a link,
// another owner) is named in the log, once, instead of switching the cache off silently.
BOOST_AUTO_TEST_CASE(refused_folders_are_logged_and_the_site_folder_is_preferred) {
    e2e::SiteCopy site;
    make_tmp(site);
    const std::string squatted = site.dir + "/tmp/folio-" + std::to_string(geteuid());
    BOOST_REQUIRE(mkdir(squatted.c_str(), 0700) == 0);
    BOOST_REQUIRE(chown(squatted.c_str(), nobody(), nobody()) == 0);  // another user was first

    auto r = get(site, "/publications/");
    BOOST_TEST(r.status == 200);
    const std::string own = site.dir + "/cgi-bin/.folio-cache";
    struct stat st;
    BOOST_TEST((lstat(own.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0777) == 0700),
               "no private cache folder beside folio.ini");
    BOOST_TEST(entry_bytes(own) > 0u);
    // The router refuses dot-folders, so the cache is never served as a file.
    BOOST_TEST(get(site, "/.folio-cache/index").status >= 400);

    // Now the folder inside the site is a link, and the one in TMPDIR belongs to someone else.
    BOOST_REQUIRE(std::system(("rm -rf '" + own + "' && mkdir '" + site.dir + "/elsewhere'").c_str()) == 0);
    BOOST_REQUIRE(symlink((site.dir + "/elsewhere").c_str(), own.c_str()) == 0);
    r = get(site, "/publications/");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.err.find(own + ": ") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("symbolic link") != std::string::npos, r.err);
    BOOST_TEST(r.err.find(squatted + ": ") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("uid " + std::to_string(nobody())) != std::string::npos, r.err);
    BOOST_TEST(get(site, "/").err.empty());  // said once
    std::size_t n = 0;
    each_file(site.dir + "/elsewhere", [&](const std::string&, const struct stat&) { ++n; });
    BOOST_TEST(n == 0u);
}

// Point 14: a copy of the site used by a test leaves no cache folder behind in /tmp (about 150
// were found in /tmp/folio-0/, one per temporary site).
BOOST_AUTO_TEST_CASE(a_temporary_site_leaves_no_cache_folder_in_tmp) {
    std::string left;
    {
        e2e::SiteCopy site;
        BOOST_TEST(e2e::cgi("/publications/", "GET", site.config).status == 200);
        char hex[20];
        std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(folio::fnv1a(site.config)));
        left = "/tmp/folio-" + std::to_string(geteuid()) + "/" + hex;  // where it went before
    }
    BOOST_TEST(!exists(left), left << " was left behind");
    if (exists(left) && std::system(("rm -rf '" + left + "'").c_str()) != 0) {
    }
}

BOOST_AUTO_TEST_SUITE_END()
