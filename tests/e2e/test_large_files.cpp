// End-to-end: large static files (issue 11, points 5, 8, 14): streamed in chunks, HEAD reads
// nothing, a worker's memory stays bounded, gzip variants made once and kept, no gzip above a
// size or for compressed types.
#include <boost/test/unit_test.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <malloc.h>
#include <zlib.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <cstdio>
#include <fstream>
#include <map>
#include <thread>
#include <vector>

#include "../common/gunzip.h"
#include "fcgi_client.h"

namespace {

constexpr std::size_t kMiB = 1024 * 1024;
// What a process may reach, at its peak (VmHWM), while serving a 50 MB file or gzipping a 10 MB
// one: under the size of either file, so a body read into memory cannot pass. The default
// site's CGI and FastCGI worker both peak near 5.5 MiB with streaming; zlib's deflate state
// (about 300 KiB at level 6) and a 64 KiB chunk buffer are in that figure.
constexpr long kMaxWorkerKiB = 16 * 1024;
// Under AddressSanitizer (tests/asan/, which builds folio and these tests with it) memory figures
// mean nothing: shadow memory and the free-list quarantine come on top of whatever folio holds.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kMemoryMeasured = false;
#else
constexpr bool kMemoryMeasured = true;
#endif

// The bound checked, unless under a sanitizer.
void check_memory(long kib, const std::string& what) {
    BOOST_TEST_MESSAGE(what << ": " << kib << " KiB");
    if (kMemoryMeasured) BOOST_TEST(kib < kMaxWorkerKiB, what << ": " << kib << " KiB");
}

// A CSV of `bytes` bytes, the same every time (so a test can rebuild the expected bytes).
std::string csv_row(std::size_t i) {
    return std::to_string(i) + ",sample " + std::to_string(i % 977) + "," + std::to_string((i * 7919) % 100003) +
           ",2024-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + "\n";
}

void write_csv(const std::string& path, std::size_t bytes, std::size_t first_row = 0) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    std::string chunk;
    std::size_t written = 0;
    for (std::size_t i = first_row; written < bytes; ++i) {
        chunk += csv_row(i);
        if (chunk.size() >= 65536 || written + chunk.size() >= bytes) {
            if (written + chunk.size() > bytes) chunk.resize(bytes - written);
            out << chunk;
            written += chunk.size();
            chunk.clear();
        }
    }
}

// Reads a file from offset in chunks, handing each to f: the test process never holds a large
// body, since its memory at fork() counts in its CGI child's peak (see cgi_measured).
template <typename F>
void each_chunk(const std::string& path, std::size_t offset, F f) {
    std::ifstream in(path, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(offset));
    std::vector<char> buf(1 << 16);
    while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0)
        f(buf.data(), static_cast<std::size_t>(in.gcount()));
}

// A digest of bytes fed in pieces (FNV-1a 64 and the length): enough to tell bodies apart.
struct Digest {
    std::uint64_t h = 1469598103934665603ull, n = 0;
    void add(const char* p, std::size_t len) {
        for (std::size_t i = 0; i < len; ++i) h = (h ^ static_cast<unsigned char>(p[i])) * 1099511628211ull;
        n += len;
    }
    bool operator==(const Digest& o) const { return h == o.h && n == o.n; }
};

Digest digest_of_file(const std::string& path, std::size_t offset = 0) {
    Digest d;
    each_chunk(path, offset, [&](const char* p, std::size_t n) { d.add(p, n); });
    return d;
}

// Streaming inflate (zlib directly, not folio's code) of a file's bytes from offset; the digest
// of what comes out, or a zero-length digest when the stream is not a whole gzip stream.
Digest gunzip_digest(const std::string& path, std::size_t offset) {
    z_stream zs{};
    Digest d;
    if (inflateInit2(&zs, 15 + 16) != Z_OK) return {};
    std::vector<char> out(1 << 16);
    int rc = Z_OK;
    each_chunk(path, offset, [&](const char* p, std::size_t n) {
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(p));
        zs.avail_in = static_cast<uInt>(n);
        while (rc == Z_OK && zs.avail_in > 0) {
            zs.next_out = reinterpret_cast<Bytef*>(out.data());
            zs.avail_out = static_cast<uInt>(out.size());
            rc = inflate(&zs, Z_NO_FLUSH);
            d.add(out.data(), out.size() - zs.avail_out);
        }
    });
    while (rc == Z_OK) {  // what zlib still holds
        zs.next_out = reinterpret_cast<Bytef*>(out.data());
        zs.avail_out = static_cast<uInt>(out.size());
        rc = inflate(&zs, Z_FINISH);
        d.add(out.data(), out.size() - zs.avail_out);
        if (rc == Z_BUF_ERROR && zs.avail_out != 0) break;
    }
    inflateEnd(&zs);
    return rc == Z_STREAM_END ? d : Digest{0, 0};
}


// A CGI run whose peak memory is measured: wait4 reports the child's maximum resident set
// (what /proc/PID/status calls VmHWM), in KiB. The child starts as a copy of this process, and
// Linux keeps the copy's peak in that figure across execve, so this process keeps its own memory
// small (bodies go to a file, never into a string; malloc_trim before fork).
struct Measured {
    int status = 0;
    std::map<std::string, std::string> headers;
    std::string out;  // the file holding the whole output, removed on destruction
    std::size_t body_offset = 0, body_size = 0;
    long max_rss_kib = -1;
    std::string header(const std::string& name) const {
        auto it = headers.find(name);
        return it == headers.end() ? "" : it->second;
    }
    Digest body() const { return digest_of_file(out, body_offset); }
    Digest gunzipped() const { return gunzip_digest(out, body_offset); }
    Measured() = default;
    Measured(Measured&& o) noexcept : status(o.status), headers(std::move(o.headers)), out(std::move(o.out)),
        body_offset(o.body_offset), body_size(o.body_size), max_rss_kib(o.max_rss_kib) { o.out.clear(); }
    ~Measured() {
        if (!out.empty()) unlink(out.c_str());
    }
};

Measured cgi_measured(const std::string& uri, const std::string& method, const std::string& config,
                      const std::string& accept_encoding = "", const std::string& if_none_match = "") {
    char tmpl[] = "/tmp/folio-e2e-out-XXXXXX";
    int out = mkstemp(tmpl);
    BOOST_REQUIRE(out >= 0);
    Measured m;
    m.out = tmpl;
    malloc_trim(0);
    pid_t pid = fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(out, 1);
        dup2(devnull, 2);
        std::vector<std::string> env = {"REQUEST_METHOD=" + method, "REQUEST_URI=" + uri, "GATEWAY_INTERFACE=CGI/1.1",
                                        "FOLIO_CONFIG=" + config, "HTTP_ACCEPT_ENCODING=" + accept_encoding,
                                        "HTTP_IF_NONE_MATCH=" + if_none_match};
        std::vector<char*> envp;
        for (auto& e : env) envp.push_back(e.data());
        envp.push_back(nullptr);
        std::string bin = e2e::binary();
        char* argv[] = {bin.data(), nullptr};
        execve(bin.c_str(), argv, envp.data());
        _exit(127);
    }
    int st = 0;
    rusage ru{};
    wait4(pid, &st, 0, &ru);
    close(out);
    m.max_rss_kib = ru.ru_maxrss;
    std::string head(4096, '\0');
    {
        std::ifstream in(m.out, std::ios::binary);
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(in.gcount()));
    }
    std::size_t end = head.find("\r\n\r\n");
    if (end == std::string::npos) return m;
    for (std::size_t pos = 0; pos < end;) {
        std::size_t eol = head.find("\r\n", pos);
        std::string line = head.substr(pos, eol - pos);
        std::size_t colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon), value = line.substr(colon + 2);
            if (name == "Status") m.status = std::atoi(value.c_str());
            m.headers[name] = value;
        }
        pos = eol + 2;
    }
    struct stat sb {};
    stat(m.out.c_str(), &sb);
    m.body_offset = end + 4;
    m.body_size = static_cast<std::size_t>(sb.st_size) - m.body_offset;
    return m;
}

// VmRSS and VmHWM of a live process, in KiB.
std::pair<long, long> rss_of(int pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    long rss = -1, hwm = -1;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("VmRSS:", 0) == 0) rss = std::atol(line.c_str() + 6);
        if (line.rfind("VmHWM:", 0) == 0) hwm = std::atol(line.c_str() + 6);
    }
    return {rss, hwm};
}

// A copy of the default site with a private cache folder, as an owner would configure it.
struct LargeSite {
    e2e::SiteCopy site;
    std::string cache;  // the [paths] cache folder
    LargeSite() {
        BOOST_REQUIRE(mkdir((site.dir + "/cache").c_str(), 0700) == 0);
        cache = site.dir + "/cache/folio";
        site.add_to_config("\n[paths]\ncache = " + cache + "\n");
        BOOST_REQUIRE(mkdir((site.dir + "/content/files").c_str(), 0755) == 0);
    }
    std::string file(const std::string& name) const { return site.dir + "/content/files/" + name; }
};

// The kept gzip variants: regular files in the cache's gzip folder.
std::vector<std::string> kept_variants(const std::string& cache) {
    std::vector<std::string> names;
    std::unique_ptr<DIR, int (*)(DIR*)> d(opendir((cache + "/gzip").c_str()), closedir);
    while (dirent* e = d ? readdir(d.get()) : nullptr)
        if (std::string(e->d_name).size() > 3 && std::string(e->d_name).rfind(".gz") == std::strlen(e->d_name) - 3)
            names.push_back(e->d_name);
    return names;
}

e2e::Result fcgi(const std::string& address, const std::string& uri, const std::string& method,
                 const std::string& accept_encoding = "") {
    return e2e::fcgi_request(address, {{"REQUEST_METHOD", method}, {"REQUEST_URI", uri}, {"HTTP_ACCEPT_ENCODING", accept_encoding}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(large_files)

// Point 8: HEAD of a 50 MB file read the whole file (and a copy of it); now nothing is read.
BOOST_AUTO_TEST_CASE(cgi_head_of_a_large_file_reads_nothing) {
    LargeSite s;
    write_csv(s.file("big.csv"), 50 * kMiB);
    auto m = cgi_measured("/files/big.csv", "HEAD", s.site.config);
    BOOST_TEST(m.status == 200);
    BOOST_TEST(m.header("Content-Length") == std::to_string(50 * kMiB));
    BOOST_TEST(m.body_size == 0u);
    check_memory(m.max_rss_kib, "CGI HEAD of 50 MB, peak");
}

// Point 8: GET of a 50 MB file sends it byte for byte, in chunks.
BOOST_AUTO_TEST_CASE(cgi_get_of_a_large_file_streams_it) {
    LargeSite s;
    write_csv(s.file("big.csv"), 50 * kMiB);
    auto m = cgi_measured("/files/big.csv", "GET", s.site.config);
    BOOST_TEST(m.status == 200);
    BOOST_TEST(m.header("Content-Length") == std::to_string(50 * kMiB));
    BOOST_TEST(m.body_size == 50 * kMiB);
    BOOST_TEST((m.body() == digest_of_file(s.file("big.csv"))), "the body is not the file's bytes");
    check_memory(m.max_rss_kib, "CGI GET of 50 MB, peak");
}

// Point 8: a FastCGI worker after a 50 MB GET and HEAD: neither the body nor a "scratch" copy
// of it stays, and the peak never held it either.
BOOST_AUTO_TEST_CASE(fastcgi_worker_stays_small_after_large_get_and_head) {
    LargeSite s;
    write_csv(s.file("big.csv"), 50 * kMiB);
    e2e::Daemon d("127.0.0.1:" + std::to_string(e2e::free_port()), s.site.config);
    BOOST_REQUIRE(d.wait_ready());
    auto get = fcgi(d.address, "/files/big.csv", "GET");
    BOOST_TEST(get.status == 200);
    BOOST_TEST(get.body.size() == 50 * kMiB);
    BOOST_TEST((get.body == testing::read_file(s.file("big.csv"))), "the body is not the file's bytes");
    auto head = fcgi(d.address, "/files/big.csv", "HEAD");
    BOOST_TEST(head.status == 200);
    BOOST_TEST(head.header("Content-Length") == std::to_string(50 * kMiB));
    BOOST_TEST(head.body.empty());
    auto [rss, hwm] = rss_of(d.pid);
    BOOST_TEST(rss > 0);
    check_memory(hwm, "FastCGI worker after a 50 MB GET and HEAD, VmHWM");
    check_memory(rss, "FastCGI worker after a 50 MB GET and HEAD, VmRSS");
}

// Point 5: the gzip variant of a 10 MB CSV is made once, kept in the cache folder under a name
// derived from the file's stamp, and served from there; an edit makes a new one.
BOOST_AUTO_TEST_CASE(cgi_gzip_variant_is_made_once_and_kept) {
    LargeSite s;
    write_csv(s.file("data.csv"), 10 * kMiB);
    auto first = cgi_measured("/files/data.csv", "GET", s.site.config, "gzip");
    BOOST_TEST(first.status == 200);
    BOOST_TEST(first.header("Content-Encoding") == "gzip");
    BOOST_TEST(first.header("Content-Length") == std::to_string(first.body_size));
    BOOST_TEST(first.body_size < 5 * kMiB);
    BOOST_TEST((first.gunzipped() == digest_of_file(s.file("data.csv"))), "the gzip body does not decompress to the file");
    check_memory(first.max_rss_kib, "CGI gzip of 10 MB, peak");
    auto kept = kept_variants(s.cache);
    BOOST_REQUIRE(kept.size() == 1u);
    struct stat before {};
    BOOST_REQUIRE(stat((s.cache + "/gzip/" + kept[0]).c_str(), &before) == 0);

    auto second = cgi_measured("/files/data.csv", "GET", s.site.config, "gzip");
    BOOST_TEST(second.header("ETag") == first.header("ETag"));
    BOOST_TEST((second.body() == first.body()));
    struct stat after {};
    BOOST_REQUIRE(stat((s.cache + "/gzip/" + kept[0]).c_str(), &after) == 0);
    BOOST_TEST(after.st_ino == before.st_ino, "the variant was made again");
    BOOST_TEST(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
    // 304 for the kept variant's ETag.
    auto nm = cgi_measured("/files/data.csv", "GET", s.site.config, "gzip", first.header("ETag"));
    BOOST_TEST(nm.status == 304);
    BOOST_TEST(nm.body_size == 0u);

    // An edit (same size, new bytes) gets a new variant and a new ETag.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    write_csv(s.file("data.csv"), 10 * kMiB, 5);
    auto edited = cgi_measured("/files/data.csv", "GET", s.site.config, "gzip");
    BOOST_TEST(edited.header("ETag") != first.header("ETag"));
    BOOST_TEST((edited.gunzipped() == digest_of_file(s.file("data.csv"))));
    BOOST_TEST(kept_variants(s.cache).size() == 2u);
}

// Point 5 in FastCGI mode: two gzip requests, the same bytes, one kept variant, bounded memory.
BOOST_AUTO_TEST_CASE(fastcgi_gzip_variant_is_made_once_and_kept) {
    LargeSite s;
    write_csv(s.file("data.csv"), 10 * kMiB);
    e2e::Daemon d("127.0.0.1:" + std::to_string(e2e::free_port()), s.site.config);
    BOOST_REQUIRE(d.wait_ready());
    auto first = fcgi(d.address, "/files/data.csv", "GET", "gzip");
    auto second = fcgi(d.address, "/files/data.csv", "GET", "gzip");
    BOOST_TEST(first.header("Content-Encoding") == "gzip");
    BOOST_TEST(first.body.size() < 5 * kMiB);
    BOOST_TEST((testing::gunzip(first.body) == testing::read_file(s.file("data.csv"))), "the gzip body does not decompress to the file");
    BOOST_TEST((first.out == second.out));
    BOOST_TEST(kept_variants(s.cache).size() == 1u);
    auto [rss, hwm] = rss_of(d.pid);
    check_memory(hwm, "FastCGI worker after gzip of 10 MB, VmHWM");
}

// Point 5: above the size limit a file goes out as it is; compressed types are never gzipped;
// the Content-Length is the one of what is sent.
BOOST_AUTO_TEST_CASE(no_gzip_above_the_limit_or_for_compressed_types) {
    LargeSite s;
    write_csv(s.file("huge.csv"), 40 * kMiB);
    auto huge = cgi_measured("/files/huge.csv", "HEAD", s.site.config, "gzip");
    BOOST_TEST(huge.status == 200);
    BOOST_TEST(huge.header("Content-Encoding").empty());
    BOOST_TEST(huge.header("Content-Length") == std::to_string(40 * kMiB));
    for (const char* name : {"data.zip", "data.gz", "paper.pdf", "font.woff2", "clip.mp4", "photo.png"}) {
        write_csv(s.file(name), 2 * kMiB);  // compressible bytes: only the type must decide
        auto r = cgi_measured(std::string("/files/") + name, "GET", s.site.config, "gzip");
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST(r.status == 200);
            BOOST_TEST(r.header("Content-Encoding").empty());
            BOOST_TEST(r.body_size == 2 * kMiB);
        }
    }
}

// Point 14: static files had a 256 MiB limit only because they were read whole; streamed, a
// file of any size is served (a sparse 300 MiB file: no disk, and HEAD reads nothing of it).
BOOST_AUTO_TEST_CASE(no_size_limit_on_static_files) {
    LargeSite s;
    const std::size_t size = 300 * kMiB;
    s.site.write("content/files/huge.bin", "");
    BOOST_REQUIRE(truncate(s.file("huge.bin").c_str(), static_cast<off_t>(size)) == 0);
    auto head = cgi_measured("/files/huge.bin", "HEAD", s.site.config, "gzip");
    BOOST_TEST(head.status == 200);
    BOOST_TEST(head.header("Content-Length") == std::to_string(size));
    BOOST_TEST(head.header("Content-Type") == "application/octet-stream");
    BOOST_TEST(head.header("Content-Encoding").empty());
    check_memory(head.max_rss_kib, "CGI HEAD of 300 MiB, peak");
}

// 304 keeps working for streamed files: the ETag comes from the file's stamp.
BOOST_AUTO_TEST_CASE(conditional_get_of_a_large_file) {
    LargeSite s;
    write_csv(s.file("big.csv"), 20 * kMiB);
    auto first = cgi_measured("/files/big.csv", "HEAD", s.site.config);
    const std::string etag = first.header("ETag");
    BOOST_TEST(etag.size() > 2u);
    BOOST_TEST(cgi_measured("/files/big.csv", "HEAD", s.site.config).header("ETag") == etag);
    auto nm = cgi_measured("/files/big.csv", "GET", s.site.config, "", etag);
    BOOST_TEST(nm.status == 304);
    BOOST_TEST(nm.body_size == 0u);
    check_memory(nm.max_rss_kib, "CGI 304 for a 20 MB file, peak");
}

BOOST_AUTO_TEST_SUITE_END()
