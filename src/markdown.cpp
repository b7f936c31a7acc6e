// Markdown rendering through cmark-gfm, with heading ids and prefix-aware links.
#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <map>
#include <vector>
#include <memory>
#include <mutex>

namespace folio {
namespace {

struct ParserFree { void operator()(cmark_parser* p) const { cmark_parser_free(p); } };
struct NodeFree { void operator()(cmark_node* n) const { cmark_node_free(n); } };
struct IterFree { void operator()(cmark_iter* i) const { cmark_iter_free(i); } };
struct CFree { void operator()(char* p) const { std::free(p); } };

constexpr int kOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;

void prefix_links(cmark_node* root, const std::string& base_path, bool keep_prefixed) {
    std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(root));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it.get());
        cmark_node_type t = cmark_node_get_type(n);
        if (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE) continue;
        const char* url = cmark_node_get_url(n);
        if (!url || url[0] != '/' || url[1] == '/') continue;
        const std::string_view u(url);
        if (keep_prefixed && u.substr(0, base_path.size()) == base_path &&
            (u.size() == base_path.size() || std::strchr("/?#", u[base_path.size()]) != nullptr))
            continue;
        cmark_node_set_url(n, (base_path + url).c_str());
    }
}

// The names Rouge finds a lexer by (Debian 12's ruby-rouge 3.30: every lexer's tag and aliases;
// case matters, as in Rouge::Lexer.find). kramdown highlights a code block of one of these
// languages; any other language keeps kramdown's plain <pre><code class="language-x">.
constexpr std::string_view kRougeLanguages[] = {
    "Dockerfile", "HAML", "Isabelle", "LaTeX", "OCL", "R", "S", "TeX", "abap", "actionscript", "ada",
    "apache", "apex", "apib", "apiblueprint", "applescript", "armasm", "as", "as3", "aug", "augeas", "awk",
    "bash", "bat", "batch", "batchfile", "bbcbasic", "behat", "bib", "bibtex", "biml", "bpf", "brainfuck",
    "brightscript", "brs", "bs", "bsdmake", "bsl", "c", "c#", "c++", "ceylon", "cfc", "cfscript", "cl",
    "clean", "clj", "cljs", "clojure", "cmake", "cmhg", "cmm", "coffee", "coffee-script", "coffeescript",
    "common-lisp", "common_lisp", "conf", "config", "configuration", "console", "coq", "cpp", "cr",
    "crystal", "cs", "csharp", "css", "csvs", "cucumber", "cuda", "cypher", "cython", "d", "dafny", "dart",
    "datastudio", "diff", "digdag", "django", "dlang", "docker", "dockerfile", "dosbatch", "dot", "e-mail",
    "ecl", "eex", "eiffel", "elisp", "elixir", "elm", "emacs-lisp", "email", "eml", "epp", "eps", "erb",
    "erl", "erlang", "eruby", "esc", "escape", "ex", "exs", "factor", "fea", "ff", "fluent", "fortran",
    "freefem", "fsharp", "ftl", "gd", "gdscript", "ghc-cmm", "ghc-core", "gherkin", "glsl", "gnumake", "go",
    "golang", "gradle", "graphql", "groovy", "hack", "haml", "handlebars", "haskell", "haxe", "hbs", "hcl",
    "heex", "hh", "hlsl", "hocon", "hql", "hs", "html", "http", "hx", "hy", "hylang", "idlang", "idr",
    "idris", "igorpro", "ini", "io", "irb", "irb_output", "isa", "isabelle", "isbl", "j", "janet", "java",
    "javascript", "jdn", "jinja", "jl", "js", "jsl", "json", "json-doc", "jsonc", "jsonnet", "jsp", "jsx",
    "julia", "kdb+", "kotlin", "ksh", "lasso", "lassoscript", "latex", "lean", "leex", "lhaskell", "lhs",
    "liquid", "lisp", "litcoffee", "literate_coffeescript", "literate_haskell", "lithaskell", "livescript",
    "llvm", "ls", "lua", "lustre", "lutin", "m", "m68k", "magik", "make", "makefile", "markdown", "mason",
    "mathematica", "matlab", "md", "meson", "mf", "microsoftshell", "minizinc", "mkd", "ml", "moon",
    "moonscript", "mosel", "msgtrans", "msshell", "mustache", "mxml", "nasm", "nes", "nesasm", "nginx",
    "nial", "nim", "nimrod", "nix", "nixos", "obj-c", "obj-c++", "obj-cpp", "obj_c", "obj_c++", "obj_cpp",
    "objc", "objc++", "objcpp", "objective_c", "objective_cpp", "objectivec", "objectivec++", "objectivecpp",
    "ocaml", "ocl", "openedge", "opentype", "opentype_feature_file", "opentypefeature", "pascal", "patch",
    "perl", "php", "php3", "php4", "php5", "pl", "plaintext", "plist", "plsql", "pony", "posh", "postscr",
    "postscript", "powershell", "pp", "praat", "prolog", "prometheus", "properties", "proto", "protobuf",
    "pry", "ps", "puppet", "py", "pyrex", "python", "pyx", "q", "qml", "r", "racket", "rb", "react",
    "realbasic", "reasonml", "rego", "rescript", "rhtml", "robot", "robot-framework", "robot_framework",
    "rs", "rs,ignore", "rs,no_run", "rs,should_panic", "ruby", "rust", "rust,ignore", "rust,no_run",
    "rust,should_panic", "s", "sas", "sass", "scala", "scheme", "scss", "sed", "sh", "shell",
    "shell-session", "shell_session", "sieve", "slice", "slim", "smalltalk", "smarty", "sml", "solidity",
    "sparql", "sqf", "sql", "squeak", "ssh", "st", "stan", "stata", "supercollider", "swift", "systemd",
    "syzlang", "syzprog", "tap", "tcl", "terminal", "terraform", "tex", "text", "tf", "toml", "ts", "tsx",
    "ttcn3", "tulip", "turtle", "twig", "typescript", "udiff", "unit-file", "vala", "varnish", "varnishconf",
    "vb", "vcl", "velocity", "verilog", "vhdl", "vim", "viml", "vimscript", "visualbasic", "vue", "vuejs",
    "winbatch", "wl", "wollok", "xml", "xojo", "xpath", "xquery", "yaml", "yang", "yml", "zig", "zir", "zsh"
};

bool rouge_knows(std::string_view lang) {
    return std::binary_search(std::begin(kRougeLanguages), std::end(kRougeLanguages), lang);
}

// Every fenced or indented code block in a language Rouge knows (none: plaintext) in the frame
// kramdown with Rouge writes around it, text escaped as Rouge escapes it (&, <, >):
// <div class="language-x highlighter-rouge"><div class="highlight"><pre class="highlight"><code>.
// Rouge's token spans are not made: the text is the same, its colours are not.
void rouge_code_blocks(cmark_node* root) {
    std::vector<cmark_node*> blocks;
    {
        std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(root));
        for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;)
            if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(it.get())) == CMARK_NODE_CODE_BLOCK)
                blocks.push_back(cmark_iter_get_node(it.get()));
    }
    for (cmark_node* block : blocks) {
        const char* info = cmark_node_get_fence_info(block);
        std::string lang(info ? info : "");
        lang = lang.substr(0, lang.find_first_of(" \t"));
        if (lang.empty()) lang = "plaintext";
        if (!rouge_knows(lang)) continue;
        // lang is one of Rouge's names: nothing in it needs escaping in an attribute.
        std::string html = "<div class=\"language-" + lang +
                           " highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>";
        for (const char* c = cmark_node_get_literal(block); c && *c; ++c) {
            if (*c == '&') html += "&amp;";
            else if (*c == '<') html += "&lt;";
            else if (*c == '>') html += "&gt;";
            else html += *c;
        }
        html += "</code></pre></div></div>\n";
        cmark_node* raw = cmark_node_new(CMARK_NODE_HTML_BLOCK);
        cmark_node_set_literal(raw, html.c_str());
        cmark_node_replace(block, raw);  // block is now out of the tree
        cmark_node_free(block);
    }
}

// Every inline code span becomes the HTML kramdown with Rouge writes for it (raw HTML the author
// wrote is not touched: only cmark's code nodes are). Its text is escaped as kramdown escapes
// text: &, < and >.
void rouge_inline_code(cmark_node* root) {
    std::vector<cmark_node*> spans;
    {
        std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(root));
        for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;)
            if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(it.get())) == CMARK_NODE_CODE)
                spans.push_back(cmark_iter_get_node(it.get()));
    }
    for (cmark_node* code : spans) {
        std::string html = "<code class=\"language-plaintext highlighter-rouge\">";
        for (const char* c = cmark_node_get_literal(code); c && *c; ++c) {
            if (*c == '&') html += "&amp;";
            else if (*c == '<') html += "&lt;";
            else if (*c == '>') html += "&gt;";
            else html += *c;
        }
        html += "</code>";
        cmark_node* raw = cmark_node_new(CMARK_NODE_HTML_INLINE);
        cmark_node_set_literal(raw, html.c_str());
        cmark_node_replace(code, raw);  // code is now out of the tree
        cmark_node_free(code);
    }
}

std::string strip_tags_and_entities(std::string_view html) {
    static const std::map<std::string_view, char> kEntities = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"#39", '\''}, {"#x27", '\''}};
    std::string out;
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (html[i] == '<') {
            std::size_t close = html.find('>', i);
            if (close == std::string_view::npos) break;
            i = close;
        } else if (html[i] == '&') {
            std::size_t semi = html.find(';', i);
            auto e = semi == std::string_view::npos ? kEntities.end() : kEntities.find(html.substr(i + 1, semi - i - 1));
            if (e != kEntities.end()) {
                out += e->second;
                i = semi;
            } else {
                out += '&';
            }
        } else {
            out += html[i];
        }
    }
    return out;
}

// The table limits (markdown.h), applied to the Markdown before cmark sees it. The pass is
// line by line and errs on the side of counting: a "table region" starts at any line that could
// be a delimiter row (only '-', ':', '|' and blanks, with a '-' and a '|' or ':', after any
// '>' and indentation) below a non-blank line, takes that line above as its header, and runs to
// the next blank line. Every row cmark could parse lies in such a region, even inside lists and
// quotes; a region cmark does not see as a table (in a code block, say) is only counted.
// Past a limit, cmark is kept from doing the work:
// - a line of more than kMaxTableColumns cells gets its pipes escaped ("\|"): as a row it is one
//   cell of text, in a paragraph it reads exactly as before;
// - once the page's tables reach kMaxTableCells, a blank line ends the table being read, and
//   every later delimiter row is escaped so that no table opens: the rest shows as text.
class TableLimiter {
public:
    explicit TableLimiter(std::string_view md) : md_(md) {}

    // Decides what to change, noting each limit reached in problems (when given).
    void scan(std::vector<MarkdownProblem>* problems) {
        problems_ = problems;
        int line_no = 0;
        std::size_t prev_begin = 0, cells = 0;
        bool prev_blank = true, in_region = false, over_budget = false;
        for (std::size_t begin = 0; begin < md_.size();) {
            const std::size_t end = line_end(begin);
            std::size_t next = end;
            if (next < md_.size()) next += md_.compare(next, 2, "\r\n") == 0 ? 2 : 1;
            ++line_no;
            const std::string_view line = md_.substr(begin, end - begin);
            const bool blank = after_prefix(line).empty();
            const bool opens = !blank && !prev_blank && delimiter_like(line);
            if (blank) {
                in_region = false;
            } else if (over_budget) {
                if (opens) fix(begin, kNeutralize);
            } else if (opens || in_region) {
                if (!in_region) cells += cells_of(prev_begin, line_no - 1);  // the header
                in_region = true;
                cells += cells_of(begin, line_no);
                if (cells > kMaxTableCells) {
                    over_budget = true;
                    note(line_no, "the page's tables reach " + std::to_string(kMaxTableCells) +
                                      " cells here; folio shows the rest of them as text");
                    fix(begin, opens ? kNeutralize : kBlankBefore);
                }
            }
            prev_begin = begin;
            prev_blank = blank;
            begin = next;
        }
    }

    // The Markdown with the changes made; false (out untouched) when there are none.
    bool apply(std::string& out) const {
        if (fixes_.empty()) return false;
        out.clear();
        out.reserve(md_.size() + md_.size() / 16);
        std::size_t copied = 0;
        for (const auto& [begin, what] : fixes_) {
            const std::size_t end = line_end(begin);
            out.append(md_.substr(copied, begin - copied));
            if (what & kBlankBefore) out += '\n';
            const std::string_view line = md_.substr(begin, end - begin);
            if (what & kNeutralize) out += neutralized(line);
            else if (what & kEscape) out += escaped_pipes(line);
            else out.append(line);
            copied = end;
        }
        out.append(md_.substr(copied));
        return true;
    }

private:
    enum : unsigned { kEscape = 1, kNeutralize = 2, kBlankBefore = 4 };

    // cmark ends a line at LF, CR or CRLF; so does this pass, or a CR could hide a row from it.
    std::size_t line_end(std::size_t begin) const {
        const std::size_t end = md_.find_first_of("\r\n", begin);
        return end == std::string_view::npos ? md_.size() : end;
    }

    static std::string_view after_prefix(std::string_view line) {
        const std::size_t i = line.find_first_not_of(" \t>");
        return i == std::string_view::npos ? std::string_view() : line.substr(i);
    }

    static bool delimiter_like(std::string_view line) {
        const std::string_view s = after_prefix(line);
        return s.find_first_not_of("-:| \t") == std::string_view::npos && s.find('-') != std::string_view::npos &&
               s.find_first_of("|:") != std::string_view::npos;
    }

    // Pipes that separate cells: not escaped by an odd run of backslashes.
    static std::size_t pipes(std::string_view s) {
        std::size_t n = 0, backslashes = 0;
        for (char c : s) {
            if (c == '|' && backslashes % 2 == 0) ++n;
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return n;
    }

    static std::string escaped_pipes(std::string_view s) {
        std::string out;
        out.reserve(s.size() * 2);
        std::size_t backslashes = 0;
        for (char c : s) {
            if (c == '|' && backslashes % 2 == 0) out += '\\';
            out += c;
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return out;
    }

    // A delimiter row that is no longer one: a backslash is never part of one.
    static std::string neutralized(std::string_view s) {
        if (pipes(s) > 0) return escaped_pipes(s);
        std::string out(s);
        out.insert(out.find(':'), 1, '\\');  // delimiter_like: a row without '|' has a ':'
        return out;
    }

    // The cells cmark will parse on the line at begin: a line with too many gets its pipes
    // escaped, and is one cell.
    std::size_t cells_of(std::size_t begin, int line_no) {
        const std::string_view line = md_.substr(begin, line_end(begin) - begin);
        std::size_t cells = pipes(line) + 1;
        // A pipe at either end is a border, not a separator.
        const std::string_view row = after_prefix(line);
        if (cells > 1 && row.front() == '|') --cells;
        const std::size_t last = row.find_last_not_of(" \t");
        if (cells > 1 && last > 0 && row[last] == '|' && row[last - 1] != '\\') --cells;
        if (cells <= kMaxTableColumns) return cells;
        note(line_no, "a table row of " + std::to_string(cells) + " cells; folio renders at most " +
                          std::to_string(kMaxTableColumns) + " and shows this row as text");
        fix(begin, kEscape);
        return 1;
    }

    // Lines are fixed in order; a line may get more than one fix (escaped, then a blank before).
    void fix(std::size_t begin, unsigned what) {
        if (!fixes_.empty() && fixes_.back().first == begin) fixes_.back().second |= what;
        else fixes_.emplace_back(begin, what);
    }

    void note(int line_no, std::string message) {
        if (problems_) problems_->push_back({"", line_no, std::move(message)});
    }

    std::string_view md_;
    std::vector<std::pair<std::size_t, unsigned>> fixes_;  // line start -> what to change
    std::vector<MarkdownProblem>* problems_ = nullptr;
};

}  // namespace

std::string heading_slug(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size() && !((text[start] >= 'a' && text[start] <= 'z') || (text[start] >= 'A' && text[start] <= 'Z')))
        ++start;
    std::string id;
    for (char c : text.substr(start)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') id += c;
        else if (c >= 'A' && c <= 'Z') id += static_cast<char>(c - 'A' + 'a');
        else if (c == ' ') id += '-';
    }
    return id.empty() ? "section" : id;
}

namespace {

// One UTF-8 sequence at text[i]: its code point and length (a broken byte: itself, length 1).
char32_t next_code_point(std::string_view text, std::size_t i, std::size_t& len) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const int n = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2 : (c & 0xf8) == 0xf0 ? 3 : -1;
    len = 1;
    if (n <= 0 || i + n >= text.size()) return c;
    char32_t cp = c & (0x3f >> n);
    for (int k = 1; k <= n; ++k) {
        const unsigned char d = static_cast<unsigned char>(text[i + k]);
        if ((d & 0xc0) != 0x80) return c;
        cp = (cp << 6) | (d & 0x3f);
    }
    len = static_cast<std::size_t>(n) + 1;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xc0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xe0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    }
}

// Not a word character (\p{Word}): the punctuation and symbol blocks, with the letters and
// connector punctuation inside them kept (ª µ º, ‿ ⁀ ⁔, the joiners, 々 〆 〇 and the Hangzhou
// numerals, ＿).
bool non_word(char32_t c) {
    if (c >= 0xa0 && c <= 0xbf) return c != 0xaa && c != 0xb5 && c != 0xba;
    if (c == 0xd7 || c == 0xf7) return true;
    if (c >= 0x2000 && c <= 0x206f) return c != 0x200c && c != 0x200d && c != 0x203f && c != 0x2040 && c != 0x2054;
    if (c >= 0x20a0 && c <= 0x20cf) return true;                               // currency signs
    if (c >= 0x2190 && c <= 0x2bff) return !(c >= 0x24b6 && c <= 0x24e9);     // arrows .. symbols (Ⓐ..ⓩ are letters)
    if (c >= 0x3000 && c <= 0x303f) return !(c >= 0x3005 && c <= 0x3007) && !(c >= 0x3021 && c <= 0x302f) && !(c >= 0x3031 && c <= 0x3035) && !(c >= 0x3038 && c <= 0x303c);
    if (c >= 0xfe10 && c <= 0xfe1f) return true;                               // vertical punctuation
    if (c >= 0xfe30 && c <= 0xfe6f) return c != 0xfe33 && c != 0xfe34 && !(c >= 0xfe4d && c <= 0xfe4f);
    if (c >= 0xff01 && c <= 0xff0f) return true;                               // full-width ! .. /
    if (c >= 0xff1a && c <= 0xff20) return true;                               // full-width : .. @
    if (c >= 0xff3b && c <= 0xff40) return c != 0xff3f;
    if (c >= 0xff5b && c <= 0xff65) return true;
    if (c >= 0xffe0 && c <= 0xffef) return true;                               // full-width signs
    if (c >= 0x1f000 && c <= 0x1faff) return true;                             // emoji and pictographs
    return c == 0xfeff;
}

char32_t lower(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if ((c >= 0xc0 && c <= 0xde && c != 0xd7)) return c + 32;
    if (c >= 0x100 && c <= 0x137 && c % 2 == 0) return c + 1;
    if (c >= 0x139 && c <= 0x148 && c % 2 == 1) return c + 1;
    if (c >= 0x14a && c <= 0x177 && c % 2 == 0) return c + 1;
    if (c == 0x178) return 0xff;
    if ((c == 0x179 || c == 0x17b || c == 0x17d)) return c + 1;
    if (c >= 0x391 && c <= 0x3ab && c != 0x3a2) return c + 32;
    if (c >= 0x410 && c <= 0x42f) return c + 32;
    if (c >= 0x400 && c <= 0x40f) return c + 80;
    if (c >= 0xff21 && c <= 0xff3a) return c + 32;
    return c;
}

}  // namespace

std::string gfm_heading_slug(std::string_view text) {
    std::string id;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = 1;
        const char32_t c = next_code_point(text, i, len);
        i += len;
        if (c == ' ' || c == '\t') id += '-';
        else if (c < 0x80) {
            if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-') id += static_cast<char>(lower(c));
        } else if (!non_word(c)) {
            append_utf8(id, lower(c));
        }
    }
    return id;
}

std::string add_heading_ids(std::string_view html, bool gfm) {
    std::string out;
    out.reserve(html.size() + 64);
    std::map<std::string, int> used;
    std::size_t pos = 0;
    while (true) {
        std::size_t h = html.find("<h", pos);
        if (h == std::string_view::npos || h + 4 > html.size()) break;
        char level = html[h + 2];
        if (level < '1' || level > '6' || html[h + 3] != '>') {
            out.append(html.substr(pos, h + 2 - pos));
            pos = h + 2;
            continue;
        }
        const std::string close = std::string("</h") + level + ">";
        std::size_t end = html.find(close, h + 4);
        if (end == std::string_view::npos) break;
        const std::string text = strip_tags_and_entities(html.substr(h + 4, end - h - 4));
        std::string id = gfm ? gfm_heading_slug(text) : heading_slug(text);
        int n = used[id]++;
        if (n > 0) id += "-" + std::to_string(n);
        out.append(html.substr(pos, h - pos));
        out += "<h";
        out += level;
        // kramdown writes no empty id (a GFM heading of punctuation only: "!!!").
        out += id.empty() ? std::string(">") : " id=\"" + id + "\">";
        pos = h + 4;
    }
    out.append(html.substr(pos));
    return out;
}

std::vector<Heading> headings_of(std::string_view html) {
    std::vector<Heading> out;
    std::size_t pos = 0;
    while ((pos = html.find("<h", pos)) != std::string_view::npos) {
        if (pos + 8 > html.size()) break;
        char level = html[pos + 2];
        if (level < '1' || level > '6' || html.compare(pos + 3, 5, " id=\"") != 0) {
            pos += 2;
            continue;
        }
        std::size_t id_end = html.find('"', pos + 8);
        std::size_t open_end = html.find('>', pos);
        const std::string close = std::string("</h") + level + ">";
        std::size_t end = html.find(close, pos);
        if (id_end == std::string_view::npos || open_end == std::string_view::npos || end == std::string_view::npos) break;
        out.push_back({level - '0', std::string(html.substr(pos + 8, id_end - pos - 8)),
                       strip_tags_and_entities(html.substr(open_end + 1, end - open_end - 1))});
        pos = end;
    }
    return out;
}

std::vector<MarkdownProblem> table_limit_problems(std::string_view markdown) {
    std::vector<MarkdownProblem> problems;
    TableLimiter(markdown).scan(&problems);
    return problems;
}

std::string render_markdown(std::string_view markdown, const MarkdownOptions& options_in) {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });

    const int options = kOptions | (options_in.smart ? CMARK_OPT_SMART : 0);
    std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(options));
    for (const char* name : {"table", "strikethrough"}) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
    TableLimiter limiter(markdown);
    limiter.scan(nullptr);
    std::string limited;
    if (limiter.apply(limited)) markdown = limited;
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, NodeFree> doc(cmark_parser_finish(parser.get()));
    if (!options_in.base_path.empty()) prefix_links(doc.get(), options_in.base_path, options_in.keep_prefixed_links);
    if (options_in.rouge_inline_code) {
        rouge_inline_code(doc.get());
        rouge_code_blocks(doc.get());
    }
    std::unique_ptr<char, CFree> html(
        cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get())));
    return add_heading_ids(html ? html.get() : "", options_in.gfm_heading_ids);
}

}  // namespace folio
