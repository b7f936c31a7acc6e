// folio.ini -> a typed Config; the only user of inih. Errors read "folio.ini:LINE: reason".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio {

// The longest line folio.ini may hold: a long bio fits, a runaway file does not.
inline constexpr std::size_t kMaxIniLine = 16384;
// The largest folio.ini read: far more lines of that length than any site has.
inline constexpr std::size_t kMaxConfigBytes = 4 * 1024 * 1024;

// The cache folder (CGI responses and the kept gzip variants of large files, together): 8 MiB
// unless [paths] cache_size says otherwise, and never more than 1 GiB (a typo must not let it
// fill a disk).
inline constexpr std::uint64_t kDefaultCacheSize = std::uint64_t(8) << 20;
inline constexpr std::uint64_t kMaxCacheSize = std::uint64_t(1) << 30;

struct ProfileLink {
    std::string key;    // config key: github, scholar, ...
    std::string label;  // shown text: GitHub, Google Scholar, ...
    std::string url;    // full URL
};

struct NavEntry {
    std::string label;
    std::string url;  // site path ("/publications/") or absolute URL
};

struct ConfigRedirect {
    std::string from;  // site path, may carry "?query"
    std::string to;    // site path or absolute URL
    int line = 0;
};

struct Config {
    std::string file;  // the ini file as named to the user (for messages)
    std::string dir;   // folder of the ini file: relative paths start here

    struct {
        std::string title;
        std::string url;        // public absolute URL, no trailing slash
        std::string base_path;  // mount prefix, "" or "/~user" (no trailing slash)
        std::string description;
        std::string language = "en";
        // Sent with every 200; ETag and Last-Modified let browsers revalidate cheaply after it.
        std::string cache_control = "public, max-age=300";
        // Where a .bib entry's own page is served: :collection, :key (the entry's key, with
        // characters other than letters, digits, '.', '_' and '-' made '-'), :slug (the same in
        // lower case) and :year are filled in.
        std::string bib_permalink = "/:collection/:key/";
        // Which theme a Jekyll site's pages wear: "site" (its own _layouts/, rendered as Jekyll
        // does), "folio" (folio's templates/), or "" (the default: the site's own whenever it
        // has a _layouts/ folder). folio's own content always wears folio's.
        std::string theme;
    } site;

    struct {
        std::string name, avatar, bio, location, employer, email;
        std::vector<std::string> aliases;  // other spellings of name in author lists
        std::vector<ProfileLink> links;
    } author;

    std::vector<NavEntry> nav;
    std::vector<ConfigRedirect> redirects;
    std::string content_dir;    // absolute or relative to the working directory
    std::string templates_dir;
    std::string cache_dir;  // CGI mode's response cache: "" = default, "off" = none
    // The most bytes the cache folder's responses and gzip variants take on disk together
    // ([paths] cache_size): a site's pages and the compressed copy of a 10 MB data file fit.
    std::uint64_t cache_size = kDefaultCacheSize;
};

// Pure: parses ini text. file_name is used in messages, dir resolves relative paths.
// Throws folio::Error("folio.ini:LINE: reason").
Config parse_config(std::string_view text, std::string_view file_name, std::string_view dir);

// Reads and parses the file at path.
Config load_config(const std::string& path);

}  // namespace folio
