// Regressions: each bug that gets fixed becomes a named case here (md4c's test/regressions.txt
// habit), named after what went wrong, with a comment giving the symptom and the fix's commit.
// A case stays forever, so the bug cannot come back unnoticed.
#include <boost/test/unit_test.hpp>
#include <yaml-cpp/yaml.h>

#include <malloc.h>

#include "page.h"

BOOST_AUTO_TEST_SUITE(regressions_memory)

// Found while hardening (issue 7): front_of() assigned the shared Jekyll defaults' nodes into
// each page's document; yaml-cpp then merges the two documents' memory, so the defaults kept
// every front matter ever parsed alive, and each render grew the process (and slowed down).
BOOST_AUTO_TEST_CASE(front_of_with_shared_defaults_does_not_grow_memory) {
    YAML::Node defaults = YAML::Load("layout: single\nauthor_profile: true\ntags: [a, b]\n");
    folio::Page p = folio::parse_page("---\ntitle: a\nfoo: [1,2,3]\n---\nbody\n", "content/_x/a.md", "_x/a.md", defaults);
    for (int i = 0; i < 200; ++i) folio::front_of(p);  // warm the allocator
    const std::size_t before = mallinfo2().uordblks;
    for (int i = 0; i < 3000; ++i) BOOST_REQUIRE(folio::front_of(p)["layout"].Scalar() == "single");
    const std::size_t after = mallinfo2().uordblks;
    BOOST_TEST(after < before + 256 * 1024, "heap grew from " << before << " to " << after << " bytes");
}

BOOST_AUTO_TEST_SUITE_END()
