// Fuzz target: the index cache's decoder (src/index_cache.h). The input is what follows the
// format tag and context, so every input reaches the page records. Beyond "no crash": a decoded
// index encodes and decodes again to the same pages, and nothing decoded is bigger than the input.
#include <cstdint>
#include <map>
#include <string>

#include "fuzz_common.h"
#include "index_cache.h"

namespace {

constexpr std::uint64_t kContext = 0x5eed;

// A page as comparable text (unordered_map order is not part of the format).
std::string describe(const folio::Page& p) {
    std::string d = p.source + '\1' + p.rel + '\1' + p.url + '\1' + p.front + '\1' + p.title + '\1' + (p.error ? p.error->text() : "-") + '\1';
    p.fields.each([&](std::string_view k, std::string_view v) { d += std::string(k) + '\2' + std::string(v) + '\2'; });
    for (const auto& r : p.redirect_from) d += r.from + '\3' + std::to_string(r.line) + '\3';
    d += std::to_string(p.stamp.mtime_ns) + ',' + std::to_string(p.stamp.size) + ',' + std::to_string(p.stamp.ino);
    d += std::to_string(p.body_offset) + ',' + std::to_string(p.published) + std::to_string(p.output);
    return d;
}

std::map<std::string, std::string> described(const folio::PageReuse& r) {
    std::map<std::string, std::string> out;
    for (const auto& [rel, p] : r.pages) out[rel] = describe(p);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string header = [] {
        std::string empty = folio::encode_index(kContext, {});
        return empty.substr(0, empty.size() - 8);  // without the page count
    }();
    const std::string bytes = header + std::string(reinterpret_cast<const char*>(data), size);
    auto decoded = folio::decode_index(bytes, kContext);
    FUZZ_EXPECT(!folio::decode_index(bytes, kContext + 1), "another context decoded");
    if (!decoded) return 0;
    std::vector<folio::Page> pages;
    std::size_t text = 0;
    for (const auto& [rel, p] : decoded->pages) {
        FUZZ_EXPECT(rel == p.rel && !rel.empty() && p.stamp.size >= 0, rel);
        text += p.source.size() + p.rel.size() + p.front.size();
        pages.push_back(p);
    }
    FUZZ_EXPECT(text <= bytes.size(), "decoded more text than the input holds");
    auto again = folio::decode_index(folio::encode_index(kContext, pages), kContext);
    FUZZ_EXPECT(again.has_value(), "a decoded index does not decode after encoding");
    FUZZ_EXPECT(described(*again) == described(*decoded), "encode/decode changed a page");
    return 0;
}
