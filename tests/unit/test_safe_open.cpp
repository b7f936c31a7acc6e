// safe_open: opening below a folder, one component at a time, never through a symbolic link.
#include <boost/test/unit_test.hpp>

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "fd.h"
#include "helpers.h"
#include "safe_open.h"

using folio::open_below;
using folio::open_within;
using testing::TempDir;

namespace {

// What an open descriptor reads, or "<errno N>" when the open failed (the descriptor is closed).
std::string read_fd(int fd) {
    if (fd < 0) return "<errno " + std::to_string(errno) + ">";
    folio::Fd owned(fd);
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(owned.get(), buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    return out;
}

std::string err(int e) { return "<errno " + std::to_string(e) + ">"; }

// root/ with a/b.txt, top.txt; outside/secret.txt beside it.
struct Tree {
    TempDir d;
    std::string root = d / "root";
    Tree() {
        d.write("root/a/b.txt", "B\n");
        d.write("root/top.txt", "TOP\n");
        d.write("outside/secret.txt", "SECRET\n");
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(safe_open)

BOOST_AUTO_TEST_CASE(opens_files_below_the_root) {
    Tree t;
    BOOST_TEST(read_fd(open_below(t.root, "top.txt")) == "TOP\n");
    BOOST_TEST(read_fd(open_below(t.root, "a/b.txt")) == "B\n");
    // From an open folder, too.
    folio::Fd root(::open(t.root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    BOOST_REQUIRE(root.get() >= 0);
    BOOST_TEST(read_fd(open_below(root.get(), "a/b.txt")) == "B\n");
}

BOOST_AUTO_TEST_CASE(refuses_empty_dot_and_dot_dot_components) {
    Tree t;
    for (const char* rel : {"", ".", "..", "../outside/secret.txt", "a/../top.txt", "./top.txt", "a//b.txt", "a/", "/top.txt"}) {
        BOOST_TEST_CONTEXT("'" << rel << "'") {
            BOOST_TEST(read_fd(open_below(t.root, rel)) == err(EINVAL));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_enoent) {
    Tree t;
    BOOST_TEST(read_fd(open_below(t.root, "nothing.txt")) == err(ENOENT));
    BOOST_TEST(read_fd(open_below(t.root, "nowhere/b.txt")) == err(ENOENT));
    BOOST_TEST(read_fd(open_below(t.d / "no-root", "top.txt")) == err(ENOENT));
}

BOOST_AUTO_TEST_CASE(a_link_as_the_file_is_refused) {
    Tree t;
    t.d.symlink(t.d / "outside/secret.txt", "root/leak.txt");
    t.d.symlink("top.txt", "root/alias.txt");  // even one that stays inside
    BOOST_TEST(read_fd(open_below(t.root, "leak.txt")) == err(ELOOP));
    BOOST_TEST(read_fd(open_below(t.root, "alias.txt")) == err(ELOOP));
}

BOOST_AUTO_TEST_CASE(a_link_as_a_folder_on_the_way_is_refused) {
    Tree t;
    t.d.symlink(t.d / "outside", "root/up");
    // O_DIRECTORY | O_NOFOLLOW on a link gives ENOTDIR, or the fstat check gives ELOOP: either
    // way nothing is opened.
    const std::string got = read_fd(open_below(t.root, "up/secret.txt"));
    BOOST_TEST((got == err(ENOTDIR) || got == err(ELOOP)), got);
}

BOOST_AUTO_TEST_CASE(the_root_itself_may_be_a_link) {
    Tree t;
    t.d.symlink(t.root, "root-link");
    BOOST_TEST(read_fd(open_below(t.d / "root-link", "a/b.txt")) == "B\n");
}

BOOST_AUTO_TEST_CASE(a_fifo_in_place_of_the_file_does_not_hang) {
    Tree t;
    BOOST_REQUIRE(::mkfifo((t.root + "/pipe.txt").c_str(), 0600) == 0);
    const std::string outcome = testing::run_isolated(
        [&] {
            folio::Fd fd(open_below(t.root, "pipe.txt"));
            struct stat st;
            if (fd.get() < 0 || fstat(fd.get(), &st) != 0) return 1;
            return S_ISFIFO(st.st_mode) ? 0 : 2;  // opened at once; the caller's S_ISREG check refuses it
        },
        5);
    BOOST_TEST(outcome == "exit 0");
}

BOOST_AUTO_TEST_CASE(split_path_form_checks_where_the_root_ends) {
    Tree t;
    const std::string file = t.root + "/a/b.txt";
    BOOST_TEST(read_fd(open_below(file, t.root.size())) == "B\n");
    BOOST_TEST(read_fd(open_below(file, std::size_t(0))) == err(EINVAL));
    BOOST_TEST(read_fd(open_below(file, t.root.size() - 1)) == err(EINVAL));  // not at a '/'
    BOOST_TEST(read_fd(open_below(t.root + "/", t.root.size())) == err(EINVAL));  // nothing after it
    // The part before below is the root and may not be left: a ".." after it is refused.
    BOOST_TEST(read_fd(open_below(t.root + "/../outside/secret.txt", t.root.size())) == err(EINVAL));
}

BOOST_AUTO_TEST_CASE(within_follows_links_that_stay_inside) {
    Tree t;
    t.d.symlink(t.root + "/a", "root/same");
    t.d.symlink("a/b.txt", "root/b-alias.txt");
    BOOST_TEST(read_fd(open_within(t.root, "same/b.txt")) == "B\n");
    BOOST_TEST(read_fd(open_within(t.root, "b-alias.txt")) == "B\n");
    BOOST_TEST(read_fd(open_within(t.root, "a/b.txt")) == "B\n");
}

BOOST_AUTO_TEST_CASE(within_refuses_links_that_lead_out) {
    Tree t;
    t.d.symlink(t.d / "outside", "root/up");
    t.d.symlink(t.d / "outside/secret.txt", "root/leak.txt");
    // A sibling whose name starts like the root's is outside too.
    t.d.write("root-evil/x.txt", "EVIL\n");
    t.d.symlink(t.d / "root-evil/x.txt", "root/evil.txt");
    BOOST_TEST(read_fd(open_within(t.root, "up/secret.txt")) == err(ELOOP));
    BOOST_TEST(read_fd(open_within(t.root, "leak.txt")) == err(ELOOP));
    BOOST_TEST(read_fd(open_within(t.root, "evil.txt")) == err(ELOOP));
    BOOST_TEST(read_fd(open_within(t.root, "missing.txt")) == err(ENOENT));
}

BOOST_AUTO_TEST_SUITE_END()
