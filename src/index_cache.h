// The index cache: every page of the site as parsed, written to the cache folder, so that a
// process that must build the index (a CGI after an edit, a FastCGI worker starting) parses only
// the files that changed since, instead of every page's YAML.
#pragma once
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "page.h"

namespace folio {

// Pages from an earlier build, by path below the content folder. build_site takes a page from
// here when the file's stamp is unchanged, and counts what it reused and what it parsed.
struct PageReuse {
    std::unordered_map<std::string, Page> pages;
    std::size_t reused = 0, parsed = 0;
    // Pages of the index that no longer match a file: parsed again, or gone.
    std::size_t stale() const { return parsed + pages.size(); }
    bool changed() const { return stale() > 0; }
    // The index is rewritten whole, which on a big site costs as much as parsing a few dozen
    // pages: while only a few files changed since it was written, each build parses them again
    // instead (at most kStalePagesKept, or a sixteenth of the site).
    bool worth_rewriting(std::size_t site_pages) const {
        return changed() && stale() >= std::max(kStalePagesKept, site_pages / 16);
    }
    static constexpr std::size_t kStalePagesKept = 64;
};

// Pure: the pages read from files (stamp.size >= 0) as bytes, headed by a format tag and
// `context`: a hash of everything else a parsed page depends on (folio's build, folio.ini,
// _config.yml, today's date), so an index made under other settings is never used.
std::string encode_index(std::uint64_t context, const std::vector<Page>& pages);

// Pure: the pages back, or nullopt when the bytes are not an index of this format and context
// (truncated, corrupted or foreign bytes are a miss, never a crash). Pages come back without
// their Jekyll defaults node, which build_site sets again.
std::optional<PageReuse> decode_index(std::string_view bytes, std::uint64_t context);

}  // namespace folio
