// Kept gzip variants of large static files: made once (streamed deflate), one file each in a
// private folder, named after the source file's stamp so that an edit makes a new one.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "http.h"

namespace folio {

// Static files at most this large get a kept gzip variant; larger ones go out as they are.
// Level 6 deflates about 24 MB/s on this machine (a CSV), so the one request that makes the
// variant of a 32 MiB file waits about 1.4 s; above that, the bytes saved do not pay for it, and
// the web server can always send such a file itself.
inline constexpr std::uint64_t kMaxGzipFileBytes = 32ull * 1024 * 1024;
// The store shares the cache folder's bound ([paths] cache_size) with the CGI's response
// entries (DiskCache counts both): a variant larger than this share of it is not kept, so one
// big file cannot push out everything else.
inline constexpr std::uint64_t kGzipVariantShare = 2;
// A half-written variant (".tmp") younger than this is another process at work: this request
// is answered uncompressed instead of compressing the same file again. An older one is the
// remains of a process that died, and is removed.
inline constexpr long long kGzipWorkSeconds = 120;

class GzipStore {
public:
    // Opens (creating, mode 0700) the folder. nullopt when it is a link, not a folder, not ours,
    // or open to group or others: another user must not be able to plant a variant there.
    // limit: what the variants may take together; the oldest go first when a new one would
    // pass it.
    static std::optional<GzipStore> open(const std::string& dir, std::uint64_t limit);
    // A store of this process only, for a FastCGI process without a cache folder: each variant
    // is an anonymous file (memfd) that no other process can name, held while the process
    // lives, within limit. It is no less private than the process's own memory: whoever could
    // reach one could reach the other.
    static GzipStore in_process(std::uint64_t limit);

    // The kept gzip variant of source, made now when missing or damaged. nullptr (serve the file
    // as it is) when source is outside [kMinGzipBytes, kMaxGzipFileBytes], when another process
    // is making it right now, when it would not be smaller, or when it cannot be made (reason
    // set, for the log).
    std::shared_ptr<const BodyFile> variant(const BodyFile& source, std::string& reason) const;

    // The variant's file name for source: device, inode, size, modification time (ns) and level.
    static std::string name_for(const BodyFile& source);
    const std::string& dir() const { return dir_; }

private:
    GzipStore(std::string dir, std::uint64_t limit) : dir_(std::move(dir)), limit_(limit) {}
    std::shared_ptr<const BodyFile> make(const BodyFile& source, const std::string& name, std::string& reason) const;
    std::shared_ptr<const BodyFile> variant_in_process(const BodyFile& source, const std::string& name,
                                                       std::string& reason) const;
    void evict(const std::string& keep) const;
    std::string dir_;  // "" for a store of this process only
    std::uint64_t limit_;
    // The variants of a store of this process, by name, with the order they were made in (the
    // oldest go first). Mutable: the store is a cache, filled on demand by const lookups.
    struct Held {
        std::shared_ptr<const BodyFile> file;
        std::uint64_t made = 0;
    };
    mutable std::map<std::string, Held> held_;
    mutable std::uint64_t made_ = 0;
};

}  // namespace folio
