// The index cache's format: a tag line, the context, then each page's fields in a fixed order,
// integers as 8 little-endian bytes and strings as a length and their bytes. Decoding checks
// every length against what is left, so a damaged file is a miss.
#include "index_cache.h"

#include <cstring>

#include "yaml_pack.h"

namespace folio {
namespace {

// Bumped whenever Page or the order below changes. The static_assert is a reminder: a field
// added to Page must be written here too, or a page from the cache would lose it.
constexpr std::string_view kTag = "folio index 5\n";
static_assert(sizeof(Page) == 600, "Page changed: update encode_index and decode_index, then this size and kTag");

class Writer {
public:
    void num(std::uint64_t v) {
        char b[8];
        for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
        out.append(b, 8);
    }
    void text(const std::string& s) {
        num(s.size());
        out += s;
    }
    std::string out;
};

class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    bool num(std::uint64_t& v) {
        if (in_.size() - pos_ < 8) return fail();
        v = 0;
        for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in_[pos_ + i])) << (8 * i);
        pos_ += 8;
        return true;
    }
    template <typename T>
    bool as(T& v) {
        std::uint64_t u;
        if (!num(u)) return false;
        v = static_cast<T>(u);
        return true;
    }
    bool flag(bool& v) {
        std::uint64_t u;
        if (!num(u) || u > 1) return fail();
        v = u == 1;
        return true;
    }
    bool text(std::string& s) {
        std::uint64_t n;
        if (!num(n) || n > in_.size() - pos_) return fail();
        s.assign(in_.data() + pos_, n);
        pos_ += n;
        return true;
    }
    // A count of items that each take at least min_bytes: bounded by what is left, so a corrupt
    // count cannot make the decoder reserve or loop without end.
    bool count(std::uint64_t& n, std::size_t min_bytes) {
        if (!num(n) || n > (in_.size() - pos_) / min_bytes) return fail();
        return true;
    }
    bool done() const { return ok_ && pos_ == in_.size(); }
    bool ok() const { return ok_; }

private:
    bool fail() {
        ok_ = false;
        return false;
    }
    std::string_view in_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

void write_page(Writer& w, const Page& p) {
    w.num(static_cast<std::uint64_t>(p.stamp.mtime_ns));
    w.num(static_cast<std::uint64_t>(p.stamp.size));
    w.num(p.stamp.ino);
    for (const std::string* s : {&p.source, &p.rel, &p.collection, &p.url, &p.front})
        w.text(*s);
    w.text(p.fields.packed());
    w.num(p.body_offset);
    w.num(static_cast<std::uint64_t>(p.body_line));
    w.num(p.error.has_value());  // then its file, line and message
    if (p.error) {
        w.text(p.error->file);
        w.num(static_cast<std::uint64_t>(p.error->line));
        w.text(p.error->message);
    }
    w.num(static_cast<std::uint64_t>(p.mtime));
    w.text(p.type);
    for (bool b : {p.html, p.output, p.has_permalink, p.author_profile, p.published, p.in_sitemap}) w.num(b);
    for (const std::string* s : {&p.title, &p.layout, &p.date, &p.list, &p.redirect_to, &p.excerpt})
        w.text(*s);
    w.num(static_cast<std::uint64_t>(p.redirect_to_line));
    w.num(p.redirect_from.size());
    for (const auto& r : p.redirect_from) {
        w.text(r.from);
        w.num(static_cast<std::uint64_t>(r.line));
    }
}

bool read_page(Reader& r, Page& p) {
    std::uint64_t n = 0;
    if (!r.as(p.stamp.mtime_ns) || !r.as(p.stamp.size) || !r.as(p.stamp.ino)) return false;
    for (std::string* s : {&p.source, &p.rel, &p.collection, &p.url, &p.front})
        if (!r.text(*s)) return false;
    if (!valid_packed_yaml(p.front)) return false;
    std::string fields;
    if (!r.text(fields) || !p.fields.from_packed(std::move(fields))) return false;
    bool has_error = false;
    if (!r.as(p.body_offset) || !r.as(p.body_line) || !r.flag(has_error)) return false;
    if (has_error) {
        Problem& e = p.error.emplace();
        if (!r.text(e.file) || !r.as(e.line) || !r.text(e.message)) return false;
    }
    if (!r.as(p.mtime) || !r.text(p.type)) return false;
    for (bool* b : {&p.html, &p.output, &p.has_permalink, &p.author_profile, &p.published, &p.in_sitemap})
        if (!r.flag(*b)) return false;
    for (std::string* s : {&p.title, &p.layout, &p.date, &p.list, &p.redirect_to, &p.excerpt})
        if (!r.text(*s)) return false;
    if (!r.as(p.redirect_to_line) || !r.count(n, 16)) return false;
    p.redirect_from.resize(n);
    for (auto& rs : p.redirect_from)
        if (!r.text(rs.from) || !r.as(rs.line)) return false;
    return r.ok();
}

}  // namespace

std::string encode_index(std::uint64_t context, const std::vector<Page>& pages) {
    Writer w;
    w.out = kTag;
    w.num(context);
    std::size_t files = 0;
    for (const Page& p : pages) files += p.stamp.size >= 0;
    w.num(files);
    for (const Page& p : pages)
        if (p.stamp.size >= 0) write_page(w, p);
    return std::move(w.out);
}

std::optional<PageReuse> decode_index(std::string_view bytes, std::uint64_t context) {
    if (bytes.substr(0, kTag.size()) != kTag) return std::nullopt;
    Reader r(bytes.substr(kTag.size()));
    std::uint64_t stored = 0, n = 0;
    if (!r.num(stored) || stored != context || !r.count(n, 64)) return std::nullopt;
    PageReuse out;
    out.pages.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) {
        Page p;
        if (!read_page(r, p) || p.rel.empty() || p.stamp.size < 0) return std::nullopt;
        std::string rel = p.rel;
        out.pages.insert_or_assign(std::move(rel), std::move(p));
    }
    if (!r.done()) return std::nullopt;
    return out;
}

}  // namespace folio
