// Regressions: each bug that gets fixed becomes a named case here (md4c's test/regressions.txt
// habit), named after what went wrong, with a comment giving the symptom and the fix's commit.
// A case stays forever, so the bug cannot come back unnoticed.
#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_SUITE(regressions)

BOOST_AUTO_TEST_SUITE_END()
