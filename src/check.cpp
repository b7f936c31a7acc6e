// Site checking: what the index found, plus what only a full render shows (template errors,
// broken internal links, missing #anchors and images), each with file:line.
#include "check.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "app.h"
#include "error.h"
#include "feeds.h"
#include "content.h"
#include "jekyll/jekyll.h"
#include "jekyll/stylesheet.h"
#include "jekyll/theme.h"
#include "render.h"
#include "markdown.h"
#include "redirect_chain.h"
#include "text.h"
#include "yaml_pack.h"

namespace folio {
namespace {

// A URL fragment with its %XX escapes decoded: a browser that finds no element with the
// fragment as written looks for the decoded one, and cmark escapes what is not ASCII
// ("#café" is written "#caf%C3%A9").
std::string percent_decoded(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

struct Link {
    std::string target;  // as it appears in the HTML (entities decoded)
    bool image;
};

std::string decode_entities(std::string s) {
    for (std::size_t pos; (pos = s.find("&amp;")) != std::string::npos;) s.replace(pos, 5, "&");
    return s;
}

// href="..." and src="..." values of rendered HTML.
std::vector<Link> links_in(const std::string& html) {
    std::vector<Link> out;
    for (const char* attr : {" href=\"", " src=\""})
        for_each_between(html, attr, "\"", [&](std::string_view v) { out.push_back({decode_entities(std::string(v)), attr[1] == 's'}); });
    return out;
}

std::set<std::string> ids_in(const std::string& html) {
    std::set<std::string> ids;
    for_each_between(html, " id=\"", "\"", [&](std::string_view id) { ids.emplace(id); });
    return ids;
}

// The line of the page's file where a link target is written (the body's first line if the
// Markdown spells it differently).
int line_of_target(const Page& p, const std::string& body, const std::string& written) {
    std::size_t at = body.find(written);
    if (at == std::string::npos) return p.body_line;
    int line = p.body_line;
    for (std::size_t i = 0; i < at; ++i)
        if (body[i] == '\n') ++line;
    return line;
}

// What find_non_xml found at text[at], in words.
std::string non_xml_what(std::string_view text, std::size_t at) {
    const unsigned char c = static_cast<unsigned char>(text[at]);
    char buf[48];
    if (c < 0x20) std::snprintf(buf, sizeof buf, "control character U+%04X", c);
    else if (text.compare(at, 3, "\xEF\xBF\xBE") == 0) std::snprintf(buf, sizeof buf, "noncharacter U+FFFE");
    else if (text.compare(at, 3, "\xEF\xBF\xBF") == 0) std::snprintf(buf, sizeof buf, "noncharacter U+FFFF");
    else std::snprintf(buf, sizeof buf, "byte 0x%02X that is not UTF-8", c);
    return std::string(buf) + ", which XML cannot hold: folio leaves it out of feed.xml and sitemap.xml";
}

// Characters that XML cannot hold, in a front-matter value (at the key's line) or in the body
// (at its line): the feed and sitemap go without them, and the owner is told where they are.
void warn_non_xml(const Page& p, const std::string& body, std::vector<Problem>& warnings) {
    p.fields.each([&](std::string_view key, std::string_view value) {
        const std::size_t bad = find_non_xml(value);
        if (bad == std::string_view::npos) return;
        // A value from Jekyll's defaults has no line of its own: the file's first line.
        const int line = std::max(1, packed_key_line(p.front, key));
        warnings.push_back({p.source, line, std::string(key) + ": " + non_xml_what(value, bad)});
    });
    constexpr int kMaxLinesReported = 10;  // per page: a binary file saved as .md is one warning, not thousands
    int reported = 0, line = p.body_line;
    for (std::size_t start = 0; start < body.size() && reported < kMaxLinesReported; ++line) {
        std::size_t end = body.find('\n', start);
        if (end == std::string::npos) end = body.size();
        const std::string_view text = std::string_view(body).substr(start, end - start);
        if (const std::size_t bad = find_non_xml(text); bad != std::string_view::npos && text[bad] != '\r') {
            warnings.push_back({p.source, line, non_xml_what(text, bad)});
            ++reported;
        }
        start = end + 1;
    }
}

class LinkChecker {
public:
    LinkChecker(const Loaded& l, std::vector<Problem>& errors) : l_(l), errors_(errors) {}

    void add_page_ids(const std::string& url, const std::string& html) { ids_[url] = ids_in(html); }

    void check(const Page& p, const std::string& content_html) {
        const std::string body = page_body(p);
        for (const auto& link : links_in(content_html)) {
            std::string written = link.target;
            std::string path = internal_path(p, link.target);
            if (path.empty()) continue;
            std::string fragment;
            if (std::size_t hash = path.find('#'); hash != std::string::npos) {
                fragment = path.substr(hash + 1);
                path = path.substr(0, hash);
            }
            path = path.substr(0, path.find('?'));
            if (path.empty()) path = p.url;  // "#frag": this page
            // The text as written in Markdown carries no mount prefix.
            const std::string& bp = l_.config.site.base_path;
            if (!bp.empty() && written.rfind(bp + "/", 0) == 0) written = written.substr(bp.size());
            const int line = line_of_target(p, body, written);
            std::string landed = resolve(path);
            if (landed.empty()) {
                errors_.push_back({p.source, line, (link.image ? "missing image " : "broken link ") + link.target});
            } else if (!fragment.empty()) {
                auto ids = ids_.find(landed);
                if (ids != ids_.end() && !ids->second.count(fragment) && !ids->second.count(percent_decoded(fragment)))
                    errors_.push_back({p.source, line, "missing anchor #" + fragment + " on " + landed + " (link " + link.target + ")"});
            }
        }
    }

private:
    // The site path a link points at, or "" when it leaves the site (other hosts, mailto:).
    std::string internal_path(const Page& p, const std::string& target) const {
        const Config& c = l_.config;
        std::string t = target;
        if (!c.site.url.empty() && t.rfind(c.site.url, 0) == 0) {
            t = t.substr(c.site.url.size());
            if (t.empty()) t = "/";
            if (t[0] != '/' && t[0] != '#' && t[0] != '?') return "";
        }
        if (t.empty() || t.rfind("//", 0) == 0 || t.find(':') < t.find_first_of("/?#")) return "";
        if (t[0] == '#') return t;
        if (t[0] != '/') {  // relative to the page's folder
            std::size_t cut = t.find_first_of("?#");
            std::string rest = cut == std::string::npos ? "" : t.substr(cut);
            std::string rel = t.substr(0, cut);
            std::string joined = normalize_path(p.url.substr(0, p.url.rfind('/') + 1) + rel);
            if (joined == ".") joined = "/";
            if (!rel.empty() && rel.back() == '/' && joined.back() != '/') joined += '/';
            t = joined + rest;
        } else if (!c.site.base_path.empty()) {
            if (t.rfind(c.site.base_path + "/", 0) == 0) t = t.substr(c.site.base_path.size());
            else if (t == c.site.base_path) t = "/";
        }
        return t;
    }

    // The page or file a path reaches after redirects ("" when nothing answers).
    // A redirect that leaves the site ends the chain: what lies beyond is not ours to check.
    std::string resolve(const std::string& path) const {
        const ChainEnd end = follow_redirects(l_.site, path);
        return end.kind == ChainEnd::Kind::Route || end.kind == ChainEnd::Kind::External ? end.path : "";
    }

    const Loaded& l_;
    std::vector<Problem>& errors_;
    std::map<std::string, std::set<std::string>> ids_;
};

// A Jekyll .scss/.sass page compiled as a request would: its Sass error with file:line (the
// imported partial's when it is there), its Liquid problems as warnings.
void check_stylesheet(const Loaded& l, const Route& route, std::vector<Problem>& errors, std::vector<Problem>& warnings) {
    try {
        SassResult css = stylesheet_of(l.view(), route, &warnings);
        if (css.problem) errors.push_back({css.problem->file, css.problem->line, "Sass: " + css.problem->message});
    } catch (const Error& e) {
        errors.push_back(e.problem());
    } catch (const std::exception& e) {
        errors.push_back({route.origin, 0, e.what()});
    }
}

}  // namespace

int run_check(const Loaded& l, std::ostream& out, const std::string& cache_note) {
    std::vector<Problem> errors = l.site.errors;
    std::vector<Problem> warnings = l.site.warnings;
    for (auto& p : l.templates.problems()) errors.push_back(std::move(p));
    if (l.site.jekyll)  // _config.yml's sass: settings (a style libsass does not have)
        for (auto& w : sass_settings(*l.site.jekyll, normalize_path(l.config.content_dir)).warnings) warnings.push_back(std::move(w));

    std::size_t pages = 0, redirects = 0, files = 0;
    std::set<std::size_t> rendered;
    LinkChecker links(l, errors);
    std::vector<const Page*> to_check;
    for (const auto& [url, route] : l.site.routes) {
        if (route.kind == RouteKind::Redirect) ++redirects;
        if (route.kind == RouteKind::Static) ++files;
        if (route.kind == RouteKind::Generated && route.generated == Generated::Stylesheet) {
            check_stylesheet(l, route, errors, warnings);
            continue;
        }
        if (route.kind != RouteKind::Page || !rendered.insert(route.page).second) continue;
        ++pages;
        const Page& p = l.site.pages[route.page];
        if (p.error) continue;  // already among the site's errors
        const bool own_theme = l.site.jekyll && l.site.jekyll->own_theme;
        if (!own_theme && !l.templates.has_layout(p.layout) && jekyll_layout_alias(p.layout).empty())
            warnings.push_back({p.source, 0, "layout '" + p.layout + "' not found in templates/layouts; using 'page'"});
        if (!p.list.empty() && !l.site.collections.count(p.list))
            warnings.push_back({p.source, 0, "list: no collection '" + p.list + "' (no folder content/_" + p.list + "/)"});
        try {
            const std::string body = page_body(p);
            warn_non_xml(p, body, warnings);
            if (!p.html)  // the lines that render_markdown shows as text (markdown.h's table limits)
                for (const auto& t : table_limit_problems(body))
                    warnings.push_back({p.source, p.body_line + t.line - 1, t.message});
            if (own_theme) {
                // The page through the site's layouts: Liquid problems in the page, its layouts
                // and their includes, and layouts that are missing or make a loop.
                links.add_page_ids(url, render_theme_page(l.view(), p, body, &warnings));
            } else {
                render_content(l.view(), p, body, l.config.site.base_path, &warnings);  // reports Liquid that folio leaves out
                links.add_page_ids(url, render_page(l.view(), p, body, 200));
            }
            to_check.push_back(&p);
        } catch (const Error& e) {
            errors.push_back(e.problem());
        } catch (const std::exception& e) {  // yaml-cpp's and the standard library's own
            errors.push_back({"", 0, e.what()});
        }
    }
    // Links are checked once every page's ids are known.
    for (const Page* p : to_check)
        links.check(*p, page_content(l.view(), *p, nullptr));

    // A layout's or an include's problem is found once for every page that uses it: said once.
    std::set<std::string> said;
    std::vector<Problem> unique;
    for (auto& w : warnings)
        if (said.insert(w.text()).second) unique.push_back(std::move(w));
    warnings = std::move(unique);
    for (const auto& w : warnings) out << "warning: " << w.text() << "\n";
    for (const auto& e : errors) out << "error: " << e.text() << "\n";
    if (!cache_note.empty()) out << "note: " << cache_note << "\n";
    out << "folio: " << pages << " pages, " << redirects << " redirects, " << files << " files; " << errors.size()
        << (errors.size() == 1 ? " error, " : " errors, ") << warnings.size()
        << (warnings.size() == 1 ? " warning" : " warnings") << "\n";
    return errors.empty() ? 0 : 1;
}

}  // namespace folio
