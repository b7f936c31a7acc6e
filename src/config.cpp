// folio.ini parsing: inih pushes (section, key, value) into a handler that fills a Config.
#include "config.h"

#include <ini.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>
#include <mutex>
#include <set>
#include <sstream>

#include "error.h"
#include "read_file.h"
#include "text.h"
#include "url_path.h"

namespace folio {
namespace {

// How a profile key becomes a link: a bare user name is put into the pattern; a full URL is
// taken as it is. Order here is the order in the sidebar.
struct ProfileKind {
    const char* key;
    const char* label;
    const char* pattern;  // "{}" stands for the user name; "" means only a full URL is accepted
};
constexpr ProfileKind kProfiles[] = {
    {"homepage", "Homepage", ""},
    {"scholar", "Google Scholar", "https://scholar.google.com/citations?user={}"},
    {"orcid", "ORCID", "https://orcid.org/{}"},
    {"github", "GitHub", "https://github.com/{}"},
    {"gitlab", "GitLab", "https://gitlab.com/{}"},
    {"semantic_scholar", "Semantic Scholar", "https://www.semanticscholar.org/author/{}"},
    {"dblp", "DBLP", ""},
    {"researchgate", "ResearchGate", "https://www.researchgate.net/profile/{}"},
    {"linkedin", "LinkedIn", "https://www.linkedin.com/in/{}"},
    {"twitter", "Twitter", "https://twitter.com/{}"},
    {"bluesky", "Bluesky", "https://bsky.app/profile/{}"},
    {"mastodon", "Mastodon", ""},
};

bool is_user_name(std::string_view v) {
    if (v.empty()) return false;
    for (char c : v) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || c == '.' || c == '@' || c == '~';
        if (!ok) return false;
    }
    return true;
}

std::string unquote(std::string v) {
    if (v.size() >= 2 && ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\'')))
        return v.substr(1, v.size() - 2);
    return v;
}

std::string join_path(std::string_view dir, const std::string& p) {
    if (p.empty() || p[0] == '/' || dir.empty()) return p;
    return std::string(dir) + "/" + p;
}

// A site path or absolute URL used as a link or redirect target; a bad path is quoted in the reason.
std::string check_target(const std::string& v) {
    const std::string why = link_target_problem(v);
    return why.empty() || is_absolute_url(v) ? why : "'" + v + "': " + why;
}

// "4M", "512K", "4MiB", "1G" or a number of bytes; binary multiples. Returns why not, or "".
std::string parse_size(const std::string& v, std::uint64_t& out) {
    std::size_t digits = 0;
    while (digits < v.size() && v[digits] >= '0' && v[digits] <= '9') ++digits;
    if (digits == 0 || digits > 12) return "expected a size such as 4M, 512K or 1048576";
    std::uint64_t n = std::stoull(v.substr(0, digits));
    std::string unit = v.substr(digits);
    for (auto& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (unit.size() > 1 && (unit.substr(1) == "IB" || unit.substr(1) == "B")) unit = unit.substr(0, 1);
    int shift = 0;
    if (unit == "K") shift = 10;
    else if (unit == "M") shift = 20;
    else if (unit == "G") shift = 30;
    else if (!unit.empty() && unit != "B") return "expected a size such as 4M, 512K or 1048576";
    if (n > (kMaxCacheSize >> shift)) return "more than 1G";  // checked before shifting: no overflow
    out = n << shift;
    return "";
}

struct Parser {
    Config cfg;
    std::string error;  // set by the handler before it returns 0
    std::set<std::string> seen;
    std::string current_section;

    bool fail(std::string message) {
        error = std::move(message);
        return false;
    }

    bool site(const std::string& key, const std::string& v) {
        if (key == "title") cfg.site.title = v;
        else if (key == "description") cfg.site.description = v;
        else if (key == "cache_control") cfg.site.cache_control = v;
        else if (key == "language") cfg.site.language = v;
        else if (key == "bib_permalink") cfg.site.bib_permalink = v;
        else if (key == "theme") {
            if (v != "site" && v != "folio" && v != "auto") return fail("theme: expected site, folio or auto");
            cfg.site.theme = v == "auto" ? "" : v;
        }
        else if (key == "url") {
            std::string u = v;
            while (!u.empty() && u.back() == '/') u.pop_back();  // "https://" alone is no URL
            if (!u.empty() && !is_absolute_url(u)) return fail("url: expected an absolute http(s) URL");
            if (!check_target(u).empty()) return fail("url: " + check_target(u));
            cfg.site.url = u;
        } else if (key == "base_path") {
            std::string b = v;
            while (!b.empty() && b.back() == '/') b.pop_back();
            if (!b.empty()) {
                std::string why = validate_site_path(b);
                if (!why.empty()) return fail("base_path: " + why);
            }
            cfg.site.base_path = b;
        } else return fail("unknown key '" + key + "' in [site]");
        return true;
    }

    bool author(const std::string& key, const std::string& v) {
        if (key == "name") cfg.author.name = v;
        else if (key == "avatar") cfg.author.avatar = v;
        else if (key == "aliases") {
            std::size_t start = 0;
            while (start <= v.size()) {
                std::size_t comma = v.find(',', start);
                if (comma == std::string::npos) comma = v.size();
                const std::string a = trim(v.substr(start, comma - start), " \t");
                if (!a.empty()) cfg.author.aliases.push_back(a);
                start = comma + 1;
            }
        }
        else if (key == "bio") cfg.author.bio = v;
        else if (key == "location") cfg.author.location = v;
        else if (key == "employer") cfg.author.employer = v;
        else if (key == "email") {
            if (!v.empty() && v.find('@') == std::string::npos) return fail("email: expected an address with '@'");
            cfg.author.email = v;
        } else {
            for (const auto& kind : kProfiles) {
                if (key != kind.key) continue;
                if (v.empty()) return true;
                std::string url;
                if (is_absolute_url(v)) {
                    std::string why = check_target(v);
                    if (!why.empty()) return fail(key + ": " + why);
                    url = v;
                } else if (*kind.pattern && is_user_name(v)) {
                    url = kind.pattern;
                    url.replace(url.find("{}"), 2, v);
                } else {
                    return fail(key + ": expected " + (*kind.pattern ? "a user name or " : "") + "an http(s) URL");
                }
                cfg.author.links.push_back({kind.key, kind.label, url});
                return true;
            }
            return fail("unknown key '" + key + "' in [author]");
        }
        return true;
    }

    bool handle(const char* section, const char* name, const char* value) {
        std::string sec = section, key = name, v = unquote(value ? value : "");
        if (!seen.insert(sec + "\n" + key).second && sec != "nav" && sec != "redirects")
            return fail("duplicate key '" + key + "' in [" + sec + "]");
        if (sec == "site") return site(key, v);
        if (sec == "author") return author(key, v);
        if (sec == "nav") {
            std::string why = check_target(v);
            if (!why.empty()) return fail("nav '" + key + "': " + why);
            cfg.nav.push_back({key, v});
            return true;
        }
        if (sec == "redirects") {
            for (auto& c : key) c = c == '\x01' ? '=' : c == '\x02' ? ':' : c;
            std::string why = check_target(key);
            if (!why.empty() || is_absolute_url(key)) return fail("redirect source " + (why.empty() ? "must be a site path" : why));
            why = check_target(v);
            if (!why.empty()) return fail("redirect target " + why);
            cfg.redirects.push_back({key, v, 0});
            return true;
        }
        if (sec == "paths") {
            if (key == "content") cfg.content_dir = join_path(cfg.dir, v);
            else if (key == "templates") cfg.templates_dir = join_path(cfg.dir, v);
            else if (key == "cache") cfg.cache_dir = v == "off" || v.empty() ? v : join_path(cfg.dir, v);
            else if (key == "cache_size") {
                std::string why = parse_size(v, cfg.cache_size);
                if (!why.empty()) return fail("cache_size '" + v + "': " + why);
            }
            else return fail("unknown key '" + key + "' in [paths]");
            return true;
        }
        if (sec.empty()) return fail("key '" + key + "' outside any section");
        return fail("unknown section [" + sec + "]");
    }
};

int on_pair(void* user, const char* section, const char* name, const char* value) {
    return static_cast<Parser*>(user)->handle(section, name, value) ? 1 : 0;
}

// inih's settings are process-wide globals in Debian's build (HACKING.md, library fact 2): set them once,
// here, and nowhere else. A bio may be long and may contain ';'.
void configure_inih() {
    static std::once_flag once;
    std::call_once(once, [] {
        ini_use_stack = false;
        ini_allow_realloc = true;
        ini_initial_alloc = 4096;
        ini_max_line = static_cast<int>(kMaxIniLine) + 3;
        ini_allow_inline_comments = false;
        ini_allow_multiline = false;
        ini_stop_on_first_error = true;
    });
}

// inih splits a line at its first '=' or ':', but a [redirects] source may hold both
// ("/old/?p=12 = /post/"). In that section the source is everything before " = "; its '=' and
// ':' travel through inih as \x01 and \x02 (control bytes no valid line can hold) and come back
// in the handler.
std::string protect_redirect_sources(std::string_view text) {
    std::string out;
    std::string section;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string line(text.substr(start, end - start));
        std::size_t a = line.find_first_not_of(" \t\v\f\r");
        if (a != std::string::npos && line[a] == '[') section = line.substr(a + 1, line.find(']') - a - 1);
        std::size_t sep = line.find(" = ");
        if (section == "redirects" && a != std::string::npos && line[a] != '[' && line[a] != ';' && line[a] != '#' &&
            sep != std::string::npos)
            for (std::size_t i = 0; i < sep; ++i) {
                if (line[i] == '=') line[i] = '\x01';
                if (line[i] == ':') line[i] = '\x02';
            }
        out += line;
        if (end < text.size()) out += '\n';
        start = end + 1;
    }
    return out;
}

}  // namespace

Config parse_config(std::string_view text, std::string_view file_name, std::string_view dir) {
    // Checked here rather than left to inih, which would cut the line and go on silently.
    int line_no = 1;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        if (end - start > kMaxIniLine)
            throw Error(Problem{std::string(file_name), line_no, "line longer than " + std::to_string(kMaxIniLine) + " bytes"});
        if (text.substr(start, end - start).find('\0') != std::string_view::npos)
            throw Error(Problem{std::string(file_name), line_no, "NUL byte in line"});
        start = end + 1;
        ++line_no;
    }
    configure_inih();
    std::string copy = protect_redirect_sources(text);
    Parser p;
    p.cfg.file = std::string(file_name);
    p.cfg.dir = std::string(dir);
    p.cfg.content_dir = join_path(dir, "../content");
    p.cfg.templates_dir = join_path(dir, "../templates");
    int rc = ini_parse_string(copy.c_str(), on_pair, &p);
    if (rc > 0)
        throw Error(Problem{std::string(file_name), rc, p.error.empty() ? "syntax error (expected [section] or key = value)" : p.error});
    if (rc < 0) throw Error(Problem{std::string(file_name), 0, "could not be parsed (out of memory)"});
    // Profile links in the table's order, whatever the file's order.
    auto rank = [](const ProfileLink& l) {
        std::size_t i = 0;
        while (i < std::size(kProfiles) && l.key != kProfiles[i].key) ++i;
        return i;
    };
    std::stable_sort(p.cfg.author.links.begin(), p.cfg.author.links.end(),
                     [&](const ProfileLink& a, const ProfileLink& b) { return rank(a) < rank(b); });
    // inih does not report line numbers to the handler; recover them for redirects so that
    // conflicts can name the line.
    std::istringstream in(copy);
    std::string line;
    int n = 0;
    std::string section;
    std::size_t next = 0;
    while (std::getline(in, line) && next < p.cfg.redirects.size()) {
        ++n;
        std::size_t a = line.find_first_not_of(" \t\v\f\r");
        if (a == std::string::npos) continue;
        if (line[a] == '[') {
            section = line.substr(a + 1, line.find(']') - a - 1);
            continue;
        }
        if (section == "redirects" && line[a] != ';' && line[a] != '#') p.cfg.redirects[next++].line = n;
    }
    return p.cfg;
}

Config load_config(const std::string& path) {
    std::string reason;
    std::optional<std::string> text = read_file(path, kMaxConfigBytes, reason);
    if (!text) throw Error(Problem{path, 0, "cannot open: " + reason});
    std::string dir = ".";
    if (auto slash = path.rfind('/'); slash != std::string::npos) dir = slash == 0 ? "/" : path.substr(0, slash);
    return parse_config(*text, path, dir);
}

}  // namespace folio
