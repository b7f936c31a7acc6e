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

// O_NOFOLLOW: a link planted in the folder is not followed (the folder itself is checked private).
std::optional<std::string> read_whole(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::unique_ptr<int, void (*)(int*)> guard(&fd, [](int* f) { close(*f); });
    std::string bytes;
    struct stat st;
    if (fstat(fd, &st) == 0 && st.st_size > 0) bytes.reserve(static_cast<std::size_t>(st.st_size));
    char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) bytes.append(buf, static_cast<std::size_t>(n));
    if (n < 0) return std::nullopt;
    return bytes;
}

// Readers never see half a file: written beside it under a name of this process, then renamed.
void write_whole(const std::string& path, const std::string& bytes) {
    const std::string tmp = path + ".tmp" + std::to_string(getpid());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return;
    std::size_t done = 0;
    bool ok = true;
    while (ok && done < bytes.size()) {
        ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp.c_str(), path.c_str()) != 0) unlink(tmp.c_str());
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
    std::optional<std::string> bytes = read_whole(entry_path(fingerprint, key));
    if (!bytes) return std::nullopt;
    std::size_t nl = bytes->find('\n');
    if (nl == std::string::npos || bytes->compare(0, nl, key) != 0) return std::nullopt;
    return parse_response(bytes->substr(nl + 1));
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
    write_whole(entry_path(fingerprint, key), key + "\n" + serialize(r, false));
}

namespace {

long long now_ms() {
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

}  // namespace

std::optional<std::uint64_t> DiskCache::recent_fingerprint(long long max_age_ms) const {
    std::optional<std::string> text = read_file("fingerprint");
    if (!text) return std::nullopt;
    unsigned long long fp = 0;
    long long at = 0;
    if (std::sscanf(text->c_str(), "%llx %lld", &fp, &at) != 2) return std::nullopt;
    const long long age = now_ms() - at;
    if (age < 0 || age >= max_age_ms) return std::nullopt;
    return static_cast<std::uint64_t>(fp);
}

void DiskCache::note_fingerprint(std::uint64_t fingerprint) const {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%016llx %lld\n", static_cast<unsigned long long>(fingerprint), now_ms());
    write_file("fingerprint", buf);
}

std::optional<std::string> DiskCache::read_file(const std::string& name) const { return read_whole(dir_ + "/" + name); }

void DiskCache::write_file(const std::string& name, const std::string& bytes) const { write_whole(dir_ + "/" + name, bytes); }

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
