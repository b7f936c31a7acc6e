// Loading a site and fingerprinting its files.
#include "app.h"

#include "text.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>

namespace folio {
namespace {

// Enough to notice a change; not a security boundary.
struct Hash {
    std::uint64_t h = fnv1a("");
    void add(const void* data, std::size_t n) { h = fnv1a(std::string_view(static_cast<const char*>(data), n), h); }
    long long newest = 0;
    void add_stat(const std::string& path) {
        struct stat st;
        add(path.data(), path.size());
        if (stat(path.c_str(), &st) != 0) return;
        newest = std::max(newest, static_cast<long long>(st.st_mtime));
        add(&st.st_mtim, sizeof st.st_mtim);
        add(&st.st_size, sizeof st.st_size);
        add(&st.st_ino, sizeof st.st_ino);
    }
    void add_tree(const std::string& dir, int depth) {
        add_stat(dir);
        if (depth > kMaxFolderDepth) return;
        std::unique_ptr<DIR, int (*)(DIR*)> d(opendir(dir.c_str()), closedir);
        if (!d) return;
        while (dirent* e = readdir(d.get())) {
            if (e->d_name[0] == '.') continue;
            const std::string path = dir + "/" + e->d_name;
            if (e->d_type == DT_DIR) add_tree(path, depth + 1);
            else add_stat(path);
        }
    }
};

}  // namespace

Fingerprint fingerprint(const std::string& config_path, const Config& config) {
    Hash h;
    h.add_stat(config_path);
    h.add_tree(config.content_dir, 0);
    h.add_tree(config.templates_dir, 0);
    return {h.h, h.newest};
}

std::unique_ptr<Loaded> load_site(const std::string& config_path) {
    Config config = load_config(config_path);
    // Fingerprint first: an edit during the build is then seen by the next check.
    const Fingerprint fp = fingerprint(config_path, config);
    return load_site(std::move(config), fp);
}

std::unique_ptr<Loaded> load_site(Config config, const Fingerprint& fp) {
    auto l = std::make_unique<Loaded>();
    l->config = std::move(config);
    l->fingerprint = fp.hash;
    l->last_modified = fp.newest;
    // A Jekyll site's _config.yml fills in what folio.ini leaves empty.
    std::shared_ptr<const JekyllSite> jekyll;
    if (is_jekyll_site(l->config.content_dir)) jekyll = std::make_shared<const JekyllSite>(read_jekyll(l->config.content_dir, l->config));
    l->site = build_site(l->config, jekyll);
    l->templates = Templates::load(normalize_path(l->config.templates_dir));
    return l;
}

}  // namespace folio
