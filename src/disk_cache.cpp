// Disk cache for CGI mode. Files: <dir>/<fingerprint>/<hash of key>, holding the key on the first
// line (so a hash collision is a miss, not a wrong page) and the serialized response after it.
// Beside them: "fingerprint", "index" (the index cache) and "said-<hash>" markers.
#include "disk_cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <vector>

#include "fd.h"
#include "read_file.h"
#include "text.h"

namespace folio {
namespace {

std::string hex(std::uint64_t v) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

std::string uid_text(uid_t uid) { return "uid " + std::to_string(uid); }

std::string parent_of(const std::string& path) {
    std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// Why dir cannot be our private folder ("" when it is one): a real folder, owned by us, closed to
// group and others. Made (mode 0700) when absent and create is set.
std::string private_dir(const std::string& dir, bool create, bool& existed) {
    struct stat st;
    existed = lstat(dir.c_str(), &st) == 0;
    if (!existed) {
        if (!create) return "absent";
        if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return std::string("cannot be made: ") + std::strerror(errno);
        if (lstat(dir.c_str(), &st) != 0) return std::string("cannot be read: ") + std::strerror(errno);
    }
    if (S_ISLNK(st.st_mode)) return "it is a symbolic link";
    if (!S_ISDIR(st.st_mode)) return "it is not a folder";
    if (st.st_uid != geteuid()) return "it belongs to " + uid_text(st.st_uid) + ", not to " + uid_text(geteuid()) + " that folio runs as";
    if (st.st_mode & 077) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        return std::string("it is open to others (mode ") + mode + "; it must be 0700)";
    }
    return "";
}

// The site's folder may hold our cache only when nobody else can rename things in it: owned by
// us or root, not writable by others, and writable by its group only when that group is ours.
std::string safe_site_folder(const std::string& dir) {
    struct stat st;
    if (stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return "its folder cannot be read";
    if (st.st_uid != geteuid() && st.st_uid != 0) return "its folder " + dir + " belongs to " + uid_text(st.st_uid);
    if ((st.st_mode & S_IWOTH) || ((st.st_mode & S_IWGRP) && st.st_gid != getegid()))
        return "its folder " + dir + " is writable by other users";
    return "";
}

void remove_tree(const std::string& dir) {
    Dir d = open_dir(dir.c_str());
    if (!d) return;
    while (dirent* e = readdir(d.get()))
        if (std::strcmp(e->d_name, ".") && std::strcmp(e->d_name, "..")) unlink((dir + "/" + e->d_name).c_str());
    rmdir(dir.c_str());
}

// Links refused: a link planted in the folder is not followed (the folder itself is checked
// private). A file that cannot be read is one not kept.
std::optional<std::string> read_whole(const std::string& path, std::uint64_t limit) {
    std::string reason;
    return read_file(path, static_cast<std::size_t>(std::min<std::uint64_t>(limit, SIZE_MAX)), reason, false);
}

// The cache's own files (the site index, the fingerprint) are written whatever the cache's bound;
// this one only keeps a broken or planted file from filling memory.
constexpr std::uint64_t kMaxStateFileBytes = std::uint64_t(256) << 20;

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

// Logs line only when the marker file could be created (O_EXCL): the first process to say it.
// O_NOFOLLOW with O_EXCL: a link planted under the marker's name makes it exist, never followed.
// The marker only silences a repeat of the line; if it cannot be made at all, the line is logged.
void say_once_at(const std::string& marker, const std::string& line, const Log& log) {
    int fd = ::open(marker.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST) return;
    if (fd >= 0) {
        const std::string text = line + "\n";
        if (write(fd, text.data(), text.size()) < 0) { /* the marker's name is what counts */ }
        close(fd);
    }
    log(line + " (logged once; " + marker + " remembers it)");
}

// The space a file takes: its allocated blocks or its length, whichever is more.
std::uint64_t file_bytes(const struct stat& st) {
    return std::max<std::uint64_t>(static_cast<std::uint64_t>(st.st_blocks) * 512, static_cast<std::uint64_t>(st.st_size));
}

struct EntryFile {
    std::string path;
    timespec mtime;
    std::uint64_t bytes;
};

// Every file in the sub-folders: the per-fingerprint folders (entries, and temporary files a
// crash left behind) and the kept gzip variants, which share the bound.
std::vector<EntryFile> entry_files(const std::string& dir) {
    std::vector<EntryFile> out;
    Dir top = open_dir(dir.c_str());
    while (dirent* e = top ? readdir(top.get()) : nullptr) {
        if (e->d_name[0] == '.') continue;
        const std::string sub = dir + "/" + e->d_name;
        struct stat st;
        if (lstat(sub.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        Dir d = open_dir(sub.c_str());
        while (dirent* f = d ? readdir(d.get()) : nullptr) {
            const std::string path = sub + "/" + f->d_name;
            if (f->d_name[0] != '.' && lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
                out.push_back({path, st.st_mtim, file_bytes(st)});
        }
    }
    return out;
}

// What a new entry of n bytes will take on disk (whole 4 KiB blocks, as most file systems).
std::uint64_t on_disk(std::uint64_t n) { return (n + 4095) / 4096 * 4096; }

std::string size_text(std::uint64_t bytes) {
    if (bytes % (1 << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    if (bytes % (1 << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

// Why folio must not keep a disk cache here ("" when it may). On a host without suexec every
// user's CGI runs as the web server's one uid, so any of them could write a folder of that uid
// and plant pages. A program file owned by the uid folio runs as is the sign of the other case
// (suexec, per-user CGI hosts, a user's own server): uploaded files belong to their user, and
// only root could give one to the web server's uid.
std::string program_not_ours(const std::string& program) {
    struct stat st;
    if (program.empty() || stat(program.c_str(), &st) != 0)
        return "folio cannot tell who owns its program file " + (program.empty() ? std::string("(unknown)") : program);
    if (st.st_uid == geteuid()) return "";
    return program + " belongs to " + uid_text(st.st_uid) + " but runs as " + uid_text(geteuid()) +
           ", a uid other users' CGIs may share (a web server without suexec), so a cache folder could be written by them";
}

struct Candidate {
    std::string dir;
    bool private_parent;  // the parent must be a private folder too
    bool site_folder;     // the parent is the site's folder: it must be safe, and absent is not worth a line
};

std::vector<Candidate> candidates(const CacheSetup& s) {
    if (!s.configured.empty()) return {{s.configured, false, false}};
    // Inside the site first: no other user can pre-create it, as anyone can in /tmp. The router
    // refuses every path segment that starts with '.', and cgi-bin/.htaccess refuses it to
    // Apache; its mode 0700 keeps a web server of another uid out anyway.
    return {{parent_of(s.config_path) + "/.folio-cache", false, true},
            {s.tmp + "/folio-" + std::to_string(geteuid()) + "/" + hex(fnv1a(s.config_path)), true, false}};
}

}  // namespace

std::optional<DiskCache> DiskCache::open(const std::string& dir, bool private_parent, std::uint64_t limit, Log log,
                                         std::string& refused, bool& existed) {
    refused.clear();
    existed = false;
    if (dir.empty()) return std::nullopt;
    if (private_parent) {
        const std::string parent = parent_of(dir);
        std::string why = private_dir(parent, true, existed);
        if (!why.empty()) {
            refused = parent + ": " + why;
            return std::nullopt;
        }
    }
    std::string why = private_dir(dir, true, existed);
    if (!why.empty()) {
        refused = dir + ": " + why;
        return std::nullopt;
    }
    return DiskCache(dir, limit, std::move(log));
}

std::optional<DiskCache> open_cgi_cache(const CacheSetup& s, const Log& log) {
    if (s.configured == "off") return std::nullopt;
    const std::string marker = s.tmp + "/folio-" + std::to_string(geteuid()) + "-said-";
    std::string why = program_not_ours(s.program);
    if (!why.empty()) {
        say_once_at(marker + hex(fnv1a(s.config_path + "\n" + why)), "no disk cache: " + why, log);
        return std::nullopt;
    }
    std::vector<std::string> notes;
    std::optional<DiskCache> cache;
    for (const Candidate& c : candidates(s)) {
        std::string refused;
        bool existed = false;
        if (c.site_folder) refused = safe_site_folder(parent_of(c.dir));
        if (refused.empty()) {
            cache = DiskCache::open(c.dir, c.private_parent, s.limit, log, refused, existed);
        } else {
            struct stat st;
            existed = lstat(c.dir.c_str(), &st) == 0;
            refused = c.dir + ": " + refused;
        }
        if (cache) break;
        // An absent folder that cannot be made inside a read-only site is the usual case.
        if (!(c.site_folder && !existed)) notes.push_back("not used as the cache folder: " + refused);
    }
    for (const std::string& note : notes) {
        if (cache) cache->say_once(note + "; using " + cache->dir());
        else say_once_at(marker + hex(fnv1a(s.config_path + "\n" + note)), note + "; running without a disk cache", log);
    }
    return cache;
}

std::string describe_cgi_cache(const CacheSetup& s) {
    const std::string head = "CGI disk cache: ";
    if (s.configured == "off") return head + "off ([paths] cache = off)";
    std::string why = program_not_ours(s.program);
    if (!why.empty()) return head + "off (no disk cache: " + why + ")";
    const std::string rule = " (when folio runs as " + uid_text(geteuid()) + ", the owner of " + s.program +
                             "; under any other uid it runs without one)";
    for (const Candidate& c : candidates(s)) {
        bool existed = false;
        std::string refused = c.site_folder ? safe_site_folder(parent_of(c.dir)) : "";
        if (refused.empty()) refused = private_dir(c.dir, false, existed);
        const bool makeable = !existed && access(parent_of(c.dir).c_str(), W_OK) == 0;
        if (refused.empty() || (refused == "absent" && (makeable || c.private_parent)))
            return head + c.dir + ", at most " + size_text(s.limit) + " of responses" + rule;
    }
    return head + "off (no usable folder)";
}

std::string DiskCache::entry_path(std::uint64_t fingerprint, const std::string& key) const {
    return dir_ + "/" + hex(fingerprint) + "/" + hex(fnv1a(key));
}

std::optional<Response> DiskCache::get(std::uint64_t fingerprint, const std::string& key) const {
    std::optional<std::string> bytes = read_whole(entry_path(fingerprint, key), limit_ / kMaxEntryShare);  // the most put() keeps
    if (!bytes) return std::nullopt;
    std::size_t nl = bytes->find('\n');
    if (nl == std::string::npos || bytes->compare(0, nl, key) != 0) return std::nullopt;
    return parse_response(bytes->substr(nl + 1));
}

std::uint64_t DiskCache::entry_bytes() const {
    std::uint64_t total = 0;
    for (const EntryFile& e : entry_files(dir_)) total += e.bytes;
    return total;
}

// Oldest written first: a CGI cannot cheaply note every read, and after a change of the site
// (a new fingerprint) every entry is rewritten anyway. Several CGIs writing at once may each see
// room for their entry, so the bound can be passed by the entries being written at that moment;
// the next write brings it back.
bool DiskCache::make_room(std::uint64_t bytes) const {
    std::vector<EntryFile> files = entry_files(dir_);
    std::uint64_t total = 0;
    for (const EntryFile& e : files) total += e.bytes;
    if (total + bytes <= limit_) return true;
    std::sort(files.begin(), files.end(), [](const EntryFile& a, const EntryFile& b) {
        return a.mtime.tv_sec != b.mtime.tv_sec ? a.mtime.tv_sec < b.mtime.tv_sec : a.mtime.tv_nsec < b.mtime.tv_nsec;
    });
    for (std::size_t i = 0; i < files.size() && total + bytes > limit_; ++i)
        if (unlink(files[i].path.c_str()) == 0 || errno == ENOENT) total -= files[i].bytes;
    say_once("the CGI cache " + dir_ + " reached its bound of " + size_text(limit_) +
             ": the oldest responses make room for new ones ([paths] cache_size raises it)");
    return total + bytes <= limit_;
}

void DiskCache::put(std::uint64_t fingerprint, const std::string& key, const Response& r) const {
    if (r.file || key.find('\n') != std::string::npos) return;
    const std::string bytes = key + "\n" + serialize(r, false);
    if (bytes.size() > limit_ / kMaxEntryShare) return;
    const std::string folder = dir_ + "/" + hex(fingerprint);
    struct stat st;
    if (stat(folder.c_str(), &st) != 0) {
        // A new state of the site: the old states' entries are dead. The kept gzip variants
        // ("gzip", see gzip_store.h) are named after their source file's stamp and stay valid.
        Dir d = open_dir(dir_.c_str());
        while (dirent* e = d ? readdir(d.get()) : nullptr)
            if (e->d_name[0] != '.' && std::strcmp(e->d_name, "gzip") != 0) remove_tree(dir_ + "/" + e->d_name);
        if (mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) return;
    }
    if (!make_room(on_disk(bytes.size()))) return;
    write_whole(entry_path(fingerprint, key), bytes);
}

void DiskCache::say_once(const std::string& line) const { say_once_at(dir_ + "/said-" + hex(fnv1a(line)), line, log_); }

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

std::optional<std::string> DiskCache::read_file(const std::string& name) const {
    return read_whole(dir_ + "/" + name, kMaxStateFileBytes);
}

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
