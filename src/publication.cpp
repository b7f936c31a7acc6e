// Publication metadata: BibTeX generation and Google Scholar's Highwire fields.
#include "publication.h"

#include <yaml-cpp/yaml.h>

#include "text.h"

#include <algorithm>
#include <cctype>

namespace folio {
namespace {

std::string field(const Page& p, const char* key) { return front_text(p, key); }


std::string lower_letters(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) && !std::isdigit(c)) out += static_cast<char>(std::tolower(c));
        else if (c >= 0x80) out += static_cast<char>(c);  // keep non-ASCII letters as they are
    }
    return out;
}

// BibTeX-safe text: braces kept balanced by dropping stray ones; specials escaped.
std::string bib_text(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '{' || c == '}') continue;
        if (c == '&' || c == '%' || c == '$' || c == '#' || c == '_') out += '\\';
        out += c;
    }
    return out;
}

std::string year_of(const Page& p) {
    std::string y = field(p, "year");
    if (y.empty() && p.date.size() >= 4) y = p.date.substr(0, 4);
    return y;
}

}  // namespace

std::string strip_marks(const std::string& author) {
    std::string s = author;
    const std::string marks[] = {"*", "\xE2\x80\xA0", "\xE2\x80\xA1", "#"};  // * † ‡ #
    for (const auto& m : marks)
        for (std::size_t pos; (pos = s.find(m)) != std::string::npos;) s.erase(pos, m.size());
    while (!s.empty() && std::isdigit(static_cast<unsigned char>(s.back()))) s.pop_back();
    return trim(s);
}

std::vector<std::string> authors_of(const Page& p) {
    std::vector<std::string> out;
    if (!front_has(p, "authors")) return out;
    const YAML::Node n = front_of(p)["authors"];
    if (n.IsSequence()) {
        for (const auto& a : n)
            if (a.IsScalar() && !trim(a.Scalar()).empty()) out.push_back(trim(a.Scalar()));
    } else if (n.IsScalar()) {
        std::string s = n.Scalar();
        for (std::size_t pos; (pos = s.find(" and ")) != std::string::npos;) s.replace(pos, 5, ",");
        std::size_t start = 0;
        while (start <= s.size()) {
            std::size_t comma = s.find(',', start);
            if (comma == std::string::npos) comma = s.size();
            std::string a = trim(s.substr(start, comma - start));
            if (!a.empty()) out.push_back(a);
            start = comma + 1;
        }
    }
    return out;
}

bool is_owner(const std::string& author, const std::vector<std::string>& owner_names) {
    auto key = [](const std::string& s) {
        std::string out;
        for (unsigned char c : strip_marks(s))
            if (!std::isspace(c) && c != '.') out += static_cast<char>(std::tolower(c));
        return out;
    };
    const std::string a = key(author);
    if (a.empty()) return false;
    return std::any_of(owner_names.begin(), owner_names.end(), [&](const std::string& o) { return key(o) == a; });
}

std::string publication_kind(const Page& p) {
    std::string k = field(p, "type");
    if (k.empty()) k = field(p, "category");
    k = to_lower(k);
    if (k == "manuscripts" || k == "journal article" || k == "journals") return "journal";
    if (k == "conferences" || k == "proceedings" || k == "inproceedings") return "conference";
    if (k == "preprints") return "preprint";
    return k;
}

bool is_publication(const Page& p) {
    return !p.collection.empty() && (front_has(p, "authors") || front_has(p, "bibtex"));
}

Citation citation_of(const Page& p) {
    Citation c;
    c.title = p.title;
    for (const auto& a : authors_of(p)) c.authors.push_back(strip_marks(a));
    if (p.date.size() >= 10 && p.date[4] == '-' && p.date[7] == '-')
        c.date = p.date.substr(0, 4) + "/" + p.date.substr(5, 2) + "/" + p.date.substr(8, 2);
    else
        c.date = year_of(p);
    std::string venue = field(p, "venue");
    if (publication_kind(p) == "journal") c.journal = venue;
    else if (!venue.empty()) c.conference = venue;
    c.doi = field(p, "doi");
    c.arxiv = field(p, "arxiv");
    c.pdf_url = field(p, "pdfurl");
    std::string paper = field(p, "paperurl");
    if (c.pdf_url.empty() && paper.size() > 4 && ends_with(paper, ".pdf")) c.pdf_url = paper;
    if (c.arxiv.empty() && starts_with(paper, "https://arxiv.org/abs/")) c.arxiv = paper.substr(22);
    if (c.pdf_url.empty() && !c.arxiv.empty()) c.pdf_url = "https://arxiv.org/pdf/" + c.arxiv;
    return c;
}

std::string bibtex_of(const Page& p, const std::string& url) {
    std::string own = field(p, "bibtex");
    if (!own.empty()) return own.back() == '\n' ? own : own + "\n";
    Citation c = citation_of(p);
    const std::string kind = publication_kind(p);
    const char* type = kind == "journal" ? "article" : kind == "conference" ? "inproceedings" : "misc";

    std::string last = c.authors.empty() ? "anon" : c.authors.front();
    if (std::size_t sp = last.rfind(' '); sp != std::string::npos) last = last.substr(sp + 1);
    std::string first_word = c.title.substr(0, c.title.find_first_of(" :-"));
    std::string key = lower_letters(last) + year_of(p) + lower_letters(first_word);

    std::string authors;
    for (std::size_t i = 0; i < c.authors.size(); ++i) authors += (i ? " and " : "") + bib_text(c.authors[i]);
    std::string out = "@" + std::string(type) + "{" + key + ",\n";
    auto add = [&](const char* name, const std::string& value) {
        if (!value.empty()) out += "  " + std::string(name) + " = {" + value + "},\n";
    };
    add("title", bib_text(c.title));
    add("author", authors);
    add(kind == "journal" ? "journal" : kind == "conference" ? "booktitle" : "howpublished", bib_text(field(p, "venue")));
    add("year", year_of(p));
    add("doi", c.doi);
    if (!c.arxiv.empty()) {
        add("eprint", c.arxiv);
        add("archivePrefix", "arXiv");
    }
    add("url", field(p, "paperurl").empty() ? url : field(p, "paperurl"));
    out += "}\n";
    return out;
}

}  // namespace folio
