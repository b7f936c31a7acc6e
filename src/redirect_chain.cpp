// Following a chain of redirects through the site's routes (redirect_chain.h).
#include "redirect_chain.h"

#include <set>

#include "text.h"

namespace folio {

ChainEnd follow_redirects(const Site& site, std::string path, int max_hops) {
    ChainEnd end;
    std::set<std::string> seen;
    for (;;) {
        const Route* r = site.find(path);
        if (!r && !path.empty() && path.back() != '/' && (r = site.find(path + "/"))) path += '/';
        end.path = path;
        if (!r) {
            end.kind = ChainEnd::Kind::Missing;
            return end;
        }
        if (!seen.insert(path).second) {
            end.kind = ChainEnd::Kind::Loop;
            return end;
        }
        end.route = r;
        if (r->kind != RouteKind::Redirect) {
            end.kind = ChainEnd::Kind::Route;
            return end;
        }
        if (is_absolute_url(r->target)) {
            end.kind = ChainEnd::Kind::External;
            return end;
        }
        if (end.hops >= max_hops) {
            end.kind = ChainEnd::Kind::TooLong;
            end.route = nullptr;
            return end;
        }
        path = r->target.substr(0, r->target.find('?'));
        ++end.hops;
    }
}

}  // namespace folio
