// Sitemap, robots.txt and Atom feed generation. XML text goes through escape_html, whose five
// entities are all XML's own.
#include "feeds.h"

#include <ctime>
#include <set>

#include "html.h"
#include "markdown.h"

namespace folio {
namespace {

constexpr std::size_t kMaxFeedEntries = 50;

std::string utc(long long t, const char* format) {
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

bool digits(const std::string& s, std::size_t pos, std::size_t n) {
    if (pos + n > s.size()) return false;
    for (std::size_t i = pos; i < pos + n; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

}  // namespace

std::string absolute_url(const Config& c, const std::string& path) { return c.site.url + c.site.base_path + path; }

std::string rfc3339(const std::string& date, long long mtime) {
    if (!(digits(date, 0, 4) && date.size() >= 10 && date[4] == '-' && digits(date, 5, 2) && date[7] == '-' && digits(date, 8, 2)))
        return utc(mtime, "%Y-%m-%dT%H:%M:%SZ");
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
        if (!p.error.empty() || !p.in_sitemap || url != p.url) continue;
        out += "<url><loc>" + escape_html(absolute_url(v.config, p.url)) + "</loc><lastmod>" +
               utc(p.mtime, "%Y-%m-%dT%H:%M:%SZ") + "</lastmod></url>\n";
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
    std::string updated = posts.empty() ? utc(newest, "%Y-%m-%dT%H:%M:%SZ") : rfc3339(posts.front()->date, posts.front()->mtime);

    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"";
    if (!c.site.language.empty()) out += " xml:lang=\"" + escape_html(c.site.language) + "\"";
    out += ">\n";
    out += "<title>" + escape_html(c.site.title) + "</title>\n";
    if (!c.site.description.empty()) out += "<subtitle>" + escape_html(c.site.description) + "</subtitle>\n";
    out += "<link href=\"" + escape_html(absolute_url(c, "/feed.xml")) + "\" rel=\"self\" type=\"application/atom+xml\"/>\n";
    out += "<link href=\"" + escape_html(absolute_url(c, "/")) + "\" rel=\"alternate\" type=\"text/html\"/>\n";
    out += "<updated>" + updated + "</updated>\n";
    out += "<id>" + escape_html(absolute_url(c, "/")) + "</id>\n";
    out += "<author><name>" + escape_html(c.author.name.empty() ? c.site.title : c.author.name) + "</name></author>\n";
    out += "<generator>folio</generator>\n";
    for (const Page* p : posts) {
        const std::string url = absolute_url(c, p->url);
        out += "<entry>\n<title>" + escape_html(p->title) + "</title>\n";
        out += "<link href=\"" + escape_html(url) + "\" rel=\"alternate\" type=\"text/html\"/>\n";
        out += "<id>" + escape_html(url) + "</id>\n";
        out += "<published>" + rfc3339(p->date, p->mtime) + "</published>\n";
        out += "<updated>" + rfc3339(p->date, p->mtime) + "</updated>\n";
        if (const std::string excerpt = front_text(*p, "excerpt"); !excerpt.empty())
            out += "<summary>" + escape_html(excerpt) + "</summary>\n";
        out += "<content type=\"html\">" + escape_html(render_markdown(page_body(*p), MarkdownOptions{c.site.url + c.site.base_path})) +
               "</content>\n</entry>\n";
    }
    return out + "</feed>\n";
}

}  // namespace folio
