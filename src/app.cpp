// Loading a site and fingerprinting its files.
#include "app.h"

#include "jekyll/liquid.h"

#include "disk_cache.h"
#include "fd.h"
#include "index_cache.h"
#include "jekyll/jekyll.h"
#include "jekyll/stylesheet.h"
#include "read_file.h"
#include "text.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>

namespace folio {
namespace {

// Enough to notice a change; not a security boundary.
struct Hash {
    std::uint64_t h = fnv1a("");
    void add(const void* data, std::size_t n) { h = fnv1a(std::string_view(static_cast<const char*>(data), n), h); }
    long long newest = 0;
    // at: a folder open on the path's parent, so that the kernel does not resolve the whole
    // path for each of thousands of files; -1 for none. Returns whether the path is a folder.
    bool add_stat(const std::string& path, int at = AT_FDCWD, const char* name = nullptr) {
        struct stat st;
        add(path.data(), path.size());
        if (fstatat(at, name ? name : path.c_str(), &st, 0) != 0) return false;
        newest = std::max(newest, static_cast<long long>(st.st_mtime));
        add(&st.st_mtim, sizeof st.st_mtim);
        add(&st.st_size, sizeof st.st_size);
        add(&st.st_ino, sizeof st.st_ino);
        return S_ISDIR(st.st_mode);
    }
    void add_tree(const std::string& dir, int depth) {
        if (depth > kMaxFolderDepth) return;
        Dir d = open_dir(dir.c_str());
        if (!d) return;
        while (dirent* e = readdir(d.get())) {
            if (e->d_name[0] == '.') continue;
            const std::string path = dir + "/" + e->d_name;
            const bool folder = add_stat(path, dirfd(d.get()), e->d_name);
            // d_type tells without a stat; some file systems leave it unknown.
            if (e->d_type == DT_DIR || (e->d_type == DT_UNKNOWN && folder)) add_tree(path, depth + 1);
        }
    }
};

// A file the index depends on (folio.ini, _config.yml): its bytes, or only its name when it
// cannot be read (then loading the site fails as well, or goes on without it). The limit is at
// least each loader's, so whatever a loader reads is hashed whole.
constexpr std::size_t kMaxHashedFileBytes = 4 * 1024 * 1024;

void add_file(Hash& h, const std::string& path) {
    std::string reason;
    const std::string bytes = path + '\0' + read_file(path, kMaxHashedFileBytes, reason).value_or("");
    h.add(bytes.data(), bytes.size());
}

// What a parsed page depends on besides its own file: folio's build (the program file itself),
// folio.ini, _config.yml and, through Jekyll's `future: false`, today's date.
std::uint64_t index_context(const Config& config) {
    Hash h;
#ifdef FOLIO_VERSION
    h.add(FOLIO_VERSION, sizeof FOLIO_VERSION);  // where /proc is missing (a chroot), at least this
#endif
    h.add_stat("/proc/self/exe");
    add_file(h, config.file);
    add_file(h, config.content_dir + "/_config.yml");
    const std::string today = today_utc();
    h.add(today.data(), today.size());
    return h.h;
}

}  // namespace

Fingerprint fingerprint(const std::string& config_path, const Config& config) {
    Hash h;
    // The program file too: CGI mode's disk cache keys its responses by this fingerprint, and a
    // new folio (an upload, an upgrade) must not serve the pages the old one made.
#ifdef FOLIO_VERSION
    h.add(FOLIO_VERSION, sizeof FOLIO_VERSION);
#endif
    h.add_stat("/proc/self/exe");
    h.add_stat(config_path);
    for (const std::string* dir : {&config.content_dir, &config.templates_dir}) {
        h.add_stat(*dir);
        h.add_tree(*dir, 0);
    }
    return {h.h, h.newest};
}

std::unique_ptr<Loaded> load_site(const std::string& config_path) {
    Config config = load_config(config_path);
    // Fingerprint first: an edit during the build is then seen by the next check.
    const Fingerprint fp = fingerprint(config_path, config);
    return load_site(std::move(config), fp);
}

std::unique_ptr<Loaded> load_site(Config config, const Fingerprint& fp, const DiskCache* index) {
    auto l = std::make_unique<Loaded>();
    l->liquid = std::make_shared<LiquidCache>();
    l->sass = std::make_shared<SassMemo>();
    l->config = std::move(config);
    l->fingerprint = fp.hash;
    l->last_modified = fp.newest;
    // A Jekyll site's _config.yml fills in what folio.ini leaves empty.
    std::shared_ptr<const JekyllSite> jekyll;
    if (is_jekyll_site(l->config.content_dir)) jekyll = std::make_shared<const JekyllSite>(read_jekyll(l->config.content_dir, l->config));
    std::optional<PageReuse> reuse;
    std::uint64_t context = 0;
    bool had_index = false;
    if (index) {
        context = index_context(l->config);
        if (auto bytes = index->read_file("index")) reuse = decode_index(*bytes, context);
        had_index = reuse.has_value();
        if (!reuse) reuse.emplace();
    }
    l->site = build_site(l->config, jekyll, reuse ? &*reuse : nullptr);
    // An unreadable content folder gives an empty site: not worth keeping as the index.
    if (index && l->site.unreadable.empty() && (!had_index || reuse->worth_rewriting(l->site.pages.size())))
        index->write_file("index", encode_index(context, l->site.pages));
    l->templates = Templates::load(normalize_path(l->config.templates_dir));
    return l;
}

}  // namespace folio
