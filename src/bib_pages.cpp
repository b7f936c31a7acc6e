// .bib entries -> Pages. An entry becomes the front matter a Markdown item would carry, and goes
// through parse_page like one, so listings, citation tags and the .bib route treat both alike.
#include "bib_pages.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include <yaml-cpp/yaml.h>

#include "fd.h"
#include "read_file.h"
#include "safe_open.h"
#include "site.h"
#include "text.h"
#include "url_path.h"
#include "yaml_pack.h"

namespace folio {
namespace {

// The publication kind (publication_kind's words) of a BibTeX entry type.
std::string category_of(const BibEntry& e) {
    static const std::map<std::string, std::string> kKinds = {
        {"article", "journal"},         {"inproceedings", "conference"}, {"conference", "conference"},
        {"proceedings", "conference"},  {"phdthesis", "thesis"},          {"mastersthesis", "thesis"},
        {"thesis", "thesis"},           {"book", "book"},                 {"incollection", "chapter"},
        {"inbook", "chapter"},          {"patent", "patent"},             {"techreport", "report"},
        {"unpublished", "preprint"},    {"online", "preprint"}};
    if (auto it = kKinds.find(e.type); it != kKinds.end()) return it->second;
    if (!e.field("eprint").empty() || e.field("journal").rfind("arXiv", 0) == 0) return "preprint";
    return e.type;
}

std::string lower_ascii(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string url_safe_key(const std::string& key) {
    std::string out;
    for (unsigned char c : key) out += std::isalnum(c) || c == '.' || c == '_' || c == '-' ? static_cast<char>(c) : '-';
    return out;
}

std::string expand(std::string pattern, const std::string& name, const std::string& value) {
    for (std::size_t pos; (pos = pattern.find(name)) != std::string::npos;) pattern.replace(pos, name.size(), value);
    return pattern;
}

bool is_iso_date(const std::string& d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
    return true;
}

// "1,3" or "1-3": the 1-based author positions marked as equal contributors.
std::set<std::size_t> positions(const std::string& list) {
    std::set<std::size_t> out;
    std::size_t from = 0, n = 0;
    bool range = false, any = false;
    auto flush = [&] {
        if (!any) return;
        for (std::size_t i = range ? from : n; i <= n && i - (range ? from : n) < 1000; ++i) out.insert(i);
        any = range = false;
        n = 0;
    };
    for (char c : list) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            n = std::min<std::size_t>(n * 10 + static_cast<std::size_t>(c - '0'), 100000);
            any = true;
        } else if (c == '-' && any) {
            from = n;
            n = 0;
            range = true;
        } else if (c == ',') {
            flush();
        }
    }
    flush();
    return out;
}

// The .bib file's text, read below root without following a link out of it, with the limit of
// any content file; nullopt with the reason.
std::optional<std::string> read_bib(const std::string& root, const std::string& rel, std::string& reason, long long& mtime) {
    const Fd fd(open_within(root, rel));
    if (!fd) {
        reason = "cannot read";
        return std::nullopt;
    }
    struct stat st;
    if (fstat(fd.get(), &st) == 0) mtime = static_cast<long long>(st.st_mtime);
    return read_open_file(fd.get(), kMaxContentFileBytes, reason);
}

// parse_page on front matter made here: the same members as a Markdown file would get.
Page page_from_front(const YAML::Node& front, const std::string& source, const std::string& rel, const YAML::Node& defaults) {
    YAML::Emitter out;
    out << front;
    Page p = parse_page("---\n" + std::string(out.c_str()) + "\n---\n", source, rel, defaults);
    p.body_offset = std::string::npos;  // the body is the abstract, not the file's bytes
    return p;
}

}  // namespace

YAML::Node bib_front_matter(const BibEntry& e, const std::string& collection, const std::string& pattern) {
    YAML::Node f(YAML::NodeType::Map);
    auto set = [&](const char* key, const std::string& value) {
        if (!value.empty()) f[key] = value;
    };
    set("title", e.field("title"));
    f["id"] = e.key;
    const std::set<std::size_t> equal = positions(e.field("equal_contribution"));
    if (!e.authors.empty()) {
        YAML::Node authors(YAML::NodeType::Sequence);
        for (std::size_t i = 0; i < e.authors.size(); ++i) authors.push_back(e.authors[i] + (equal.count(i + 1) ? "*" : ""));
        f["authors"] = authors;
    }
    for (const char* venue : {"booktitle", "journal", "howpublished", "school", "institution", "publisher"})
        if (!e.field(venue).empty()) {
            f["venue"] = e.field(venue);
            break;
        }
    set("year", e.field("year"));
    if (is_iso_date(e.field("date"))) f["date"] = e.field("date");
    f["category"] = category_of(e);
    f["layout"] = "single";
    const std::string doi = e.field("doi");
    std::string arxiv;
    if (!e.field("eprint").empty() && (e.field("archiveprefix").empty() || lower_ascii(e.field("archiveprefix")) == "arxiv"))
        arxiv = e.field("eprint");
    std::string paper = e.field("url");
    if (paper.empty() && !doi.empty()) paper = "https://doi.org/" + doi;
    if (paper.empty() && !arxiv.empty()) paper = "https://arxiv.org/abs/" + arxiv;
    set("paperurl", paper);
    set("codeurl", e.field("code"));
    set("pdfurl", e.field("pdf"));
    set("slidesurl", e.field("slides"));
    set("doi", doi);
    set("arxiv", arxiv);
    f["bibtex"] = e.raw;
    std::string url = expand(pattern, ":collection", collection);
    url = expand(url, ":key", url_safe_key(e.key));
    url = expand(url, ":slug", lower_ascii(url_safe_key(e.key)));
    f["permalink"] = expand(url, ":year", url_safe_key(e.field("year")));
    // Every other field under its own name, for templates (`note`, `abstract`, `keywords` ...).
    // `author` and `url` are there as authors and paperurl: an `author` text would hide the
    // site's author object inside an item's section of a template.
    for (const auto& [name, value] : e.fields)
        if (!f[name].IsDefined() && name != "date" && name != "equal_contribution" && name != "author" && name != "url") f[name] = value;
    return f;
}

Page bib_page(const BibEntry& e, const std::string& source, const BibSource& file, const std::string& pattern,
              const YAML::Node& defaults) {
    // Built directly rather than through parse_page: emitting and parsing YAML again for each of
    // thousands of entries was most of a large .bib's load time.
    YAML::Node front = bib_front_matter(e, file.collection, pattern);
    Page p;
    p.source = source;
    p.rel = file.rel;
    p.collection = file.collection;
    p.type = file.collection;
    p.defaults = shared_defaults(defaults);
    p.title = e.field("title").empty() ? e.key : e.field("title");
    p.layout = "single";
    if (front["date"].IsDefined()) p.date = front["date"].Scalar();
    p.url = front["permalink"].Scalar();
    p.has_permalink = true;
    if (const std::string why = validate_site_path(p.url); !why.empty() || p.url.empty() || p.url[0] != '/') {
        p.error = Problem{source, e.line, "entry " + e.key + ": bib_permalink makes " + p.url + ", which is no site path"};
        p.url = "/" + file.collection + "/" + url_safe_key(e.key) + "/";
    }
    for (const auto& kv : front) p.fields.add(kv.first.Scalar(), kv.second.IsScalar() ? kv.second.Scalar() : std::string());
    // The entry's text and abstract are read as fields (bibtex_of, page_body), not by templates
    // from the front matter: kept out of the packed front matter, which each listing unpacks.
    front.remove("bibtex");
    front.remove("abstract");
    p.front = pack_yaml(front);
    return p;
}

void add_bib_items(const std::string& root, const std::vector<BibSource>& files, const std::string& pattern,
                   std::vector<Page>& pages, std::vector<Problem>& errors) {
    // Markdown items by collection and id, to merge with the entry of the same key.
    std::map<std::pair<std::string, std::string>, std::size_t> by_key;
    for (std::size_t i = 0; i < pages.size(); ++i)
        if (!pages[i].collection.empty() && !pages[i].error)
            if (auto id = pages[i].fields.find("id"); id && !id->empty()) by_key.emplace(std::make_pair(pages[i].collection, std::string(*id)), i);
    for (const BibSource& file : files) {
        const std::string source = root + "/" + file.rel;
        std::string reason;
        long long mtime = 0;
        const std::optional<std::string> text = read_bib(root, file.rel, reason, mtime);
        if (!text) {
            errors.push_back(Problem{source, 0, reason});
            continue;
        }
        BibFile bib = parse_bibtex(*text, source);
        for (const auto& problem : bib.problems) errors.push_back(Problem{source, problem.line, problem.reason + "; entry left out"});
        for (const BibEntry& e : bib.entries) {
            auto it = by_key.find({file.collection, e.key});
            if (it == by_key.end()) {
                pages.push_back(bib_page(e, source, file, pattern, YAML::Node()));
                pages.back().mtime = mtime;
                continue;
            }
            Page& md = pages[it->second];
            YAML::Node front = bib_front_matter(e, file.collection, pattern);
            const YAML::Node own = unpack_yaml(md.front);
            if (own.IsMap())
                for (const auto& kv : own) front[kv.first.Scalar()] = kv.second;
            Page merged = page_from_front(front, md.source, md.rel, md.defaults ? *md.defaults : YAML::Node());
            std::string body;
            try {
                body = page_body(md);
            } catch (const std::exception&) {
            }
            if (!trim(body).empty()) {
                merged.body_offset = md.body_offset;
                merged.body_line = md.body_line;
            }
            merged.type = md.type;
            merged.html = md.html;
            merged.mtime = std::max(md.mtime, mtime);
            // Not kept in the index cache: the page now depends on the .bib file as well.
            merged.stamp = FileStamp{};
            if (merged.error) merged.error = Problem{md.source, 1, merged.error->message};
            md = std::move(merged);
        }
    }
}

}  // namespace folio
