// Sitemap, robots.txt and Atom feed generation. Every piece of text in them goes through
// escape_xml: whatever a title or a page holds, the files stay well-formed.
#include "feeds.h"

#include <ctime>
#include <set>

#include "config.h"
#include "content.h"
#include "html.h"
#include "site.h"
#include "site_url.h"
#include "utc_time.h"

namespace folio {
namespace {

constexpr std::size_t kMaxFeedEntries = 50;

bool digits(const std::string& s, std::size_t pos, std::size_t n) {
    if (pos + n > s.size()) return false;
    for (std::size_t i = pos; i < pos + n; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

// The length of the UTF-8 sequence at s[i] that XML can hold; 0 for a byte that starts no valid
// sequence (stray continuation, overlong form, surrogate, past U+10FFFF, cut short), minus its
// length for a valid character that XML forbids (so that the whole character is left out).
int xml_char_at(std::string_view s, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return c >= 0x20 || c == '\t' || c == '\n' || c == '\r' ? 1 : -1;
    int len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    unsigned cp = c & (0xFF >> (len + 1));
    for (int k = 1; k < len; ++k) {
        const unsigned char cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return cp == 0xFFFE || cp == 0xFFFF ? -len : len;
}

}  // namespace

std::size_t find_non_xml(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const int n = xml_char_at(text, i);
        if (n <= 0) return i;
        i += static_cast<std::size_t>(n);
    }
    return std::string_view::npos;
}

std::string xml_chars(std::string_view text) {
    if (find_non_xml(text) == std::string_view::npos) return std::string(text);
    std::string kept;
    kept.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const int n = xml_char_at(text, i);
        if (n > 0) kept.append(text.substr(i, static_cast<std::size_t>(n)));
        else if (n == 0) kept += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        i += n != 0 ? static_cast<std::size_t>(n > 0 ? n : -n) : 1;
    }
    return kept;
}

std::string escape_xml(std::string_view text) { return escape_html(xml_chars(text)); }

std::string rfc3339(const std::string& date, long long mtime) {
    if (!(digits(date, 0, 4) && date.size() >= 10 && date[4] == '-' && digits(date, 5, 2) && date[7] == '-' && digits(date, 8, 2)))
        return utc_time(mtime, "%Y-%m-%dT%H:%M:%SZ");
    std::string out = date.substr(0, 10);
    // "YYYY-MM-DD HH:MM[:SS] [+hhmm]"
    if (date.size() >= 16 && (date[10] == ' ' || date[10] == 'T') && digits(date, 11, 2) && date[13] == ':' && digits(date, 14, 2)) {
        out += "T" + date.substr(11, 5);
        out += date.size() >= 19 && date[16] == ':' && digits(date, 17, 2) ? date.substr(16, 3) : ":00";
        std::size_t z = date.find_first_of("+-", 16);
        if (z != std::string::npos && digits(date, z + 1, 4)) return out + date.substr(z, 3) + ":" + date.substr(z + 3, 2);
        if (z != std::string::npos && digits(date, z + 1, 2) && date.size() > z + 5 && date[z + 3] == ':')
            return out + date.substr(z, 6);
        return out + "Z";
    }
    return out + "T00:00:00Z";
}

std::string sitemap_xml(const SiteView& v) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    std::set<std::size_t> seen;
    for (const auto& [url, route] : v.site.routes) {
        if (route.kind != RouteKind::Page || route.page == v.site.not_found_page || !seen.insert(route.page).second) continue;
        const Page& p = v.site.pages[route.page];
        if (p.error || !p.in_sitemap || url != p.url) continue;
        out += "<url><loc>" + escape_xml(absolute_url(v.config, p.url)) + "</loc><lastmod>" +
               utc_time(p.mtime, "%Y-%m-%dT%H:%M:%SZ") + "</lastmod></url>\n";
    }
    return out + "</urlset>\n";
}

std::string robots_txt(const SiteView& v) {
    return "User-agent: *\nAllow: /\n\nSitemap: " + absolute_url(v.config, "/sitemap.xml") + "\n";
}

std::string atom_feed(const SiteView& v) {
    const Config& c = v.config;
    std::vector<const Page*> posts;
    if (auto it = v.site.collections.find("posts"); it != v.site.collections.end())
        for (std::size_t i : it->second)
            if (posts.size() < kMaxFeedEntries) posts.push_back(&v.site.pages[i]);
    long long newest = 0;
    for (const auto& p : v.site.pages) newest = std::max(newest, p.mtime);
    std::string updated = posts.empty() ? utc_time(newest, "%Y-%m-%dT%H:%M:%SZ") : rfc3339(posts.front()->date, posts.front()->mtime);

    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"";
    if (!c.site.language.empty()) out += " xml:lang=\"" + escape_xml(c.site.language) + "\"";
    out += ">\n";
    out += "<title>" + escape_xml(c.site.title) + "</title>\n";
    if (!c.site.description.empty()) out += "<subtitle>" + escape_xml(c.site.description) + "</subtitle>\n";
    out += "<link href=\"" + escape_xml(absolute_url(c, "/feed.xml")) + "\" rel=\"self\" type=\"application/atom+xml\"/>\n";
    out += "<link href=\"" + escape_xml(absolute_url(c, "/")) + "\" rel=\"alternate\" type=\"text/html\"/>\n";
    out += "<updated>" + updated + "</updated>\n";
    out += "<id>" + escape_xml(absolute_url(c, "/")) + "</id>\n";
    out += "<author><name>" + escape_xml(c.author.name.empty() ? c.site.title : c.author.name) + "</name></author>\n";
    out += "<generator>folio</generator>\n";
    for (const Page* p : posts) {
        const std::string url = absolute_url(c, p->url);
        out += "<entry>\n<title>" + escape_xml(p->title) + "</title>\n";
        out += "<link href=\"" + escape_xml(url) + "\" rel=\"alternate\" type=\"text/html\"/>\n";
        out += "<id>" + escape_xml(url) + "</id>\n";
        out += "<published>" + rfc3339(p->date, p->mtime) + "</published>\n";
        out += "<updated>" + rfc3339(p->date, p->mtime) + "</updated>\n";
        if (const std::string excerpt = front_text(*p, "excerpt"); !excerpt.empty())
            out += "<summary>" + escape_xml(excerpt) + "</summary>\n";
        // The page's own content (Liquid and kramdown included), with links to site paths made
        // absolute: a feed reader has no page to resolve them against.
        out += "<content type=\"html\">" + escape_xml(render_content(v, *p, page_body(*p), c.site.url + c.site.base_path, nullptr)) +
               "</content>\n</entry>\n";
    }
    return out + "</feed>\n";
}

}  // namespace folio
