// .bib text -> entries. folio finds each entry's extent itself (for the byte-exact download, its
// line, and to refuse what would crash btparse), then hands each entry to btparse, which expands
// @string macros, pastes `#` and collapses whitespace.
#include "bibtex.h"

#include <btparse.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <set>

#include "latex_text.h"

namespace folio {
namespace {

// btparse 0.89 prints its warnings and errors to stderr and has no way to hand them to the
// caller, so fd 2 points at a memory file while it runs and the messages become problems.
class StderrCapture {
public:
    StderrCapture() {
        std::fflush(stderr);
        saved_ = dup(2);
        file_ = memfd_create("folio-btparse", MFD_CLOEXEC);
        if (saved_ >= 0 && file_ >= 0) active_ = dup2(file_, 2) >= 0;
    }
    ~StderrCapture() {
        std::fflush(stderr);
        if (active_) dup2(saved_, 2);
        if (saved_ >= 0) close(saved_);
        if (file_ >= 0) close(file_);
    }
    StderrCapture(const StderrCapture&) = delete;
    StderrCapture& operator=(const StderrCapture&) = delete;

    // What was written since the last take, at most a few kilobytes; the file is emptied.
    std::string take() {
        std::fflush(stderr);
        if (!active_) return {};
        struct stat st;
        if (fstat(file_, &st) != 0 || st.st_size <= 0) return {};
        std::string text(static_cast<std::size_t>(std::min<off_t>(st.st_size, 4096)), '\0');
        ssize_t n = pread(file_, text.data(), text.size(), 0);
        text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
        if (ftruncate(file_, 0) != 0) return text;
        lseek(file_, 0, SEEK_SET);
        return text;
    }

private:
    int saved_ = -1, file_ = -1;
    bool active_ = false;
};

// btparse's global state for one file: initialised, and on leaving its string parser's buffers
// and every macro freed, so that the next file (a FastCGI process re-reads a changed file)
// starts clean and nothing leaks.
class BtparseSession {
public:
    BtparseSession() {
        bt_initialize();
        bt_delete_all_macros();
        // Every BibTeX style defines the month macros; btparse does not.
        static const char* const kMonths[][2] = {{"jan", "January"}, {"feb", "February"}, {"mar", "March"},
                                                 {"apr", "April"},   {"may", "May"},      {"jun", "June"},
                                                 {"jul", "July"},    {"aug", "August"},   {"sep", "September"},
                                                 {"oct", "October"}, {"nov", "November"}, {"dec", "December"}};
        for (const auto& m : kMonths) bt_add_macro_text(const_cast<char*>(m[0]), const_cast<char*>(m[1]), nullptr, 0);
    }
    ~BtparseSession() {
        // The closing call frees the lexer's buffer; without an entry parsed first there is
        // none, and btparse aborts the process ("attempt to free unallocated lexical buffer").
        if (parsed_) bt_parse_entry_s(nullptr, nullptr, 1, 0, nullptr);
        bt_delete_all_macros();
        bt_cleanup();
    }
    BtparseSession(const BtparseSession&) = delete;
    BtparseSession& operator=(const BtparseSession&) = delete;

    AST* parse(std::string& entry, const std::string& file, int line, boolean& ok) {
        parsed_ = true;
        return bt_parse_entry_s(entry.data(), const_cast<char*>(file.c_str()), line, 0, &ok);
    }

private:
    bool parsed_ = false;
};

struct AstDeleter {
    void operator()(AST* a) const { bt_free_ast(a); }
};
using AstPtr = std::unique_ptr<AST, AstDeleter>;

// One entry's extent in the file, as folio's own scan found it.
struct Extent {
    std::size_t begin = 0, end = 0;  // '@' .. one past the closing delimiter
    int line = 0;
    std::string type;                // lower case
    std::size_t fields = 0, parts = 0;
    std::vector<std::string> macros; // names outside braces and quotes (lower case)
    bool stray_at = false;           // an '@' outside braces and quotes: not BibTeX
    bool non_ascii = false;          // a byte past ASCII outside braces and quotes
    std::string problem;             // set when the entry cannot be read
};

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ':' || c == '.';
}

// A character of a macro name as btparse's lexer reads one: printable ASCII but for blanks and
// the characters that delimit BibTeX's syntax.
bool is_macro_char(char c) {
    return c > ' ' && c < 127 && !std::strchr("\"#%'(),={}", c);
}

// Finds every entry: '@' type, '{' or '(', and the matching close (braces nest; a quoted value
// may hold braces; an entry opened with '(' closes with ')' outside braces). A new '@' at the
// start of a line outside any value ends an entry that was never closed. Linear in the text.
class Scanner {
public:
    explicit Scanner(std::string_view text) : t_(text) {}

    std::vector<Extent> run() {
        std::vector<Extent> out;
        std::size_t pos = 0;
        while ((pos = t_.find('@', pos)) != std::string_view::npos) {
            Extent e = entry(pos);
            if (e.end == 0) {  // junk such as an e-mail address between entries
                ++pos;
                continue;
            }
            pos = e.end;
            out.push_back(std::move(e));
            if (out.size() > kMaxBibEntries) break;
        }
        return out;
    }

private:
    int line_at(std::size_t pos) {
        line_ += static_cast<int>(std::count(t_.begin() + static_cast<std::ptrdiff_t>(counted_), t_.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
        counted_ = pos;
        return line_;
    }

    Extent entry(std::size_t at) {
        Extent e;
        std::size_t p = at + 1;
        while (p < t_.size() && std::isspace(static_cast<unsigned char>(t_[p]))) ++p;
        const std::size_t type_begin = p;
        while (p < t_.size() && is_name_char(t_[p])) ++p;
        if (p == type_begin) return e;
        for (std::size_t i = type_begin; i < p; ++i) e.type += static_cast<char>(std::tolower(static_cast<unsigned char>(t_[i])));
        while (p < t_.size() && std::isspace(static_cast<unsigned char>(t_[p]))) ++p;
        if (p >= t_.size() || (t_[p] != '{' && t_[p] != '(')) return e;
        e.begin = at;
        e.line = line_at(at);
        const char close = t_[p] == '{' ? '}' : ')';
        int depth = 0;         // braces inside the entry
        bool quoted = false;   // inside "..." at brace depth 0
        for (++p; p < t_.size(); ++p) {
            const char c = t_[p];
            // Every name outside braces and quotes may reach btparse's macro expansion (even on
            // its error paths), so each is collected, field names and the key included.
            // btparse 0.89 crashes (a null macro text in bt_macro_length) on some entries with
            // bytes past ASCII where its lexer expects a name; BibTeX's syntax is ASCII there.
            if (depth == 0 && !quoted && static_cast<unsigned char>(c) >= 0x80) e.non_ascii = true;
            // A name is any run of name characters that is not a number ("|" and "0f2" are names
            // to btparse too: an unknown one defined through @string left a null text that
            // crashed it later).
            if (depth == 0 && !quoted && is_macro_char(c) && !is_macro_char(t_[p - 1]) && e.macros.size() < kMaxBibNames) {
                std::size_t end = p;
                bool number = true;
                for (; end < t_.size() && is_macro_char(t_[end]); ++end) number = number && std::isdigit(static_cast<unsigned char>(t_[end]));
                if (!number) e.macros.push_back(lower(std::string(t_.substr(p, end - p))));
            }
            if (c == '{') {
                ++depth;
            } else if (c == '}') {
                if (depth == 0 && close == '}' && !quoted) {
                    e.end = p + 1;
                    return e;
                }
                if (depth > 0) --depth;
            } else if (depth == 0 && c == '"') {
                quoted = !quoted;
            } else if (depth == 0 && !quoted) {
                if (c == ')' && close == ')') {
                    e.end = p + 1;
                    return e;
                }
                if (c == '=') ++e.fields;
                if (c == '#') ++e.parts;
                if (c == '@' && t_[p - 1] == '\n') break;  // the next entry: this one never closed
                if (c == '@') e.stray_at = true;
            }
        }
        // Not closed: the entry is left out, and the scan goes on at the next line that starts
        // with '@' (or the end), so one missing brace costs one entry.
        std::size_t next = t_.find("\n@", at + 1);
        e.end = next == std::string_view::npos ? t_.size() : next + 1;
        e.problem = close == '}' ? "entry is not closed: its braces are unbalanced" : "entry is not closed: missing ')'";
        return e;
    }

    std::string_view t_;
    std::size_t counted_ = 0;
    int line_ = 1;
};

// btparse's messages for one entry, without its "file, line N: " prefix: "syntax error: ...".
std::string first_message(const std::string& captured) {
    std::size_t eol = captured.find('\n');
    std::string line = captured.substr(0, eol);
    if (std::size_t colon = line.find(": "); colon != std::string::npos) line = line.substr(colon + 2);
    return to_valid_utf8(line);
}

// The raw text of an entry: up to its closing delimiter and, when only blanks follow on that
// line, through the end of the line.
std::string raw_text(std::string_view text, const Extent& e) {
    std::size_t end = e.end;
    std::size_t p = end;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r')) ++p;
    if (p < text.size() && text[p] == '\n') end = p + 1;
    return std::string(text.substr(e.begin, end - e.begin));
}

// A value as btparse left it (macros expanded, pasted, collapsed): its text, owned by the AST.
std::string value_of(AST* field) {
    std::string out;
    bt_nodetype type;
    char* text = nullptr;
    for (AST* v = bt_next_value(field, nullptr, &type, &text); v; v = bt_next_value(field, v, &type, &text))
        if (text) out += text;
    return out;
}

// BibTeX's crossref: fields the entry lacks come from the entry it names; the parent's title
// becomes the child's booktitle, as in biblatex. One level, as in BibTeX.
void resolve_crossrefs(std::vector<BibEntry>& entries) {
    std::map<std::string, std::size_t> by_key;
    for (std::size_t i = 0; i < entries.size(); ++i) by_key.emplace(lower(entries[i].key), i);
    std::vector<std::vector<std::pair<std::string, std::string>>> added(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        auto it = by_key.find(lower(entries[i].field("crossref")));
        if (it == by_key.end() || it->second == i) continue;
        const BibEntry& parent = entries[it->second];
        for (const auto& [name, value] : parent.fields) {
            std::string target = name == "title" ? "booktitle" : name;
            if (target == "crossref" || target == "abstract") continue;
            if (entries[i].field(target).empty()) added[i].emplace_back(target, value);
        }
    }
    for (std::size_t i = 0; i < entries.size(); ++i)
        for (auto& f : added[i]) entries[i].fields.push_back(std::move(f));
}

// Splits at `sep` outside braces.
std::vector<std::string> split_outside_braces(std::string_view s, char sep) {
    std::vector<std::string> out(1);
    int depth = 0;
    for (char c : s) {
        if (c == '{') ++depth;
        if (c == '}' && depth > 0) --depth;
        if (c == sep && depth == 0) out.emplace_back();
        else out.back() += c;
    }
    return out;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    for (char c : s) {
        const bool space = std::isspace(static_cast<unsigned char>(c));
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

std::vector<std::string> split_bibtex_names(std::string_view list) {
    std::vector<std::string> names;
    std::string current;
    int depth = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const char c = list[i];
        if (c == '{') ++depth;
        if (c == '}' && depth > 0) --depth;
        // " and " outside braces, any case, between blanks, separates names.
        if (depth == 0 && std::isspace(static_cast<unsigned char>(c)) && i + 4 < list.size() &&
            std::tolower(static_cast<unsigned char>(list[i + 1])) == 'a' && std::tolower(static_cast<unsigned char>(list[i + 2])) == 'n' &&
            std::tolower(static_cast<unsigned char>(list[i + 3])) == 'd' && std::isspace(static_cast<unsigned char>(list[i + 4]))) {
            names.push_back(current);
            current.clear();
            i += 4;
            continue;
        }
        current += c;
    }
    names.push_back(current);
    std::vector<std::string> out;
    for (const std::string& n : names) {
        std::vector<std::string> parts = split_outside_braces(n, ',');
        for (auto& part : parts) part = collapse_spaces(part);
        std::string display;
        if (parts.size() == 1) display = parts[0];
        else if (parts.size() == 2) display = parts[1] + " " + parts[0];
        else display = parts[2] + " " + parts[0] + " " + parts[1];
        display = collapse_spaces(display);
        if (!display.empty()) out.push_back(display);
    }
    return out;
}

std::string BibEntry::field(std::string_view name) const {
    for (const auto& [n, v] : fields)
        if (n == name) return v;
    return {};
}

BibFile parse_bibtex(std::string_view text, const std::string& name) {
    BibFile out;
    std::vector<Extent> extents = Scanner(text).run();
    if (extents.size() > kMaxBibEntries) {
        out.problems.push_back({extents.back().line, "more than " + std::to_string(kMaxBibEntries) + " entries; the rest are not read"});
        extents.pop_back();
    }
    BtparseSession session;
    StderrCapture messages;
    std::set<std::string> macros = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (const Extent& e : extents) {
        if (e.type == "comment" || e.type == "preamble") continue;
        if (!e.problem.empty()) {
            out.problems.push_back({e.line, e.problem});
            continue;
        }
        if (e.non_ascii) {
            out.problems.push_back({e.line, "a byte past ASCII outside braces and quotes (in a key, a field name or a macro name)"});
            continue;
        }
        if (e.stray_at || e.macros.size() >= kMaxBibNames) {
            out.problems.push_back({e.line, e.stray_at ? "'@' inside an entry, outside braces and quotes"
                                                       : "entry has more than " + std::to_string(kMaxBibNames) + " names outside braces"});
            continue;
        }
        if (e.end - e.begin > kMaxBibEntryBytes) {
            out.problems.push_back({e.line, "entry larger than " + std::to_string(kMaxBibEntryBytes) + " bytes"});
            continue;
        }
        if (e.fields > kMaxBibFields || e.fields + e.parts > kMaxBibParts) {
            out.problems.push_back({e.line, "entry has more than " + std::to_string(kMaxBibFields) + " fields or " +
                                                std::to_string(kMaxBibParts) + " parts joined with #"});
            continue;
        }
        // btparse leaks a byte for each use of a macro it does not know (its own notes say so);
        // BibTeX reads one as empty, so every name that could be one is defined empty first.
        for (const std::string& m : e.macros)
            if (macros.insert(m).second) bt_add_macro_text(const_cast<char*>(m.c_str()), const_cast<char*>(""), nullptr, 0);
        std::string entry_text(text.substr(e.begin, e.end - e.begin));
        boolean ok = 0;
        AstPtr ast(session.parse(entry_text, name, e.line, ok));
        // An @string whose value btparse could not read can leave its macro with a null text,
        // which crashes btparse at the next use (strlen in bt_macro_length): such a macro is
        // made empty at once.
        for (const std::string& m : e.macros)
            if (!bt_macro_text(const_cast<char*>(m.c_str()), nullptr, 0)) bt_add_macro_text(const_cast<char*>(m.c_str()), const_cast<char*>(""), nullptr, 0);
        const std::string said = messages.take();
        if (!ast || !ok) {
            out.problems.push_back({e.line, said.empty() ? "malformed entry" : first_message(said)});
            continue;
        }
        if (bt_entry_metatype(ast.get()) != BTE_REGULAR) {  // @string: btparse stored it
            char* macro = nullptr;
            for (AST* m = bt_next_macro(ast.get(), nullptr, &macro); m; m = bt_next_macro(ast.get(), m, &macro))
                if (macro) macros.insert(lower(macro));
            continue;
        }
        const char* key = bt_entry_key(ast.get());
        if (!key || !*key) {
            out.problems.push_back({e.line, "entry has no key"});
            continue;
        }
        BibEntry entry;
        entry.type = lower(bt_entry_type(ast.get()) ? bt_entry_type(ast.get()) : e.type);
        entry.key = to_valid_utf8(key);
        entry.line = e.line;
        entry.raw = raw_text(text, e);
        char* field_name = nullptr;
        for (AST* f = bt_next_field(ast.get(), nullptr, &field_name); f; f = bt_next_field(ast.get(), f, &field_name)) {
            if (!field_name) continue;
            std::string n = lower(to_valid_utf8(field_name));
            if (std::any_of(entry.fields.begin(), entry.fields.end(), [&](const auto& kv) { return kv.first == n; })) continue;
            const std::string value = value_of(f);
            if (n == "author")
                for (const auto& a : split_bibtex_names(value)) entry.authors.push_back(latex_to_unicode(a));
            entry.fields.emplace_back(std::move(n), latex_to_unicode(value));
        }
        out.entries.push_back(std::move(entry));
    }
    resolve_crossrefs(out.entries);
    return out;
}

}  // namespace folio
