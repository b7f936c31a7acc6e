// read_file: the one whole-file reader; its limit and the ways it refuses a file.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/stat.h>

#include <string>

#include "fd.h"
#include "helpers.h"
#include "read_file.h"

using folio::read_file;
using testing::TempDir;

BOOST_AUTO_TEST_SUITE(read_file_suite)

BOOST_AUTO_TEST_CASE(reads_a_file_within_the_limit_whole) {
    TempDir dir;
    const std::string bytes = std::string("a\0b\r\n", 5) + std::string(70000, 'x');  // more than one read
    std::string reason;
    auto got = read_file(dir.write("f", bytes), bytes.size(), reason);
    BOOST_REQUIRE_MESSAGE(got, reason);
    BOOST_TEST((*got == bytes));
}

BOOST_AUTO_TEST_CASE(an_empty_file_is_an_empty_string) {
    TempDir dir;
    std::string reason;
    auto got = read_file(dir.write("empty", ""), 0, reason);
    BOOST_REQUIRE_MESSAGE(got, reason);
    BOOST_TEST(got->empty());
}

BOOST_AUTO_TEST_CASE(a_file_larger_than_the_limit_is_refused) {
    TempDir dir;
    std::string reason;
    BOOST_TEST(!read_file(dir.write("big", std::string(11, 'x')), 10, reason));
    BOOST_TEST(reason == "larger than 10 bytes");
}

BOOST_AUTO_TEST_CASE(a_missing_file_says_why) {
    TempDir dir;
    std::string reason;
    BOOST_TEST(!read_file(dir / "missing", 100, reason));
    BOOST_TEST(reason == "No such file or directory");
}

BOOST_AUTO_TEST_CASE(a_folder_is_refused) {
    TempDir dir;
    dir.mkdirs("sub");
    std::string reason;
    BOOST_TEST(!read_file(dir / "sub", 100, reason));
    BOOST_TEST(reason == "a folder, not a file");
}

BOOST_AUTO_TEST_CASE(a_fifo_is_refused_without_waiting_for_a_writer) {
    TempDir dir;
    BOOST_REQUIRE(mkfifo((dir / "fifo").c_str(), 0600) == 0);
    std::string reason;
    BOOST_TEST(!read_file(dir / "fifo", 100, reason));
    BOOST_TEST(reason == "not a regular file");
}

BOOST_AUTO_TEST_CASE(a_link_is_refused_only_when_asked) {
    TempDir dir;
    dir.write("target", "t");
    dir.symlink("target", "link");
    std::string reason;
    BOOST_TEST(read_file(dir / "link", 10, reason).value_or("") == "t");
    BOOST_TEST(!read_file(dir / "link", 10, reason, false));
}

BOOST_AUTO_TEST_CASE(an_offset_reads_the_rest_and_the_limit_counts_the_whole_file) {
    TempDir dir;
    const folio::Fd fd(::open(dir.write("f", "headbody").c_str(), O_RDONLY));
    std::string reason;
    BOOST_TEST(folio::read_open_file(fd.get(), 8, reason, 4).value_or("?") == "body");
    BOOST_TEST(!folio::read_open_file(fd.get(), 7, reason, 4));
    BOOST_TEST(!folio::read_open_file(fd.get(), 100, reason, 9));  // shorter than the offset
}

BOOST_AUTO_TEST_SUITE_END()
