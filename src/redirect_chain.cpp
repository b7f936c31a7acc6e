// Following a chain of redirects through the site's routes (redirect_chain.h).
#include "redirect_chain.h"

#include <set>

#include "text.h"

namespace folio {
namespace {

// The route at path as the router finds it: as written, else with a trailing '/' (then added to path).
const Route* look_up(const Site& site, std::string& path) {
    const Route* r = site.find(path);
    if (!r && !path.empty() && path.back() != '/' && (r = site.find(path + "/"))) path += '/';
    return r;
}

// Follows the chain from path, whose route is r (nullptr: none).
ChainEnd follow(const Site& site, std::string path, const Route* r, int max_hops) {
    ChainEnd end;
    std::set<std::string> seen;
    for (;;) {
        end.path = path;
        if (!r) {
            end.kind = ChainEnd::Kind::Missing;
            return end;
        }
        end.route = r;
        if (!seen.insert(path).second) {
            end.kind = ChainEnd::Kind::Loop;
            return end;
        }
        if (r->kind != RouteKind::Redirect) {
            end.kind = ChainEnd::Kind::Route;
            return end;
        }
        if (is_absolute_url(r->target)) {
            end.kind = ChainEnd::Kind::External;
            return end;
        }
        path = r->target.substr(0, r->target.find('?'));
        if (end.hops >= max_hops) {
            end.kind = ChainEnd::Kind::TooLong;
            end.path = path;
            end.route = nullptr;
            return end;
        }
        ++end.hops;
        r = look_up(site, path);
    }
}

}  // namespace

ChainEnd follow_redirects(const Site& site, std::string path, int max_hops) {
    const Route* r = look_up(site, path);
    return follow(site, path, r, max_hops);
}

ChainEnd follow_redirects(const Site& site, const std::string& from, const Route& first) {
    return follow(site, from, &first, kMaxRedirectChain);
}

}  // namespace folio
