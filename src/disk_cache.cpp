// Disk cache for CGI mode. Files: <dir>/<fingerprint>/<hash of key>, holding the key on the first
// line (so a hash collision is a miss, not a wrong page) and the serialized response after it.
#include "disk_cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <cstring>
#include <memory>

#include "text.h"

namespace folio {
namespace {

std::string hex(std::uint64_t v) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

// A folder we created for ourselves: a real folder, owned by us, closed to group and others.
bool private_dir(const std::string& dir) {
    if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return false;
    struct stat st;
    return lstat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid() && (st.st_mode & 077) == 0;
}

void remove_tree(const std::string& dir) {
    std::unique_ptr<DIR, int (*)(DIR*)> d(opendir(dir.c_str()), closedir);
    if (!d) return;
    while (dirent* e = readdir(d.get()))
        if (std::strcmp(e->d_name, ".") && std::strcmp(e->d_name, "..")) unlink((dir + "/" + e->d_name).c_str());
    rmdir(dir.c_str());
}

}  // namespace

std::string default_cache_dir(const std::string& configured, const std::string& config_path) {
    if (configured == "off") return "";
    if (!configured.empty()) return configured;
    return "/tmp/folio-" + std::to_string(geteuid()) + "/" + hex(fnv1a(config_path));
}

std::optional<DiskCache> DiskCache::open(const std::string& dir, bool private_parent) {
    if (dir.empty()) return std::nullopt;
    std::size_t slash = dir.rfind('/');
    if (private_parent && slash != std::string::npos && slash > 0 && !private_dir(dir.substr(0, slash)))
        return std::nullopt;
    if (!private_dir(dir)) return std::nullopt;
    return DiskCache(dir);
}

std::string DiskCache::entry_path(std::uint64_t fingerprint, const std::string& key) const {
    return dir_ + "/" + hex(fingerprint) + "/" + hex(fnv1a(key));
}

std::optional<Response> DiskCache::get(std::uint64_t fingerprint, const std::string& key) const {
    int fd = ::open(entry_path(fingerprint, key).c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::string bytes;
    char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) bytes.append(buf, static_cast<std::size_t>(n));
    close(fd);
    std::size_t nl = bytes.find('\n');
    if (nl == std::string::npos || bytes.compare(0, nl, key) != 0) return std::nullopt;
    return parse_response(bytes.substr(nl + 1));
}

void DiskCache::put(std::uint64_t fingerprint, const std::string& key, const Response& r) const {
    if (key.find('\n') != std::string::npos) return;
    const std::string folder = dir_ + "/" + hex(fingerprint);
    struct stat st;
    if (stat(folder.c_str(), &st) != 0) {
        // A new state of the site: the old states' entries are dead.
        std::unique_ptr<DIR, int (*)(DIR*)> d(opendir(dir_.c_str()), closedir);
        while (dirent* e = d ? readdir(d.get()) : nullptr)
            if (e->d_name[0] != '.') remove_tree(dir_ + "/" + e->d_name);
        if (mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) return;
    }
    const std::string path = entry_path(fingerprint, key);
    const std::string tmp = path + ".tmp" + std::to_string(getpid());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return;
    const std::string bytes = key + "\n" + serialize(r, false);
    bool ok = write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp.c_str(), path.c_str()) != 0) unlink(tmp.c_str());
}

namespace {

long long now_ms() {
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

}  // namespace

std::optional<std::uint64_t> DiskCache::recent_fingerprint(long long max_age_ms) const {
    int fd = ::open((dir_ + "/fingerprint").c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    char buf[64] = {};
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return std::nullopt;
    unsigned long long fp = 0;
    long long at = 0;
    if (std::sscanf(buf, "%llx %lld", &fp, &at) != 2) return std::nullopt;
    const long long age = now_ms() - at;
    if (age < 0 || age >= max_age_ms) return std::nullopt;
    return static_cast<std::uint64_t>(fp);
}

void DiskCache::note_fingerprint(std::uint64_t fingerprint) const {
    const std::string path = dir_ + "/fingerprint", tmp = path + ".tmp" + std::to_string(getpid());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return;
    char buf[64];
    int len = std::snprintf(buf, sizeof buf, "%016llx %lld\n", static_cast<unsigned long long>(fingerprint), now_ms());
    bool ok = write(fd, buf, static_cast<std::size_t>(len)) == len;
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp.c_str(), path.c_str()) != 0) unlink(tmp.c_str());
}

std::optional<Response> parse_response(const std::string& bytes) {
    std::size_t end = bytes.find("\r\n\r\n");
    if (end == std::string::npos || bytes.rfind("Status: ", 0) != 0) return std::nullopt;
    Response r;
    r.status = std::atoi(bytes.c_str() + 8);
    std::size_t pos = bytes.find("\r\n") + 2;
    while (pos < end) {
        std::size_t eol = bytes.find("\r\n", pos);
        std::size_t colon = bytes.find(": ", pos);
        if (colon != std::string::npos && colon < eol) {
            std::string name = bytes.substr(pos, colon - pos);
            if (name != "Content-Length") r.headers.emplace_back(name, bytes.substr(colon + 2, eol - colon - 2));
        }
        pos = eol + 2;
    }
    r.body = bytes.substr(end + 4);
    return r;
}

}  // namespace folio
