// Jekyll site reading.
#include "jekyll/jekyll.h"

#include <sys/stat.h>

#include <cctype>
#include <cerrno>
#include <fnmatch.h>
#include <cstdlib>
#include <filesystem>

#include "error.h"
#include "front_matter.h"
#include "http.h"
#include "read_file.h"
#include "text.h"
#include "url_path.h"

namespace folio {
namespace {

std::string text_of(const YAML::Node& map, const char* key) {
    // IsDefined first: a const lookup of a missing key gives an invalid node, and asking an
    // invalid node anything else throws.
    if (!map.IsDefined() || !map.IsMap()) return "";
    YAML::Node n = map[key];
    return n.IsDefined() && n.IsScalar() ? n.Scalar() : std::string();
}

bool flag_of(const YAML::Node& map, const char* key, bool fallback) {
    std::string v = text_of(map, key);
    if (v == "true") return true;
    if (v == "false") return false;
    return fallback;
}

// The largest _config.yml or _data file read.
constexpr std::size_t kMaxYamlFileBytes = 4 * 1024 * 1024;

// A missing file reads as an empty one: a site need not have _config.yml or _data/navigation.yml
// (nor a _data folder: ENOTDIR). One that is there but cannot be read is an error, as one that
// does not parse is, not a site silently without its configuration.
std::string read_text(const std::string& path) {
    std::string reason;
    std::optional<std::string> text = read_file(path, kMaxYamlFileBytes, reason);
    if (!text && errno != ENOENT && errno != ENOTDIR) throw Error(at(path, 0, "cannot read: " + reason));
    return text ? std::move(*text) : std::string();
}

YAML::Node load_yaml(const std::string& text, const std::string& file) {
    try {
        YAML::Node n = YAML::Load(text);
        return n.IsDefined() && !n.IsNull() ? n : YAML::Node(YAML::NodeType::Map);
    } catch (const YAML::Exception& e) {
        throw Error(Problem{file, e.mark.line < 0 ? 1 : e.mark.line + 1, "YAML: " + e.msg});
    }
}

// academicpages' author keys that are not folio profile keys, when they hold a URL.
struct ExtraProfile {
    const char* key;
    const char* folio_key;
    const char* label;
};
constexpr ExtraProfile kExtraProfiles[] = {
    {"googlescholar", "scholar", "Google Scholar"}, {"uri", "homepage", "Homepage"},
    {"semantic", "semantic_scholar", "Semantic Scholar"}, {"pubmed", "pubmed", "PubMed"},
    {"arxiv", "arxiv", "arXiv"}, {"academia", "academia", "Academia.edu"},
    {"ssrn", "ssrn", "SSRN"}, {"scopus", "scopus", "Scopus"},
    {"impactstory", "impactstory", "Impactstory"}, {"inspire-hep", "inspire", "INSPIRE-HEP"},
    {"zotero", "zotero", "Zotero"},
};

void fill_author(const YAML::Node& a, const std::string& file, Config& cfg) {
    if (!a.IsDefined() || !a.IsMap()) return;
    auto fill = [&](std::string& into, const char* key) {
        if (into.empty()) into = text_of(a, key);
    };
    fill(cfg.author.name, "name");
    fill(cfg.author.bio, "bio");
    fill(cfg.author.location, "location");
    fill(cfg.author.employer, "employer");
    fill(cfg.author.email, "email");
    if (cfg.author.avatar.empty()) {
        std::string avatar = text_of(a, "avatar");
        // academicpages keeps avatars in /images/ and names them bare.
        if (!avatar.empty()) cfg.author.avatar = avatar;
    }
    if (!cfg.author.links.empty()) return;  // the ini's own links win as a whole
    // Reuse folio.ini's validation of profile keys by feeding an [author] section through it.
    std::string ini = "[author]\n";
    for (const auto& kv : a) {
        const std::string key = kv.first.Scalar();
        if (!kv.second.IsScalar() || kv.second.Scalar().empty()) continue;
        std::string value = kv.second.Scalar();
        const bool url = is_absolute_url(value) && link_target_problem(value).empty();  // goes into an href
        for (const auto& e : kExtraProfiles) {
            if (key != e.key) continue;
            if (url) cfg.author.links.push_back({e.folio_key, e.label, value});
            break;
        }
        for (const char* k : {"github", "gitlab", "orcid", "linkedin", "twitter", "bluesky", "researchgate", "mastodon", "dblp"})
            if (key == k) ini += key + " = " + value + "\n";
    }
    try {
        Config parsed = parse_config(ini, file, ".");
        for (auto& l : parsed.author.links) cfg.author.links.push_back(l);
    } catch (const Error&) {
        // A profile value folio cannot turn into a link is left out; the site still serves.
    }
}

}  // namespace

const JekyllCollection* JekyllSite::collection(const std::string& name) const {
    for (const auto& c : collections)
        if (c.name == name) return &c;
    return nullptr;
}

bool JekyllSite::excluded(const std::string& name) const {
    for (const auto& pattern : exclude)
        if (fnmatch(pattern.c_str(), name.c_str(), 0) == 0) return true;
    return false;
}

bool is_jekyll_site(const std::string& dir) {
    struct stat st;
    return stat((dir + "/_config.yml").c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

JekyllSite parse_jekyll(const std::string& config_text, const std::string& file, const std::string& navigation_text,
                        const std::string& navigation_file, Config& cfg) {
    JekyllSite j;
    j.config = load_yaml(config_text, file);
    if (!j.config.IsMap()) throw Error(Problem{file, 1, "expected a YAML mapping"});
    if (!within_yaml_budget(j.config))
        throw Error(Problem{file, 1, "expands to more than " + std::to_string(kMaxYamlValues) + " values (YAML aliases?)"});
    resolve_merge_keys(j.config);
    const YAML::Node& c = j.config;
    if (cfg.site.url.empty()) {
        cfg.site.url = text_of(c, "url");
        while (!cfg.site.url.empty() && cfg.site.url.back() == '/') cfg.site.url.pop_back();
        if (!cfg.site.url.empty() && !is_absolute_url(cfg.site.url))
            throw Error(Problem{file, c["url"].Mark().line + 1, "url: expected an absolute http(s) URL"});
        if (!cfg.site.url.empty() && !link_target_problem(cfg.site.url).empty())
            throw Error(Problem{file, c["url"].Mark().line + 1, "url: space or control character"});
        while (!cfg.site.url.empty() && cfg.site.url.back() == '/') cfg.site.url.pop_back();
    }
    if (cfg.site.base_path.empty()) {
        std::string b = text_of(c, "baseurl");
        while (!b.empty() && b.back() == '/') b.pop_back();
        if (!b.empty() && b[0] != '/') b.insert(b.begin(), '/');
        if (!b.empty() && !validate_site_path(b).empty())
            throw Error(Problem{file, c["baseurl"].Mark().line + 1, "baseurl: " + validate_site_path(b)});
        cfg.site.base_path = b;
    }
    if (cfg.site.title.empty()) cfg.site.title = text_of(c, "title");
    if (cfg.site.description.empty()) cfg.site.description = text_of(c, "description");
    if (std::string locale = text_of(c, "locale"); !locale.empty() && cfg.site.language == "en") cfg.site.language = locale;
    fill_author(c["author"], file, cfg);

    if (std::string p = text_of(c, "permalink"); !p.empty()) j.permalink = p;
    j.future = flag_of(c, "future", false);
    j.collections.push_back({"posts", true, j.permalink});
    if (YAML::Node cols = c["collections"]; cols.IsDefined() && cols.IsMap()) {
        for (const auto& kv : cols) {
            JekyllCollection col;
            col.name = kv.first.Scalar();
            col.output = flag_of(kv.second, "output", false);
            col.permalink = text_of(kv.second, "permalink");
            if (col.name == "posts") j.collections.front() = col;
            else j.collections.push_back(col);
        }
    }
    if (YAML::Node defs = c["defaults"]; defs.IsDefined() && defs.IsSequence()) {
        for (const auto& d : defs) {
            if (!d.IsMap()) continue;
            JekyllDefault def;
            def.path = text_of(d["scope"], "path");
            def.type = text_of(d["scope"], "type");
            // Checked before it is assigned: assigning a missing key's (invalid) node throws.
            const YAML::Node values = d["values"];
            if (!values.IsDefined() || !values.IsMap()) continue;
            def.values = values;
            j.defaults.push_back(def);
        }
    }
    for (const char* key : {"include", "exclude"}) {
        YAML::Node list = c[key];
        if (!list.IsDefined() || !list.IsSequence()) continue;
        for (const auto& e : list)
            if (e.IsScalar()) (key[0] == 'i' ? j.include : j.exclude).push_back(e.Scalar());
    }
    if (cfg.nav.empty() && !navigation_text.empty()) {
        YAML::Node nav = load_yaml(navigation_text, navigation_file);
        if (!within_yaml_budget(nav))
            throw Error(Problem{navigation_file, 1, "expands to more than " + std::to_string(kMaxYamlValues) + " values (YAML aliases?)"});
        YAML::Node main = nav.IsMap() ? nav["main"] : YAML::Node();
        if (main.IsDefined() && main.IsSequence())
            for (const auto& e : main) {
                if (!e.IsMap() || text_of(e, "title").empty() || text_of(e, "url").empty()) continue;
                const std::string url = text_of(e, "url");
                // The same rule as folio.ini's [nav]: a valid site path or an http(s) URL.
                const std::string why = link_target_problem(url);
                if (!why.empty()) {
                    j.warnings.push_back({navigation_file, e.Mark().line + 1, "navigation entry left out: " + why});
                    continue;
                }
                cfg.nav.push_back({text_of(e, "title"), url});
            }
    }
    return j;
}

// site.data: each _data/NAME.yml (or .yaml) as site.data.NAME, into j.config["data"]. A file that
// is too large or does not parse is left out with a warning; the site serves anyway.
// A _data/*.csv or *.tsv file as Jekyll reads it (Ruby's CSV with headers): a list of maps from
// the first row's names to each later row's values, all strings. RFC 4180 quoting ("a ""b""",
// line breaks inside quotes) for CSV; a TSV has none.
YAML::Node parse_table(const std::string& text, char separator) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        std::string& cell = rows.back().back();
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"' && separator == ',' && cell.empty()) {
            quoted = true;
        } else if (c == separator) {
            rows.back().emplace_back();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            rows.emplace_back(1);
        } else {
            cell += c;
        }
    }
    YAML::Node list(YAML::NodeType::Sequence);
    for (std::size_t r = 1; r < rows.size(); ++r) {
        if (rows[r].size() == 1 && rows[r][0].empty()) continue;  // a blank line
        YAML::Node row(YAML::NodeType::Map);
        for (std::size_t k = 0; k < rows[0].size(); ++k) {
            YAML::Node value(k < rows[r].size() ? rows[r][k] : std::string());
            value.SetTag("!");  // a string, as Ruby's CSV gives
            row[rows[0][k]] = value;
        }
        list.push_back(row);
    }
    return list;
}

// _data/: YAML, JSON (read as YAML, of which it is a subset), CSV and TSV files, each under its
// name without the extension, as Jekyll's DataReader reads them.
static void read_data(const std::string& dir, JekyllSite& j) {
    std::error_code ec;
    YAML::Node data(YAML::NodeType::Map);
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        const std::string ext = e.path().extension().string();
        if ((ext != ".yml" && ext != ".yaml" && ext != ".json" && ext != ".csv" && ext != ".tsv") || !e.is_regular_file(ec)) continue;
        const std::string file = e.path().string();
        try {
            if (e.file_size(ec) > kMaxYamlFileBytes) throw Error(Problem{file, 1, "larger than 4 MiB"});
            YAML::Node n = ext == ".csv" || ext == ".tsv" ? parse_table(read_text(file), ext == ".csv" ? ',' : '\t') : load_yaml(read_text(file), file);
            if (!within_yaml_budget(n)) throw Error(Problem{file, 1, "expands to more than " + std::to_string(kMaxYamlValues) + " values"});
            resolve_merge_keys(n);
            data[e.path().stem().string()] = n;
        } catch (const Error& err) {
            Problem left_out = err.problem();
            left_out.message += " (left out of site.data)";
            j.warnings.push_back(std::move(left_out));
        }
    }
    if (data.size() > 0 && !j.config["data"].IsDefined()) j.config["data"] = data;
}

JekyllSite read_jekyll(const std::string& dir, Config& cfg) {
    const std::string file = dir + "/_config.yml", nav = dir + "/_data/navigation.yml";
    JekyllSite j = parse_jekyll(read_text(file), file, read_text(nav), nav, cfg);
    if (const char* env = std::getenv("JEKYLL_ENV"); env && *env) j.environment = env;
    read_data(dir + "/_data", j);
    struct stat st{};
    const bool has_layouts = ::stat((dir + "/_layouts").c_str(), &st) == 0 && S_ISDIR(st.st_mode);
    j.own_theme = cfg.site.theme == "site" || (cfg.site.theme.empty() && has_layouts);
    return j;
}

std::string slugify(const std::string& text) {
    std::string out;
    bool dash = false;
    for (unsigned char c : text) {
        if (std::isalnum(c)) {
            if (dash && !out.empty()) out += '-';
            out += static_cast<char>(std::tolower(c));
            dash = false;
        } else {
            dash = true;
        }
    }
    return out;
}

bool jekyll_gfm_input(const YAML::Node& config) {
    // A missing key gives a node that throws when asked its type: IsDefined first.
    if (!config.IsDefined() || !config.IsMap()) return true;
    const YAML::Node kramdown = config["kramdown"];
    if (!kramdown.IsDefined() || !kramdown.IsMap()) return true;
    const YAML::Node input = kramdown["input"];
    if (!input.IsDefined() || !input.IsScalar()) return true;
    std::string name = input.Scalar();
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return name == "gfm";
}

std::string titleize_slug(const std::string& slug) {
    std::string out;
    bool start = true;
    for (char ch : slug) {
        if (ch == '-') {
            out += ' ';
            start = true;
        } else {
            out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(ch))) : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            start = false;
        }
    }
    return out;
}

bool split_post_name(const std::string& stem, std::string& date, std::string& slug) {
    if (stem.size() < 12) return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!std::isdigit(static_cast<unsigned char>(stem[i]))) return false;
    if (stem[4] != '-' || stem[7] != '-' || stem[10] != '-') return false;
    date = stem.substr(0, 10);
    slug = stem.substr(11);
    return true;
}

std::string expand_permalink(const std::string& pattern, const PermalinkParts& p) {
    std::string pat = pattern;
    if (pat == "pretty") pat = "/:categories/:year/:month/:day/:title/";
    else if (pat == "date") pat = "/:categories/:year/:month/:day/:title:output_ext";
    else if (pat == "none") pat = "/:categories/:title:output_ext";
    else if (pat == "ordinal") pat = "/:categories/:year/:y_day/:title:output_ext";
    const std::pair<const char*, const std::string*> vars[] = {
        {"collection", &p.collection}, {"categories", &p.categories}, {"output_ext", &p.output_ext},
        {"title", &p.title},           {"path", &p.path},             {"name", &p.name},
        {"year", &p.year},             {"month", &p.month},           {"day", &p.day},
        {"slug", &p.slug},
    };
    std::string out;
    for (std::size_t i = 0; i < pat.size();) {
        if (pat[i] == ':') {
            bool matched = false;
            for (const auto& [name, value] : vars) {
                std::size_t n = std::char_traits<char>::length(name);
                if (pat.compare(i + 1, n, name) == 0) {
                    out += *value;
                    i += n + 1;
                    matched = true;
                    break;
                }
            }
            if (matched) continue;
        }
        out += pat[i++];
    }
    std::string merged;
    for (char c : out)
        if (!(c == '/' && !merged.empty() && merged.back() == '/')) merged += c;
    if (merged.empty() || merged[0] != '/') merged.insert(merged.begin(), '/');
    return merged;
}

}  // namespace folio
