// Site checking: what the index found, plus what only a full render shows.
#include "check.h"

#include <set>

namespace folio {

int run_check(const Loaded& l, std::ostream& out) {
    std::vector<std::string> errors = l.site.errors;
    std::vector<std::string> warnings = l.site.warnings;
    for (const auto& p : l.templates.problems()) errors.push_back(p);

    std::size_t pages = 0, redirects = 0, files = 0;
    std::set<std::size_t> rendered;
    for (const auto& [url, route] : l.site.routes) {
        if (route.kind == RouteKind::Redirect) ++redirects;
        if (route.kind == RouteKind::Static) ++files;
        if (route.kind != RouteKind::Page || !rendered.insert(route.page).second) continue;
        ++pages;
        const Page& p = l.site.pages[route.page];
        if (!p.error.empty()) continue;  // already among the site's errors
        if (!l.templates.has_layout(p.layout))
            warnings.push_back(p.source + ": layout '" + p.layout + "' not found in templates/layouts; using 'page'");
        if (!p.list.empty() && !l.site.collections.count(p.list))
            warnings.push_back(p.source + ": list: no collection '" + p.list + "' (no folder content/_" + p.list + "/)");
        try {
            render_page(l.view(), p, 200);
        } catch (const std::exception& e) {
            errors.push_back(e.what());
        }
    }
    for (const auto& w : warnings) out << "warning: " << w << "\n";
    for (const auto& e : errors) out << "error: " << e << "\n";
    out << "folio: " << pages << " pages, " << redirects << " redirects, " << files << " files; " << errors.size()
        << (errors.size() == 1 ? " error, " : " errors, ") << warnings.size()
        << (warnings.size() == 1 ? " warning" : " warnings") << "\n";
    return errors.empty() ? 0 : 1;
}

}  // namespace folio
