// CGI mode's response cache on disk: a CGI process lives for one request, so what a FastCGI
// process keeps in memory is kept here, in files keyed by the site's fingerprint.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "http.h"

namespace folio {

// Where one-line log messages go (the same type as router.h's Log).
using Log = std::function<void(std::string_view)>;

// An entry larger than this share of the bound is not kept: one big response must not push out
// every other one.
inline constexpr std::uint64_t kMaxEntryShare = 4;

class DiskCache {
public:
    // Opens (creating, mode 0700) the cache folder. Refuses (nullopt, the reason in `refused`)
    // a folder that is a link, not ours, or open to others: on a shared host another user must
    // not be able to plant responses in it. `existed` tells whether something was at dir.
    // private_parent: the folder's parent must be private too (the fallback's parent lives in
    // the shared /tmp). limit: the most bytes the response entries may take together.
    static std::optional<DiskCache> open(const std::string& dir, bool private_parent, std::uint64_t limit, Log log,
                                         std::string& refused, bool& existed);

    // The response stored for key under fingerprint, if any.
    std::optional<Response> get(std::uint64_t fingerprint, const std::string& key) const;
    // Stores it (written to a temporary file and renamed into place: readers never see half a
    // file), after removing the oldest entries while the bound would be passed. Removes the
    // folders of older fingerprints the first time a new one is written. Never stores a static
    // file's response (Response::file: the file is its own copy) nor one too big for the bound.
    void put(std::uint64_t fingerprint, const std::string& key, const Response& r) const;

    // The fingerprint some process computed less than max_age_ms ago, if any: walking every file
    // of a big site costs more than the rest of a cached request, and FastCGI mode looks at most
    // once a second too, so CGI mode does the same.
    std::optional<std::uint64_t> recent_fingerprint(long long max_age_ms) const;
    void note_fingerprint(std::uint64_t fingerprint) const;

    // A whole file of the cache folder by name ("index"), or nullopt; and its replacement, written
    // to a temporary file and renamed into place. These files are outside the bound.
    std::optional<std::string> read_file(const std::string& name) const;
    void write_file(const std::string& name, const std::string& bytes) const;

    // Logs line unless this folder already said it: a CGI lives for one request, and the same
    // line on every request would bury the error log. A marker file remembers it.
    void say_once(const std::string& line) const;

    const std::string& dir() const { return dir_; }
    // The bytes the response entries take now (allocated blocks or length, whichever is more).
    std::uint64_t entry_bytes() const;

private:
    DiskCache(std::string dir, std::uint64_t limit, Log log) : dir_(std::move(dir)), limit_(limit), log_(std::move(log)) {}
    std::string entry_path(std::uint64_t fingerprint, const std::string& key) const;
    bool make_room(std::uint64_t bytes) const;
    std::string dir_;
    std::uint64_t limit_;
    Log log_;
};

// What decides CGI mode's cache folder.
struct CacheSetup {
    std::string program;      // folio's program file: /proc/self/exe, else argv[0]
    std::string config_path;  // folio.ini as given
    std::string configured;   // [paths] cache: "" (the default places), "off", or a folder
    std::uint64_t limit = 0;  // [paths] cache_size
    std::string tmp;          // $TMPDIR, else /tmp
};

// The cache a CGI uses, or nullopt. None at all unless folio runs as the owner of its program
// file (see the .cpp); then [paths] cache when set, else <folder of folio.ini>/.folio-cache,
// else <tmp>/folio-<uid>/<hash of the ini path>. A folder refused on the way is logged, once.
std::optional<DiskCache> open_cgi_cache(const CacheSetup& setup, const Log& log);

// One line for --check: which folder a CGI would use and its bound, or why it would use none.
// Creates nothing.
std::string describe_cgi_cache(const CacheSetup& setup);

// Parses what serialize() wrote back into a Response (nullopt when it is not one).
std::optional<Response> parse_response(const std::string& bytes);

}  // namespace folio
