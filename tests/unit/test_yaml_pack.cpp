// yaml_pack: a parsed YAML value -> bytes -> the same value (kinds, scalars, tags, order).
#include <boost/test/unit_test.hpp>

#include <yaml-cpp/yaml.h>

#include <string>

#include "yaml_pack.h"

using folio::pack_yaml;
using folio::packed_key_line;
using folio::unpack_yaml;
using folio::valid_packed_yaml;

namespace {

// Where a and b differ ("" when they are the same value): kind, tag, scalar, order of keys.
std::string difference(const YAML::Node& a, const YAML::Node& b, const std::string& at = "") {
    if (a.Type() != b.Type()) return at + ": kind " + std::to_string(int(a.Type())) + " vs " + std::to_string(int(b.Type()));
    if (a.Tag() != b.Tag()) return at + ": tag '" + a.Tag() + "' vs '" + b.Tag() + "'";
    if (a.IsScalar()) return a.Scalar() == b.Scalar() ? "" : at + ": '" + a.Scalar() + "' vs '" + b.Scalar() + "'";
    if (a.size() != b.size()) return at + ": size";
    if (a.IsSequence()) {
        for (std::size_t i = 0; i < a.size(); ++i)
            if (auto d = difference(a[i], b[i], at + "[" + std::to_string(i) + "]"); !d.empty()) return d;
    } else if (a.IsMap()) {
        auto i = a.begin();
        auto j = b.begin();
        for (; i != a.end(); ++i, ++j) {
            if (auto d = difference(i->first, j->first, at + ".key"); !d.empty()) return d;
            if (auto d = difference(i->second, j->second, at + "." + (i->first.IsScalar() ? i->first.Scalar() : "?")); !d.empty()) return d;
        }
    }
    return "";
}

const char* const kDocuments[] = {
    "title: DSP\nauthors: [Ada, 'Alan']\nyear: 2025\n",
    "title: \"Quoted: a string\"\ncount: '12'\nplain: 12\nflag: true\nnothing:\ntilde: ~\n",
    "nested:\n  list:\n    - a: 1\n      b: [x, y, {z: w}]\n    - - deep\n      - deeper\n  empty_list: []\n  empty_map: {}\n",
    "base: &b {x: 1, y: [2, 3]}\ncopy: *b\nmerged: {<<: *b, z: 4}\n",
    "tagged: !!str 123\ncustom: !thing value\nbinary: !!binary aGVsbG8=\n",
    "? [complex, key]\n: value\nafter: 1\n",
    "multi: |\n  line one\n  line two\nfolded: >\n  folded\n  text\nunicode: \"caf\\u00e9 \\U0001F600\"\n",
    "{}",
    "[a, b, c]",
    "just a scalar",
};

}  // namespace

BOOST_AUTO_TEST_SUITE(yaml_pack)

BOOST_AUTO_TEST_CASE(every_document_comes_back_the_same) {
    for (const char* doc : kDocuments) {
        BOOST_TEST_CONTEXT(doc) {
            const YAML::Node parsed = YAML::Load(doc);
            const std::string bytes = pack_yaml(parsed);
            BOOST_TEST(valid_packed_yaml(bytes));
            const YAML::Node back = unpack_yaml(bytes);
            // The same value; not the same style ([a, b] may come back as a block list): folio
            // never writes front matter out, it reads values.
            BOOST_TEST(difference(parsed, back) == "");
        }
    }
}

BOOST_AUTO_TEST_CASE(a_quoted_scalar_keeps_the_tag_liquid_reads_as_string) {
    const YAML::Node back = unpack_yaml(pack_yaml(YAML::Load("a: '1'\nb: 1\n")));
    BOOST_TEST(back["a"].Tag() == "!");
    BOOST_TEST(back["b"].Tag() == "?");
}

BOOST_AUTO_TEST_CASE(the_unpacked_node_has_memory_of_its_own) {
    const std::string bytes = pack_yaml(YAML::Load("title: A\nlist: [1]\n"));
    YAML::Node one = unpack_yaml(bytes);
    one["title"] = "changed";
    one["list"].push_back(2);
    const YAML::Node two = unpack_yaml(bytes);
    BOOST_TEST(two["title"].Scalar() == "A");
    BOOST_TEST(two["list"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(empty_bytes_are_an_empty_map) {
    BOOST_TEST(unpack_yaml("").IsMap());
    BOOST_TEST(unpack_yaml("").size() == 0u);
    BOOST_TEST(valid_packed_yaml(""));
}

BOOST_AUTO_TEST_CASE(key_lines_are_the_lines_in_the_text) {
    // As front matter: the text between the fences starts on the file's line 2.
    const std::string bytes = pack_yaml(YAML::Load("title: A\n? [x]\n: 1\nlist:\n  - 1\nlast: z\n"));
    BOOST_TEST(packed_key_line(bytes, "title") == 2);
    BOOST_TEST(packed_key_line(bytes, "list") == 5);
    BOOST_TEST(packed_key_line(bytes, "last") == 7);
    BOOST_TEST(packed_key_line(bytes, "missing") == 0);
    BOOST_TEST(packed_key_line(pack_yaml(YAML::Load("[a]")), "a") == 0);
}

BOOST_AUTO_TEST_CASE(damaged_bytes_are_refused_and_never_read_past_their_end) {
    const std::string bytes = pack_yaml(YAML::Load(kDocuments[2]));
    for (std::size_t n = 1; n < bytes.size(); ++n) {
        const std::string cut = bytes.substr(0, n);
        BOOST_TEST_CONTEXT("first " << n << " bytes") {
            BOOST_TEST(!valid_packed_yaml(cut));
            (void)unpack_yaml(cut);  // under ASan: no read past the end
            (void)packed_key_line(cut, "nested");
        }
    }
    BOOST_TEST(!valid_packed_yaml(bytes + "x"));
    BOOST_TEST(!valid_packed_yaml("Q"));
    // A count far larger than the bytes left is refused before any loop runs on it.
    BOOST_TEST(!valid_packed_yaml(std::string("L\x01?\x00\xff\xff\xff\xff\x0f", 9)));
}

BOOST_AUTO_TEST_SUITE_END()
