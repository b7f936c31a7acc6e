// Pure: a parsed YAML value kept as compact bytes, and made a YAML::Node again (yaml_pack.h).
//
// The bytes of one value: a kind ('Z' null, 'S' scalar, 'L' sequence, 'M' map), its tag and
// its line, then for a scalar its text, for a sequence its count and items, for a map its count
// and key, value pairs. Numbers are base-128 varints; texts are a varint length and the bytes.
#include "yaml_pack.h"

#include <yaml-cpp/yaml.h>

#include <cstdint>

#include "front_matter.h"

namespace folio {
namespace {

// yaml-cpp's parser refuses documents nested deeper than this (its DeepRecursion error), so
// packed front matter never is; bytes read back from the index cache are held to it too, which
// bounds the recursion below.
constexpr int kMaxDepth = 2048;

void put_num(std::string& out, std::uint64_t n) {
    while (n >= 0x80) {
        out += static_cast<char>((n & 0x7f) | 0x80);
        n >>= 7;
    }
    out += static_cast<char>(n);
}

void put_text(std::string& out, std::string_view s) {
    put_num(out, s.size());
    out += s;
}

void pack(const YAML::Node& n, std::string& out) {
    switch (n.Type()) {
        case YAML::NodeType::Scalar: out += 'S'; break;
        case YAML::NodeType::Sequence: out += 'L'; break;
        case YAML::NodeType::Map: out += 'M'; break;
        default: out += 'Z'; break;  // null, and undefined (which a parsed document does not hold)
    }
    put_text(out, n.Tag());
    const int line = line_of(n);
    put_num(out, line > 0 ? static_cast<std::uint64_t>(line) : 0);
    if (n.IsScalar()) {
        put_text(out, n.Scalar());
    } else if (n.IsSequence()) {
        put_num(out, n.size());
        for (const auto& item : n) pack(item, out);
    } else if (n.IsMap()) {
        put_num(out, n.size());
        for (const auto& kv : n) {
            pack(kv.first, out);
            pack(kv.second, out);
        }
    }
}

// Reads what pack wrote; every read is checked against the end, and fails (ok = false) there.
class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}

    bool ok() const { return ok_; }
    bool at_end() const { return pos_ == in_.size(); }

    std::uint64_t num() {
        std::uint64_t n = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= in_.size()) return fail();
            const auto b = static_cast<unsigned char>(in_[pos_++]);
            n |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) return n;
        }
        return fail();
    }
    std::string_view text() {
        const std::uint64_t n = num();
        if (!ok_ || n > in_.size() - pos_) return fail(), std::string_view();
        std::string_view s = in_.substr(pos_, n);
        pos_ += n;
        return s;
    }
    char kind() {
        if (pos_ >= in_.size()) return fail(), 'Z';
        return in_[pos_++];
    }
    // A count of items, each at least 3 bytes (kind, tag length, line): bounded by what is left,
    // so corrupt bytes cannot make a loop run on.
    std::uint64_t count() {
        const std::uint64_t n = num();
        if (!ok_ || n > (in_.size() - pos_) / 3) return fail();
        return n;
    }

    // One value: node gets what could be read of it.
    YAML::Node value(int depth) {
        const char k = kind();
        const std::string_view tag = text();
        num();  // the line: kept for packed_key_line only
        if (!ok_ || depth > kMaxDepth) return fail(), YAML::Node();
        YAML::Node n;
        if (k == 'S') {
            n = YAML::Node(std::string(text()));
        } else if (k == 'L') {
            n = YAML::Node(YAML::NodeType::Sequence);
            for (std::uint64_t i = 0, c = count(); ok_ && i < c; ++i) {
                YAML::Node item = value(depth + 1);
                if (ok_) n.push_back(item);
            }
        } else if (k == 'M') {
            n = YAML::Node(YAML::NodeType::Map);
            for (std::uint64_t i = 0, c = count(); ok_ && i < c; ++i) {
                YAML::Node key = value(depth + 1);
                YAML::Node v = value(depth + 1);
                // force_insert keeps the order and duplicate-free keys as the parsed map had
                // them, without operator[]'s search through the keys before it.
                if (ok_) n.force_insert(key, v);
            }
        } else if (k == 'Z') {
            n = YAML::Node(YAML::NodeType::Null);
        } else {
            return fail(), YAML::Node();
        }
        if (!tag.empty()) n.SetTag(std::string(tag));
        return n;
    }

    // Skips one value; false when the bytes end or are not a value.
    bool skip(int depth) {
        const char k = kind();
        text();
        num();
        if (!ok_ || depth > kMaxDepth) return fail();
        if (k == 'S') {
            text();
        } else if (k == 'L' || k == 'M') {
            const std::uint64_t c = count() * (k == 'M' ? 2 : 1);
            for (std::uint64_t i = 0; ok_ && i < c; ++i) skip(depth + 1);
        } else if (k != 'Z') {
            return fail();
        }
        return ok_;
    }

    // The top-level map's entry for key: the line of its key.
    int key_line(std::string_view key) {
        if (kind() != 'M') return 0;
        text();
        num();
        for (std::uint64_t i = 0, c = count(); ok_ && i < c; ++i) {
            const char k = kind();
            text();
            const std::uint64_t line = num();
            if (k == 'S') {
                if (text() == key && ok_) return static_cast<int>(line);
            } else {
                // A key that is not a scalar (YAML allows them): skip its children.
                if (k == 'L' || k == 'M') {
                    const std::uint64_t n = count() * (k == 'M' ? 2 : 1);
                    for (std::uint64_t j = 0; ok_ && j < n; ++j) skip(1);
                } else if (k != 'Z') {
                    return 0;
                }
            }
            skip(1);
        }
        return 0;
    }

private:
    std::uint64_t fail() {
        ok_ = false;
        pos_ = in_.size();
        return 0;
    }
    std::string_view in_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

}  // namespace

std::string pack_yaml(const YAML::Node& node) {
    std::string out;
    pack(node, out);
    return out;
}

YAML::Node unpack_yaml(std::string_view bytes) {
    if (bytes.empty()) return YAML::Node(YAML::NodeType::Map);
    Reader r(bytes);
    return r.value(0);
}

bool valid_packed_yaml(std::string_view bytes) {
    if (bytes.empty()) return true;
    Reader r(bytes);
    return r.skip(0) && r.at_end();
}

int packed_key_line(std::string_view bytes, std::string_view key) {
    Reader r(bytes);
    return r.key_line(key);
}

}  // namespace folio
