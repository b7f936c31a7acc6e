// Kept gzip variants of large static files, one file each, bounded by the cache folder's bound.
#include "gzip_store.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

#include "fd.h"
#include "http_cache.h"

namespace folio {
namespace {

// Closes a descriptor and, unless released, removes the half-written file it was writing.
struct TempFile {
    int fd = -1;
    std::string path;
    ~TempFile() {
        if (fd >= 0) close(fd);
        if (!path.empty()) unlink(path.c_str());
    }
};

// A variant on disk may be damaged (a crash, a full disk, a hand edit): its gzip header must be
// there and its trailer's ISIZE (the input size mod 2^32, RFC 1952) must match the source.
bool looks_whole(const BodyFile& gz, const BodyFile& source) {
    unsigned char head[3], tail[4];
    if (gz.size < 18 || pread(gz.fd(), head, 3, 0) != 3 || pread(gz.fd(), tail, 4, static_cast<off_t>(gz.size - 4)) != 4)
        return false;
    const std::uint32_t isize = tail[0] | tail[1] << 8 | tail[2] << 16 | static_cast<std::uint32_t>(tail[3]) << 24;
    return head[0] == 0x1f && head[1] == 0x8b && head[2] == 8 && isize == static_cast<std::uint32_t>(source.size);
}

long long now_seconds() { return static_cast<long long>(std::time(nullptr)); }

}  // namespace

std::optional<GzipStore> GzipStore::open(const std::string& dir, std::uint64_t limit) {
    if (dir.empty() || (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)) return std::nullopt;
    struct stat st;
    if (lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 077) != 0)
        return std::nullopt;
    return GzipStore(dir, limit);
}

GzipStore GzipStore::in_process(std::uint64_t limit) { return GzipStore("", limit); }

std::shared_ptr<const BodyFile> GzipStore::variant_in_process(const BodyFile& source, const std::string& name,
                                                              std::string& reason) const {
    if (auto it = held_.find(name); it != held_.end()) return it->second.file;
    const int fd = memfd_create("folio-gzip", MFD_CLOEXEC);
    if (fd < 0) {
        reason = std::string("memfd_create: ") + std::strerror(errno);
        return nullptr;
    }
    if (!gzip_file(source, fd, reason)) {
        close(fd);
        return nullptr;
    }
    auto kept = BodyFile::adopt(fd, "(gzip of " + source.path + ")", reason);
    if (!kept || kept->size > limit_ / kGzipVariantShare || kept->size >= source.size) return nullptr;
    std::uint64_t total = kept->size;
    for (const auto& [n, h] : held_) total += h.file->size;
    while (total > limit_ && !held_.empty()) {
        auto oldest = std::min_element(held_.begin(), held_.end(),
                                       [](const auto& a, const auto& b) { return a.second.made < b.second.made; });
        total -= oldest->second.file->size;
        held_.erase(oldest);
    }
    held_[name] = Held{kept, ++made_};
    return kept;
}

std::string GzipStore::name_for(const BodyFile& source) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "%llx-%llx-%llx-%llx-%d.gz", static_cast<unsigned long long>(source.device),
                  static_cast<unsigned long long>(source.inode), static_cast<unsigned long long>(source.size),
                  static_cast<unsigned long long>(source.mtime_ns), kGzipLevel);
    return buf;
}

std::shared_ptr<const BodyFile> GzipStore::variant(const BodyFile& source, std::string& reason) const {
    if (source.size < kMinGzipBytes || source.size > kMaxGzipFileBytes) return nullptr;
    const std::string name = name_for(source);
    if (dir_.empty()) return variant_in_process(source, name, reason);
    std::string why;
    auto kept = BodyFile::open(dir_ + "/" + name, why);
    if (kept && !looks_whole(*kept, source)) {
        unlink(kept->path.c_str());  // made again below
        kept = nullptr;
    }
    if (!kept) kept = make(source, name, reason);
    // Too big for its share of the bound: not kept (the file goes out as it is).
    if (kept && kept->size > limit_ / kGzipVariantShare) {
        unlink(kept->path.c_str());
        return nullptr;
    }
    // Incompressible bytes under a text type: the file itself is the better answer.
    return kept && kept->size < source.size ? kept : nullptr;
}

std::shared_ptr<const BodyFile> GzipStore::make(const BodyFile& source, const std::string& name, std::string& reason) const {
    const std::string final_path = dir_ + "/" + name;
    TempFile tmp;
    tmp.path = final_path + ".tmp";
    for (int attempt = 0; attempt < 2 && tmp.fd < 0; ++attempt) {
        // O_EXCL: the temporary name is also the sign that a process is making this variant.
        tmp.fd = ::open(tmp.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (tmp.fd >= 0 || errno != EEXIST) break;
        struct stat st;
        if (lstat(tmp.path.c_str(), &st) == 0 && now_seconds() - st.st_mtime < kGzipWorkSeconds) {
            tmp.path.clear();  // not ours to remove
            return nullptr;
        }
        unlink(tmp.path.c_str());  // left by a process that died
    }
    if (tmp.fd < 0) {
        reason = tmp.path + ": " + std::strerror(errno);
        tmp.path.clear();
        return nullptr;
    }
    if (!gzip_file(source, tmp.fd, reason)) return nullptr;
    if (close(tmp.fd) != 0) {
        tmp.fd = -1;
        reason = tmp.path + ": " + std::strerror(errno);
        return nullptr;
    }
    tmp.fd = -1;
    // Renamed into place whole: a reader sees the old state or the finished variant.
    if (rename(tmp.path.c_str(), final_path.c_str()) != 0) {
        reason = final_path + ": " + std::strerror(errno);
        return nullptr;
    }
    tmp.path.clear();
    evict(name);
    return BodyFile::open(final_path, reason);
}

void GzipStore::evict(const std::string& keep) const {
    struct Entry {
        std::string name;
        long long mtime;
        std::uint64_t size;
    };
    std::vector<Entry> entries;
    std::uint64_t total = 0;
    Dir d = open_dir(dir_.c_str());
    while (dirent* e = d ? readdir(d.get()) : nullptr) {
        if (e->d_name[0] == '.') continue;
        struct stat st;
        if (fstatat(dirfd(d.get()), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) continue;
        const std::string name = e->d_name;
        const bool stale_tmp = name.size() > 4 && name.compare(name.size() - 4, 4, ".tmp") == 0 &&
                               now_seconds() - st.st_mtime >= kGzipWorkSeconds;
        if (stale_tmp) {
            unlinkat(dirfd(d.get()), e->d_name, 0);
            continue;
        }
        total += static_cast<std::uint64_t>(st.st_size);
        if (name != keep) entries.push_back({name, static_cast<long long>(st.st_mtime), static_cast<std::uint64_t>(st.st_size)});
    }
    // Oldest first. A process serving an evicted variant keeps reading it through its open
    // descriptor; the space comes back when it is done.
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.mtime < b.mtime; });
    for (const Entry& e : entries) {
        if (total <= limit_) break;
        if (unlink((dir_ + "/" + e.name).c_str()) == 0) total -= e.size;
    }
}

}  // namespace folio
