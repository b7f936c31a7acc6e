#define BOOST_TEST_MODULE folio unit
#include <boost/test/unit_test.hpp>
