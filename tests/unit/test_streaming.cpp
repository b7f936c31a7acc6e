// gzip and the response cache (issue 11, points 5 and 8): the level, the types refused, and
// that a response too big for the cache leaves nothing behind.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>

#include <string>
#include <vector>

#include "../common/gunzip.h"
#include "config.h"
#include "helpers.h"
#include "http.h"
#include "gzip_store.h"
#include "http_cache.h"
#include "response_writer.h"

using folio::BodyFile;
using folio::Response;
using testing::TempDir;
using testing::contains;

namespace {

std::string text_of(std::size_t bytes) {
    std::string s;
    for (std::size_t i = 0; s.size() < bytes; ++i) s += std::to_string(i) + ",row " + std::to_string(i % 97) + ",x\n";
    s.resize(bytes);
    return s;
}


// zlib's own gzip of bytes at a level, for comparison.
std::string reference_gzip(const std::string& bytes, int level) {
    z_stream zs{};
    deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, bytes.size()), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

Response typed(const std::string& type) {
    Response r;
    r.set_header("Content-Type", type);
    return r;
}

// Bytes malloc holds for the program right now, small blocks and mmapped ones together.
std::size_t heap_in_use() {
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

std::shared_ptr<const BodyFile> open_file(const std::string& path) {
    std::string reason;
    auto f = BodyFile::open(path, reason);
    BOOST_REQUIRE_MESSAGE(f, reason);
    return f;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(streaming)

// Point 5: level 9 cost seconds per request on large files for a few percent; zlib's default
// level 6 is what gzip() uses now (byte-equal to zlib's own output at that level).
BOOST_AUTO_TEST_CASE(gzip_uses_level_6_and_round_trips) {
    const std::string text = text_of(300 * 1024);
    const std::string gz = folio::gzip(text);
    BOOST_TEST((testing::gunzip(gz) == text));
    BOOST_TEST((gz == reference_gzip(text, folio::kGzipLevel)), "not zlib's output at level " << folio::kGzipLevel);
    BOOST_TEST(folio::kGzipLevel <= 6);
    // The gzip header's XFL byte is 2 only for the slowest level.
    BOOST_REQUIRE(gz.size() > 10u);
    BOOST_TEST(static_cast<int>(static_cast<unsigned char>(gz[8])) != 2);
}

// Point 5: only text-like types are compressed; a type that is already compressed never is,
// even when its name holds "xml" (Office documents are zip files).
BOOST_AUTO_TEST_CASE(compressed_types_are_refused) {
    for (const char* type : {"text/html; charset=utf-8", "text/css; charset=utf-8", "text/csv; charset=utf-8",
                             "text/javascript; charset=utf-8", "application/json", "application/xml",
                             "image/svg+xml", "application/atom+xml; charset=utf-8", "text/x-bibtex; charset=utf-8"})
        BOOST_TEST(folio::compressible(typed(type)), type);
    for (const char* type : {"image/png", "image/jpeg", "image/webp", "image/avif", "application/zip", "application/gzip",
                             "application/pdf", "font/woff", "font/woff2", "video/mp4", "video/webm", "audio/mpeg",
                             "application/octet-stream",
                             "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             "application/epub+zip", "application/x-gzip"})
        BOOST_TEST(!folio::compressible(typed(type)), type);
    BOOST_TEST(!folio::compressible(Response{}));  // no type at all
}

// Point 8: a response too big for the cache used to stay behind as a "scratch" copy until the
// next one (a 51 MB file kept a worker at 55 to 104 MB). Now nothing of it stays.
BOOST_AUTO_TEST_CASE(a_response_too_big_for_the_cache_leaves_nothing_behind) {
    folio::ResponseCache cache;
    const std::size_t before = heap_in_use();
    {
        Response big;
        big.set_header("Content-Type", "text/plain; charset=utf-8");
        big.body = text_of(2 * folio::kMaxCacheBytes);
        cache.put("big", big);
        BOOST_TEST(cache.find("big") == nullptr);
        cache.gzip_of("big", big);
    }
    const std::size_t after = heap_in_use();
    BOOST_TEST(after < before + 256 * 1024, "the cache still holds " << (after - before) << " bytes");
    BOOST_TEST(cache.bytes() == 0u);
}

BOOST_AUTO_TEST_CASE(body_file_opens_regular_files_only) {
    TempDir d;
    const std::string text = text_of(1000);
    d.write("a.txt", text);
    d.symlink(d / "a.txt", "link.txt");
    d.mkdirs("folder");
    auto f = open_file(d / "a.txt");
    BOOST_TEST(f->size == 1000u);
    BOOST_TEST(f->path == d / "a.txt");
    struct stat st;
    BOOST_REQUIRE(stat((d / "a.txt").c_str(), &st) == 0);
    BOOST_TEST(f->inode == static_cast<std::uint64_t>(st.st_ino));
    BOOST_TEST(f->mtime_ns == static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec);
    std::string reason;
    BOOST_TEST(!BodyFile::open(d / "link.txt", reason));  // O_NOFOLLOW
    BOOST_TEST(!BodyFile::open(d / "folder", reason));
    BOOST_TEST(contains(reason, "not a regular file"));
    BOOST_TEST(!BodyFile::open(d / "missing", reason));
}

// Chunks of at most 64 KiB, in order, byte-equal; a file that shrank after open is reported.
BOOST_AUTO_TEST_CASE(body_file_chunks_and_a_shrunk_file) {
    TempDir d;
    const std::string text = text_of(300 * 1024 + 7);
    d.write("a.csv", text);
    auto f = open_file(d / "a.csv");
    std::string got, reason;
    std::size_t chunks = 0, largest = 0;
    BOOST_TEST(f->for_each_chunk([&](const char* p, std::size_t n) {
        got.append(p, n);
        ++chunks;
        largest = std::max(largest, n);
        return true;
    }, reason));
    BOOST_TEST((got == text));
    BOOST_TEST(largest <= BodyFile::kChunkBytes);
    BOOST_TEST(chunks == 5u);
    BOOST_REQUIRE(truncate((d / "a.csv").c_str(), 1000) == 0);
    BOOST_TEST(!f->for_each_chunk([](const char*, std::size_t) { return true; }, reason));
    BOOST_TEST(contains(reason, "shrank"));
}

// HEAD: the head with the file's Content-Length, and not one byte of the file read (the file
// is truncated to nothing first: a read would show as "shrank").
BOOST_AUTO_TEST_CASE(write_response_streams_a_file_and_head_reads_nothing) {
    TempDir d;
    const std::string text = text_of(200 * 1024);
    d.write("a.csv", text);
    Response r;
    r.set_header("Content-Type", "text/csv; charset=utf-8");
    r.file = open_file(d / "a.csv");
    std::string out, reason;
    std::size_t writes = 0;
    auto sink = [&](const char* p, std::size_t n) {
        out.append(p, n);
        ++writes;
        return true;
    };
    BOOST_TEST(folio::write_response(r, false, sink, reason));
    BOOST_TEST((out == folio::serialize_head(r) + text));
    BOOST_TEST(contains(out, "Content-Length: 204800\r\n"));
    BOOST_TEST(writes == 5u);  // the head, then four chunks
    BOOST_REQUIRE(truncate((d / "a.csv").c_str(), 0) == 0);
    out.clear();
    BOOST_TEST(folio::write_response(r, true, sink, reason));
    BOOST_TEST(out == folio::serialize_head(r));
    BOOST_TEST(contains(out, "Content-Length: 204800\r\n"));
    // A GET now: the file shrank, so the body cannot be whole, and that is reported.
    BOOST_TEST(!folio::write_response(r, false, sink, reason));
}

// A client that leaves stops the writing at once.
BOOST_AUTO_TEST_CASE(write_response_stops_when_the_sink_refuses) {
    TempDir d;
    d.write("a.csv", text_of(1024 * 1024));
    Response r;
    r.file = open_file(d / "a.csv");
    std::size_t calls = 0;
    std::string reason;
    folio::write_response(r, false, [&](const char*, std::size_t) { return ++calls < 2; }, reason);
    BOOST_TEST(calls == 2u);
}

BOOST_AUTO_TEST_CASE(the_cache_never_keeps_a_file_response) {
    TempDir d;
    d.write("a.txt", "hello");
    folio::ResponseCache cache;
    Response r;
    r.set_header("Content-Type", "text/plain; charset=utf-8");
    r.file = open_file(d / "a.txt");
    BOOST_TEST(!cache.put("file", r));
    BOOST_TEST(cache.find("file") == nullptr);
    BOOST_TEST(cache.bytes() == 0u);
}

// gzip_file: streamed deflate of a file, inflated back by zlib itself to the same bytes.
BOOST_AUTO_TEST_CASE(gzip_file_round_trips) {
    TempDir d;
    const std::string text = text_of(3 * 1024 * 1024 + 11);
    d.write("a.csv", text);
    auto f = open_file(d / "a.csv");
    int out = ::open((d / "a.csv.gz").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    BOOST_REQUIRE(out >= 0);
    std::string reason;
    BOOST_TEST(folio::gzip_file(*f, out, reason), reason);
    close(out);
    const std::string gz = testing::read_file(d / "a.csv.gz");
    BOOST_TEST(gz.size() < text.size() / 2);
    BOOST_TEST((testing::gunzip(gz) == text));
    BOOST_TEST((gz == reference_gzip(text, folio::kGzipLevel)), "not zlib's stream at level " << folio::kGzipLevel);
    // A write that fails (a read-only descriptor) is reported, not taken for a variant.
    int ro = ::open((d / "a.csv.gz").c_str(), O_RDONLY);
    BOOST_TEST(!folio::gzip_file(*f, ro, reason));
    close(ro);
}

// The store: the variant is made once (the same file afterwards), decompresses to the source,
// a new stamp gets a new variant, a damaged one is made again, sizes outside the range and a
// folder open to others are refused.
BOOST_AUTO_TEST_CASE(gzip_store_makes_a_variant_once_and_keeps_it) {
    TempDir d;
    auto store = folio::GzipStore::open(d / "gzip", folio::kDefaultCacheSize);
    BOOST_REQUIRE(store);
    struct stat st;
    BOOST_REQUIRE(stat((d / "gzip").c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0700u);
    const std::string text = text_of(2 * 1024 * 1024);
    d.write("site/data.csv", text);
    auto source = open_file(d / "site/data.csv");
    std::string reason;
    auto first = store->variant(*source, reason);
    BOOST_REQUIRE_MESSAGE(first, reason);
    BOOST_TEST(first->path == d / ("gzip/" + folio::GzipStore::name_for(*source)));
    BOOST_TEST((testing::gunzip(testing::read_file(first->path)) == text));
    auto second = store->variant(*source, reason);
    BOOST_REQUIRE(second);
    BOOST_TEST(second->inode == first->inode);
    BOOST_TEST(second->mtime_ns == first->mtime_ns);

    // Damaged (cut short): not served, made again.
    BOOST_REQUIRE(truncate(first->path.c_str(), 100) == 0);
    auto remade = store->variant(*source, reason);
    BOOST_REQUIRE(remade);
    BOOST_TEST((testing::gunzip(testing::read_file(remade->path)) == text));

    // An edit: a new stamp, a new name.
    d.write("site/data.csv", text_of(2 * 1024 * 1024 + 1));
    auto edited = open_file(d / "site/data.csv");
    BOOST_TEST(folio::GzipStore::name_for(*edited) != folio::GzipStore::name_for(*source));

    // Another process at work on it (a fresh .tmp): served plain, no second compression.
    const std::string busy = d / ("gzip/" + folio::GzipStore::name_for(*edited) + ".tmp");
    d.write("gzip/" + folio::GzipStore::name_for(*edited) + ".tmp", "");
    BOOST_TEST(!store->variant(*edited, reason));
    unlink(busy.c_str());
    BOOST_TEST(store->variant(*edited, reason));

    // Too small, incompressible: none.
    d.write("site/tiny.txt", "x");
    BOOST_TEST(!store->variant(*open_file(d / "site/tiny.txt"), reason));
    std::string noise(100000, '\0');
    std::uint32_t x = 12345;
    for (auto& c : noise) c = static_cast<char>((x = x * 1103515245u + 12345u) >> 24);
    d.write("site/noise.txt", noise);
    BOOST_TEST(!store->variant(*open_file(d / "site/noise.txt"), reason));

    // A folder open to others is refused.
    d.mkdirs("open");
    chmod((d / "open").c_str(), 0755);
    BOOST_TEST(!folio::GzipStore::open(d / "open", folio::kDefaultCacheSize));
    d.symlink(d / "gzip", "linked");
    BOOST_TEST(!folio::GzipStore::open(d / "linked", folio::kDefaultCacheSize));
}

// The store stays within its bound: a variant over its share of the bound is not kept, and the
// oldest variants go when a new one would pass the bound.
BOOST_AUTO_TEST_CASE(gzip_store_stays_within_its_bound) {
    TempDir d;
    std::string reason;
    // ~2 MiB of text compresses to a few hundred KiB: over half of a 256 KiB bound.
    auto small = folio::GzipStore::open(d / "small", 256 * 1024);
    BOOST_REQUIRE(small);
    d.write("site/a.csv", text_of(2 * 1024 * 1024));
    auto a = open_file(d / "site/a.csv");
    BOOST_TEST(!small->variant(*a, reason));
    BOOST_TEST(!std::filesystem::exists(d / ("small/" + folio::GzipStore::name_for(*a))));

    // A bound that holds one variant: the second pushes out the first.
    auto one = folio::GzipStore::open(d / "one", folio::kDefaultCacheSize);
    BOOST_REQUIRE(one);
    auto va = one->variant(*a, reason);
    BOOST_REQUIRE_MESSAGE(va, reason);
    const std::uint64_t size_a = va->size;
    // Set each variant's modification time apart, so that "oldest" is well defined.
    auto age = [](const std::string& path, int seconds_ago) {
        timespec times[2];
        clock_gettime(CLOCK_REALTIME, &times[0]);
        times[0].tv_sec -= seconds_ago;
        times[1] = times[0];
        utimensat(AT_FDCWD, path.c_str(), times, 0);
    };
    age(va->path, 100);
    auto bounded = folio::GzipStore::open(d / "one", size_a * 2 + size_a / 2);  // room for two, not three
    BOOST_REQUIRE(bounded);
    std::vector<std::string> names{folio::GzipStore::name_for(*a)};
    for (int i = 1; i <= 2; ++i) {
        const std::string name = "site/f" + std::to_string(i) + ".csv";
        d.write(name, text_of(2 * 1024 * 1024 + static_cast<std::size_t>(i)));
        auto f = open_file(d / name);
        auto v = bounded->variant(*f, reason);
        BOOST_REQUIRE(v);
        age(v->path, 100 - i);
        names.push_back(folio::GzipStore::name_for(*f));
    }
    std::uint64_t total = 0;
    for (const auto& e : std::filesystem::directory_iterator(d / "one")) total += e.file_size();
    BOOST_TEST(total <= size_a * 2 + size_a / 2);
    BOOST_TEST(!std::filesystem::exists(d / ("one/" + names[0])));  // the oldest went
    BOOST_TEST(std::filesystem::exists(d / ("one/" + names[2])));   // the newest stayed
}

// A FastCGI process without a cache folder keeps its variants itself (anonymous files): made
// once, whole, within the bound (the oldest go first), and over half the bound not kept.
BOOST_AUTO_TEST_CASE(gzip_store_of_the_process_alone) {
    TempDir d;
    std::string reason;
    const std::string text = text_of(2 * 1024 * 1024);
    d.write("site/a.csv", text);
    auto a = open_file(d / "site/a.csv");
    auto store = folio::GzipStore::in_process(folio::kDefaultCacheSize);
    auto first = store.variant(*a, reason);
    BOOST_REQUIRE_MESSAGE(first, reason);
    std::string bytes;
    BOOST_REQUIRE(first->for_each_chunk([&](const char* p, std::size_t n) { return bytes.append(p, n), true; }, reason));
    BOOST_TEST((testing::gunzip(bytes) == text));
    BOOST_TEST(store.variant(*a, reason) == first);  // the same variant, not made again

    // Room for two variants: a third pushes out the first.
    auto two = folio::GzipStore::in_process(first->size * 2 + first->size / 2);
    std::vector<std::shared_ptr<const folio::BodyFile>> made;
    for (int i = 0; i < 3; ++i) {
        const std::string name = "site/g" + std::to_string(i) + ".csv";
        d.write(name, text_of(2 * 1024 * 1024 + static_cast<std::size_t>(i)));
        made.push_back(two.variant(*open_file(d / name), reason));
        BOOST_REQUIRE(made.back());
    }
    auto again = two.variant(*open_file(d / "site/g0.csv"), reason);  // made anew: it had gone
    BOOST_TEST(again != made[0]);
    BOOST_TEST(two.variant(*open_file(d / "site/g2.csv"), reason) == made[2]);

    // Over half the bound: not kept.
    auto tiny = folio::GzipStore::in_process(first->size);
    BOOST_TEST(!tiny.variant(*a, reason));
}

// Above kMaxGzipFileBytes no variant is made (a sparse file: no disk needed for the test).
BOOST_AUTO_TEST_CASE(gzip_store_refuses_files_above_the_limit) {
    TempDir d;
    auto store = folio::GzipStore::open(d / "gzip", folio::kDefaultCacheSize);
    BOOST_REQUIRE(store);
    d.write("big.csv", "");
    BOOST_REQUIRE(truncate((d / "big.csv").c_str(), static_cast<off_t>(folio::kMaxGzipFileBytes + 1)) == 0);
    std::string reason;
    BOOST_TEST(!store->variant(*open_file(d / "big.csv"), reason));
    BOOST_TEST(reason.empty());
}

BOOST_AUTO_TEST_SUITE_END()
