// CGI mode's response cache on disk: a CGI process lives for one request, so what a FastCGI
// process keeps in memory is kept here, in files keyed by the site's fingerprint.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "http.h"

namespace folio {

class DiskCache {
public:
    // Opens (creating, mode 0700) the cache folder. Refuses (nullopt) a folder that is a link,
    // not ours, or open to others: on a shared host another user must not be able to plant
    // responses in it.
    // private_parent: the folder's parent must be private too (the default folder's parent lives
    // in the shared /tmp).
    static std::optional<DiskCache> open(const std::string& dir, bool private_parent);

    // The response stored for key under fingerprint, if any.
    std::optional<Response> get(std::uint64_t fingerprint, const std::string& key) const;
    // Stores it (written to a temporary file and renamed into place: readers never see half a
    // file). Removes the folders of older fingerprints the first time a new one is written.
    void put(std::uint64_t fingerprint, const std::string& key, const Response& r) const;

    // The fingerprint some process computed less than max_age_ms ago, if any: walking every file
    // of a big site costs more than the rest of a cached request, and FastCGI mode looks at most
    // once a second too, so CGI mode does the same.
    std::optional<std::uint64_t> recent_fingerprint(long long max_age_ms) const;
    void note_fingerprint(std::uint64_t fingerprint) const;

    // A whole file of the cache folder by name ("index"), or nullopt; and its replacement, written
    // to a temporary file and renamed into place.
    std::optional<std::string> read_file(const std::string& name) const;
    void write_file(const std::string& name, const std::string& bytes) const;

private:
    explicit DiskCache(std::string dir) : dir_(std::move(dir)) {}
    std::string entry_path(std::uint64_t fingerprint, const std::string& key) const;
    std::string dir_;
};

// Where CGI mode caches by default: [paths] cache, else /tmp/folio-<uid>/<hash of the ini path>.
// "" when caching is off ([paths] cache = off).
std::string default_cache_dir(const std::string& configured, const std::string& config_path);

// Parses what serialize() wrote back into a Response (nullopt when it is not one).
std::optional<Response> parse_response(const std::string& bytes);

}  // namespace folio
