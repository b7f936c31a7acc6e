// jekyll-sitemap 1.4 and jekyll-feed 0.17, built in: their templates (sitemap.xml, robots.txt,
// feed.xml) written out as code over folio's index, byte for byte as the plugins render them
// after their minifying step (whitespace after a tag or a Liquid tag is dropped).
#include "jekyll/sitemap_feed.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <vector>

#include "config.h"
#include "content.h"
#include "error.h"
#include "escape.h"
#include "feeds.h"
#include "html.h"
#include "jekyll/jekyll.h"
#include "jekyll/liquid.h"
#include "page.h"
#include "site.h"
#include "site_url.h"
#include "text.h"
#include "utc_time.h"

namespace folio {
namespace {

// The Jekyll release whose plugins' output this follows; jekyll-feed names it in <generator>.
constexpr const char* kJekyllVersion = "4.3.1";
constexpr int kDefaultPostsLimit = 10;  // jekyll-feed's posts_limit unless the site sets one

// map[key], or a null node when map is no map or lacks the key (yaml-cpp throws on every
// question but IsDefined asked of a missing key's node).
YAML::Node at(const YAML::Node& map, const char* key) {
    if (!map.IsDefined() || !map.IsMap()) return YAML::Node();
    const YAML::Node v = map[key];
    return v.IsDefined() ? v : YAML::Node();
}

YAML::Node config_key(const JekyllSite& j, const char* key) { return at(j.config, key); }

std::string scalar(const YAML::Node& n) { return n.IsDefined() && n.IsScalar() ? n.Scalar() : std::string(); }

bool digits_at(const std::string& s, std::size_t pos, std::size_t n) {
    if (pos + n > s.size()) return false;
    for (std::size_t i = pos; i < pos + n; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

int number(const std::string& s, std::size_t pos, std::size_t n) { return std::stoi(s.substr(pos, n)); }

// Seconds since 1970 of a front-matter date as YAML and Jekyll read one: "2024-01-02",
// "2024-01-02 10:00[:00]" or with 'T', then optionally "Z", "+0800" or "+08:00"; a time without
// an offset is in the site's zone, which folio takes as UTC (as its Liquid date filters do).
std::optional<long long> epoch_of(const std::string& date) {
    const std::string d = trim(date);
    if (!(digits_at(d, 0, 4) && d.size() >= 10 && d[4] == '-' && digits_at(d, 5, 2) && d[7] == '-' && digits_at(d, 8, 2)))
        return std::nullopt;
    struct tm t = {};
    t.tm_year = number(d, 0, 4) - 1900;
    t.tm_mon = number(d, 5, 2) - 1;
    t.tm_mday = number(d, 8, 2);
    long long offset = 0;
    if (d.size() >= 16 && (d[10] == ' ' || d[10] == 'T') && digits_at(d, 11, 2) && d[13] == ':' && digits_at(d, 14, 2)) {
        t.tm_hour = number(d, 11, 2);
        t.tm_min = number(d, 14, 2);
        std::size_t z = 16;
        if (d.size() >= 19 && d[16] == ':' && digits_at(d, 17, 2)) t.tm_sec = number(d, 17, 2), z = 19;
        while (z < d.size() && (d[z] == ' ' || d[z] == '.' || (d[z] >= '0' && d[z] <= '9'))) ++z;  // fractions
        if (z < d.size() && (d[z] == '+' || d[z] == '-')) {
            const int sign = d[z] == '-' ? -1 : 1;
            if (digits_at(d, z + 1, 4)) offset = sign * (number(d, z + 1, 2) * 3600LL + number(d, z + 3, 2) * 60LL);
            else if (digits_at(d, z + 1, 2) && d.size() >= z + 6 && d[z + 3] == ':' && digits_at(d, z + 4, 2))
                offset = sign * (number(d, z + 1, 2) * 3600LL + number(d, z + 4, 2) * 60LL);
        }
    }
    return static_cast<long long>(timegm(&t)) - offset;
}

// Jekyll's date_to_xmlschema, in the site's zone taken as UTC.
std::string xmlschema(long long epoch) { return utc_time(epoch, "%Y-%m-%dT%H:%M:%S+00:00"); }

// Jekyll's xml_escape (escape_html's table with &apos;), on text XML can hold.
std::string xml_escape(std::string_view text) {
    static const ByteEscaper kXml = ByteEscaper(html_escaper()).set('\'', "&apos;");
    return kXml(xml_chars(text));
}

// Text inside <![CDATA[ ]]>: what XML can hold, and "]]>" split over two sections so that a post
// cannot end the section early (the plugin leaves it in, and the feed is then broken).
std::string cdata(std::string_view text) {
    std::string kept = xml_chars(text), out;
    out.reserve(kept.size());
    for (std::size_t start = 0;;) {
        const std::size_t at = kept.find("]]>", start);
        if (at == std::string::npos) return out.append(kept, start, std::string::npos);
        out.append(kept, start, at - start).append("]]]]><![CDATA[>");
        start = at + 3;
    }
}

// The plugins' Liquid filters on one value, run by folio's Liquid (smartify, strip_html,
// normalize_whitespace are Jekyll's and Liquid's own, written once there).
std::string filtered(const std::string& value, const char* filters) {
    LiquidContext ctx;
    ctx.vars = YAML::Node(YAML::NodeType::Map);
    ctx.vars["v"] = value;
    ctx.vars["v"].SetTag("!");  // a string, whatever it looks like
    std::vector<LiquidProblem> problems;
    return render_liquid(std::string("{{ v | ") + filters + " }}", ctx, problems);
}

bool has_route(const Site& site, const std::string& path) { return site.find(path) != nullptr; }

// A document's sort key in its collection (Jekyll's Document#<=>): its date, else site.time;
// then its path.
struct Doc {
    const Page* page;
    long long date;
};

long long doc_date(const Page& p, long long site_time) {
    if (auto e = epoch_of(p.date)) return *e;
    return site_time;
}

bool in_sitemap(const Page& p) { return p.published && !p.error && p.in_sitemap && p.redirect_to.empty(); }

// Page#name: the file name; folio's listing stand-ins for theme pages take theirs from the URL.
std::string page_name(const Page& p) {
    if (!p.rel.empty()) return p.rel.substr(p.rel.rfind('/') == std::string::npos ? 0 : p.rel.rfind('/') + 1);
    std::string u = p.url;
    if (!u.empty() && u.back() == '/') u.pop_back();
    return u.substr(u.rfind('/') + 1) + ".html";
}

// A URL as Jekyll's absolute_url leaves it (Addressable's normalize): a byte that a URL path
// may not hold as it is (a space, a non-ASCII letter's UTF-8 bytes, '?', '#', '"') as %XX; the
// unreserved characters, the sub-delimiters, ':', '@', '/' and a '%' that already starts an
// escape as they are. "/café x/" -> "/caf%C3%A9%20x/".
std::string percent_encoded(const std::string& url) {
    static const char* const kHex = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < url.size(); ++i) {
        const unsigned char ch = static_cast<unsigned char>(url[i]);
        const bool escape_start = ch == '%' && i + 2 < url.size() && std::isxdigit(static_cast<unsigned char>(url[i + 1])) &&
                                  std::isxdigit(static_cast<unsigned char>(url[i + 2]));
        if (std::isalnum(ch) || (ch != 0 && std::strchr("-._~!$&'()*+,;=:@/", ch) != nullptr) || escape_start) {
            out += static_cast<char>(ch);
        } else {
            out += '%';
            out += kHex[ch >> 4];
            out += kHex[ch & 15];
        }
    }
    return out;
}

// jekyll-sitemap's <loc>: the URL with "/index.html" made "/", absolute, escaped as Jekyll's
// URLs are (a page's url and absolute_url both escape what a URL cannot hold).
std::string loc(const Config& c, const std::string& url) {
    std::string u = url;
    for (std::size_t at = u.find("/index.html"); at != std::string::npos; at = u.find("/index.html", at + 1))
        u.replace(at, 11, "/");
    return "<url>\n<loc>" + xml_escape(percent_encoded(absolute_url(c, u))) + "</loc>\n";
}

std::string sitemap_entry(const Config& c, const std::string& url, std::optional<long long> lastmod) {
    return loc(c, url) + (lastmod ? "<lastmod>" + xmlschema(*lastmod) + "</lastmod>\n" : "") + "</url>\n";
}

std::string extension(const std::string& path) {
    const std::size_t dot = path.rfind('.'), slash = path.rfind('/');
    return dot == std::string::npos || (slash != std::string::npos && dot < slash) ? "" : path.substr(dot);
}

// post.tags and post.categories as Jekyll makes them (Utils.pluralized_array_from_hash): the
// singular key's value as it is, else the plural key's list, or its text split at whitespace.
std::vector<std::string> plural(const YAML::Node& front, const char* singular, const char* plural_key) {
    std::vector<std::string> out;
    const YAML::Node one = at(front, singular);
    if (one.IsDefined() && !one.IsNull()) {
        if (one.IsScalar()) out.push_back(one.Scalar());
        else if (one.IsSequence())
            for (const auto& v : one)
                if (v.IsScalar()) out.push_back(v.Scalar());
        return out;
    }
    const YAML::Node many = at(front, plural_key);
    if (many.IsScalar()) {
        const std::string& s = many.Scalar();
        for (std::size_t i = 0; i < s.size();) {
            const std::size_t start = s.find_first_not_of(" \t\r\n", i);
            if (start == std::string::npos) break;
            const std::size_t end = s.find_first_of(" \t\r\n", start);
            out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
            i = end == std::string::npos ? s.size() : end;
        }
    } else if (many.IsSequence()) {
        for (const auto& v : many)
            if (v.IsScalar()) out.push_back(v.Scalar());
    }
    return out;
}

// <author>: name, and email and uri when the author is a map that has them.
std::string author_xml(const YAML::Node& author) {
    std::string name, email, uri;
    if (author.IsScalar()) {
        name = author.Scalar();
    } else if (author.IsMap()) {
        name = scalar(at(author, "name"));
        email = scalar(at(author, "email"));
        uri = scalar(at(author, "uri"));
    }
    std::string out = "<author><name>" + xml_escape(name) + "</name>";
    if (!email.empty()) out += "<email>" + xml_escape(email) + "</email>";
    if (!uri.empty()) out += "<uri>" + xml_escape(uri) + "</uri>";
    return out + "</author>";
}

// Jekyll's excerpt of a post: its body up to excerpt_separator (the post's, else the site's,
// else a blank line), rendered as the body is.
std::string excerpt_of(const SiteView& v, const Page& p, const YAML::Node& front, const std::string& body) {
    std::string sep = scalar(at(front, "excerpt_separator"));
    if (sep.empty() && v.site.jekyll) sep = scalar(config_key(*v.site.jekyll, "excerpt_separator"));
    if (sep.empty()) sep = "\n\n";
    const std::size_t end = body.find(sep);
    return render_content(v, p, std::string_view(body).substr(0, end), v.config.site.base_path, nullptr);
}

// Ruby's File.dirname of a URL: "/a/b/" and "/a/b.html" -> "/a"; "/b/" -> "/".
std::string url_folder(std::string url) {
    while (url.size() > 1 && url.back() == '/') url.pop_back();
    const std::size_t slash = url.rfind('/');
    return slash == 0 || slash == std::string::npos ? "/" : url.substr(0, slash);
}

// A post's title: its front matter's, else its slug in words ("first-post" -> "First Post"),
// as Jekyll's Utils.titleize_slug makes it.
std::string post_title(const YAML::Node& front, const std::string& slug) {
    if (const YAML::Node t = at(front, "title"); !t.IsNull()) return scalar(t);
    return titleize_slug(slug);
}

std::string entry_xml(const SiteView& v, const Page& p, long long site_time, bool site_excerpt_only) {
    const Config& c = v.config;
    const YAML::Node front = front_of(p);
    // Document#id and the default title use the post's slug (front matter, else its file name's).
    std::string slug = scalar(at(front, "slug")), day;
    if (slug.empty() && !split_post_name(page_stem(p), day, slug)) slug = page_stem(p);
    const std::string title = filtered(post_title(front, slug), "smartify | strip_html | normalize_whitespace | xml_escape");
    // The plugin writes URLs unescaped in attributes; escaped, a site path of folio's reads the
    // same and the feed stays well-formed whatever a permalink holds.
    const std::string url = xml_escape(absolute_url(c, p.url));
    const long long date = doc_date(p, site_time);
    std::optional<long long> updated = epoch_of(scalar(at(front, "last_modified_at")));

    std::string out = "<entry";
    if (const std::string lang = scalar(at(front, "lang")); !lang.empty()) out += " xml:lang=\"" + xml_escape(lang) + "\"";
    out += "><title type=\"html\">" + title + "</title><link href=\"" + url + "\" rel=\"alternate\" type=\"text/html\" title=\"" +
           title + "\" /><published>" + xmlschema(date) + "</published><updated>" + xmlschema(updated ? *updated : date) +
           "</updated>";
    const std::string folder = url_folder(p.url);  // File.join(folder, slug)
    out += "<id>" + xml_escape(absolute_url(c, (folder == "/" ? "" : folder) + "/" + slug)) + "</id>";

    std::string body;
    try {
        body = page_body(p);
    } catch (const Error&) {
        body.clear();  // the file went away since the index was built: the entry without content
    }
    const YAML::Node post_feed = at(front, "feed");
    // `post.feed.excerpt_only | default: site.feed.excerpt_only`: Liquid's default takes false as
    // empty, so a post can ask for excerpts only, not for its content against the site.
    const bool excerpt_only = scalar(at(post_feed, "excerpt_only")) == "true" || site_excerpt_only;
    if (!excerpt_only)
        out += "<content type=\"html\" xml:base=\"" + url + "\"><![CDATA[" +
               cdata(trim(render_content(v, p, body, c.site.base_path, nullptr))) + "]]></content>";

    YAML::Node author = at(front, "author");
    if (!author.IsDefined() || author.IsNull()) {
        const YAML::Node authors = at(front, "authors");
        if (authors.IsSequence() && authors.size() > 0) author = authors[0];
    }
    if ((!author.IsDefined() || author.IsNull()) && v.site.jekyll) author = config_key(*v.site.jekyll, "author");
    out += author_xml(author);

    if (const YAML::Node category = at(front, "category"); !category.IsNull())
        out += "<category term=\"" + xml_escape(scalar(category)) + "\" />";
    else
        for (const auto& cat : plural(front, "category", "categories")) out += "<category term=\"" + xml_escape(cat) + "\" />";
    for (const auto& tag : plural(front, "tag", "tags")) out += "<category term=\"" + xml_escape(tag) + "\" />";

    std::string summary = scalar(at(front, "description"));
    if (summary.empty()) summary = !at(front, "excerpt").IsNull() ? scalar(at(front, "excerpt")) : excerpt_of(v, p, front, body);
    summary = filtered(summary, "strip_html | normalize_whitespace");
    if (!summary.empty()) out += "<summary type=\"html\"><![CDATA[" + cdata(summary) + "]]></summary>";

    const YAML::Node image = at(front, "image");
    std::string picture = image.IsMap() ? scalar(at(image, "path")) : scalar(image);
    if (!picture.empty()) {
        if (picture.find("://") == std::string::npos) picture = absolute_url(c, picture);
        out += "<media:thumbnail xmlns:media=\"http://search.yahoo.com/mrss/\" url=\"" + xml_escape(picture) +
               "\" /><media:content medium=\"image\" url=\"" + xml_escape(picture) + "\" xmlns:media=\"http://search.yahoo.com/mrss/\" />";
    }
    return out + "</entry>";
}

}  // namespace

bool jekyll_plugin_enabled(const JekyllSite& j, std::string_view name) {
    for (const char* key : {"plugins", "gems"}) {
        const YAML::Node list = config_key(j, key);
        if (!list.IsSequence()) continue;
        for (const auto& item : list)
            if (item.IsScalar() && item.Scalar() == name) return true;
    }
    return false;
}

std::string jekyll_feed_path(const JekyllSite& j) {
    const YAML::Node feed = config_key(j, "feed");
    std::string path = feed.IsMap() ? scalar(at(feed, "path")) : std::string();
    // A path that could leave the site or hold what a URL cannot: the plugin's default.
    const bool plain = !path.empty() && path.find("..") == std::string::npos &&
                       path.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/") == std::string::npos;
    if (!plain) return "/feed.xml";
    return path[0] == '/' ? path : "/" + path;
}

std::string jekyll_sitemap_xml(const SiteView& v, std::size_t max_urls) {
    const Site& site = v.site;
    const Config& c = v.config;
    const long long site_time = v.last_modified;
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (has_route(site, "/sitemap.xsl"))
        out += "<?xml-stylesheet type=\"text/xsl\" href=\"" + xml_escape(absolute_url(c, "/sitemap.xsl")) + "\"?>\n";
    out += "<urlset xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.sitemaps.org/schemas/sitemap/0.9 "
           "http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd\" xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    std::size_t urls = 0;
    auto add = [&](const std::string& url, std::optional<long long> lastmod) {
        if (urls >= max_urls) return false;
        ++urls;
        out += sitemap_entry(c, url, lastmod);
        return true;
    };

    // site.collections is sorted by name; each collection's documents by date, then path.
    std::vector<const JekyllCollection*> collections;
    if (site.jekyll)
        for (const auto& col : site.jekyll->collections)
            if (col.output) collections.push_back(&col);
    std::sort(collections.begin(), collections.end(), [](auto* a, auto* b) { return a->name < b->name; });
    for (const JekyllCollection* col : collections) {
        std::vector<Doc> docs;
        for (const Page& p : site.pages)
            if (p.collection == col->name && p.output && in_sitemap(p)) docs.push_back({&p, doc_date(p, site_time)});
        std::stable_sort(docs.begin(), docs.end(), [](const Doc& a, const Doc& b) {
            return a.date != b.date ? a.date < b.date : a.page->rel < b.page->rel;
        });
        for (const Doc& d : docs) {
            std::optional<long long> lastmod = epoch_of(front_text(*d.page, "last_modified_at"));
            if (!add(d.page->url, lastmod ? *lastmod : d.date)) break;
        }
    }

    // site.html_pages: pages (files with front matter), sorted by file name, without 404.html;
    // then the pages jekyll-paginate adds (/page2/ ...), which come after the sort.
    std::vector<const Page*> pages;
    for (const Page& p : site.pages)
        if (p.collection.empty() && p.body_offset != 0 && is_html_output(p) && in_sitemap(p) && p.url != "/404.html") pages.push_back(&p);
    std::stable_sort(pages.begin(), pages.end(), [](const Page* a, const Page* b) { return page_name(*a) < page_name(*b); });
    for (const Page* p : pages)
        if (!add(p->url, epoch_of(front_text(*p, "last_modified_at")))) break;
    for (const auto& [url, route] : site.routes)
        if (route.kind == RouteKind::Page && route.pager > 1 && in_sitemap(site.pages[route.page]))
            if (!add(url, epoch_of(front_text(site.pages[route.page], "last_modified_at")))) break;

    // Static files of the site (not folio's theme assets) with an HTML or PDF extension, by path,
    // with their modification time.
    const std::string content_root = normalize_path(c.content_dir) + "/";
    for (const auto& [url, route] : site.routes) {
        if (route.kind != RouteKind::Static || route.origin.rfind(content_root, 0) != 0) continue;
        const std::string ext = extension(url);
        if (ext != ".htm" && ext != ".html" && ext != ".xhtml" && ext != ".pdf") continue;
        if (url.size() >= 9 && url.compare(url.size() - 9, 9, "/404.html") == 0) continue;
        struct stat st;
        if (stat(route.file.c_str(), &st) != 0) continue;  // gone since the index was built
        if (!add(url, static_cast<long long>(st.st_mtime))) break;
    }
    return out + "</urlset>\n";
}

std::string jekyll_robots_txt(const SiteView& v) { return "Sitemap: " + absolute_url(v.config, "/sitemap.xml") + "\n"; }

std::string jekyll_feed_xml(const SiteView& v, const std::string& path, std::size_t max_entries) {
    const Config& c = v.config;
    const YAML::Node none;
    const YAML::Node cfg = v.site.jekyll ? v.site.jekyll->config : none;
    auto key = [&](const char* k) { return at(cfg, k); };
    const YAML::Node feed = key("feed");
    const std::string lang = scalar(key("lang"));

    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
    if (has_route(v.site, "/feed.xslt.xml"))
        out += "<?xml-stylesheet type=\"text/xml\" href=\"" + xml_escape(absolute_url(c, "/feed.xslt.xml")) + "\"?>";
    out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" " + (lang.empty() ? "" : "xml:lang=\"" + xml_escape(lang) + "\"") + ">";
    out += std::string("<generator uri=\"https://jekyllrb.com/\" version=\"") + kJekyllVersion + "\">Jekyll</generator>";
    out += "<link href=\"" + xml_escape(absolute_url(c, path)) + "\" rel=\"self\" type=\"application/atom+xml\" />";
    out += "<link href=\"" + xml_escape(absolute_url(c, "/")) + "\" rel=\"alternate\" type=\"text/html\" " +
           (lang.empty() ? "" : "hreflang=\"" + xml_escape(lang) + "\" ") + "/>";
    // site.time: when Jekyll built the site; here, when its newest file changed.
    out += "<updated>" + xmlschema(v.last_modified) + "</updated>";
    out += "<id>" + xml_escape(absolute_url(c, path)) + "</id>";
    std::string title = scalar(key("title"));
    if (title.empty()) title = scalar(key("name"));
    if (!title.empty()) out += "<title type=\"html\">" + filtered(title, "smartify | xml_escape") + "</title>";
    if (const std::string d = scalar(key("description")); !d.empty()) out += "<subtitle>" + xml_escape(d) + "</subtitle>";
    if (const YAML::Node a = key("author"); a.IsDefined() && !a.IsNull()) out += author_xml(a);

    // site.posts without drafts, newest first. site.posts is the posts' collection order (date,
    // then path) reversed; the template sorts it by date (a stable sort) and reverses it again:
    // newest first, posts of the same date by path.
    std::vector<Doc> posts;
    if (auto it = v.site.collections.find("posts"); it != v.site.collections.end())
        for (std::size_t i : it->second) {
            const Page& p = v.site.pages[i];
            if (p.published && !p.error && front_text(p, "draft") != "true") posts.push_back({&p, doc_date(p, v.last_modified)});
        }
    std::stable_sort(posts.begin(), posts.end(), [](const Doc& a, const Doc& b) {
        return a.date != b.date ? a.date > b.date : a.page->rel < b.page->rel;
    });
    long long limit = kDefaultPostsLimit;
    if (feed.IsMap() && at(feed, "posts_limit").IsScalar()) limit = std::atoll(at(feed, "posts_limit").Scalar().c_str());
    const std::size_t entries = std::min({posts.size(), static_cast<std::size_t>(std::max(0LL, limit)), max_entries});
    const bool excerpt_only = feed.IsMap() && scalar(at(feed, "excerpt_only")) == "true";
    for (std::size_t i = 0; i < entries; ++i) out += entry_xml(v, *posts[i].page, v.last_modified, excerpt_only);
    return out + "</feed>";
}

}  // namespace folio
