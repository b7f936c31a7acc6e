// Following a chain of redirects through the site's routes, as a browser would, with a bound.
#pragma once
#include <string>

#include "site.h"

namespace folio {

// Where a chain ends.
struct ChainEnd {
    enum class Kind {
        Route,     // a route that is not a redirect answers at `path`
        External,  // the redirect at `path` leaves the site (an http(s) URL): not followed
        Missing,   // nothing answers at `path`
        Loop,      // `path` was reached a second time
        TooLong,   // hop max_hops + 1 would go to `path` (not looked up)
    };
    Kind kind = Kind::Missing;
    std::string path;              // where the chain stopped (a route's key, with the '/' it was found with)
    const Route* route = nullptr;  // Route, External: the route at `path`; Loop: the one met again
    int hops = 0;                  // redirects followed to reach `path`
};

// Follows the redirects from the site path `path` (no query). Each step looks a path up as the
// router does: as written, else with a trailing '/' added. A redirect target's query is dropped:
// routes are found by path. Bounded by max_hops redirects, so a long or looping chain costs at
// most max_hops + 1 look-ups.
ChainEnd follow_redirects(const Site& site, std::string path, int max_hops = kMaxRedirectChain);

// The same from the route `first` at the key `from`, which may carry a query (a redirect of
// "/a?x=1" is not the route at "/a"): its hop is the first counted, and a chain that comes back
// to `from` is a Loop there.
ChainEnd follow_redirects(const Site& site, const std::string& from, const Route& first);

}  // namespace folio
