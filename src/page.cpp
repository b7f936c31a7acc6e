// Page parsing: front matter keys with Jekyll's meaning, each error with file:line.
#include "page.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

#include "error.h"
#include "fd.h"
#include "http.h"
#include "read_file.h"
#include "safe_open.h"
#include "site.h"
#include "text.h"
#include "front_matter.h"
#include "url_path.h"
#include "yaml_pack.h"

namespace folio {
namespace {

// A front-matter key with a value folio cannot use; line: 1-based, in the file.
struct KeyError : LineError {
    using LineError::LineError;
};

std::string scalar(const YAML::Node& data, const char* key) {
    YAML::Node n = data[key];
    if (!n.IsDefined() || n.IsNull()) return "";
    if (!n.IsScalar()) throw KeyError{line_of(n), std::string(key) + ": expected a single value"};
    return n.Scalar();
}

bool flag(const YAML::Node& data, const char* key, bool fallback) {
    YAML::Node n = data[key];
    if (!n.IsDefined() || n.IsNull()) return fallback;
    bool v;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v))
        throw KeyError{line_of(n), std::string(key) + ": expected true or false"};
    return v;
}

// Jekyll accepts "/x/", "x/" and "/x.html"; folio stores every site path with a leading '/'.
std::string clean_path(std::string p) {
    if (p.empty() || p[0] != '/') p.insert(p.begin(), '/');
    return p;
}

// A permalink as Jekyll's URL#sanitize_url leaves it: runs of '/' become one ("/a//b/" is
// "/a/b/"; a site lost 62 pages and 122 redirects when folio refused them). The query, if
// any, is left alone.
std::string collapse_slashes(std::string p) {
    const std::size_t end = std::min(p.find('?'), p.size());
    std::string out;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (!(i < end && p[i] == '/' && !out.empty() && out.back() == '/')) out += p[i];
    return out;
}

void check_path(const std::string& path, int line, const char* key) {
    std::string why = validate_site_path(path.substr(0, path.find('?')));
    if (why.empty() && !header_value_ok(path)) why = "control character";  // in the query
    if (!why.empty()) throw KeyError{line, std::string(key) + ": '" + path + "': " + why};
}

void read_keys(Page& p, const YAML::Node& d) {
    p.title = scalar(d, "title");
    if (p.title.empty()) p.title = page_stem(p);
    if (std::string layout = scalar(d, "layout"); !layout.empty()) p.layout = layout;
    p.date = scalar(d, "date");
    p.list = scalar(d, "list");
    scalar(d, "excerpt");  // checked here; read from fields when rendered
    p.author_profile = flag(d, "author_profile", false);
    // Jekyll hides a page only when `published` is false; any other value (a date, a word such
    // as "journal") publishes it (Document#published?: data["published"] == false).
    if (YAML::Node n = d["published"]; n.IsDefined() && n.IsScalar()) {
        bool v = true;
        // (A quoted 'false' is a string, and publishes, as in Ruby's YAML.)
        p.published = !(n.Tag() != "!" && YAML::convert<bool>::decode(n, v) && !v);
    }
    p.in_sitemap = flag(d, "sitemap", true);
    scalar(d, "id");

    if (std::string permalink = scalar(d, "permalink"); !permalink.empty()) {
        const std::string url = collapse_slashes(clean_path(permalink));
        check_path(url, line_of(d["permalink"]), "permalink");  // throws: the page keeps its derived URL
        p.has_permalink = true;
        p.url = url;
    }
    YAML::Node from = d["redirect_from"];
    if (from.IsDefined() && !from.IsNull()) {
        std::vector<YAML::Node> entries;
        if (from.IsScalar()) entries.push_back(from);
        else if (from.IsSequence()) for (const auto& e : from) entries.push_back(e);
        else throw KeyError{line_of(from), "redirect_from: expected a string or a list"};
        for (const auto& e : entries) {
            if (!e.IsScalar()) throw KeyError{line_of(e), "redirect_from: expected a string or a list"};
            RedirectSource r{clean_path(e.Scalar()), line_of(e)};
            check_path(r.from, r.line, "redirect_from");
            p.redirect_from.push_back(std::move(r));
        }
    }
    p.redirect_to = scalar(d, "redirect_to");
    if (!p.redirect_to.empty()) {
        p.redirect_to_line = line_of(d["redirect_to"]);
        if (!is_absolute_url(p.redirect_to)) p.redirect_to = clean_path(p.redirect_to);
        if (std::string why = link_target_problem(p.redirect_to); !why.empty())
            throw KeyError{p.redirect_to_line, "redirect_to: " + (is_absolute_url(p.redirect_to) ? why : "'" + p.redirect_to + "': " + why)};
    }
}

}  // namespace

std::string page_body(const Page& page) {
    // A page folio made itself has no body in a file; a .bib entry's (bib_pages.h) is its
    // abstract, else its note.
    if (page.body_offset == std::string::npos) {
        std::string abstract = front_text(page, "abstract");
        return abstract.empty() ? front_text(page, "note") : abstract;
    }
    // source is the content folder + "/" + rel: opened below that folder without following a
    // link that leads out of it, even one swapped in since the site was read.
    const std::size_t cut = page.source.size() - std::min(page.source.size(), page.rel.size() + 1);
    int fd = page.rel.empty() || page.source.compare(cut, std::string::npos, "/" + page.rel) != 0
                 ? -1
                 : open_within(page.source.substr(0, cut), page.rel);
    if (fd < 0) throw Error(Problem{page.source, 0, "cannot read the page any more"});
    const Fd guard(fd);  // closes fd on every way out
    std::string reason;
    std::optional<std::string> body = read_open_file(fd, kMaxContentFileBytes, reason, page.body_offset);
    if (!body) throw Error(Problem{page.source, 0, "cannot read the page any more"});
    return std::move(*body);
}

namespace {

void put_length(std::string& out, std::size_t n) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((n >> (8 * i)) & 0xff);
}

std::size_t get_length(std::string_view in, std::size_t pos) {
    std::size_t n = 0;
    for (int i = 0; i < 4; ++i) n |= static_cast<std::size_t>(static_cast<unsigned char>(in[pos + i])) << (8 * i);
    return n;
}

}  // namespace

void Fields::add(std::string_view key, std::string_view value) {
    // Front matter is at most a content file (4 MiB), far below what 4 bytes count.
    put_length(packed_, key.size());
    packed_ += key;
    put_length(packed_, value.size());
    packed_ += value;
}

std::string_view Fields::next(std::size_t& pos) const {
    const std::size_t n = get_length(packed_, pos);
    std::string_view s(packed_.data() + pos + 4, n);
    pos += 4 + n;
    return s;
}

std::optional<std::string_view> Fields::find(std::string_view key) const {
    for (std::size_t pos = 0; pos < packed_.size();) {
        std::string_view k = next(pos), v = next(pos);
        if (k == key) return v;
    }
    return std::nullopt;
}

bool Fields::from_packed(std::string bytes) {
    for (std::size_t pos = 0, items = 0; pos < bytes.size() || items % 2; ++items) {
        if (bytes.size() - pos < 4) return false;
        const std::size_t n = get_length(bytes, pos);
        if (n > bytes.size() - pos - 4) return false;
        pos += 4 + n;
    }
    packed_ = std::move(bytes);
    return true;
}

std::shared_ptr<const YAML::Node> shared_defaults(const YAML::Node& defaults) {
    if (!defaults.IsDefined() || !defaults.IsMap() || defaults.size() == 0) return nullptr;
    return std::make_shared<const YAML::Node>(defaults);
}

std::string page_stem(const Page& page) {
    const std::size_t slash = page.rel.rfind('/');
    std::string stem = page.rel.substr(slash == std::string::npos ? 0 : slash + 1);
    if (std::size_t dot = stem.rfind('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
    return stem;
}

std::string page_anchor(const Page& page) {
    std::string id = front_text(page, "id");
    return id.empty() ? page_stem(page) : id;
}

std::string front_text(const Page& page, const char* key) {
    auto v = page.fields.find(key);
    return v ? std::string(*v) : std::string();
}

bool front_has(const Page& page, const char* key) { return page.fields.find(key).has_value(); }

namespace {

// Defaults go where the file's own front matter has no such key. Each value is cloned: assigning
// a node of another document makes yaml-cpp merge the two documents' memory, so the shared
// defaults would keep every page's front matter alive (a leak that grew with every render).
void merge_defaults(YAML::Node& data, const YAML::Node& defaults) {
    if (!defaults.IsDefined() || !defaults.IsMap()) return;
    for (const auto& kv : defaults)
        if (kv.first.IsScalar() && !static_cast<const YAML::Node&>(data)[kv.first.Scalar()].IsDefined())
            data[kv.first.Scalar()] = YAML::Clone(kv.second);
}

}  // namespace

bool is_html_output(const Page& page) {
    if (!page.html) return true;
    for (const char* ext : {".html", ".htm"})
        if (ends_with(page.rel, ext)) return true;
    return false;
}

YAML::Node front_of(const Page& page) {
    YAML::Node data = unpack_yaml(page.front);
    if (!data.IsMap()) data = YAML::Node(YAML::NodeType::Map);
    if (page.defaults) merge_defaults(data, *page.defaults);
    return data;
}

std::string derived_url(std::string_view rel) {
    std::string r(rel);
    for (const char* ext : {".md", ".markdown", ".html", ".htm"}) {
        const std::size_t n = std::char_traits<char>::length(ext);
        if (r.size() > n && ends_with(r, ext)) {
            r.resize(r.size() - n);
            break;
        }
    }
    if (!r.empty() && r[0] == '_') r.erase(0, 1);  // a collection folder is served without '_'
    if (r == "index") return "/";
    const std::string idx = "/index";
    if (r.size() > idx.size() && ends_with(r, idx)) r.resize(r.size() - idx.size());
    return "/" + r + "/";
}

Page parse_page(std::string_view text, std::string source, std::string rel) {
    return parse_page(text, std::move(source), std::move(rel), YAML::Node());
}

Page parse_page(std::string_view text, std::string source, std::string rel, const YAML::Node& defaults) {
    Page p;
    p.source = std::move(source);
    p.rel = std::move(rel);
    std::size_t slash = p.rel.rfind('/');
    if (p.rel[0] == '_' && slash != std::string::npos) p.collection = p.rel.substr(1, p.rel.find('/') - 1);
    p.url = derived_url(p.rel);
    p.title = page_stem(p);
    p.defaults = shared_defaults(defaults);
    try {
        FrontMatter fm = parse_front_matter(text);
        p.front = pack_yaml(fm.data);
        merge_defaults(fm.data, defaults);
        for (const auto& kv : fm.data)
            if (kv.first.IsScalar())
                p.fields.add(kv.first.Scalar(), kv.second.IsScalar() ? kv.second.Scalar() : std::string());
        p.body_offset = text.size() - fm.body.size();
        p.body_line = fm.body_line;
        read_keys(p, fm.data);
    } catch (const FrontMatterError& e) {
        p.error = e.in(p.source);
    } catch (const KeyError& e) {
        p.error = e.in(p.source);
    } catch (const YAML::Exception& e) {
        p.error = Problem{p.source, e.mark.line < 0 ? 1 : e.mark.line + 2, std::string("YAML: ") + e.msg};
    }
    return p;
}

}  // namespace folio
