// Liquid: a lexer (text, {{ output }} and {% tag %} tokens with their lines), a parser into a
// tree of nodes (once per render; partials once when first used), and a renderer over YAML values.
#include "jekyll/liquid.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <utility>
#include <variant>

#include "error.h"
#include "html.h"
#include "jekyll/jekyll.h"
#include "text.h"

namespace folio {
namespace {

// yaml-cpp trap, once for the whole file: `a = b` on a YAML::Node already bound to a node writes
// b into that node, changing the data `a` was read from (a loop variable assigned twice would
// overwrite site.pages[0]). Values here are only copy-constructed or rebound with reset().

// Work budget, in units of about a byte copied: a node rendered costs kNodeWork, a string made
// or scanned its length, a map lookup or a walk over a list its size. It ends a page that loops
// over assigns, doubles a string with `append` or searches a huge map in a loop long before it
// stalls a worker (the whole budget is a fraction of a second).
constexpr std::size_t kNodeWork = 256;
constexpr std::size_t kKeyWork = 32;    // one key passed over in a map lookup
constexpr std::size_t kItemWork = 128;  // one item of a list or map walked (contains, join, ==)
constexpr std::size_t kMaxWork = 32 * kMaxLiquidOutput;
// A broken page needs its first problems, not thousands of them.
constexpr std::size_t kMaxProblems = 100;
// Loop bounds and range ends are clamped here so that index arithmetic cannot overflow.
constexpr long long kMaxInteger = 1000000000000LL;

constexpr std::size_t npos = std::string_view::npos;

class Problems {
public:
    explicit Problems(std::vector<LiquidProblem>& out) : out_(out) {}

    // Once per (line, message): a bad filter inside a loop is one problem, not one per pass.
    void add(int line, const std::string& message) {
        if (count_ > kMaxProblems || !seen_.emplace(line, message).second) return;
        ++count_;
        out_.push_back({"", line, count_ > kMaxProblems ? "more Liquid problems not shown" : message});
    }

private:
    std::vector<LiquidProblem>& out_;
    std::set<std::pair<int, std::string>> seen_;
    std::size_t count_ = 0;
};

// Thrown when a limit is reached: rendering ends there (see render_top).
struct LimitReached : LineError {
    using LineError::LineError;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
// Ruby's strip, lstrip and rstrip: views (no copy) and Ruby's whitespace, \f and \v included.
std::string_view trim_start(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && is_space(s[i])) ++i;
    return s.substr(i);
}

std::string_view trim_end(std::string_view s) {
    std::size_t n = s.size();
    while (n > 0 && is_space(s[n - 1])) --n;
    return s.substr(0, n);
}

std::string_view trim(std::string_view s) { return trim_end(trim_start(s)); }

int count_lines(std::string_view s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

std::string quote(std::string_view s) { return "'" + std::string(s) + "'"; }

// ---------------------------------------------------------------------------------------- lexer

enum class TokenKind { Text, Output, Tag };

struct Token {
    TokenKind kind;
    std::string text;  // Text: as is; Output: the expression; Tag: its arguments
    std::string name;  // Tag: its name ("if", "endfor")
    int line;          // where the token starts
};

// "include archive.html x=1" -> {"include", "archive.html x=1"}.
std::pair<std::string, std::string> split_tag(std::string_view markup) {
    std::size_t n = 0;
    while (n < markup.size() && is_name_char(markup[n])) ++n;
    return {std::string(markup.substr(0, n)), std::string(trim(markup.substr(n)))};
}

// Where the next "{{" or "{%" starts.
std::size_t find_markup(std::string_view text, std::size_t from) {
    for (std::size_t at = text.find('{', from); at != npos && at + 1 < text.size(); at = text.find('{', at + 1))
        if (text[at + 1] == '{' || text[at + 1] == '%') return at;
    return npos;
}

// The next `{% name %}` (dashes allowed) at or after from: how {% raw %} and {% comment %} end.
struct TagSpan {
    std::size_t begin = npos, end = npos;
    bool dash_left = false, dash_right = false;
};

TagSpan find_tag(std::string_view text, std::size_t from, std::string_view name) {
    for (std::size_t at = text.find("{%", from); at != npos; at = text.find("{%", at + 2)) {
        TagSpan span;
        span.begin = at;
        std::size_t p = at + 2;
        if (p < text.size() && text[p] == '-') {
            span.dash_left = true;
            ++p;
        }
        while (p < text.size() && is_space(text[p])) ++p;
        if (text.substr(p, name.size()) != name) continue;
        p += name.size();
        if (p < text.size() && is_name_char(text[p])) continue;
        while (p < text.size() && is_space(text[p])) ++p;
        if (p < text.size() && text[p] == '-') {
            span.dash_right = true;
            ++p;
        }
        if (text.substr(p, 2) != "%}") continue;
        span.end = p + 2;
        return span;
    }
    return {};
}

// {% liquid %}: one tag per line, without delimiters; `#` lines and comment blocks are comments.
void liquid_lines(std::string_view body, int line, std::vector<Token>& tokens) {
    int in_comment = 0;
    for (std::size_t start = 0; start <= body.size(); ++line) {
        std::size_t end = body.find('\n', start);
        if (end == npos) end = body.size();
        const std::string_view text = trim(body.substr(start, end - start));
        start = end + 1;
        if (text.empty() || text[0] == '#') continue;
        auto [name, args] = split_tag(text);
        if (name == "comment") ++in_comment;
        else if (name == "endcomment" && in_comment > 0) --in_comment;
        else if (in_comment == 0) tokens.push_back({TokenKind::Tag, std::move(args), std::move(name), line});
    }
}

// {% raw %} bodies become text here and {% comment %} bodies vanish, so the parser never sees
// their Liquid. An unclosed "{{" or "{%" ends the text: its closer never comes, so the rest is
// markup, and renders as nothing.
std::vector<Token> lex(std::string_view text, Problems& problems) {
    std::vector<Token> tokens;
    bool trim_next = false;  // the last markup ended with '-': the next text loses its leading blanks
    int line = 1;
    std::size_t pos = 0;
    auto add_text = [&](std::string_view s, int at) {
        if (trim_next) s = trim_start(s);
        trim_next = false;
        if (s.empty()) return false;
        tokens.push_back({TokenKind::Text, std::string(s), "", at});
        return true;
    };
    while (pos < text.size()) {
        const std::size_t open = find_markup(text, pos);
        const std::string_view before = text.substr(pos, open == npos ? npos : open - pos);
        const bool text_before = add_text(before, line);
        line += count_lines(before);
        if (open == npos) break;

        const bool is_tag = text[open + 1] == '%';
        const std::string_view closer = is_tag ? "%}" : "}}";
        std::size_t inner = open + 2;
        if (inner < text.size() && text[inner] == '-') {
            if (text_before) {  // not a {% raw %} body: that stays verbatim
                std::string& previous = tokens.back().text;
                previous.resize(trim_end(previous).size());
                if (previous.empty()) tokens.pop_back();
            }
            ++inner;
        }
        const std::size_t close = text.find(closer, inner);
        if (close == npos) {
            problems.add(line, quote(is_tag ? "{%" : "{{") + " is not closed by " + quote(closer));
            break;
        }
        std::size_t inner_end = close;
        trim_next = inner_end > inner && text[inner_end - 1] == '-';
        if (trim_next) --inner_end;
        const std::string_view markup = trim(text.substr(inner, inner_end - inner));
        const int markup_line = line;
        line += count_lines(text.substr(open, close - open));
        pos = close + 2;
        if (!is_tag) {
            tokens.push_back({TokenKind::Output, std::string(markup), "", markup_line});
            continue;
        }
        if (!markup.empty() && markup[0] == '#') continue;  // {% # a comment %}
        auto [name, args] = split_tag(markup);
        if (name == "liquid") {
            liquid_lines(args, markup_line, tokens);
            continue;
        }
        if (name == "raw" || name == "comment" || name == "doc") {  // doc: Liquid's documentation comment
            TagSpan end = find_tag(text, pos, "end" + name);
            // Comments nest, as in Liquid: {% comment %} a {% comment %} b {% endcomment %} c {% endcomment %}.
            for (std::size_t from = pos; name == "comment" && end.begin != npos;) {
                const TagSpan inner = find_tag(text, from, "comment");
                if (inner.begin == npos || inner.begin > end.begin) break;
                from = inner.end;
                end = find_tag(text, end.end, "endcomment");
            }
            if (end.begin == npos) {
                problems.add(markup_line, "'{% " + name + " %}' is not closed by '{% end" + name + " %}'");
                break;
            }
            std::string_view body = text.substr(pos, end.begin - pos);
            // The dashes inside {%- raw -%}...{%- endraw -%} leave the raw text as it is, as Liquid does.
            if (trim_next && name != "raw") body = trim_start(body);
            if (end.dash_left && name != "raw") body = trim_end(body);
            if (name == "raw" && !body.empty()) tokens.push_back({TokenKind::Text, std::string(body), "", line});
            line += count_lines(text.substr(pos, end.end - pos));
            pos = end.end;
            trim_next = end.dash_right;
            continue;
        }
        tokens.push_back({TokenKind::Tag, std::move(args), std::move(name), markup_line});
    }
    return tokens;
}

// ---------------------------------------------------------------------------------- the tree

struct Expr;

struct Lookup {
    std::string key;              // .key
    std::shared_ptr<Expr> index;  // [index], when set
};

struct Expr {
    enum class Kind { Literal, Variable, Range, Empty, Blank };
    Kind kind = Kind::Literal;
    YAML::Node literal;              // Literal
    std::string name;                // Variable: the first name
    std::vector<Lookup> lookups;     // Variable: the .key and [index] steps after it
    std::shared_ptr<Expr> from, to;  // Range: (from..to)
};

struct Filter {
    std::string name;
    std::vector<Expr> args;
    std::vector<std::pair<std::string, Expr>> options;  // keyword arguments: default: x, allow_false: true
};

struct Filtered {
    Expr value;
    std::vector<Filter> filters;
};

struct Comparison {
    Expr left;
    std::string op;  // "", "==", "!=", "<", ">", "<=", ">=", "contains"; "" tests left's truth
    std::optional<Expr> right;
};

// Liquid joins comparisons right to left with no precedence: a or b and c == a or (b and c).
struct Condition {
    std::vector<Comparison> terms;
    std::vector<bool> ors;  // ors[i] joins terms[i] and terms[i + 1]: true for "or", false for "and"
};

struct Node;
using Body = std::vector<Node>;

struct TextNode {
    std::string text;
};
struct OutputNode {
    Filtered value;
};
struct Branch {
    Condition condition;
    bool negate;  // the first branch of {% unless %}
    Body body;
};
struct IfNode {
    std::vector<Branch> branches;
    Body otherwise;
};
struct ForNode {
    std::string var;
    Expr collection;
    bool reversed = false;
    std::optional<Expr> limit, offset;
    bool table = false;        // {% tablerow %}: rows of cols cells
    bool offset_continue = false;  // offset: continue (where the last loop of this name ended)
    std::optional<Expr> cols;  // tablerow's cols
    Body body, otherwise;
};
struct AssignNode {
    std::string var;
    Filtered value;
};
struct CaptureNode {
    std::string var;
    Body body;
};
// include (Jekyll's and Liquid's) and render.
struct IncludeNode {
    std::string name;                                   // a file name, or a variable holding one
    bool quoted = false;                                // 'name': never a variable
    std::vector<std::pair<std::string, Expr>> params;   // Jekyll's key=value: include.key
    std::vector<std::pair<std::string, Expr>> locals;   // Liquid's key: value: plain variables
    std::optional<Expr> with;                           // with VALUE / for LIST
    bool is_for = false;
    std::string alias;                                  // as NAME
    bool isolated = false;                              // render: sees only what it is given
    bool relative = false;                              // include_relative: a file beside the page
};
// Jekyll's {% link PATH %} and {% post_url NAME %}: a URL the site knows, baseurl in front.
struct LinkNode {
    bool post = false;
    std::string target;
};
// Jekyll's {% highlight LANG %}: the body as plain pre/code (no colours), escaped.
struct HighlightNode {
    std::string lang;
    Body body;
};
struct CaseBlock {
    bool is_else = false;
    std::vector<Expr> values;  // when a, b or c
    Body body;
};
struct CaseNode {
    Expr subject;
    std::vector<CaseBlock> blocks;
};
struct CycleNode {
    std::optional<Expr> group;
    std::vector<Expr> values;
    std::string key;  // the values' text: cycles with the same values share their place
};
struct CounterNode {
    std::string var;
    bool up;
};
struct InterruptNode {
    bool is_break;
};
struct IfChangedNode {
    Body body;
};

struct Node {
    int line;
    std::variant<TextNode, OutputNode, IfNode, ForNode, AssignNode, CaptureNode, IncludeNode, CaseNode, CycleNode,
                 CounterNode, InterruptNode, IfChangedNode, LinkNode, HighlightNode>
        what;
};

struct FilterSpec {
    std::string_view name;
    std::size_t min_args, max_args;
};

// Liquid's standard filters and Jekyll's, with the argument counts they take (keyword
// arguments, like default's allow_false, are not counted).
constexpr FilterSpec kFilters[] = {
    // strings
    {"append", 1, 1}, {"prepend", 1, 1}, {"capitalize", 0, 0}, {"downcase", 0, 0}, {"upcase", 0, 0},
    {"strip", 0, 0}, {"lstrip", 0, 0}, {"rstrip", 0, 0}, {"strip_newlines", 0, 0}, {"newline_to_br", 0, 0},
    {"escape", 0, 0}, {"h", 0, 0}, {"escape_once", 0, 0}, {"strip_html", 0, 0}, {"truncate", 0, 2},
    {"truncatewords", 0, 2}, {"split", 1, 1}, {"slice", 1, 2}, {"replace", 1, 2}, {"replace_first", 1, 2},
    {"replace_last", 2, 2}, {"remove", 1, 1}, {"remove_first", 1, 1}, {"remove_last", 1, 1}, {"url_encode", 0, 0},
    {"url_decode", 0, 0}, {"base64_encode", 0, 0}, {"base64_decode", 0, 0}, {"base64_url_safe_encode", 0, 0},
    {"base64_url_safe_decode", 0, 0}, {"squish", 0, 0}, {"size", 0, 0},
    // numbers
    {"plus", 1, 1}, {"minus", 1, 1}, {"times", 1, 1}, {"divided_by", 1, 1}, {"modulo", 1, 1}, {"abs", 0, 0},
    {"ceil", 0, 0}, {"floor", 0, 0}, {"round", 0, 1}, {"at_least", 1, 1}, {"at_most", 1, 1},
    // lists
    {"join", 0, 1}, {"first", 0, 0}, {"last", 0, 0}, {"reverse", 0, 0}, {"sort", 0, 2}, {"sort_natural", 0, 1},
    {"uniq", 0, 1}, {"compact", 0, 1}, {"map", 1, 1}, {"where", 1, 2}, {"reject", 1, 2}, {"find", 1, 2},
    {"find_index", 1, 2}, {"has", 1, 2}, {"concat", 1, 1}, {"sum", 0, 1}, {"flatten", 0, 0},
    // other
    {"default", 0, 1}, {"date", 1, 1},
    // Jekyll
    {"relative_url", 0, 0}, {"absolute_url", 0, 0}, {"date_to_xmlschema", 0, 0}, {"date_to_rfc822", 0, 0},
    {"date_to_string", 0, 2}, {"date_to_long_string", 0, 2}, {"xml_escape", 0, 0}, {"cgi_escape", 0, 0},
    {"uri_escape", 0, 0}, {"number_of_words", 0, 1}, {"array_to_sentence_string", 0, 1}, {"markdownify", 0, 0},
    {"smartify", 0, 0}, {"slugify", 0, 1}, {"jsonify", 0, 0}, {"where_exp", 2, 2}, {"find_exp", 2, 2},
    {"group_by", 1, 1}, {"group_by_exp", 2, 2}, {"sample", 0, 1}, {"push", 1, 1}, {"pop", 0, 1},
    {"shift", 0, 1}, {"unshift", 1, 1}, {"normalize_whitespace", 0, 0}, {"inspect", 0, 0},
};

const FilterSpec* find_filter(std::string_view name) {
    for (const FilterSpec& spec : kFilters)
        if (spec.name == name) return &spec;
    return nullptr;
}

// ----------------------------------------------------------------------------- values

// Plain YAML scalars are typed as YAML (and so Jekyll) types them; quoted ones (tag "!") are
// strings, and so is every string this file makes (string_value).
enum class Kind { Nil, Bool, Number, String, Array, Map };

bool is_true_word(const std::string& s) { return s == "true" || s == "True" || s == "TRUE"; }
bool is_false_word(const std::string& s) { return s == "false" || s == "False" || s == "FALSE"; }

// [-+]?digits(.digits)?([eE][-+]?digits)?
bool is_number_text(std::string_view s) {
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t start = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        return i > start;
    };
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (!digits()) return false;
    if (i < s.size() && s[i] == '.' && (++i, !digits())) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        if (!digits()) return false;
    }
    return i == s.size();
}

Kind kind_of(const YAML::Node& n) {
    if (!n.IsDefined() || n.IsNull()) return Kind::Nil;
    if (n.IsSequence()) return Kind::Array;
    if (n.IsMap()) return Kind::Map;
    const std::string& tag = n.Tag();
    if (tag == "!" || tag == "tag:yaml.org,2002:str") return Kind::String;
    const std::string& s = n.Scalar();
    if (is_true_word(s) || is_false_word(s)) return Kind::Bool;
    if (is_number_text(s)) return Kind::Number;
    return Kind::String;
}

const char* kind_name(Kind kind) {
    switch (kind) {
    case Kind::Nil: return "nil";
    case Kind::Bool: return "a boolean";
    case Kind::Number: return "a number";
    case Kind::String: return "a string";
    case Kind::Array: return "a list";
    case Kind::Map: return "a map";
    }
    return "?";
}

YAML::Node string_value(std::string s) {
    YAML::Node n(std::move(s));
    n.SetTag("!");
    return n;
}

YAML::Node number_value(long long v) { return YAML::Node(v); }

// Only nil and false are false, as in Liquid: 0, "" and [] are true.
bool truthy(const YAML::Node& n) {
    const Kind kind = kind_of(n);
    return kind != Kind::Nil && !(kind == Kind::Bool && is_false_word(n.Scalar()));
}

double number_of(const YAML::Node& n) { return std::strtod(n.Scalar().c_str(), nullptr); }

std::size_t scalar_size(const YAML::Node& n) { return n.IsDefined() && n.IsScalar() ? n.Scalar().size() : 0; }

std::size_t items_in(const YAML::Node& n) { return n.IsDefined() && (n.IsSequence() || n.IsMap()) ? n.size() : 0; }

// Characters, as Ruby counts a UTF-8 string.
std::size_t utf8_length(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// count characters from character start, as Ruby slices a UTF-8 string.
std::string utf8_substr(std::string_view s, std::size_t start, std::size_t count) {
    std::size_t i = 0, c = 0;
    auto next = [&] {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    };
    while (i < s.size() && c < start) next(), ++c;
    const std::size_t from = i;
    c = 0;
    while (i < s.size() && c < count) next(), ++c;
    return std::string(s.substr(from, i - from));
}

// escape, but an entity already there (&amp; &#39; &#x27;) is left alone.
std::string escape_once(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '&') {
            std::size_t j = i + 1;
            if (j < s.size() && s[j] == '#') {
                ++j;
                if (j < s.size() && (s[j] == 'x' || s[j] == 'X')) ++j;
            }
            const std::size_t start = j;
            while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
            if (j > start && j < s.size() && s[j] == ';') {
                out.append(s.substr(i, j + 1 - i));
                i = j;
                continue;
            }
        }
        out += escape_html(s.substr(i, 1));
    }
    return out;
}

// Liquid's strip_html: script, style and comment bodies go with their tags, then every tag.
std::string strip_html(std::string_view s) {
    const std::string lower = to_lower(s);
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] != '<') {
            out += s[i++];
            continue;
        }
        std::size_t end = npos;
        for (const auto& [open, close] : {std::pair<const char*, const char*>{"<script", "</script>"}, {"<style", "</style>"}, {"<!--", "-->"}})
            if (lower.compare(i, std::strlen(open), open) == 0) {
                const std::size_t c = lower.find(close, i);
                if (c != npos) end = c + std::strlen(close);
                break;
            }
        if (end == npos) {
            const std::size_t c = s.find('>', i);
            if (c == npos) {
                out += s[i++];
                continue;
            }
            end = c + 1;
        }
        i = end;
    }
    return out;
}

// CGI.escape (url_encode, cgi_escape): unreserved kept, space as '+', the rest %XX.
std::string url_encode(std::string_view s, bool plus_for_space) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') out += c;
        else if (c == ' ' && plus_for_space) out += '+';
        else out += '%', out += kHex[u >> 4], out += kHex[u & 15];
    }
    return out;
}

// Jekyll's uri_escape (Addressable's normalize): reserved URL characters are kept.
std::string uri_escape(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    static constexpr std::string_view kKeep = "-_.~!*'();:@&=+$,/?#[]%";
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || kKeep.find(c) != npos) out += c;
        else out += '%', out += kHex[u >> 4], out += kHex[u & 15];
    }
    return out;
}

std::string url_decode(std::string_view s) {
    auto hex = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(static_cast<unsigned char>(c)) - 'a' + 10); };
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') out += ' ';
        else if (s[i] == '%' && i + 2 < s.size() + 0 && std::isxdigit(static_cast<unsigned char>(s[i + 1])) && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 2])))
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])), i += 2;
        else out += s[i];
    }
    return out;
}

std::string base64_encode(std::string_view s, bool url_safe) {
    const char* table = url_safe ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                                 : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < s.size(); i += 3) {
        unsigned v = static_cast<unsigned char>(s[i]) << 16;
        if (i + 1 < s.size()) v |= static_cast<unsigned char>(s[i + 1]) << 8;
        if (i + 2 < s.size()) v |= static_cast<unsigned char>(s[i + 2]);
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += i + 1 < s.size() ? table[(v >> 6) & 63] : '=';
        out += i + 2 < s.size() ? table[v & 63] : '=';
    }
    return out;
}

// Strict decoding (Ruby's strict_decode64 / urlsafe_decode64): nullopt for anything malformed.
std::optional<std::string> base64_decode(std::string_view s, bool url_safe) {
    std::string in(s);
    if (url_safe) {
        for (char& c : in) c = c == '-' ? '+' : c == '_' ? '/' : c;
        if (in.find('=') == npos) in.append((4 - in.size() % 4) % 4, '=');
    }
    if (in.size() % 4 != 0) return std::nullopt;
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    };
    std::string out;
    for (std::size_t i = 0; i < in.size(); i += 4) {
        int v[4];
        int pad = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = in[i + k];
            if (c == '=' && i + 4 == in.size() && k >= 2) {
                v[k] = 0;
                ++pad;
            } else if (pad > 0 || (v[k] = value(c)) < 0) {
                return std::nullopt;
            }
        }
        const unsigned n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
        out += static_cast<char>(n >> 16);
        if (pad < 2) out += static_cast<char>((n >> 8) & 255);
        if (pad < 1) out += static_cast<char>(n & 255);
    }
    return out;
}


void append_json(const YAML::Node& n, std::string& out, int depth);

// ------------------------------------------------------------------------------- numbers

// A number is an integer or a float, told apart by its text as Ruby's literals are ("1" vs "1.0").
bool is_float_text(const std::string& s) { return s.find_first_of(".eE") != std::string::npos; }

// Ruby's Float#to_s: the shortest digits that read back as the same double; fixed notation for
// exponents -4..15 (always with a decimal part, "3.0"), else "1.0e+16".
std::string ruby_float(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
    char buf[64];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
        if (std::strtod(buf, nullptr) == d) break;
    }
    std::string text = buf;
    const bool negative = text[0] == '-';
    if (negative) text.erase(0, 1);
    const std::size_t e = text.find('e');
    const int exponent = std::atoi(text.c_str() + e + 1);
    std::string digits = text.substr(0, e);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    std::string out;
    if (exponent >= -4 && exponent < 16) {
        if (exponent >= 0) {
            if (digits.size() <= static_cast<std::size_t>(exponent) + 1) digits.append(exponent + 1 - digits.size(), '0');
            out = digits.substr(0, exponent + 1) + "." + (digits.size() > static_cast<std::size_t>(exponent) + 1 ? digits.substr(exponent + 1) : "0");
        } else {
            out = "0." + std::string(-exponent - 1, '0') + digits;
        }
    } else {
        char exp[16];
        std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
        out = digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0") + exp;
    }
    return negative ? "-" + out : out;
}

// A number as Liquid's filters see one (Utils.to_number): numbers as they are, strings holding
// a decimal number as that number, anything else 0.
struct Number {
    bool is_float = false;
    long long i = 0;
    double f = 0;
    double value() const { return is_float ? f : static_cast<double>(i); }
};

YAML::Node number_node(const Number& n) {
    return n.is_float ? YAML::Node(ruby_float(n.f)) : YAML::Node(n.i);
}

Number int_number(long long i) { return Number{false, i, 0}; }
Number float_number(double f) { return Number{true, 0, f}; }

// Ruby's String#to_i: leading blanks, a sign, digits (and underscores between them); 0 if none.
long long leading_integer(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && is_space(s[i])) ++i;
    bool negative = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
    long long v = 0;
    for (; i < s.size() && (is_digit(s[i]) || (s[i] == '_' && i + 1 < s.size() && is_digit(s[i + 1]))); ++i)
        if (s[i] != '_' && v < kMaxInteger * 1000) v = v * 10 + (s[i] - '0');
    return negative ? -v : v;
}

Number to_number(const YAML::Node& n) {
    const Kind kind = kind_of(n);
    if (kind == Kind::Number) {
        const std::string& s = n.Scalar();
        if (is_float_text(s)) return float_number(std::strtod(s.c_str(), nullptr));
        return int_number(std::strtoll(s.c_str(), nullptr, 10));
    }
    if (kind != Kind::String) return int_number(0);
    const std::string_view s = trim(n.Scalar());
    // -?digits.digits is a decimal; anything else is read as Ruby's to_i reads it.
    std::size_t i = s.size() > 0 && s[0] == '-' ? 1 : 0, digits = 0, dot = npos;
    for (std::size_t k = i; k < s.size(); ++k) {
        if (is_digit(s[k])) ++digits;
        else if (s[k] == '.' && dot == npos) dot = k;
        else { digits = 0; break; }
    }
    if (digits > 0 && dot != npos && dot > i && dot + 1 < s.size()) return float_number(std::strtod(std::string(s).c_str(), nullptr));
    return int_number(leading_integer(s));
}

// Liquid computes with decimals (BigDecimal) where a float is involved, so 0.1 + 0.2 is 0.3:
// a double result rounded to 15 significant digits gives the same for the numbers pages use.
double decimal_round(double d) {
    if (!std::isfinite(d)) return d;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", d);
    return std::strtod(buf, nullptr);
}

void append_inspect(const YAML::Node& n, std::string& out, int depth);

// What {{ value }} prints: Liquid's to_s (lists joined, maps as Ruby prints a Hash).
void append_text(const YAML::Node& n, std::string& out, int depth) {
    switch (kind_of(n)) {
    case Kind::Nil: return;
    case Kind::Array:
        if (n.Tag() == "!range" && n.size() > 0) {
            out += n[0].Scalar() + ".." + n[n.size() - 1].Scalar();
            return;
        }
        if (depth < kMaxLiquidDepth)
            for (const YAML::Node& item : n) append_text(item, out, depth + 1);
        return;
    case Kind::Map: append_inspect(n, out, depth); return;
    default: out += n.Scalar();
    }
}

std::string to_text(const YAML::Node& n) {
    if (n.IsDefined() && n.IsScalar()) return n.Scalar();
    std::string out;
    append_text(n, out, 0);
    return out;
}

void append_quoted(std::string_view s, std::string& out) {
    out += '"';
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += '"';
}

// Ruby's inspect and JSON.generate write a list or a map alike but for their separators: `value`
// writes one item or map value, `key` one map key.
template <typename Value, typename Key>
void append_collection(const YAML::Node& n, bool map, std::string_view comma, std::string_view arrow, std::string& out,
                       Value value, Key key) {
    out += map ? '{' : '[';
    for (auto it = n.begin(); it != n.end(); ++it) {
        if (it != n.begin()) out += comma;
        if (map) key(it->first), out += arrow, value(it->second);
        else value(*it);
    }
    out += map ? '}' : ']';
}

// Ruby's inspect: {"name"=>"Ada", "links"=>["a", "b"], "x"=>nil}.
void append_inspect(const YAML::Node& n, std::string& out, int depth) {
    const Kind kind = kind_of(n);
    if (depth > kMaxLiquidDepth) return;
    if (kind == Kind::Nil) {
        out += "nil";
    } else if (kind == Kind::String) {
        append_quoted(n.Scalar(), out);
    } else if (kind == Kind::Array || kind == Kind::Map) {
        auto inner = [&](const YAML::Node& v) { append_inspect(v, out, depth + 1); };
        append_collection(n, kind == Kind::Map, ", ", "=>", out, inner, inner);
    } else {
        out += n.Scalar();
    }
}

// As Ruby's JSON.generate (Jekyll's jsonify): compact, UTF-8 kept, control characters escaped.
void append_json_string(std::string_view s, std::string& out) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') out += '\\', out += c;
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (u < 0x20) out += "\\u00", out += kHex[u >> 4], out += kHex[u & 15];
        else out += c;
    }
    out += '"';
}

void append_json(const YAML::Node& n, std::string& out, int depth) {
    const Kind kind = kind_of(n);
    if (depth > kMaxLiquidDepth || kind == Kind::Nil) {
        out += "null";
    } else if (kind == Kind::Bool) {
        out += truthy(n) ? "true" : "false";
    } else if (kind == Kind::Number) {
        out += n.Scalar()[0] == '+' ? n.Scalar().substr(1) : n.Scalar();
    } else if (kind == Kind::String) {
        append_json_string(n.Scalar(), out);
    } else {  // a list, else a map
        append_collection(n, kind != Kind::Array, ",", ":", out, [&](const YAML::Node& v) { append_json(v, out, depth + 1); },
                          [&](const YAML::Node& k) { append_json_string(to_text(k), out); });
    }
}

// Liquid's ==: numbers by value, "1" != 1, lists item by item. Maps are equal only to
// themselves: comparing two site maps key by key is never what a page means, and can be slow.
bool same_value(const YAML::Node& a, const YAML::Node& b, int depth = 0) {
    const Kind kind = kind_of(a);
    if (kind != kind_of(b)) return false;
    switch (kind) {
    case Kind::Nil: return true;
    case Kind::Bool: return truthy(a) == truthy(b);
    case Kind::Number: return number_of(a) == number_of(b);
    case Kind::String: return a.Scalar() == b.Scalar();
    case Kind::Map: return a.is(b);
    case Kind::Array: break;
    }
    if (depth > kMaxLiquidDepth || a.size() != b.size()) return false;
    for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y)
        if (!same_value(*x, *y, depth + 1)) return false;
    return true;
}

// `x == empty`: an empty string, list or map.
bool is_empty(const YAML::Node& n) {
    const Kind kind = kind_of(n);
    return (kind == Kind::String && n.Scalar().empty()) || ((kind == Kind::Array || kind == Kind::Map) && n.size() == 0);
}

// `x == blank`: nil, false, a string of blanks, an empty list or map.
bool is_blank(const YAML::Node& n) {
    const Kind kind = kind_of(n);
    if (kind == Kind::Nil || (kind == Kind::Bool && !truthy(n))) return true;
    if (kind == Kind::String) return trim(n.Scalar()).empty();
    return (kind == Kind::Array || kind == Kind::Map) && n.size() == 0;
}

bool contains(const YAML::Node& haystack, const YAML::Node& needle) {
    if (kind_of(needle) == Kind::Nil) return false;
    switch (kind_of(haystack)) {
    case Kind::String: return haystack.Scalar().find(to_text(needle)) != std::string::npos;
    case Kind::Array:
        for (const YAML::Node& item : haystack)
            if (same_value(item, needle)) return true;
        return false;
    case Kind::Map: {
        const std::string key = to_text(needle);
        for (auto it = haystack.begin(); it != haystack.end(); ++it)
            if (it->first.IsScalar() && it->first.Scalar() == key) return true;
        return false;
    }
    default: return false;
    }
}

// container.key or container[key]. `command` (a dotted name, as Liquid) also allows .size,
// .first and .last when the container has no such key.
YAML::Node member(const YAML::Node& container, const YAML::Node& key, bool command) {
    const Kind kind = kind_of(container);
    if (!key.IsDefined() || !key.IsScalar()) return {};
    if (kind == Kind::Map) {
        const YAML::Node value = container[to_text(key)];  // const: a missing key is not inserted
        if (value.IsDefined()) return value;
    } else if (kind == Kind::Array && kind_of(key) == Kind::Number) {
        const auto size = static_cast<long long>(container.size());
        long long i = static_cast<long long>(std::clamp(number_of(key), double(-kMaxInteger), double(kMaxInteger)));
        if (i < 0) i += size;
        if (i >= 0 && i < size) return container[static_cast<std::size_t>(i)];
    }
    if (!command || !key.IsScalar()) return {};
    const std::string& name = key.Scalar();
    if (name == "size") {
        if (kind == Kind::Array || kind == Kind::Map) return number_value(static_cast<long long>(container.size()));
        if (kind == Kind::String) return number_value(static_cast<long long>(utf8_length(container.Scalar())));
    }
    if (kind == Kind::Array && container.size() > 0 && (name == "first" || name == "last"))
        return container[name == "first" ? 0 : container.size() - 1];
    return {};
}

// True when member(container, key, command) finds something there (a key whose value is nil
// included): what Liquid's strict_variables asks.
bool has_member(const YAML::Node& container, const YAML::Node& key, bool command) {
    if (!key.IsDefined() || !key.IsScalar()) return false;
    const Kind kind = kind_of(container);
    if (kind == Kind::Map && container[to_text(key)].IsDefined()) return true;
    if (kind == Kind::Array && kind_of(key) == Kind::Number) {
        const auto size = static_cast<long long>(container.size());
        long long i = static_cast<long long>(std::clamp(number_of(key), double(-kMaxInteger), double(kMaxInteger)));
        if (i < 0) i += size;
        if (i >= 0 && i < size) return true;
    }
    if (!command) return false;
    const std::string& name = key.Scalar();
    if (name == "size") return kind == Kind::Array || kind == Kind::Map || kind == Kind::String;
    return kind == Kind::Array && container.size() > 0 && (name == "first" || name == "last");
}

// ------------------------------------------------------------------------- urls and dates

bool has_scheme(std::string_view url) {
    std::size_t i = 0;
    auto scheme_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'; };
    while (i < url.size() && scheme_char(url[i])) ++i;
    return i > 0 && std::isalpha(static_cast<unsigned char>(url[0])) && i < url.size() && url[i] == ':';
}

std::string with_leading_slash(std::string_view s) {
    return s.empty() || s[0] == '/' ? std::string(s) : "/" + std::string(s);
}

// Jekyll's relative_url: baseurl (less one trailing slash) + path, each with a leading slash;
// absolute URLs pass unchanged.
// One UTF-8 character at text[i]: its code point (U+FFFD for a broken byte) and its length.
std::pair<char32_t, std::size_t> utf8_at(std::string_view text, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > text.size()) return {0xFFFD, 1};
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        const unsigned char t = static_cast<unsigned char>(text[i + k]);
        if ((t >> 6) != 2) return {0xFFFD, 1};
        cp = (cp << 6) | (t & 0x3F);
    }
    return {cp, n};
}

// Ruby's String#downcase for the scripts academic sites write in: ASCII, Latin-1, Latin
// Extended-A, Greek and Cyrillic capitals; other characters stay as they are.
char32_t lower_char(char32_t c) {
    if (c < 0x80) return static_cast<char32_t>(std::tolower(static_cast<int>(c)));
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) || (c >= 0x410 && c <= 0x42F)) return c + 0x20;
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    if (c == 0x178) return 0xFF;
    if (c == 0x130) return 'i';
    const bool even_pairs = (c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177);
    const bool odd_pairs = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if ((even_pairs && c % 2 == 0) || (odd_pairs && c % 2 == 1)) return c + 1;
    return c;
}

// What Ruby's \p{L}, \p{M} and \p{Nd} take in, for slugify: ASCII letters and digits, and every
// other character except the Latin-1 signs, the general and CJK punctuation blocks, and the
// broken byte (an approximation of Unicode's tables that holds for letters in any script).
bool is_word_char(char32_t c) {
    if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0;
    if (c <= 0xBF || c == 0xD7 || c == 0xF7 || c == 0xFFFD) return false;
    return !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F);
}

// I18n.transliterate (Jekyll's slugify "latin"): Latin-1 and Latin Extended-A letters without
// their accents, everything else outside ASCII as "?".
std::string transliterate(std::string_view text) {
    static const char* const kLatin1[64] = {
        "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
        "D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "Th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "?", "o", "u", "u", "u", "u", "y", "th", "y"};
    // U+0100..U+017F, two letters a code point apart (capital, small) where Latin pairs them.
    static const char* const kExtendedA =
        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKkkLlLlLlLlLlNnNnNn???OoOoOo??RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto [c, n] = utf8_at(text, i);
        i += n;
        if (c < 0x80) out += static_cast<char>(c);
        else if (c >= 0xC0 && c <= 0xFF) out += kLatin1[c - 0xC0];
        else if (c == 0x132 || c == 0x133) out += c == 0x132 ? "IJ" : "ij";
        else if (c == 0x14A || c == 0x14B) out += c == 0x14A ? "NG" : "ng";
        else if (c == 0x152 || c == 0x153) out += c == 0x152 ? "OE" : "oe";
        else if (c == 0x149) out += "'n";
        else if (c >= 0x100 && c <= 0x17F) out += kExtendedA[c - 0x100];
        else out += '?';
    }
    return out;
}

// Jekyll's slugify with its modes: "raw" turns runs of spaces into "-", "default" (and "latin",
// after transliterate) runs of what is not a letter, mark or digit, "pretty" the same but keeps
// ._~!$&'()+,;=@, "ascii" keeps only A-Z a-z 0-9; then a leading and a trailing "-" go, and the
// result is downcased. Any other mode ("none") only downcases.
std::string jekyll_slugify(std::string_view input, const std::string& mode) {
    const std::string latin = mode == "latin" ? transliterate(input) : std::string();
    const std::string_view text = mode == "latin" ? std::string_view(latin) : input;
    const bool known = mode == "raw" || mode == "default" || mode == "pretty" || mode == "ascii" || mode == "latin";
    auto replaced = [&](char32_t c) {
        if (mode == "raw") return c < 0x80 && std::isspace(static_cast<int>(c)) != 0;
        if (mode == "ascii") return !(c < 0x80 && std::isalnum(static_cast<int>(c)));
        if (mode == "pretty" && c < 0x80 && std::strchr("._~!$&'()+,;=@", static_cast<int>(c)) && c != 0) return false;
        return !is_word_char(c);
    };
    std::string out;
    bool run = false;
    for (std::size_t i = 0; i < text.size();) {
        const auto [c, n] = utf8_at(text, i);
        if (known && replaced(c)) {
            if (!run) out += '-';
            run = true;
        } else {
            append_utf8(out, lower_char(c));
            run = false;
        }
        i += n;
    }
    if (!known) return out;
    if (!out.empty() && out.front() == '-') out.erase(0, 1);
    if (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

// Ruby's \p{Han}, \p{Hiragana}, \p{Katakana} and \p{Hangul}, by their main blocks.
bool is_cjk(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x2FFFF) || (c >= 0x3040 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF) ||
           (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) || c == 0x3005 || c == 0x3007;
}

// Jekyll's xml_escape (Ruby's encode(xml: :attr)): & < > " and ' as XML's named entities, so
// escape_html's table with "&apos;" for the apostrophe where HTML has "&#39;".
std::string xml_escape(std::string_view text) {
    static const ByteEscaper kXml = ByteEscaper(html_escaper()).set('\'', "&apos;");
    return kXml(text);
}

// Jekyll's smartify (kramdown's SmartyPants parser): straight quotes become curly ones, -- and ---
// en and em dashes, ... an ellipsis, as characters; HTML tags pass untouched. A quote opens at
// the start, after a space, an opening bracket, a dash or a tag; otherwise it closes (an
// apostrophe inside a word is a closing single quote, as in SmartyPants).
std::string smartify(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool opening = true;  // what the character before allows: start of text, space, (, [, {, -, a tag
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '<') {
            const std::size_t end = text.find('>', i);
            if (end != std::string_view::npos) {
                out.append(text.substr(i, end + 1 - i));
                i = end + 1;
                opening = true;
                continue;
            }
        }
        if (text.compare(i, 3, "---") == 0) {
            out += "\u2014";
            i += 3;
            opening = true;
        } else if (text.compare(i, 2, "--") == 0) {
            out += "\u2013";
            i += 2;
            opening = true;
        } else if (text.compare(i, 3, "...") == 0) {
            out += "\u2026";
            i += 3;
            opening = false;
        } else if (c == '"' || c == '\'') {
            out += c == '"' ? (opening ? "\u201c" : "\u201d") : (opening ? "\u2018" : "\u2019");
            ++i;
            // after an opening quote, another quote opens too ("'nested')
        } else {
            out += c;
            opening = std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == '[' || c == '{' || c == '-';
            ++i;
        }
    }
    return out;
}

std::string relative_url(std::string_view path, std::string_view baseurl) {
    if (has_scheme(path)) return std::string(path);
    if (!baseurl.empty() && baseurl.back() == '/') baseurl.remove_suffix(1);
    return with_leading_slash(baseurl) + with_leading_slash(path);
}

struct DateTime {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    int offset = 0;    // minutes east of UTC, when the text gave a zone
    std::string zone;  // "UTC" when the text named it; "" otherwise (%Z is then unknown)
    bool has_zone = false;
};

// Howard Hinnant's days_from_civil: days since 1970-01-01.
long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// Howard Hinnant's civil_from_days: the date and time of a number of seconds since 1970 (UTC).
DateTime from_epoch(long long seconds) {
    long long days = seconds / 86400, rest = seconds % 86400;
    if (rest < 0) rest += 86400, --days;
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const long long doe = days - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    DateTime t;
    t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    t.year = static_cast<int>(yoe + era * 400 + (t.month <= 2));
    t.hour = static_cast<int>(rest / 3600);
    t.minute = static_cast<int>(rest / 60 % 60);
    t.second = static_cast<int>(rest % 60);
    return t;
}

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

// "2024-05-01", "2024-05-01 10:20", "2024-05-01T10:20:30Z", "2024-05-01 10:20:30 +0100": the
// forms Jekyll front matter and site.time take. The zone is ignored (the time is shown as written).
std::optional<DateTime> parse_date(std::string_view s) {
    s = trim(s);
    auto number = [&](std::size_t at, std::size_t width, int& out) {
        if (at + width > s.size()) return false;
        out = 0;
        for (std::size_t i = at; i < at + width; ++i) {
            if (!is_digit(s[i])) return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    auto char_at = [&](std::size_t i) { return i < s.size() ? s[i] : '\0'; };
    DateTime t;
    static constexpr std::string_view kMonthNames = "JanFebMarAprMayJunJulAugSepOctNovDec";
    // Ruby's Time#to_s and asctime: "Fri Jul 16 01:00:00 2004".
    if (s.size() == 24 && s[3] == ' ' && s[7] == ' ' && s[10] == ' ' && s[19] == ' ') {
        const std::size_t m = kMonthNames.find(s.substr(4, 3));
        int d1 = 0;
        if (m != npos && m % 3 == 0 && (number(8, 2, t.day) || (s[8] == ' ' && number(9, 1, d1) && (t.day = d1, true))) &&
            number(11, 2, t.hour) && number(14, 2, t.minute) && number(17, 2, t.second) && number(20, 4, t.year)) {
            t.month = static_cast<int>(m / 3) + 1;
            if (t.day >= 1 && t.day <= days_in_month(t.year, t.month)) return t;
        }
        return std::nullopt;
    }
    if (!number(0, 4, t.year) || char_at(4) != '-' || !number(5, 2, t.month) || char_at(7) != '-' ||
        !number(8, 2, t.day))
        return std::nullopt;
    if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > days_in_month(t.year, t.month)) return std::nullopt;
    std::size_t at = 10;
    if ((char_at(10) == ' ' || char_at(10) == 'T') && number(11, 2, t.hour) && char_at(13) == ':' &&
        number(14, 2, t.minute)) {
        at = 16;
        if (char_at(16) == ':') {
            if (!number(17, 2, t.second)) return std::nullopt;
            at = 19;
            while (char_at(at) == '.' || is_digit(char_at(at))) ++at;  // fractions of a second
        }
        if (t.hour > 23 || t.minute > 59 || t.second > 60) return std::nullopt;
    }
    // The zone: Z, UTC, GMT, +hhmm, +hh:mm.
    while (char_at(at) == ' ') ++at;
    const std::string_view zone = s.substr(std::min(at, s.size()));
    int hh = 0, mm = 0;
    if (zone == "Z" || zone == "UTC" || zone == "GMT") {
        t.has_zone = true;
        t.zone = "UTC";
    } else if ((zone.size() == 5 || zone.size() == 6) && (zone[0] == '+' || zone[0] == '-') && number(at + 1, 2, hh) &&
               number(at + zone.size() - 2, 2, mm) && (zone.size() == 5 || zone[3] == ':')) {
        t.has_zone = true;
        t.offset = (zone[0] == '-' ? -1 : 1) * (hh * 60 + mm);
    }
    return t;
}

// Ruby's strftime; `unsupported` gets the first conversion it does not know (written out as
// is, as Ruby does with unknown ones). Flags: - (no padding), _ (blanks), 0 (zeros), ^ (upper case).
std::string format_date(const DateTime& t, std::string_view format, std::string& unsupported) {
    static constexpr std::string_view kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};
    static constexpr std::string_view kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    const long days = days_from_civil(t.year, t.month, t.day);
    const int weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
    const int yearday = static_cast<int>(days - days_from_civil(t.year, 1, 1) + 1);
    // ISO 8601 week: the week with the year's first Thursday is week 1.
    auto iso = [&](int& iso_year) {
        const int wday = (weekday + 6) % 7;  // Monday 0
        const long thursday = days - wday + 3;
        long y_days;
        iso_year = t.year;
        if (thursday < days_from_civil(t.year, 1, 1)) iso_year = t.year - 1;
        else if (thursday >= days_from_civil(t.year + 1, 1, 1)) iso_year = t.year + 1;
        y_days = days_from_civil(iso_year, 1, 1);
        return static_cast<int>((thursday - y_days) / 7 + 1);
    };
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%' || i + 1 == format.size()) {
            out += format[i];
            continue;
        }
        std::size_t j = i + 1;
        char flag = 0;
        bool upper = false;
        while (j < format.size() && (format[j] == '-' || format[j] == '_' || format[j] == '0' || format[j] == '^' || format[j] == '#')) {
            if (format[j] == '^') upper = true;
            else if (format[j] != '#') flag = format[j];
            ++j;
        }
        bool colon = false;
        if (j < format.size() && format[j] == ':') colon = true, ++j;
        if (j == format.size()) {
            out += format.substr(i);
            break;
        }
        auto num = [&](long v, std::size_t width, char fill = '0') {
            std::string s = std::to_string(v < 0 ? -v : v);
            const char f = flag == '_' ? ' ' : flag == '0' ? '0' : fill;
            if (flag != '-' && s.size() < width) s.insert(0, width - s.size(), f);
            out += (v < 0 ? "-" : "") + s;
        };
        auto text = [&](std::string_view s) {
            std::string x(s);
            if (upper)
                for (char& c : x) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            out += x;
        };
        std::string scratch;
        auto sub = [&](std::string_view f) {
            std::string ignored;
            out += format_date(t, f, ignored);
        };
        int iso_year = 0;
        switch (format[j]) {
        case 'Y': num(t.year, flag ? 4 : 1); break;
        case 'C': num(t.year / 100, 2); break;
        case 'y': num(t.year % 100, 2); break;
        case 'm': num(t.month, 2); break;
        case 'd': num(t.day, 2); break;
        case 'e': num(t.day, 2, ' '); break;
        case 'j': num(yearday, 3); break;
        case 'H': num(t.hour, 2); break;
        case 'k': num(t.hour, 2, ' '); break;
        case 'I': num((t.hour + 11) % 12 + 1, 2); break;
        case 'l': num((t.hour + 11) % 12 + 1, 2, ' '); break;
        case 'M': num(t.minute, 2); break;
        case 'S': num(t.second, 2); break;
        case 'L': num(0, 3); break;
        case 'N': num(0, 9); break;
        case 'p': text(t.hour < 12 ? "AM" : "PM"); break;
        case 'P': text(t.hour < 12 ? "am" : "pm"); break;
        case 'b':
        case 'h': text(kMonths[t.month - 1].substr(0, 3)); break;
        case 'B': text(kMonths[t.month - 1]); break;
        case 'a': text(kDays[weekday].substr(0, 3)); break;
        case 'A': text(kDays[weekday]); break;
        case 'w': num(weekday, 1); break;
        case 'u': num(weekday == 0 ? 7 : weekday, 1); break;
        case 'U': num((yearday + 6 - weekday) / 7, 2); break;
        case 'W': num((yearday + 6 - (weekday + 6) % 7) / 7, 2); break;
        case 'V': num(iso(iso_year), 2); break;
        case 'G': iso(iso_year), num(iso_year, 1); break;
        case 'g': iso(iso_year), num(iso_year % 100, 2); break;
        case 's': num(static_cast<long>(days) * 86400 + t.hour * 3600 + t.minute * 60 + t.second - t.offset * 60L, 1); break;
        case 'z': {
            if (!t.has_zone && unsupported.empty()) unsupported = std::string(format.substr(i, j - i + 1));
            const int off = t.offset < 0 ? -t.offset : t.offset;
            out += t.offset < 0 ? '-' : '+';
            num(off / 60, 2);
            if (colon) out += ':';
            num(off % 60, 2);
            break;
        }
        case 'Z':
            if (!t.has_zone || t.zone.empty()) {
                if (unsupported.empty()) unsupported = std::string(format.substr(i, j - i + 1));
                out += format.substr(i, j - i + 1);
            } else {
                text(t.zone);
            }
            break;
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'F': sub("%Y-%m-%d"); break;
        case 'D':
        case 'x': sub("%m/%d/%y"); break;
        case 'T':
        case 'X': sub("%H:%M:%S"); break;
        case 'R': sub("%H:%M"); break;
        case 'r': sub("%I:%M:%S %p"); break;
        case 'c': sub("%a %b %e %H:%M:%S %Y"); break;
        case 'v': sub("%e-%^b-%Y"); break;
        case '+': sub("%a %b %e %H:%M:%S %Z %Y"); break;
        case '%': out += '%'; break;
        default:
            if (unsupported.empty()) unsupported = std::string(format.substr(i, j - i + 1));
            out += format.substr(i, j - i + 1);
        }
        i = j;
    }
    return out;
}

// -------------------------------------------------------------------- expression parser

enum class Tok {
    Name, String, Number, Dot, DotDot, LBracket, RBracket, LParen, RParen, Pipe, Colon, Comma, Compare, Equals, End, Bad
};

struct ExprToken {
    Tok kind;
    std::string text;
};

std::vector<ExprToken> lex_expression(std::string_view s) {
    std::vector<ExprToken> out;
    std::size_t i = 0;
    auto digit_at = [&](std::size_t k) { return k < s.size() && is_digit(s[k]); };
    auto next = [&] { return i + 1 < s.size() ? s[i + 1] : '\0'; };
    while (true) {
        while (i < s.size() && is_space(s[i])) ++i;
        if (i >= s.size()) break;
        const char c = s[i];
        const std::size_t start = i;
        if (c == '"' || c == '\'') {
            const std::size_t close = s.find(c, i + 1);
            if (close == npos) {
                out.push_back({Tok::Bad, "a string without its closing quote"});
                break;
            }
            out.push_back({Tok::String, std::string(s.substr(i + 1, close - i - 1))});
            i = close + 1;
        } else if (digit_at(i) || (c == '-' && digit_at(i + 1))) {
            ++i;
            while (digit_at(i)) ++i;
            if (i < s.size() && s[i] == '.' && digit_at(i + 1)) {
                ++i;
                while (digit_at(i)) ++i;
            }
            out.push_back({Tok::Number, std::string(s.substr(start, i - start))});
        } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            while (i < s.size() && (is_name_char(s[i]) || s[i] == '-')) ++i;
            if (i < s.size() && s[i] == '?') ++i;
            out.push_back({Tok::Name, std::string(s.substr(start, i - start))});
        } else if ((c == '=' || c == '!') && next() == '=') {
            out.push_back({Tok::Compare, std::string(s.substr(i, 2))});
            i += 2;
        } else if (c == '<' && next() == '>') {
            out.push_back({Tok::Compare, "!="});
            i += 2;
        } else if (c == '<' || c == '>') {
            const bool or_equal = next() == '=';
            out.push_back({Tok::Compare, std::string(s.substr(i, or_equal ? 2 : 1))});
            i += or_equal ? 2 : 1;
        } else if (c == '.' && next() == '.') {
            out.push_back({Tok::DotDot, ".."});
            i += 2;
        } else {
            static constexpr std::pair<char, Tok> kSingle[] = {
                {'.', Tok::Dot},      {'[', Tok::LBracket}, {']', Tok::RBracket}, {'(', Tok::LParen}, {')', Tok::RParen},
                {'|', Tok::Pipe},     {':', Tok::Colon},    {',', Tok::Comma},    {'=', Tok::Equals},
            };
            const auto* single = std::find_if(std::begin(kSingle), std::end(kSingle), [&](auto& p) { return p.first == c; });
            if (single == std::end(kSingle)) {
                out.push_back({Tok::Bad, quote(std::string(1, c))});
                break;
            }
            out.push_back({single->second, std::string(1, c)});
            ++i;
        }
    }
    out.push_back({Tok::End, ""});
    return out;
}

// Recursive descent over one tag's or output's expression tokens. On failure error() says why.
class ExprParser {
public:
    // strict: Liquid's strict modes, which refuse what lax Liquid reads (a bare [key]).
    explicit ExprParser(std::string_view text, bool strict = false) : tokens_(lex_expression(text)), strict_(strict) {}

    const std::string& error() const { return error_; }
    bool peek_is(Tok kind, std::size_t ahead = 0) const {
        return pos_ + ahead < tokens_.size() && tokens_[pos_ + ahead].kind == kind;
    }
    // What was read leniently (as Liquid's lax mode does) though it is not well formed.
    const std::string& lax_note() const { return lax_note_; }
    bool at_end() const { return peek().kind == Tok::End; }

    bool accept(Tok kind) {
        if (peek().kind != kind || kind == Tok::End) return false;
        ++pos_;
        return true;
    }

    bool accept_word(std::string_view word) {
        if (peek().kind != Tok::Name || peek().text != word) return false;
        ++pos_;
        return true;
    }

    // True when every token was used; else the error names the first one left.
    bool finish() {
        if (at_end() && error_.empty()) return true;
        fail();
        return false;
    }

    void skip() {
        if (!at_end()) ++pos_;
    }

    std::optional<std::string> name() {
        if (peek().kind != Tok::Name) return fail(), std::nullopt;
        return tokens_[pos_++].text;
    }

    std::optional<Expr> expression(int depth = 0) {
        if (depth > kMaxLiquidDepth) {
            error_ = "expression nested too deeply";
            return std::nullopt;
        }
        const ExprToken& t = peek();
        Expr e;
        if (t.kind == Tok::String || t.kind == Tok::Number) {
            e.literal.reset(t.kind == Tok::String ? string_value(t.text) : YAML::Node(t.text));
            ++pos_;
            return e;
        }
        if (t.kind == Tok::LParen) {
            const std::size_t open = ++pos_;
            auto from = expression(depth + 1);
            if (from && peek().kind != Tok::DotDot && !strict_) {
                // Lax Liquid reads `(a | f)` as `a | f`: the '(' is no part of a variable's name
                // and the ')' is left over (academicpages' tag-list.html writes such an assign).
                if (lax_note_.empty()) lax_note_ = "'(' without a range";
                lax_paren_ = true;
                pos_ = open;
                return expression(depth + 1);
            }
            if (!from || !expect(Tok::DotDot)) return std::nullopt;
            auto to = expression(depth + 1);
            if (!to || !expect(Tok::RParen)) return std::nullopt;
            e.kind = Expr::Kind::Range;
            e.from = std::make_shared<Expr>(std::move(*from));
            e.to = std::make_shared<Expr>(std::move(*to));
            return e;
        }
        if (t.kind == Tok::LBracket && !strict_) {  // [key]: the variable named by key (self[key]), lax only
            e.kind = Expr::Kind::Variable;
            e.name = "self";
            if (!lookups(e, depth)) return std::nullopt;
            return e;
        }
        if (t.kind != Tok::Name) return fail(), std::nullopt;
        ++pos_;
        if (t.text == "true" || t.text == "false") {
            e.literal.reset(YAML::Node(t.text == "true"));
        } else if (t.text == "nil" || t.text == "null") {
            // e.literal stays null
        } else if ((t.text == "empty" || t.text == "blank") && peek().kind != Tok::Dot && peek().kind != Tok::LBracket) {
            e.kind = t.text == "empty" ? Expr::Kind::Empty : Expr::Kind::Blank;
        } else {
            e.kind = Expr::Kind::Variable;
            e.name = t.text;
            if (!lookups(e, depth)) return std::nullopt;
        }
        return e;
    }

    std::optional<Filtered> filtered() {
        auto value = expression();
        if (!value) return std::nullopt;
        Filtered f{std::move(*value), {}};
        while (accept(Tok::Pipe)) {
            // Lax, as Liquid: `a || upcase` and a trailing `|` have no filter between the pipes.
            if (peek().kind == Tok::Pipe || peek().kind == Tok::End) {
                if (lax_note_.empty()) lax_note_ = peek().kind == Tok::End ? "unexpected end" : "unexpected '|'";
                continue;
            }
            auto name_ = name();
            if (!name_) return std::nullopt;
            Filter filter{*name_, {}, {}};
            if (accept(Tok::Colon)) {
                do {
                    // `upcase:` and `append: "x",` end their arguments early, as lax Liquid reads them.
                    if (peek().kind == Tok::Pipe || peek().kind == Tok::End) break;
                    if (peek().kind == Tok::Name && tokens_[pos_ + 1].kind == Tok::Colon) {
                        std::string key = tokens_[pos_].text;
                        pos_ += 2;
                        auto arg = expression();
                        if (!arg) return std::nullopt;
                        filter.options.emplace_back(std::move(key), std::move(*arg));
                        continue;
                    }
                    auto arg = expression();
                    if (!arg) return std::nullopt;
                    // After a lax '(' (above), lax Liquid reads "0)" as one fragment: the variable
                    // "0", which is nil (a name keeps its value).
                    if (lax_paren_ && accept(Tok::RParen) && arg->kind == Expr::Kind::Literal) *arg = Expr{};
                    filter.args.push_back(std::move(*arg));
                } while (accept(Tok::Comma));
            }
            f.filters.push_back(std::move(filter));
        }
        return f;
    }

    std::optional<Condition> condition() {
        Condition c;
        while (true) {
            auto left = expression();
            if (!left) return std::nullopt;
            Comparison cmp{std::move(*left), "", std::nullopt};
            if (peek().kind == Tok::Compare || (peek().kind == Tok::Name && peek().text == "contains")) {
                cmp.op = tokens_[pos_++].text;
                auto right = expression();
                if (!right) return std::nullopt;
                cmp.right.emplace(std::move(*right));
            }
            c.terms.push_back(std::move(cmp));
            if (accept_word("and")) c.ors.push_back(false);
            else if (accept_word("or")) c.ors.push_back(true);
            else return c;
        }
    }

private:
    const ExprToken& peek() const { return tokens_[pos_]; }

    void fail() {
        if (!error_.empty()) return;
        const ExprToken& t = peek();
        if (t.kind == Tok::End) error_ = "unexpected end";
        else if (t.kind == Tok::Bad) error_ = "unexpected " + t.text;
        else error_ = "unexpected " + quote(t.kind == Tok::String ? "\"" + t.text + "\"" : t.text);
    }

    bool expect(Tok kind) {
        if (accept(kind)) return true;
        fail();
        return false;
    }

    // .key, .0 and [expression] after a variable's name.
    bool lookups(Expr& e, int depth) {
        while (true) {
            if (accept(Tok::Dot)) {
                if (peek().kind != Tok::Name && peek().kind != Tok::Number) return fail(), false;
                e.lookups.push_back({tokens_[pos_++].text, nullptr});
            } else if (accept(Tok::LBracket)) {
                auto index = expression(depth + 1);
                if (!index || !expect(Tok::RBracket)) return false;
                e.lookups.push_back({"", std::make_shared<Expr>(std::move(*index))});
            } else {
                return true;
            }
        }
    }

    std::vector<ExprToken> tokens_;
    std::size_t pos_ = 0;
    std::string error_;
    std::string lax_note_;
    bool lax_paren_ = false;  // a '(' that starts no range was skipped
    bool strict_ = false;
};

// -------------------------------------------------------------------------------- parser

bool is_closer(const std::string& name) {
    return (starts_with(name, "end") && name.size() > 3) || name == "else" || name == "elsif" || name == "when";
}

bool is_block(const std::string& name) {
    return name == "if" || name == "unless" || name == "for" || name == "capture" || name == "case" || name == "tablerow" ||
           name == "ifchanged" || name == "highlight";
}

// Whether closer (endif, else, elsif) belongs to an open block named block.
bool closes(const std::string& block, const std::string& closer) {
    if (closer == "end" + block) return true;
    if (closer == "else") return block == "if" || block == "unless" || block == "for" || block == "case";
    if (closer == "when") return block == "case";
    if (closer == "elsif") return block == "if" || block == "unless";
    return false;
}

// Tokens -> tree. A tag with a problem is reported and left out of the tree, and a block takes
// its whole body with it, so nothing of it renders.
class Parser {
public:
    Parser(const std::vector<Token>& tokens, Problems& problems, bool strict = false)
        : tokens_(tokens), problems_(problems), end_of_(tokens.size(), npos), strict_(strict) {
        // Each {% x %} paired with its {% endx %} in one pass, so skipping an unsupported or too
        // deep block is a jump, whatever the nesting.
        std::map<std::string, std::vector<std::size_t>> open;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const std::string& name = tokens[i].name;
            if (tokens[i].kind != TokenKind::Tag || name.empty()) continue;
            if (starts_with(name, "end")) {
                auto& stack = open[name.substr(3)];
                if (!stack.empty()) {
                    end_of_[stack.back()] = i;
                    stack.pop_back();
                }
            } else if (!is_closer(name)) {
                open[name].push_back(i);
            }
        }
    }

    Body parse() { return body(0, {}); }

private:
    // Nodes up to a tag in stops (consumed; stopped_ points at it), a tag that closes an
    // enclosing block (left for it; stopped_ null) or the end of the tokens (stopped_ null).
    Body body(int depth, const std::vector<std::string>& stops) {
        Body nodes;
        while (pos_ < tokens_.size()) {
            const Token& t = tokens_[pos_];
            if (t.kind == TokenKind::Text) {
                nodes.push_back(Node{t.line, TextNode{t.text}});
                ++pos_;
            } else if (t.kind == TokenKind::Output) {
                output(t, nodes);
                ++pos_;
            } else if (std::find(stops.begin(), stops.end(), t.name) != stops.end()) {
                stopped_ = &t;
                ++pos_;
                return nodes;
            } else if (is_closer(t.name)) {
                if (std::any_of(open_.begin(), open_.end(), [&](const std::string& b) { return closes(b, t.name); })) break;
                problems_.add(t.line, "unexpected '{% " + t.name + " %}'");
                ++pos_;
            } else {
                tag(depth, nodes);
            }
        }
        stopped_ = nullptr;
        return nodes;
    }

    void tag(int depth, Body& out) {
        const Token& t = tokens_[pos_];
        if (is_block(t.name) && depth >= kMaxLiquidDepth) {
            problems_.add(t.line, "blocks nested more than " + std::to_string(kMaxLiquidDepth) + " deep");
            pos_ = end_of_[pos_] == npos ? tokens_.size() : end_of_[pos_] + 1;
            return;
        }
        if (t.name == "if" || t.name == "unless") return if_block(depth, out);
        if (t.name == "for") return for_block(depth, out);
        if (t.name == "capture") return capture_block(depth, out);
        if (t.name == "assign") return assign_tag(out);
        if (t.name == "include" || t.name == "render" || t.name == "include_relative") return include_tag(out);
        if (t.name == "link" || t.name == "post_url") return link_tag(out);
        if (t.name == "highlight") return highlight_block(depth, out);
        if (t.name == "case") return case_block(depth, out);
        if (t.name == "tablerow") return for_block(depth, out);
        if (t.name == "ifchanged") return ifchanged_block(depth, out);
        if (t.name == "cycle") return cycle_tag(out);
        if (t.name == "increment" || t.name == "decrement") return counter_tag(out);
        if (t.name == "break" || t.name == "continue") {
            out.push_back(Node{t.line, InterruptNode{t.name == "break"}});
            return void(++pos_);
        }
        if (t.name == "echo") {
            output(t, out);
            return void(++pos_);
        }
        problems_.add(t.line, t.name.empty() ? "a tag without a name" : "unsupported tag " + quote(t.name));
        // An unsupported block goes with its body: {% highlight %}...{% endhighlight %}.
        pos_ = end_of_[pos_] == npos ? pos_ + 1 : end_of_[pos_] + 1;
    }

    // Liquid's blank blocks: when every body of a block holds only blanks and tags that print
    // nothing (assign, capture, blocks like it), the blanks go too, so that
    // `{% if x %}\n  {% assign y = 1 %}\n{% endif %}` prints nothing, as in Jekyll.
    static bool is_blank_node(const Node& node) {
        if (const auto* text = std::get_if<TextNode>(&node.what)) return trim(text->text).empty();
        if (std::holds_alternative<AssignNode>(node.what) || std::holds_alternative<CaptureNode>(node.what)) return true;
        if (const auto* i = std::get_if<IfNode>(&node.what)) {
            for (const Branch& b : i->branches)
                if (!is_blank_body(b.body)) return false;
            return is_blank_body(i->otherwise);
        }
        if (const auto* f = std::get_if<ForNode>(&node.what)) return !f->table && is_blank_body(f->body) && is_blank_body(f->otherwise);
        if (const auto* c = std::get_if<CaseNode>(&node.what)) {
            for (const CaseBlock& b : c->blocks)
                if (!is_blank_body(b.body)) return false;
            return true;
        }
        return false;
    }

    static bool is_blank_body(const Body& body) { return std::all_of(body.begin(), body.end(), is_blank_node); }

    static void drop_blank_text(const std::vector<Body*>& bodies) {
        for (const Body* body : bodies)
            if (!is_blank_body(*body)) return;
        // Rebuilt, not erased in place: moving a node onto another assigns its YAML literals,
        // which yaml-cpp would write through (the trap at the top of the file).
        for (Body* body : bodies) {
            Body kept;
            for (Node& n : *body)
                if (!std::holds_alternative<TextNode>(n.what)) kept.push_back(std::move(n));
            body->swap(kept);
        }
    }

    void syntax_error(const Token& t, const std::string& why) {
        const std::string where = t.kind == TokenKind::Output ? "{{ " + t.text + " }}" : "{% " + t.name + " %}";
        problems_.add(t.line, "syntax error in " + where + ": " + why);
    }

    // Unknown filters and wrong argument counts are found here, once, not on every loop pass.
    bool filters_known(const Filtered& f, const Token& t) {
        bool ok = true;
        for (const Filter& filter : f.filters) {
            const FilterSpec* spec = find_filter(filter.name);
            if (!spec) {
                problems_.add(t.line, "unknown filter " + quote(filter.name));
                ok = false;
            } else if (filter.args.size() < spec->min_args || filter.args.size() > spec->max_args) {
                problems_.add(t.line, "filter " + quote(filter.name) + " takes " +
                                          (spec->min_args == spec->max_args ? "" : "at most ") +
                                          std::to_string(spec->max_args) + " argument(s)");
                ok = false;
            }
        }
        return ok;
    }

    void output(const Token& t, Body& out) {
        if (t.text.empty()) return;  // {{ }} renders nothing, as in Liquid
        ExprParser p(t.text, strict_);
        auto value = p.filtered();
        if (!value) return syntax_error(t, p.error());
        // What follows a whole expression is reported and ignored, as Liquid's lax mode (Jekyll's) does.
        if (!p.finish()) syntax_error(t, p.error() + " (ignored, as Liquid's lax mode does)");
        if (!p.lax_note().empty()) syntax_error(t, p.lax_note() + " (read as Liquid's lax mode reads it)");
        if (filters_known(*value, t)) out.push_back(Node{t.line, OutputNode{std::move(*value)}});
    }

    std::optional<Condition> condition_of(const Token& t) {
        ExprParser p(t.text, strict_);
        auto c = p.condition();
        if (!c || !p.finish()) {
            syntax_error(t, p.error());
            return std::nullopt;
        }
        return c;
    }

    // After {% else %}: the body up to end; a second else (which Liquid never renders) is
    // reported and dropped.
    Body else_body(int depth, const std::string& end) {
        Body nodes = body(depth + 1, {end, "else", "elsif"});
        while (stopped_ && stopped_->name != end) {
            problems_.add(stopped_->line, "'{% " + stopped_->name + " %}' after '{% else %}'");
            body(depth + 1, {end, "else", "elsif"});
        }
        return nodes;
    }

    // Whether the block opened by t ended with its end tag; reports it when not.
    bool closed(const Token& t) {
        const std::string end = "end" + t.name;
        if (stopped_ && stopped_->name == end) return true;
        problems_.add(t.line, "'{% " + t.name + " %}' is not closed by '{% " + end + " %}'");
        return false;
    }

    void if_block(int depth, Body& out) {
        const Token& t = tokens_[pos_++];
        const std::string end = "end" + t.name;
        open_.push_back(t.name);
        IfNode node;
        bool ok = true;
        const Token* head = &t;
        do {
            std::optional<Condition> condition = condition_of(*head);
            Body nodes = body(depth + 1, {"elsif", "else", end});
            ok = ok && condition;
            const bool negate = head == &t && t.name == "unless";
            if (condition) node.branches.push_back(Branch{std::move(*condition), negate, std::move(nodes)});
            head = stopped_;
        } while (head && head->name == "elsif");
        if (head && head->name == "else") node.otherwise = else_body(depth, end);
        open_.pop_back();
        if (!closed(t) || !ok) return;
        std::vector<Body*> bodies{&node.otherwise};
        for (Branch& b : node.branches) bodies.push_back(&b.body);
        drop_blank_text(bodies);
        out.push_back(Node{t.line, std::move(node)});
    }

    // for VAR in COLLECTION [reversed] [limit: N] [offset: N]
    std::optional<ForNode> for_head(const Token& t) {
        ExprParser p(t.text, strict_);
        ForNode loop;
        auto var = p.name();
        if (!var || !p.accept_word("in")) {
            syntax_error(t, "expected 'NAME in COLLECTION'");
            return std::nullopt;
        }
        auto collection = p.expression();
        if (!collection) return syntax_error(t, p.error()), std::nullopt;
        loop.var = *var;
        loop.collection = std::move(*collection);
        while (!p.at_end()) {
            p.accept(Tok::Comma);
            // `for x in list | sort`: lax Liquid reads the collection and then only `key: value`
            // attributes, so the filters are ignored (academicpages' group-by-array has one).
            if (!strict_ && p.peek_is(Tok::Pipe)) {
                syntax_error(t, "a filter after the collection (ignored, as Liquid's lax mode does)");
                while (!p.at_end() && !(p.peek_is(Tok::Name) && p.peek_is(Tok::Colon, 1))) p.skip();
                continue;
            }
            if (p.accept_word("reversed")) {
                loop.reversed = true;
                continue;
            }
            std::optional<Expr>* option = p.accept_word("limit")    ? &loop.limit
                                          : p.accept_word("offset") ? &loop.offset
                                          : p.accept_word("cols")   ? &loop.cols
                                                                    : nullptr;
            // Another `name: value` is ignored (and reported), as Liquid does.
            if (!option && p.peek_is(Tok::Name) && p.peek_is(Tok::Colon, 1)) {
                const std::string attribute = *p.name();
                p.accept(Tok::Colon);
                if (!p.expression()) return syntax_error(t, p.error()), std::nullopt;
                syntax_error(t, "unknown attribute " + quote(attribute) + " (ignored, as Liquid does)");
                continue;
            }
            std::optional<Expr> value;
            if (option == &loop.offset && p.accept(Tok::Colon) && p.accept_word("continue")) {
                loop.offset_continue = true;
                continue;
            }
            if (option && (option == &loop.offset || p.accept(Tok::Colon))) value = p.expression();
            if (!value) {
                p.finish();
                return syntax_error(t, p.error().empty() ? "expected 'limit: N' or 'offset: N'" : p.error()), std::nullopt;
            }
            option->emplace(std::move(*value));
        }
        return loop;
    }

    void for_block(int depth, Body& out) {
        const Token& t = tokens_[pos_++];
        const std::string end = "end" + t.name;
        open_.push_back(t.name);
        std::optional<ForNode> loop = for_head(t);
        if (loop) loop->table = t.name == "tablerow";
        Body nodes = body(depth + 1, {"else", end});
        Body otherwise;
        if (stopped_ && stopped_->name == "else") otherwise = else_body(depth, end);
        open_.pop_back();
        if (!closed(t) || !loop) return;
        loop->body = std::move(nodes);
        loop->otherwise = std::move(otherwise);
        if (!loop->table) drop_blank_text({&loop->body, &loop->otherwise});
        out.push_back(Node{t.line, std::move(*loop)});
    }

    void capture_block(int depth, Body& out) {
        const Token& t = tokens_[pos_++];
        ExprParser p(t.text, strict_);
        std::optional<std::string> var;
        if (auto e = p.expression(); e && p.finish()) {
            if (e->kind == Expr::Kind::Variable && e->lookups.empty()) var = e->name;
            else if (e->kind == Expr::Kind::Literal && kind_of(e->literal) == Kind::String) var = e->literal.Scalar();
        }
        if (!var) syntax_error(t, p.error().empty() ? "expected a variable name" : p.error());
        open_.push_back("capture");
        Body nodes = body(depth + 1, {"endcapture"});
        open_.pop_back();
        if (closed(t) && var) out.push_back(Node{t.line, CaptureNode{*var, std::move(nodes)}});
    }

    // {% link PATH %}, {% post_url NAME %}: the argument is a path, read as written.
    void link_tag(Body& out) {
        const Token& t = tokens_[pos_++];
        const std::string target(trim(t.text));
        if (target.empty()) return syntax_error(t, "expected a path after " + quote(t.name));
        out.push_back(Node{t.line, LinkNode{t.name == "post_url", target}});
    }

    // {% highlight LANG [linenos] %}: Jekyll takes a language made of word characters, + and -.
    void highlight_block(int depth, Body& out) {
        const Token& t = tokens_[pos_++];
        const std::string_view args = trim(t.text);
        std::string lang(args.substr(0, std::min(args.size(), args.find_first_of(" \t\r\n"))));
        const bool valid = !lang.empty() && std::all_of(lang.begin(), lang.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '+' || c == '-';
        });
        if (!valid) syntax_error(t, "expected a language after 'highlight'");
        open_.push_back("highlight");
        Body nodes = body(depth + 1, {"endhighlight"});
        open_.pop_back();
        if (closed(t) && valid) out.push_back(Node{t.line, HighlightNode{lang, std::move(nodes)}});
    }

    void assign_tag(Body& out) {
        const Token& t = tokens_[pos_++];
        ExprParser p(t.text, strict_);
        auto var = p.name();
        if (!var || !p.accept(Tok::Equals)) return syntax_error(t, "expected 'NAME = VALUE'");
        auto value = p.filtered();
        if (!value) return syntax_error(t, p.error());
        if (!p.finish()) syntax_error(t, p.error() + " (ignored, as Liquid's lax mode does)");
        if (filters_known(*value, t)) out.push_back(Node{t.line, AssignNode{*var, std::move(*value)}});
    }

    // case VALUE, then when A[, B | or B] and else, in any order: every when that matches
    // renders (as Liquid), else when none before it did.
    void case_block(int depth, Body& out) {
        const Token& t = tokens_[pos_++];
        ExprParser p(t.text, strict_);
        auto subject = p.expression();
        const bool ok = subject.has_value();
        if (!ok) syntax_error(t, p.error());
        else if (!p.finish()) syntax_error(t, p.error() + " (ignored, as Liquid's lax mode does)");
        open_.push_back("case");
        CaseNode node{ok ? std::move(*subject) : Expr{}, {}};
        // Text before the first when is dropped, as Liquid does.
        body(depth + 1, {"when", "else", "endcase"});
        bool when_ok = true;
        while (stopped_ && stopped_->name != "endcase") {
            const Token& head = *stopped_;
            CaseBlock block;
            block.is_else = head.name == "else";
            if (!block.is_else) {
                ExprParser w(head.text, strict_);
                do {
                    auto value = w.expression();
                    if (!value) break;
                    block.values.push_back(std::move(*value));
                } while (w.accept(Tok::Comma) || w.accept_word("or"));
                if (block.values.empty()) syntax_error(head, w.error()), when_ok = false;
                else if (!w.finish()) syntax_error(head, w.error() + " (ignored, as Liquid's lax mode does)");
            }
            block.body = body(depth + 1, {"when", "else", "endcase"});
            node.blocks.push_back(std::move(block));
        }
        open_.pop_back();
        if (!closed(t) || !ok || !when_ok) return;
        std::vector<Body*> bodies;
        for (CaseBlock& b : node.blocks) bodies.push_back(&b.body);
        drop_blank_text(bodies);
        out.push_back(Node{t.line, std::move(node)});
    }

    void ifchanged_block(int depth, Body& out) {
        const Token& t = tokens_[pos_++];
        open_.push_back("ifchanged");
        Body nodes = body(depth + 1, {"endifchanged"});
        open_.pop_back();
        if (closed(t)) out.push_back(Node{t.line, IfChangedNode{std::move(nodes)}});
    }

    // cycle [GROUP:] A, B, C, read as Liquid's lax mode reads it: the first fragment of each
    // comma-separated part (so `'a' 'b', 'c'` is a, c); what else a part holds is reported.
    void cycle_tag(Body& out) {
        const Token& t = tokens_[pos_++];
        std::string_view rest = trim(t.text);
        CycleNode node;
        bool extra = false;
        // The first fragment of s: a quoted string, or a run up to a blank, comma or quote.
        auto fragment = [](std::string_view s) {
            if (s.empty()) return s;
            if (s[0] == '"' || s[0] == '\'') {
                const std::size_t close = s.find(s[0], 1);
                return close == npos ? s.substr(0, 0) : s.substr(0, close + 1);
            }
            std::size_t n = 0;
            while (n < s.size() && !is_space(s[n]) && s[n] != ',' && s[n] != '"' && s[n] != '\'' && s[n] != ':') ++n;
            return s.substr(0, n);
        };
        auto parse = [&](std::string_view text) -> std::optional<Expr> {
            ExprParser p(text, strict_);
            auto e = p.expression();
            if (!e || !p.finish()) return std::nullopt;
            return e;
        };
        const std::string_view first = fragment(rest);
        if (std::string_view after = trim_start(rest.substr(first.size())); !first.empty() && !after.empty() && after[0] == ':') {
            if (auto group = parse(first)) node.group.emplace(std::move(*group));
            rest = trim(after.substr(1));
        }
        std::size_t start = 0;
        char quote_char = 0;
        for (std::size_t i = 0; i <= rest.size(); ++i) {
            if (i < rest.size() && quote_char) {
                if (rest[i] == quote_char) quote_char = 0;
                continue;
            }
            if (i < rest.size() && (rest[i] == '"' || rest[i] == '\'')) {
                quote_char = rest[i];
                continue;
            }
            if (i < rest.size() && rest[i] != ',') continue;
            const std::string_view part = trim(rest.substr(start, i - start));
            start = i + 1;
            const std::string_view f = fragment(part);
            if (f.size() != part.size()) extra = true;
            if (f.empty()) continue;
            if (auto e = parse(f)) node.values.push_back(std::move(*e));
            else extra = true;
        }
        if (node.values.empty()) return syntax_error(t, "expected the values to cycle through");
        if (extra) syntax_error(t, "unexpected text (ignored, as Liquid's lax mode does)");
        // Cycles over the same literal values share their place; one over variables has its own.
        for (const Expr& e : node.values) {
            if (e.kind != Expr::Kind::Literal) {
                node.key = "tag\x1f" + std::to_string(pos_) + "\x1f" + std::to_string(++cycles_made_);
                break;
            }
            node.key += to_text(e.literal) + "\x1f";
        }
        out.push_back(Node{t.line, std::move(node)});
    }

    void counter_tag(Body& out) {
        const Token& t = tokens_[pos_++];
        ExprParser p(t.text, strict_);
        auto var = p.name();
        if (!var || !p.finish()) return syntax_error(t, "expected a variable name");
        out.push_back(Node{t.line, CounterNode{*var, t.name == "increment"}});
    }

    // include NAME [key=value ...] (Jekyll), include 'name' [with X | for X] [as Y][, key: value ...]
    // (Liquid); render 'name' likewise, in a scope of its own. A bare NAME is a file name
    // (archive-single.html, base_path, toc) first, as in Jekyll; when there is no such file
    // and a variable NAME holds a name, that one (Liquid's dynamic include).
    void include_tag(Body& out) {
        const Token& t = tokens_[pos_++];
        std::string_view args = trim(t.text);
        IncludeNode node;
        node.isolated = t.name == "render";
        node.relative = t.name == "include_relative";
        std::size_t name_end;
        if (!args.empty() && (args[0] == '"' || args[0] == '\'')) {
            name_end = args.find(args[0], 1);
            if (name_end == npos) return syntax_error(t, "a string without its closing quote");
            node.name = std::string(args.substr(1, name_end - 1));
            node.quoted = true;
            ++name_end;
        } else {
            name_end = std::min(args.size(), args.find_first_of(" \t\r\n\f\v,"));
            node.name = std::string(args.substr(0, name_end));
            if (node.name.empty()) return syntax_error(t, "expected the name of the file to include");
            if (node.name.find('{') != std::string::npos)
                return problems_.add(t.line, "unsupported: an include whose name is a variable");
            if (node.isolated) return syntax_error(t, "the name of a rendered file must be quoted");
        }
        ExprParser p(args.substr(name_end), strict_);
        if (p.accept_word("with") || (p.accept_word("for") && (node.is_for = true))) {
            auto value = p.expression();
            if (!value) return syntax_error(t, p.error());
            node.with = std::move(*value);
        }
        if (p.accept_word("as")) {
            auto alias = p.name();
            if (!alias) return syntax_error(t, "expected a name after 'as'");
            node.alias = *alias;
        }
        while (!p.at_end()) {
            p.accept(Tok::Comma);
            auto key = p.name();
            const bool jekyll = key && p.accept(Tok::Equals);
            if (!key || (!jekyll && !p.accept(Tok::Colon))) return syntax_error(t, "expected 'key=value' or 'key: value'");
            auto value = p.expression();
            if (!value) return syntax_error(t, p.error());
            (jekyll ? node.params : node.locals).emplace_back(*key, std::move(*value));
        }
        out.push_back(Node{t.line, std::move(node)});
    }

    const std::vector<Token>& tokens_;
    Problems& problems_;
    std::vector<std::size_t> end_of_;  // index of the tag's {% end... %}, or npos
    std::vector<std::string> open_;    // the blocks being parsed, outermost first
    std::size_t pos_ = 0;
    const Token* stopped_ = nullptr;   // the stop tag that ended the last body()
    std::size_t cycles_made_ = 0;
    bool strict_ = false;
};

// -------------------------------------------------------------------------------- renderer

// The counters Liquid's forloop and tablerowloop both hold, for pass k (from 0) of count.
void set_loop_counters(YAML::Node& loop, long long k, long long count) {
    loop["index"] = k + 1;
    loop["index0"] = k;
    loop["rindex"] = count - k;
    loop["rindex0"] = count - k - 1;
    loop["first"] = k == 0;
    loop["last"] = k == count - 1;
    loop["length"] = count;
}

// A YAML::Node that assigns as a handle (rebinding it), never writing into the node it held:
// what std::sort, std::reverse and vector::insert need (see the trap at the top of the file).
struct Handle {
    YAML::Node node;
    Handle(const YAML::Node& n) : node(n) {}  // NOLINT: converts, as a node is one
    Handle(const Handle& other) : node(other.node) {}
    Handle& operator=(const Handle& other) {
        node.reset(other.node);
        return *this;
    }
    operator const YAML::Node&() const { return node; }  // NOLINT
};

using Scope = std::map<std::string, YAML::Node>;

void set_local(Scope& scope, const std::string& name, const YAML::Node& value) {
    auto [it, inserted] = scope.emplace(name, value);
    if (!inserted) it->second.reset(value);
}

}  // namespace

struct LiquidCache::Impl {
    struct Entry {
        std::shared_ptr<const Body> tree;
        std::vector<LiquidProblem> problems;  // of lexing and parsing it
    };
    std::unordered_map<std::string, Entry> entries;  // key: the strict flag, then the text
    std::size_t text_bytes = 0;
};

LiquidCache::LiquidCache() : impl_(std::make_unique<Impl>()) {}
LiquidCache::~LiquidCache() = default;
std::size_t LiquidCache::size() const { return impl_->entries.size(); }

namespace {

// text lexed and parsed, or taken from cache when it has it; the problems of lexing and parsing
// go to found (the same ones each time).
std::shared_ptr<const Body> parsed(std::string_view text, bool strict, LiquidCache* cache, std::vector<LiquidProblem>& found) {
    auto parse = [&](std::vector<LiquidProblem>& into) {
        Problems report(into);
        return std::make_shared<const Body>(Parser(lex(text, report), report, strict).parse());
    };
    if (!cache || text.size() > kMaxLiquidCachedText) return parse(found);
    LiquidCache::Impl& c = cache->impl();
    std::string key(1, strict ? 's' : 'l');
    key += text;
    auto it = c.entries.find(key);
    if (it == c.entries.end()) {
        if (c.text_bytes + text.size() > kMaxLiquidCacheText) {
            c.entries.clear();
            c.text_bytes = 0;
        }
        LiquidCache::Impl::Entry e;
        e.tree = parse(e.problems);
        c.text_bytes += text.size();
        it = c.entries.emplace(std::move(key), std::move(e)).first;
    }
    found.insert(found.end(), it->second.problems.begin(), it->second.problems.end());
    return it->second.tree;
}

class Renderer {
public:
    Renderer(const LiquidContext& context, Problems& problems) : context_(context), problems_(problems) {}
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;
    // The caller's variables are left as they were given: the arena's key goes (its nodes stay
    // in the variables' memory until the caller lets the variables go).
    ~Renderer() {
        if (made_arena_key_) YAML::Node(context_.vars).remove(kArenaKey);
    }

    // A limit ends rendering: the top-level construct that reached it renders nothing, nor does
    // anything after it (the page is hostile or broken; its start is still worth showing).
    void render_top(const Body& body, std::string& out) {
        for (const Node& node : body) {
            const std::size_t mark = out.size();
            try {
                render(node, out);
            } catch (const LimitReached& stop) {
                out.resize(mark);
                problems_.add(stop.line, stop.message);
                return;
            }
            if (interrupt_ != Interrupt::None) return;  // break or continue outside a loop ends the text, as Liquid
        }
    }

private:
    // A body stops at {% break %} or {% continue %}: the loop around it takes the interrupt.
    void render(const Body& body, std::string& out) {
        for (const Node& node : body) {
            render(node, out);
            if (interrupt_ != Interrupt::None) return;
        }
    }

    static std::string ruby_class_of(Kind kind) {
        switch (kind) {
        case Kind::Nil: return "NilClass";
        case Kind::Bool: return "TrueClass";
        case Kind::Number: return "Integer";
        case Kind::String: return "String";
        case Kind::Array: return "Array";
        case Kind::Map: return "Hash";
        }
        return "Object";
    }

    // Liquid's class names, for error messages that read as Liquid's.
    static std::string ruby_class(const YAML::Node& n) {
        switch (kind_of(n)) {
        case Kind::Nil: return "NilClass";
        case Kind::Bool: return truthy(n) ? "TrueClass" : "FalseClass";
        case Kind::Number: return is_float_text(n.Scalar()) ? "Float" : "Integer";
        case Kind::String: return "String";
        case Kind::Array: return "Array";
        case Kind::Map: return "Hash";
        }
        return "Object";
    }

    void render(const Node& node, std::string& out) {
        try {
            render_node(node, out);
        } catch (const RenderError& e) {
            problems_.add(node.line, e.message);
            if (context_.inline_errors)
                emit(out, e.at_line ? "Liquid error (" + (partial_name_.empty() ? "" : partial_name_ + " ") + "line " +
                                          std::to_string(node.line) + "): " + inline_message(e.message)
                                    : "Liquid error: " + e.message,
                     node.line);
        }
    }

    // The part of a message Liquid itself would print (folio's own wording comes before ": ").
    static std::string inline_message(const std::string& message) {
        const std::size_t at = message.find(": comparison of ");
        return at == std::string::npos ? message : message.substr(at + 2);
    }

    void render_node(const Node& node, std::string& out) {
        const int line = node.line;
        charge(kNodeWork, line);
        if (const auto* text = std::get_if<TextNode>(&node.what)) {
            emit(out, text->text, line);
        } else if (const auto* output = std::get_if<OutputNode>(&node.what)) {
            // Not HTML-escaped: Liquid does not escape, and Jekyll pages rely on writing HTML
            // through variables; `| escape` is there when text must be escaped.
            const YAML::Node value = evaluate(output->value, line);
            charge(kItemWork * items_in(value), line);
            emit(out, to_text(value), line);
        } else if (const auto* branches = std::get_if<IfNode>(&node.what)) {
            for (const Branch& branch : branches->branches)
                if (test(branch.condition, line) != branch.negate) return render(branch.body, out);
            render(branches->otherwise, out);
        } else if (const auto* loop = std::get_if<ForNode>(&node.what)) {
            render_for(*loop, line, out);
        } else if (const auto* assign = std::get_if<AssignNode>(&node.what)) {
            // assign and capture set the outermost scope, as in Liquid: they outlive the loop they are in.
            set_local(scopes_.front(), assign->var, evaluate(assign->value, line));
        } else if (const auto* capture = std::get_if<CaptureNode>(&node.what)) {
            std::string captured;
            render(capture->body, captured);
            set_local(scopes_.front(), capture->var, string_value(std::move(captured)));
        } else if (const auto* include = std::get_if<IncludeNode>(&node.what)) {
            render_include(*include, line, out);
        } else if (const auto* c = std::get_if<CaseNode>(&node.what)) {
            render_case(*c, line, out);
        } else if (const auto* cycle = std::get_if<CycleNode>(&node.what)) {
            std::string key = cycle->key;
            if (cycle->group) key = "group\x1f" + to_text(evaluate(*cycle->group, line));
            std::size_t& at = cycles_[key];
            emit(out, to_text(evaluate(cycle->values[at % cycle->values.size()], line)), line);
            at = (at + 1) % cycle->values.size();
        } else if (const auto* counter = std::get_if<CounterNode>(&node.what)) {
            // increment shows the value, then adds one; decrement subtracts one, then shows it.
            auto [it, fresh] = counters_.emplace(counter->var, 0);
            if (counter->up) emit(out, std::to_string(it->second++), line);
            else emit(out, std::to_string(--it->second), line);
        } else if (const auto* interrupt = std::get_if<InterruptNode>(&node.what)) {
            interrupt_ = interrupt->is_break ? Interrupt::Break : Interrupt::Continue;
        } else if (const auto* changed = std::get_if<IfChangedNode>(&node.what)) {
            std::string text;
            render(changed->body, text);
            if (!last_ifchanged_ || *last_ifchanged_ != text) emit(out, text, line);
            last_ifchanged_ = std::move(text);
        } else if (const auto* link = std::get_if<LinkNode>(&node.what)) {
            render_link(*link, line, out);
        } else if (const auto* code = std::get_if<HighlightNode>(&node.what)) {
            render_highlight(*code, line, out);
        }
    }

    void render_link(const LinkNode& link, int line, std::string& out) {
        const auto& find = link.post ? context_.post_url : context_.link;
        const char* tag = link.post ? "post_url" : "link";
        if (!find) return problems_.add(line, "unsupported tag " + quote(tag) + " (no site to look in)");
        const std::optional<std::string> url = find(link.target);
        if (!url) return problems_.add(line, std::string(tag) + ": the site has no " + quote(link.target));
        emit(out, relative_url(*url, site_text("baseurl")), line);
    }

    // As Jekyll's highlight without Rouge's colours: the body (Liquid first) without its leading
    // and trailing line breaks, escaped as Rouge escapes (&, <, >), in Jekyll's figure/pre/code.
    void render_highlight(const HighlightNode& code, int line, std::string& out) {
        std::string text;
        render(code.body, text);
        const std::size_t first = text.find_first_not_of("\r\n");
        text = first == npos ? std::string() : text.substr(first, text.find_last_not_of("\r\n") - first + 1);
        std::string escaped;
        for (char c : text) {
            if (c == '&') escaped += "&amp;";
            else if (c == '<') escaped += "&lt;";
            else if (c == '>') escaped += "&gt;";
            else escaped += c;
        }
        std::string lang = code.lang;
        std::replace(lang.begin(), lang.end(), '+', '-');
        emit(out, "<figure class=\"highlight\"><pre><code class=\"language-" + lang + "\" data-lang=\"" + code.lang + "\">", line);
        emit(out, escaped, line);
        emit(out, "</code></pre></figure>", line);
    }

    void charge(std::size_t work, int line) {
        work_ += work;
        if (work_ > kMaxWork) throw LimitReached{line, "too much Liquid work (loops or filters over very large values)"};
    }

    void emit(std::string& out, std::string_view s, int line) {
        charge(s.size(), line);
        if (out.size() + s.size() > kMaxLiquidOutput)
            throw LimitReached{line, "Liquid output larger than " + std::to_string(kMaxLiquidOutput) + " bytes"};
        out += s;
    }

    // A string a filter is about to make: refused when larger than any page may be.
    void check_size(std::size_t size, int line) {
        if (size > kMaxLiquidOutput)
            throw LimitReached{line, "a filter made a value larger than " + std::to_string(kMaxLiquidOutput) + " bytes"};
        charge(size, line);
    }

    // True when name is a local, a counter or one of the given variables (nil ones included).
    bool has_variable(const std::string& name) const {
        for (const Scope& scope : scopes_)
            if (scope.count(name)) return true;
        if (counters_.count(name)) return true;
        const YAML::Node& vars = context_.vars;
        return vars.IsMap() && vars[name].IsDefined();
    }

    YAML::Node variable(const std::string& name) const {
        for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope)
            if (auto it = scope->find(name); it != scope->end()) return it->second;
        if (auto it = counters_.find(name); it != counters_.end()) return number_value(it->second);
        return member(context_.vars, string_value(name), false);
    }

    // A for loop's forloop: the node that stands for it holds its id (an index in loop_states_)
    // under kForloopTag; evaluate answers forloop.index and the rest from the state, and makes the
    // whole map only where forloop is used as a value of its own.
    static constexpr const char* kForloopTag = "!folio-forloop";
    static constexpr const char* kArenaKey = " folio arena";  // a space: no Liquid variable name
    static constexpr std::size_t kNoLoop = static_cast<std::size_t>(-1);
    struct LoopState {
        std::string name;
        long long k = 0, count = 0;  // this pass (0-based) and the number of passes
        std::size_t parent = kNoLoop;
        YAML::Node node;  // the node that stands for the loop
    };

    // The loop n stands for, or kNoLoop when n is not a forloop node (a value from the site's
    // data that carries the same tag and text is not taken for one: it is not the same node).
    std::size_t forloop_id(const YAML::Node& n) const {
        if (!n.IsScalar() || n.Tag() != kForloopTag) return kNoLoop;
        const std::string& text = n.Scalar();
        if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return kNoLoop;
        const std::size_t id = std::stoull(text);
        return id < loop_states_.size() && n.is(loop_states_[id].node) ? id : kNoLoop;
    }

    // forloop.KEY of loop id, as Liquid's forloop drop answers it (nil for an unknown key).
    YAML::Node forloop_member(std::size_t id, const YAML::Node& key) {
        const LoopState& l = loop_states_[id];
        if (!key.IsScalar()) return YAML::Node();
        const std::string& k = key.Scalar();
        if (k == "index") return number_value(l.k + 1);
        if (k == "index0") return number_value(l.k);
        if (k == "rindex") return number_value(l.count - l.k);
        if (k == "rindex0") return number_value(l.count - l.k - 1);
        if (k == "first") return YAML::Node(l.k == 0);
        if (k == "last") return YAML::Node(l.k == l.count - 1);
        if (k == "length") return number_value(l.count);
        if (k == "name") return string_value(l.name);
        if (k == "parentloop") return l.parent == kNoLoop ? YAML::Node() : loop_states_[l.parent].node;
        return YAML::Node();
    }

    // forloop as a map of its own (printed, passed to a filter, assigned): its state now.
    YAML::Node forloop_map(std::size_t id, int depth = 0) {
        const LoopState& l = loop_states_[id];
        YAML::Node map = fresh(YAML::NodeType::Map);
        map["name"] = string_value(l.name);
        set_loop_counters(map, l.k, l.count);
        if (l.parent != kNoLoop && depth < kMaxLiquidDepth) map["parentloop"] = forloop_map(l.parent, depth + 1);
        return map;
    }

    // A scalar in the arena (see fresh).
    YAML::Node fresh_scalar(const std::string& text) {
        fresh(YAML::NodeType::Null);  // makes the arena when there is none yet
        YAML::Node n(text);
        arena_["slot"] = n;
        return n;
    }

    // A new list or map in the same yaml-cpp memory as the page's variables. Putting a node of
    // the site's data into a node made apart copies the whole memory's node set (yaml-cpp
    // merges memories on assignment): once per include or list filter that made a loop over
    // N items cost N * N. Made here, a node shares the memory and nothing is copied.
    //
    // The arena is a map kept under a key of the variables themselves that no Liquid name can
    // spell, so it is in their memory from the start; making a new map and putting the variables
    // in it instead copied their whole node set once a render (17,000 nodes for a site of 1,000
    // publications: a seventh of the listing page's time).
    YAML::Node fresh(YAML::NodeType::value type) {
        if (!arena_.IsDefined() || arena_.IsNull()) {
            YAML::Node vars = context_.vars;  // a handle: the same tree, the same memory
            if (vars.IsMap()) {
                if (!vars[kArenaKey].IsMap()) {
                    vars[kArenaKey] = YAML::Node(YAML::NodeType::Map);
                    made_arena_key_ = true;
                }
                arena_.reset(vars[kArenaKey]);
            } else {
                arena_.reset(YAML::Node(YAML::NodeType::Map));
                arena_["vars"] = context_.vars;
            }
        }
        YAML::Node n(type);
        arena_["slot"] = n;  // the arena's memory takes in n's; n now lives there
        return n;
    }

    // A loop's name, as Liquid's: "item-products", "i-(1..3)".
    static std::string expr_text(const Expr& e) {
        if (e.kind == Expr::Kind::Range) return "(" + expr_text(*e.from) + ".." + expr_text(*e.to) + ")";
        if (e.kind == Expr::Kind::Literal) return to_text(e.literal);
        std::string s = e.name;
        for (const Lookup& step : e.lookups) s += step.index ? "[" + expr_text(*step.index) + "]" : "." + step.key;
        return s;
    }

    void render_case(const CaseNode& c, int line, std::string& out) {
        const YAML::Node subject = evaluate(c.subject, line);
        bool matched = false;
        for (const CaseBlock& block : c.blocks) {
            if (block.is_else) {
                if (!matched) render(block.body, out);
                continue;
            }
            for (const Expr& value : block.values) {
                const bool equal = value.kind == Expr::Kind::Empty ? is_empty(subject)
                                   : value.kind == Expr::Kind::Blank ? is_blank(subject)
                                                                     : same_value(subject, evaluate(value, line));
                if (equal) {
                    matched = true;
                    render(block.body, out);
                    break;
                }
            }
            if (interrupt_ != Interrupt::None) return;
        }
    }

    std::string site_text(const char* key) const { return to_text(member(variable("site"), string_value(key), false)); }

    YAML::Node evaluate(const Expr& e, int line) {
        if (e.kind == Expr::Kind::Literal) return e.literal;
        if (e.kind == Expr::Kind::Range) return range_value(e, line);
        if (e.kind != Expr::Kind::Variable) return {};  // `empty` and `blank` only mean something in ==
        charge(kNodeWork + kKeyWork * items_in(context_.vars), line);
        YAML::Node value = variable(e.name);
        if (context_.strict_variables && e.name != "self" && !has_variable(e.name)) throw RenderError{"undefined variable " + e.name};
        auto step_at = e.lookups.begin();
        // self['name'] is the variable name (Liquid's context as a value), unless self is one.
        if (e.name == "self" && kind_of(value) == Kind::Nil && step_at != e.lookups.end()) {
            const YAML::Node key = step_at->index ? evaluate(*step_at->index, line) : YAML::Node(step_at->key);
            value.reset(kind_of(key) == Kind::String || kind_of(key) == Kind::Number ? variable(key.Scalar()) : YAML::Node());
            ++step_at;
        }
        for (; step_at != e.lookups.end(); ++step_at) {
            const Lookup& step = *step_at;
            charge(kNodeWork + kKeyWork * items_in(value), line);
            if (const std::size_t loop = forloop_id(value); loop != kNoLoop) {
                value.reset(forloop_member(loop, step.index ? evaluate(*step.index, line) : YAML::Node(step.key)));
                continue;
            }
            const YAML::Node key = step.index ? evaluate(*step.index, line) : YAML::Node(step.key);
            const YAML::Node next = member(value, key, !step.index);
            if (context_.strict_variables && !has_member(value, key, !step.index))
                throw RenderError{"undefined variable " + (key.IsScalar() ? key.Scalar() : std::string("[...]"))};
            value.reset(next);
        }
        if (const std::size_t loop = forloop_id(value); loop != kNoLoop) return forloop_map(loop);
        return value;
    }

    // (a..b) outside a for: a list of its numbers (tagged so that it prints as "a..b").
    std::pair<long long, long long> range_ends(const Expr& e, int line) {
        auto end = [&](const Expr& x) {
            const YAML::Node v = evaluate(x, line);
            const Kind kind = kind_of(v);
            if (kind == Kind::Number || kind == Kind::Nil) return to_number(v).is_float ? static_cast<long long>(to_number(v).f) : to_number(v).i;
            if (kind == Kind::String) return leading_integer(v.Scalar());
            throw RenderError{"invalid integer"};
        };
        const long long from = std::clamp(end(*e.from), -kMaxInteger, kMaxInteger);
        const long long to = std::clamp(end(*e.to), -kMaxInteger, kMaxInteger);
        return {from, to};
    }

    YAML::Node range_value(const Expr& e, int line) {
        const auto [from, to] = range_ends(e, line);
        YAML::Node list(YAML::NodeType::Sequence);
        list.SetTag("!range");
        if (to - from + 1 > kMaxLiquidLoopIterations) throw LimitReached{line, "a range of more than " + std::to_string(kMaxLiquidLoopIterations) + " numbers"};
        for (long long i = from; i <= to; ++i) list.push_back(i);
        charge(kItemWork * list.size(), line);
        return list;
    }

    YAML::Node evaluate(const Filtered& f, int line) {
        YAML::Node value = evaluate(f.value, line);
        for (const Filter& filter : f.filters) {
            const YAML::Node next = apply(filter, value, line);
            value.reset(next);
        }
        return value;
    }

    // Comparisons joined right to left, as Liquid; all are evaluated (there are no side effects)
    // so a long chain needs no recursion.
    bool test(const Condition& c, int line) {
        bool result = compare(c.terms.back(), line);
        for (std::size_t i = c.terms.size() - 1; i-- > 0;) {
            const bool term = compare(c.terms[i], line);
            result = c.ors[i] ? term || result : term && result;
        }
        return result;
    }

    bool compare(const Comparison& c, int line) {
        charge(kNodeWork, line);
        auto special = [](const Expr& e) { return e.kind == Expr::Kind::Empty || e.kind == Expr::Kind::Blank; };
        if (!c.right) return special(c.left) || truthy(evaluate(c.left, line));
        const Expr& r = *c.right;
        if (special(c.left) || special(r)) {
            const Expr& keyword = special(c.left) ? c.left : r;
            const Expr& other = special(c.left) ? r : c.left;
            if (special(other)) return c.op == "==" ? other.kind == keyword.kind : c.op == "!=" && other.kind != keyword.kind;
            const YAML::Node value = evaluate(other, line);
            const bool match = keyword.kind == Expr::Kind::Empty ? is_empty(value) : is_blank(value);
            return c.op == "==" ? match : c.op == "!=" ? !match : false;
        }
        const YAML::Node left = evaluate(c.left, line);
        const YAML::Node right = evaluate(r, line);
        charge(scalar_size(left) + scalar_size(right) + kItemWork * (items_in(left) + items_in(right)), line);
        if (c.op == "==") return same_value(left, right);
        if (c.op == "!=") return !same_value(left, right);
        if (c.op == "contains") return contains(left, right);
        const Kind a = kind_of(left), b = kind_of(right);
        int order = 0;
        if (a == Kind::Number && b == Kind::Number) {
            const double x = number_of(left), y = number_of(right);
            order = x < y ? -1 : x > y ? 1 : 0;
        } else if (a == Kind::String && b == Kind::String) {
            order = left.Scalar().compare(right.Scalar());
        } else {
            // Liquid is silent about nil, booleans and lists (they have no order), and raises
            // "comparison of String with Integer failed" for a string against a number.
            if ((a == Kind::Number && b == Kind::String) || (a == Kind::String && b == Kind::Number))
                throw RenderError{std::string("cannot compare ") + kind_name(a) + " with " + kind_name(b) + ": comparison of " +
                                  ruby_class(left) + " with " + ruby_class(right) + " failed"};
            return false;
        }
        if (c.op == "<") return order < 0;
        if (c.op == ">") return order > 0;
        if (c.op == "<=") return order <= 0;
        return order >= 0;
    }

    // A failure Liquid raises while rendering (divided by 0, an invalid integer): reported with
    // its line; the output or assign it was part of is dropped (see render), and with
    // inline_errors its message takes the output's place, as Liquid's render_errors.
    struct RenderError : Error {
        explicit RenderError(std::string what_failed, bool with_line = true)
            : Error(what_failed), message(std::move(what_failed)), at_line(with_line) {}
        std::string message;
        bool at_line = true;  // Liquid writes a missing file's and a too deep nesting's errors without their line
    };

    YAML::Node apply(const Filter& f, const YAML::Node& input, int line) {
        charge(kNodeWork + scalar_size(input) + kItemWork * items_in(input), line);
        std::vector<YAML::Node> args;
        for (const Expr& arg : f.args) args.push_back(evaluate(arg, line));
        std::map<std::string, YAML::Node> options;
        for (const auto& [key, arg] : f.options) options[key] = evaluate(arg, line);
        const std::string& name = f.name;
        auto arg = [&](std::size_t i) { return i < args.size() ? args[i] : YAML::Node(); };
        const Kind kind = kind_of(input);
        if (name == "default") {
            const bool allow_false = options.count("allow_false") && truthy(options["allow_false"]);
            const bool use_default = kind == Kind::Nil || (kind == Kind::Bool && !truthy(input) && !allow_false) || is_empty(input);
            return use_default ? (args.empty() ? string_value("") : args[0]) : input;
        }
        if (name == "size") {
            if (kind == Kind::Array || kind == Kind::Map) return number_value(static_cast<long long>(input.size()));
            if (kind == Kind::Number && !is_float_text(input.Scalar())) return number_value(8);  // Ruby's Integer#size: its bytes
            return number_value(kind == Kind::String ? static_cast<long long>(utf8_length(input.Scalar())) : 0);
        }
        if (name == "first" || name == "last") {
            if (kind != Kind::Array || input.size() == 0) return {};
            return input[name == "first" ? 0 : input.size() - 1];
        }
        if (name == "markdownify") {
            if (!context_.markdownify) return input;  // no converter given: the text as is
            std::string html = context_.markdownify(kind == Kind::Nil ? std::string() : to_text(input));
            check_size(html.size(), line);
            return string_value(std::move(html));
        }
        if (name == "smartify") return made(smartify(kind == Kind::Nil ? std::string() : to_text(input)), line);
        if (name == "plus" || name == "minus" || name == "times" || name == "divided_by" || name == "modulo")
            return number_node(arithmetic(name, to_number(input), to_number(arg(0))));
        if (name == "abs" || name == "ceil" || name == "floor" || name == "round" || name == "at_least" || name == "at_most")
            return number_node(rounding(name, to_number(input), args));
        if (is_list_filter(name)) return list_filter(name, input, args, line);
        if (kind == Kind::Nil && (name == "escape" || name == "relative_url" || name == "absolute_url" || name == "date"))
            return input;
        if (name == "date") return date(input, to_text(args[0]), line);
        if (name == "jsonify") {
            std::string json;
            append_json(input, json, 0);
            check_size(json.size(), line);
            return string_value(std::move(json));
        }
        if (name == "inspect") {
            std::string text;
            append_inspect(input, text, 0);
            return made(xml_escape(text), line);  // Jekyll's inspect escapes what Ruby's inspect gives
        }
        if (name == "join" && kind == Kind::Array) {
            const std::string glue = args.empty() ? " " : to_text(args[0]);
            // Liquid's InputIterator flattens nested lists first (Ruby's Array#flatten), so
            // `site.posts | map: 'tags' | join: ','` is every tag (academicpages' group-by-array).
            std::string joined;
            bool first = true;
            const std::function<void(const YAML::Node&, int)> add = [&](const YAML::Node& list, int depth) {
                for (const YAML::Node& item : list) {
                    if (kind_of(item) == Kind::Array && depth < kMaxLiquidDepth) {
                        add(item, depth + 1);
                        continue;
                    }
                    const std::string text = (first ? "" : glue) + to_text(item);
                    first = false;
                    check_size(joined.size() + text.size(), line);
                    joined += text;
                }
            };
            add(input, 0);
            return made(std::move(joined), line);
        }
        // A list given to a string filter is Ruby's Array#to_s, ["a", "b"], as Liquid's filters see it.
        std::string text;
        if (kind == Kind::Array) append_inspect(input, text, 0);
        else text = to_text(input);
        check_size(text.size(), line);
        if (name == "join") return made(text, line);  // not a list: as Liquid, the value itself
        if (name == "escape" || name == "h") return made(escape_html(text), line);
        if (name == "xml_escape") return made(xml_escape(text), line);
        if (name == "relative_url") return made(relative_url(text, site_text("baseurl")), line);
        if (name == "absolute_url") {
            const std::string site_url = site_text("url");
            const std::string relative = relative_url(text, site_text("baseurl"));
            return made(site_url.empty() || has_scheme(text) ? relative : site_url + relative, line);
        }
        if (name == "append" || name == "prepend") {
            const std::string other = to_text(args[0]);
            check_size(text.size() + other.size(), line);
            return made(name == "append" ? text + other : other + text, line);
        }
        if (name == "replace" || name == "remove")
            return made(replace_all(text, to_text(arg(0)), name == "replace" ? to_text(arg(1)) : "", line), line);
        if (name == "replace_first" || name == "remove_first" || name == "replace_last" || name == "remove_last") {
            const std::string from = to_text(arg(0)), to = name[0] == 'r' && name[2] == 'p' ? to_text(arg(1)) : "";
            const bool last = name.find("last") != std::string::npos;
            const std::size_t at = last ? text.rfind(from) : text.find(from);
            if (at == std::string::npos) return made(text, line);
            return made(text.substr(0, at) + to + text.substr(at + from.size()), line);
        }
        if (name == "slugify") return made(jekyll_slugify(text, args.empty() || kind_of(args[0]) == Kind::Nil ? "default" : to_text(args[0])), line);
        if (name == "split") return split(text, to_text(arg(0)), line);
        if (name == "slice") return slice(input, text, args, line);
        std::optional<std::string> result = string_filter(name, text, args);
        // Jekyll's number_of_words gives an Integer: `words < 180` compares numbers.
        if (result && name == "number_of_words") return number_value(std::strtoll(result->c_str(), nullptr, 10));
        if (result) return made(std::move(*result), line);
        if (name == "date_to_xmlschema" || name == "date_to_rfc822" || name == "date_to_string" || name == "date_to_long_string")
            return jekyll_date(name, input, args, line);
        return input;  // not reached: the parser let only known filters through
    }

    static bool is_list_filter(const std::string& name) {
        static const std::set<std::string> kList = {"reverse", "sort", "sort_natural", "uniq", "compact", "map",
                                                    "where", "reject", "find", "find_index", "has", "concat",
                                                    "sum", "group_by", "flatten", "sample", "push", "pop", "shift",
                                                    "unshift", "array_to_sentence_string", "where_exp",
                                                    "find_exp", "group_by_exp"};
        return kList.count(name) != 0;
    }

    Number arithmetic(const std::string& op, Number a, Number b) {
        if (!a.is_float && !b.is_float) {
            const long long x = a.i, y = b.i;
            if (op == "plus") return int_number(x + y);
            if (op == "minus") return int_number(x - y);
            if (op == "times") return int_number(x * y);
            if (y == 0) throw RenderError{"divided by 0"};
            // Ruby's integer division and modulo round toward minus infinity.
            long long q = x / y, r = x % y;
            if (r != 0 && ((r < 0) != (y < 0))) --q, r += y;
            return int_number(op == "divided_by" ? q : r);
        }
        const double x = a.value(), y = b.value();
        if (op == "plus") return float_number(decimal_round(x + y));
        if (op == "minus") return float_number(decimal_round(x - y));
        if (op == "times") return float_number(decimal_round(x * y));
        // A float divided by 0 is Infinity (or NaN), as Ruby's Float.
        if (op == "divided_by") return float_number(x / y);
        double r = std::fmod(x, y);
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        return float_number(decimal_round(r));
    }

    Number rounding(const std::string& op, Number a, const std::vector<YAML::Node>& args) {
        if (op == "abs") return a.is_float ? float_number(std::fabs(a.f)) : int_number(a.i < 0 ? -a.i : a.i);
        if (op == "ceil") return int_number(static_cast<long long>(std::ceil(a.value())));
        if (op == "floor") return int_number(static_cast<long long>(std::floor(a.value())));
        if (op == "round") {
            const long long digits = args.empty() ? 0 : to_number(args[0]).is_float ? static_cast<long long>(to_number(args[0]).f) : to_number(args[0]).i;
            if (!a.is_float) return a;
            if (digits <= 0) return int_number(static_cast<long long>(std::round(a.f)));
            const double scale = std::pow(10.0, static_cast<double>(std::min(digits, 15LL)));
            return float_number(std::round(decimal_round(a.f * scale)) / scale);
        }
        const Number b = args.empty() ? int_number(0) : to_number(args[0]);
        const bool take_a = op == "at_least" ? a.value() >= b.value() : a.value() <= b.value();
        return take_a ? a : b;
    }

    YAML::Node split(const std::string& text, const std::string& by, int line) {
        YAML::Node list(YAML::NodeType::Sequence);
        std::vector<std::string> parts;
        if (by.empty()) {
            for (std::size_t i = 0; i < text.size();) {
                std::size_t n = 1;
                while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
                parts.push_back(text.substr(i, n));
                i += n;
            }
        } else if (by == " ") {
            // Ruby splits on runs of whitespace when the separator is one space.
            std::size_t i = 0;
            while (true) {
                while (i < text.size() && is_space(text[i])) ++i;
                if (i >= text.size()) break;
                std::size_t j = i;
                while (j < text.size() && !is_space(text[j])) ++j;
                parts.push_back(text.substr(i, j - i));
                i = j;
            }
        } else {
            std::size_t start = 0;
            for (std::size_t at = text.find(by); at != std::string::npos; at = text.find(by, start)) {
                parts.push_back(text.substr(start, at - start));
                start = at + by.size();
            }
            parts.push_back(text.substr(start));
            while (!parts.empty() && parts.back().empty()) parts.pop_back();  // as Ruby's split
        }
        charge(kItemWork * parts.size(), line);
        for (std::string& part : parts) list.push_back(string_value(std::move(part)));
        return list;
    }

    YAML::Node slice(const YAML::Node& input, const std::string& text, const std::vector<YAML::Node>& args, int line) {
        const Number start_n = to_number(args[0]);
        if (start_n.is_float || (kind_of(args[0]) != Kind::Number && !is_number_text(to_text(args[0]))))
            throw RenderError{"invalid integer"};
        long long start = start_n.i;
        long long length = 1;
        if (args.size() > 1) {
            if (kind_of(args[1]) != Kind::Number && !is_number_text(trim(to_text(args[1])))) throw RenderError{"invalid integer"};
            length = to_number(args[1]).is_float ? static_cast<long long>(to_number(args[1]).f) : to_number(args[1]).i;
        }
        const bool list = kind_of(input) == Kind::Array;
        const long long size = list ? static_cast<long long>(input.size()) : static_cast<long long>(utf8_length(text));
        if (start < 0) start += size;
        if (start < 0 || start > size || length < 0) return list ? YAML::Node(YAML::NodeType::Sequence) : string_value("");
        length = std::min(length, size - start);
        if (!list) return made(utf8_substr(text, static_cast<std::size_t>(start), static_cast<std::size_t>(length)), line);
        YAML::Node out(YAML::NodeType::Sequence);
        for (long long i = start; i < start + length; ++i) out.push_back(input[static_cast<std::size_t>(i)]);
        return out;
    }

    // The filters from string to string.
    std::optional<std::string> string_filter(const std::string& name, const std::string& text, const std::vector<YAML::Node>& args) {
        auto arg_text = [&](std::size_t i, const char* fallback) { return i < args.size() && kind_of(args[i]) != Kind::Nil ? to_text(args[i]) : std::string(fallback); };
        if (name == "upcase" || name == "downcase") {
            std::string s = text;
            for (char& c : s) {
                const auto u = static_cast<unsigned char>(c);
                c = static_cast<char>(name == "upcase" ? std::toupper(u) : std::tolower(u));
            }
            return s;
        }
        if (name == "capitalize") {
            std::string s = text;
            for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
            return s;
        }
        if (name == "strip") return std::string(trim(text));
        if (name == "lstrip") return std::string(trim_start(text));
        if (name == "rstrip") return std::string(trim_end(text));
        if (name == "squish" || name == "normalize_whitespace") {
            std::string out;
            for (std::size_t i = 0; i < text.size();) {
                if (is_space(text[i])) {
                    while (i < text.size() && is_space(text[i])) ++i;
                    out += ' ';
                } else {
                    out += text[i++];
                }
            }
            return std::string(trim(out));  // Jekyll's normalize_whitespace strips too
        }
        if (name == "strip_newlines") {
            std::string s;
            for (char c : text)
                if (c != '\n' && c != '\r') s += c;
            return s;
        }
        if (name == "newline_to_br") {
            std::string s;
            for (std::size_t i = 0; i < text.size(); ++i) {
                if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
                s += text[i] == '\n' ? "<br />\n" : std::string(1, text[i]);
            }
            return s;
        }
        if (name == "escape_once") return escape_once(text);
        if (name == "strip_html") return strip_html(text);
        if (name == "truncate") {
            const long long n = args.empty() ? 50 : integer_arg(args[0]);
            const std::string ellipsis = arg_text(1, "...");
            const std::size_t chars = utf8_length(text);
            if (n < 0 || static_cast<std::size_t>(n) >= chars) return text;
            const long long keep = std::max(0LL, n - static_cast<long long>(utf8_length(ellipsis)));
            return utf8_substr(text, 0, static_cast<std::size_t>(keep)) + ellipsis;
        }
        if (name == "truncatewords") {
            long long n = args.empty() ? 15 : integer_arg(args[0]);
            if (n <= 0) n = 1;
            const std::string ellipsis = arg_text(1, "...");
            std::vector<std::string_view> words;
            std::string_view rest = text;
            while (true) {
                rest = trim_start(rest);
                if (rest.empty()) break;
                std::size_t j = 0;
                while (j < rest.size() && !is_space(rest[j])) ++j;
                words.push_back(rest.substr(0, j));
                rest = rest.substr(j);
                if (static_cast<long long>(words.size()) > n) break;
            }
            if (static_cast<long long>(words.size()) <= n) return text;
            std::string out;
            for (long long i = 0; i < n; ++i) out += (i ? " " : "") + std::string(words[static_cast<std::size_t>(i)]);
            return out + ellipsis;
        }
        if (name == "url_encode" || name == "cgi_escape") return url_encode(text, true);
        if (name == "uri_escape") return uri_escape(text);
        if (name == "url_decode") return url_decode(text);
        if (name == "base64_encode") return base64_encode(text, false);
        if (name == "base64_url_safe_encode") return base64_encode(text, true);
        if (name == "base64_decode" || name == "base64_url_safe_decode") {
            std::optional<std::string> decoded = base64_decode(text, name != "base64_decode");
            if (!decoded) throw RenderError{"invalid base64 provided to " + name};
            return decoded;
        }
        if (name == "number_of_words") {
            // Jekyll's modes: "cjk" counts each Han, kana or Hangul character as a word, plus the
            // runs of other non-space characters; "auto" does so only when there is such a
            // character; otherwise runs of non-space characters.
            const std::string mode = args.empty() ? "" : to_text(args[0]);
            std::size_t words = 0, cjk = 0;
            bool in_word = false, in_split_word = false;
            std::size_t split_words = 0;
            for (std::size_t i = 0; i < text.size();) {
                const auto [c, n] = utf8_at(text, i);
                i += n;
                const bool space = c < 0x80 && is_space(static_cast<char>(c));
                if (space) in_split_word = false;
                else if (!in_split_word) in_split_word = true, ++split_words;
                if (is_cjk(c)) {
                    ++cjk;
                    in_word = false;
                } else if (space) {
                    in_word = false;
                } else if (!in_word) {
                    in_word = true;
                    ++words;
                }
            }
            if (mode == "cjk" || (mode == "auto" && cjk > 0)) return std::to_string(cjk + words);
            return std::to_string(split_words);
        }
        return std::nullopt;
    }

    long long integer_arg(const YAML::Node& n) {
        const Kind kind = kind_of(n);
        if (kind == Kind::Number) return to_number(n).is_float ? static_cast<long long>(to_number(n).f) : to_number(n).i;
        if (kind == Kind::String && is_number_text(trim(n.Scalar()))) return leading_integer(n.Scalar());
        throw RenderError{"invalid integer"};
    }

    // The value of item.property for map, sort, where... ; a list's item that is not a map has none.
    static YAML::Node property_of(const YAML::Node& item, const YAML::Node& property) {
        if (kind_of(property) == Kind::Nil) return item;
        if (kind_of(item) != Kind::Map) return {};
        return member(item, property, false);
    }

    // Liquid's sort order: numbers by value, strings bytewise; nil last (Jekyll's order too).
    static int order_of(const YAML::Node& a, const YAML::Node& b, bool natural) {
        const Kind x = kind_of(a), y = kind_of(b);
        if (x == Kind::Nil || y == Kind::Nil) return (x == Kind::Nil) - (y == Kind::Nil);
        if (x == Kind::Number && y == Kind::Number) {
            const double p = to_number(a).value(), q = to_number(b).value();
            return p < q ? -1 : p > q ? 1 : 0;
        }
        std::string p = to_text(a), q = to_text(b);
        if (natural) {
            for (char& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            for (char& c : q) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        if (x != y && !natural) return x < y ? -1 : 1;
        return p < q ? -1 : p > q ? 1 : 0;
    }

    YAML::Node list_filter(const std::string& name, const YAML::Node& input, const std::vector<YAML::Node>& args, int line) {
        const Kind kind = kind_of(input);
        // Liquid's InputIterator: a list as it is, nil as no items, anything else as one item.
        std::vector<Handle> items;
        if (kind == Kind::Array) {
            for (const YAML::Node& item : input) items.push_back(item);
        } else if (kind != Kind::Nil) {
            items.push_back(input);
        }
        charge(kItemWork * items.size(), line);
        auto list_of = [this](const auto& v) {
            YAML::Node out = fresh(YAML::NodeType::Sequence);
            for (const YAML::Node& n : v) out.push_back(n);
            return out;
        };
        const YAML::Node property = args.empty() ? YAML::Node() : args[0];
        if (name == "reverse") {
            std::reverse(items.begin(), items.end());
            return list_of(items);
        }
        const bool nils_last = args.size() > 1 && to_text(args[1]) == "last";
        if (name == "sort") {
            // Ruby cannot order a number against a string (or a list, a map, a boolean): an error, as Liquid's sort.
            Kind seen = Kind::Nil;
            for (const Handle& item : items) {
                const YAML::Node v = property_of(item, property);
                const Kind k = kind_of(v);
                if (k == Kind::Nil) continue;
                if (seen != Kind::Nil && (k != seen || k == Kind::Bool || k == Kind::Array || k == Kind::Map))
                    throw RenderError{"cannot sort values of incompatible types (" + ruby_class_of(k) + " and " + ruby_class_of(seen) + ")"};
                seen = k;
            }
        }
        if (name == "sort" || name == "sort_natural") {
            std::stable_sort(items.begin(), items.end(), [&](const Handle& a, const Handle& b) {
                const YAML::Node x = property_of(a, property), y = property_of(b, property);
                // Jekyll's sort (it replaces Liquid's on Jekyll sites) puts the items whose property is
                // nil first, or last when asked ("last"); Liquid's own puts them last.
                if (name == "sort" && kind_of(property) != Kind::Nil && (kind_of(x) == Kind::Nil) != (kind_of(y) == Kind::Nil))
                    return nils_last ? kind_of(y) == Kind::Nil : kind_of(x) == Kind::Nil;
                return order_of(x, y, name == "sort_natural") < 0;
            });
            return list_of(items);
        }
        if (name == "uniq") {
            std::vector<YAML::Node> out;
            std::set<std::string> seen;
            for (const YAML::Node& item : items) {
                std::string key;
                append_inspect(property_of(item, property), key, 0);
                if (seen.insert(key).second) out.push_back(item);
            }
            return list_of(out);
        }
        if (name == "compact") {
            std::vector<YAML::Node> out;
            for (const YAML::Node& item : items)
                if (kind_of(property_of(item, property)) != Kind::Nil) out.push_back(item);
            return list_of(out);
        }
        if (name == "map") {
            std::vector<YAML::Node> out;
            for (const YAML::Node& item : items) {
                if (kind_of(item) == Kind::Array)
                    for (const YAML::Node& inner : item) out.push_back(property_of(inner, property));
                else
                    out.push_back(property_of(item, property));
            }
            return list_of(out);
        }
        if (name == "where" || name == "reject" || name == "find" || name == "find_index" || name == "has") {
            // One argument: the property is truthy; two: it equals the value.
            auto matches = [&](const YAML::Node& item) {
                const YAML::Node value = kind_of(item) == Kind::Map ? member(item, property, false) : YAML::Node();
                if (args.size() < 2) return truthy(value);
                // Jekyll's where and find: a list property matches when one of its items does
                // (post.tags holding "misc"), compared as text.
                if ((name == "where" || name == "find") && kind_of(value) == Kind::Array && kind_of(args[1]) != Kind::Nil &&
                    kind_of(args[1]) != Kind::Array && kind_of(args[1]) != Kind::Map) {
                    const std::string target = to_text(args[1]);
                    for (const YAML::Node& v : value)
                        if (kind_of(v) != Kind::Array && kind_of(v) != Kind::Map && to_text(v) == target) return true;
                }
                return same_value(value, args[1]) || (kind_of(value) != Kind::Nil && to_text(value) == to_text(args[1]) && kind_of(args[1]) == Kind::String && kind_of(value) == Kind::String);
            };
            std::vector<YAML::Node> out;
            for (std::size_t i = 0; i < items.size(); ++i) {
                const bool m = matches(items[i]);
                if (name == "find" && m) return items[i];
                if (name == "find_index" && m) return number_value(static_cast<long long>(i));
                if (name == "has" && m) return YAML::Node(true);
                if ((name == "where") == m) out.push_back(items[i]);
            }
            if (name == "has") return YAML::Node(false);
            if (name == "find" || name == "find_index") return {};
            return list_of(out);
        }
        if (name == "flatten") {
            std::vector<Handle> flat;
            flatten(items, flat, 0, line);
            return list_of(flat);
        }
        if (name == "concat") {
            if (kind_of(args[0]) != Kind::Array) throw RenderError{"concat filter requires an array argument"};
            for (const YAML::Node& item : args[0]) items.push_back(item);
            return list_of(items);
        }
        if (name == "sum") {
            Number total = int_number(0);
            for (const YAML::Node& item : items) {
                const YAML::Node value = property_of(item, property);
                const Kind k = kind_of(value);
                const Number n = k == Kind::Number || k == Kind::String ? to_number(value) : int_number(0);
                total = arithmetic("plus", total, n);
            }
            return number_node(total);
        }
        if (name == "push" || name == "unshift") {
            if (name == "push") items.push_back(args[0]);
            else items.insert(items.begin(), args[0]);
            return list_of(items);
        }
        if (name == "pop" || name == "shift") {
            const std::size_t n = std::min(items.size(), static_cast<std::size_t>(std::max(0LL, args.empty() ? 1 : integer_arg(args[0]))));
            if (name == "pop") items.erase(items.end() - static_cast<std::ptrdiff_t>(n), items.end());
            else items.erase(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(n));
            return list_of(items);
        }
        // A page is the same on every request: the first items, not random ones.
        if (name == "sample" && args.empty()) return items.empty() ? YAML::Node() : items[0].node;
        if (name == "sample") {
            const std::size_t n = std::min(items.size(), static_cast<std::size_t>(std::max(0LL, integer_arg(args[0]))));
            items.erase(items.begin() + static_cast<std::ptrdiff_t>(n), items.end());
            return list_of(items);
        }
        if (name == "array_to_sentence_string") {
            const std::string connector = args.empty() ? "and" : to_text(args[0]);
            std::string out;
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (i > 0) out += items.size() == 2 ? " " + connector + " " : i + 1 == items.size() ? ", " + connector + " " : ", ";
                out += to_text(items[i]);
            }
            return made(std::move(out), line);
        }
        if (name == "group_by") {
            YAML::Node groups(YAML::NodeType::Sequence);
            std::vector<std::pair<std::string, std::vector<YAML::Node>>> order;
            for (const YAML::Node& item : items) {
                const std::string key = to_text(property_of(item, property));
                auto it = std::find_if(order.begin(), order.end(), [&](auto& g) { return g.first == key; });
                if (it == order.end()) order.push_back({key, {item}});
                else it->second.push_back(item);
            }
            for (auto& [key, members] : order) {
                YAML::Node g(YAML::NodeType::Map);
                g["name"] = string_value(key);
                g["items"] = list_of(members);
                g["size"] = static_cast<long long>(members.size());
                groups.push_back(g);
            }
            return groups;
        }
        if (name == "where_exp" || name == "find_exp" || name == "group_by_exp") return expression_filter(name, items, args, line);
        return input;
    }

    void flatten(const std::vector<Handle>& items, std::vector<Handle>& out, int depth, int line) {
        if (depth > kMaxLiquidDepth) throw RenderError{"Nesting too deep"};
        for (const Handle& item : items) {
            charge(kItemWork, line);
            if (kind_of(item) != Kind::Array) {
                out.push_back(item);
                continue;
            }
            std::vector<Handle> inner;
            for (const YAML::Node& n : item.node) inner.push_back(n);
            flatten(inner, out, depth + 1, line);
        }
    }

    // where_exp, find_exp, group_by_exp: "item" names each item in the expression.
    YAML::Node expression_filter(const std::string& name, const std::vector<Handle>& items, const std::vector<YAML::Node>& args, int line) {
        const std::string var = to_text(args[0]);
        const std::string source = to_text(args[1]);
        ExprParser p(source);
        std::optional<Condition> condition;
        std::optional<Filtered> value;
        if (name == "group_by_exp") value = p.filtered();
        else condition = p.condition();
        if ((!condition && !value) || !p.finish()) throw RenderError{name + ": cannot read " + quote(source)};
        scopes_.emplace_back();
        struct PopScope {
            std::vector<Scope>& scopes;
            ~PopScope() { scopes.pop_back(); }
        } pop{scopes_};
        YAML::Node out(YAML::NodeType::Sequence);
        std::vector<std::pair<std::string, YAML::Node>> groups;
        for (const YAML::Node& item : items) {
            set_local(scopes_.back(), var, item);
            if (value) {
                const std::string key = to_text(evaluate(*value, line));
                auto it = std::find_if(groups.begin(), groups.end(), [&](auto& g) { return g.first == key; });
                if (it == groups.end()) groups.push_back({key, YAML::Node(YAML::NodeType::Sequence)}), it = groups.end() - 1;
                it->second.push_back(item);
            } else if (test(*condition, line)) {
                if (name == "find_exp") return item;
                out.push_back(item);
            }
        }
        if (name == "find_exp") return {};
        for (auto& [key, members] : groups) {
            YAML::Node g(YAML::NodeType::Map);
            g["name"] = string_value(key);
            g["items"] = members;
            g["size"] = static_cast<long long>(members.size());
            out.push_back(g);
        }
        return out;
    }

    YAML::Node jekyll_date(const std::string& name, const YAML::Node& input, const std::vector<YAML::Node>& args, int line) {
        const bool us = args.size() > 1 && to_text(args[1]) == "US";
        const bool ordinal = !args.empty() && to_text(args[0]) == "ordinal";
        if (name == "date_to_xmlschema") return date(input, "%Y-%m-%dT%H:%M:%S+00:00", line, true);
        if (name == "date_to_rfc822") return date(input, "%a, %d %b %Y %H:%M:%S +0000", line, true);
        const std::string month = name == "date_to_string" ? "%b" : "%B";
        if (!ordinal) return date(input, "%d " + month + " %Y", line, true);
        const YAML::Node day = date(input, "%-d", line, true);
        const int d = std::atoi(to_text(day).c_str());
        const char* suffix = (d / 10) % 10 == 1 ? "th" : d % 10 == 1 ? "st" : d % 10 == 2 ? "nd" : d % 10 == 3 ? "rd" : "th";
        const std::string fmt = us ? month + " " + std::to_string(d) + suffix + ", %Y" : std::to_string(d) + suffix + " " + month + " %Y";
        return date(input, fmt, line, true);
    }

    YAML::Node made(std::string s, int line) {
        check_size(s.size(), line);
        return string_value(std::move(s));
    }

    // Every occurrence, left to right. An empty pattern changes nothing (Ruby would put the
    // replacement between every character).
    std::string replace_all(const std::string& text, const std::string& from, const std::string& to, int line) {
        if (from.empty()) {  // as Ruby's gsub(''): the replacement between every character and at both ends
            std::string out = to;
            for (std::size_t i = 0; i < text.size();) {
                std::size_t n = 1;
                while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
                check_size(out.size() + n + to.size(), line);
                out.append(text, i, n);
                out += to;
                i += n;
            }
            return out;
        }
        std::string out;
        std::size_t start = 0;
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, start)) {
            check_size(out.size() + (at - start) + to.size(), line);
            out.append(text, start, at - start);
            out += to;
            start = at + from.size();
        }
        out.append(text, start, std::string::npos);
        return out;
    }

    // in_utc: Jekyll's date_to_* filters show a time in the site's zone (Ruby's localtime under
    // the site's timezone); folio takes that zone as UTC, so a time given with another offset is
    // moved to UTC first. Liquid's own date filter keeps the offset the time was written with.
    YAML::Node date(const YAML::Node& input, const std::string& format, int line, bool in_utc = false) {
        std::string text = to_text(input);
        std::string lower = text;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower == "now" || lower == "today") {
            // A page is the same on every request: "now" is when the site was read (site.time).
            text = context_.now.empty() ? site_text("time") : context_.now;
            if (text.empty()) {
                problems_.add(line, "date: 'now' needs site.time");
                return input;
            }
        }
        std::optional<DateTime> when = parse_date(text);
        // A whole number is seconds since 1970 (UTC), as Liquid reads one.
        const std::string_view digits = trim(text);
        if (!when && !digits.empty() && digits.size() < 16 &&
            std::all_of(digits.begin() + (digits[0] == '-' ? 1 : 0), digits.end(), is_digit) && digits != "-")
            when = from_epoch(leading_integer(digits));
        if (!when || format.empty()) return input;  // as Liquid: what it cannot read passes through
        if (in_utc && when->has_zone && when->offset != 0) {
            const long long local = days_from_civil(when->year, when->month, when->day) * 86400LL + when->hour * 3600LL +
                                    when->minute * 60LL + when->second;
            when = from_epoch(local - when->offset * 60LL);
        }
        std::string unsupported;
        std::string out = format_date(*when, format, unsupported);
        if (!unsupported.empty()) problems_.add(line, "date: unsupported format " + quote(unsupported));
        return made(std::move(out), line);
    }

    void render_for(const ForNode& loop, int line, std::string& out) {
        // A list's items are copied as handles; a range is never materialized (its i-th item is first + i).
        std::vector<YAML::Node> items;
        long long first = 0, total = 0;
        const bool is_range = loop.collection.kind == Expr::Kind::Range;
        if (is_range) {
            const auto [from, to] = range_ends(loop.collection, line);
            first = from;
            total = std::max(0LL, to - from + 1);
        } else {
            const YAML::Node collection = evaluate(loop.collection, line);
            const Kind kind = kind_of(collection);
            if (kind == Kind::Array) {
                for (const YAML::Node& item : collection) items.push_back(item);
            } else if (kind == Kind::Map) {
                for (auto it = collection.begin(); it != collection.end(); ++it) {
                    YAML::Node pair = fresh(YAML::NodeType::Sequence);
                    pair.push_back(it->first);
                    pair.push_back(it->second);
                    items.push_back(pair);
                }
            } else if (kind == Kind::String && !collection.Scalar().empty()) {
                items.push_back(collection);  // as Liquid: a string is one item
            }
            total = static_cast<long long>(items.size());
        }
        charge(kNodeWork * items.size(), line);
        long long offset = 0, count = total;
        for (const auto& [option, value] : {std::pair{&loop.offset, &offset}, std::pair{&loop.limit, &count}}) {
            if (!*option) continue;
            const YAML::Node v = evaluate(**option, line);
            if (kind_of(v) == Kind::Nil) {
                if (loop.table) *value = 0;  // tablerow reads nil as 0, for as absent
                continue;
            }
            if (kind_of(v) != Kind::Number && !(kind_of(v) == Kind::String && is_number_text(trim(v.Scalar()))))
                throw RenderError{"invalid integer"};
            *value = std::clamp(to_number(v).is_float ? static_cast<long long>(to_number(v).f) : leading_integer(v.Scalar()), -kMaxInteger, kMaxInteger);
        }
        const std::string loop_name = loop.var + "-" + expr_text(loop.collection);
        if (loop.offset_continue) offset = continue_at_[loop_name];
        offset = std::clamp(offset, 0LL, total);
        count = std::clamp(count, 0LL, total - offset);
        if (!loop.table) continue_at_[loop_name] = offset + count;
        if (loop.table) return render_table(loop, items, is_range, first, offset, count, line, out);
        if (count == 0) return render(loop.otherwise, out);

        scopes_.emplace_back();
        struct PopScope {
            std::vector<Scope>& scopes;
            std::vector<YAML::Node>& loops;
            ~PopScope() { scopes.pop_back(); loops.pop_back(); }
        } pop{scopes_, loops_};
        // forloop is one small node standing for this loop's state (see forloop_member): a map
        // of eight keys made on every pass cost more than most loop bodies (yaml-cpp allocates
        // each key and value, and frees none of them before the render ends).
        const std::size_t id = loop_states_.size();
        YAML::Node forloop = fresh_scalar(std::to_string(id));
        forloop.SetTag(kForloopTag);
        loop_states_.push_back({loop_name, 0, count, loops_.empty() ? kNoLoop : forloop_id(loops_.back()), forloop});
        loops_.push_back(forloop);
        set_local(scopes_.back(), "forloop", forloop);
        for (long long k = 0; k < count; ++k) {
            if (++iterations_ > kMaxLiquidLoopIterations)
                throw LimitReached{line, "more than " + std::to_string(kMaxLiquidLoopIterations) + " loop iterations"};
            // Sliced by offset and limit first, then reversed, as Liquid does.
            const long long i = offset + (loop.reversed ? count - 1 - k : k);
            set_local(scopes_.back(), loop.var, is_range ? number_value(first + i) : items[static_cast<std::size_t>(i)]);
            loop_states_[id].k = k;
            render(loop.body, out);
            if (interrupt_ == Interrupt::Break) {
                interrupt_ = Interrupt::None;
                break;
            }
            interrupt_ = Interrupt::None;
        }
    }

    // <tr class="row1"><td class="col1">...</td>...</tr>, a row per cols items, as Liquid writes it.
    void render_table(const ForNode& loop, const std::vector<YAML::Node>& items, bool is_range, long long first,
                      long long offset, long long count, int line, std::string& out) {
        long long cols = count;
        bool wraps = true;
        if (loop.cols) {
            const YAML::Node v = evaluate(*loop.cols, line);
            // cols: nil is no columns at all: one row, and no cell is the row's last (as Liquid).
            if (kind_of(v) != Kind::Nil) cols = integer_arg(v);
            else wraps = false;
        }
        if (cols <= 0) cols = count > 0 ? count : 1;
        if (!wraps) cols = count + 1;
        emit(out, "<tr class=\"row1\">\n", line);
        scopes_.emplace_back();
        struct PopScope {
            std::vector<Scope>& scopes;
            ~PopScope() { scopes.pop_back(); }
        } pop{scopes_};
        for (long long k = 0; k < count; ++k) {
            if (++iterations_ > kMaxLiquidLoopIterations)
                throw LimitReached{line, "more than " + std::to_string(kMaxLiquidLoopIterations) + " loop iterations"};
            const long long i = offset + k;
            set_local(scopes_.back(), loop.var, is_range ? number_value(first + i) : items[static_cast<std::size_t>(i)]);
            const long long col0 = k % cols, row = k / cols + 1;
            YAML::Node t(YAML::NodeType::Map);
            set_loop_counters(t, k, count);
            t["col"] = col0 + 1;
            t["col0"] = col0;
            t["col_first"] = col0 == 0;
            t["col_last"] = col0 + 1 == cols;
            t["row"] = row;
            set_local(scopes_.back(), "tablerowloop", t);
            emit(out, "<td class=\"col" + std::to_string(col0 + 1) + "\">", line);
            render(loop.body, out);
            emit(out, "</td>", line);
            if (interrupt_ == Interrupt::Break) {
                interrupt_ = Interrupt::None;
                break;
            }
            if (col0 + 1 == cols && k + 1 < count) emit(out, "</tr>\n<tr class=\"row" + std::to_string(row + 1) + "\">", line);
            interrupt_ = Interrupt::None;
        }
        emit(out, "</tr>\n", line);
    }

    // The partial's tree, parsed on its first use in this render; its problems name it.
    std::shared_ptr<const Body> partial(const std::string& name, int line, bool relative = false) {
        const std::string key = relative ? "\x01" + name : name;  // the page's files apart from _includes'
        if (auto it = partials_.find(key); it != partials_.end()) return it->second;
        const auto& source = relative ? context_.include_relative : context_.partial;
        if (!source) return nullptr;
        const std::optional<std::string> text = source(name);
        if (!text) return nullptr;
        std::vector<LiquidProblem> found;
        std::shared_ptr<const Body> tree = parsed(*text, context_.strict, context_.cache, found);
        for (const LiquidProblem& p : found) problems_.add(line, quote(name) + " line " + std::to_string(p.line) + ": " + p.message);
        partials_.emplace(key, tree);
        return tree;
    }

    void render_include(const IncludeNode& include, int line, std::string& out) {
        std::string name = include.name;
        // The caller's own includes first (folio's pages: archive-single.html, toc, base_path).
        if (context_.include && !include.isolated && !include.relative && include.locals.empty() && !include.with) {
            if (std::optional<std::string> text = context_.include(name, include_locals(include, line))) return emit(out, *text, line);
        }
        std::shared_ptr<const Body> tree = partial(name, line, include.relative);
        if (include.relative && !tree) {
            if (!context_.include_relative) return problems_.add(line, "unsupported tag 'include_relative' (no page folder)");
            throw RenderError{"Could not locate the included file '" + name + "' beside the page", false};
        }
        if (!tree && !include.quoted && context_.partial) {  // Liquid's {% include variable %}
            ExprParser p(name);
            const std::optional<Expr> e = p.expression();
            const YAML::Node named = e && p.finish() ? evaluate(*e, line) : YAML::Node();
            const Kind kind = kind_of(named);
            // A file name that names no variable is Jekyll's include of a file that is not there.
            if (kind == Kind::Nil && !include.isolated && name.find('.') != std::string::npos)
                throw RenderError{"Could not locate the included file '" + name + "' in _includes/", false};
            // Only a string names a partial (Liquid: "Argument error ... Illegal template name").
            if (kind != Kind::String) throw RenderError{"Argument error in tag '" + std::string(include.isolated ? "render" : "include") + "' - Illegal template name"};
            if (named.Scalar().empty()) throw RenderError{"Could not find asset " + named.Scalar(), false};
            name = named.Scalar();
            tree = partial(name, line);
        }
        if (!tree) {
            if (!context_.partial) return problems_.add(line, "unknown include " + quote(name));
            throw RenderError{"Could not find asset " + name, false};
        }
        if (include_depth_ >= kMaxLiquidDepth) throw RenderError{"Nesting too deep", false};
        if (isolated_ && !include.isolated) throw RenderError{"include usage is not allowed in this context"};

        // The value passed with `with`/`for`, under the alias or the partial's own name.
        const std::string var = !include.alias.empty() ? include.alias : name.substr(name.rfind('/') + 1);
        std::vector<YAML::Node> passes;
        bool loop = false;
        if (include.with) {
            const YAML::Node value = evaluate(*include.with, line);
            if (include.is_for && kind_of(value) == Kind::Array) {
                loop = true;
                for (const YAML::Node& item : value) passes.push_back(item);
            } else {
                passes.push_back(value);
            }
        } else {
            passes.push_back(include.isolated ? YAML::Node() : variable(var));
        }
        Scope locals;
        scopes_.emplace_back();  // an include's key: value sees the ones before it; a render's does not
        for (const auto& [key, value] : include.locals) {
            const YAML::Node v = evaluate(value, line);
            set_local(locals, key, v);
            if (!include.isolated) set_local(scopes_.back(), key, v);
        }
        scopes_.pop_back();
        if (!include.params.empty()) set_local(locals, "include", include_locals(include, line)["include"]);

        // render: a scope of its own, the page's variables hidden; include: the caller's scope.
        // Its counters, cycles and offset:continue places are its own too.
        std::vector<Scope> saved;
        std::map<std::string, long long> saved_counters, saved_offsets;
        std::map<std::string, std::size_t> saved_cycles;
        std::vector<YAML::Node> saved_loops;
        const bool saved_isolated = isolated_;
        if (include.isolated) {
            saved.swap(scopes_);
            saved_counters.swap(counters_);
            saved_cycles.swap(cycles_);
            saved_offsets.swap(continue_at_);
            saved_loops.swap(loops_);
            scopes_.emplace_back();
            isolated_ = true;
        }
        ++include_depth_;
        struct Restore {
            Renderer& r;
            bool isolated, was_isolated;
            std::vector<Scope>& saved;
            std::map<std::string, long long>& counters;
            std::map<std::string, std::size_t>& cycles;
            std::map<std::string, long long>& offsets;
            std::vector<YAML::Node>& loops;
            ~Restore() {
                --r.include_depth_;
                if (!isolated) {
                    r.scopes_.pop_back();
                    return;
                }
                r.scopes_.swap(saved);
                r.counters_.swap(counters);
                r.cycles_.swap(cycles);
                r.continue_at_.swap(offsets);
                r.loops_.swap(loops);
                r.isolated_ = was_isolated;
            }
        } restore{*this, include.isolated, saved_isolated, saved, saved_counters, saved_cycles, saved_offsets, saved_loops};
        if (!include.isolated) scopes_.emplace_back();
        std::string saved_name = std::move(partial_name_);
        partial_name_ = name;
        struct RestoreName {
            std::string& name;
            std::string saved;
            ~RestoreName() { name = std::move(saved); }
        } restore_name{partial_name_, std::move(saved_name)};
        for (std::size_t k = 0; k < passes.size(); ++k) {
            Scope& scope = include.isolated ? scopes_.front() : scopes_.back();
            for (const auto& [key, value] : locals) set_local(scope, key, value);
            if (include.with || !include.isolated) set_local(scope, var, passes[k]);
            if (loop && include.isolated) {
                YAML::Node forloop(YAML::NodeType::Map);
                set_loop_counters(forloop, static_cast<long long>(k), static_cast<long long>(passes.size()));
                set_local(scope, "forloop", forloop);
            }
            render(*tree, out);
            if (!include.isolated) {
                // An include's assigns stay with the caller, as Liquid's share one scope.
                if (interrupt_ != Interrupt::None) break;
            } else {
                interrupt_ = Interrupt::None;
            }
        }
    }

    // What the caller's include callback sees: the loop variables, assigns and captures, and
    // the include's own parameters under `include`, as in Jekyll; innermost scope wins.
    YAML::Node include_locals(const IncludeNode& include, int line) {
        Scope flat;
        for (const Scope& scope : scopes_)
            for (const auto& [name, value] : scope) set_local(flat, name, value);
        YAML::Node locals = fresh(YAML::NodeType::Map);
        for (const auto& [name, value] : flat) locals[name] = value;
        if (!include.params.empty()) {
            YAML::Node params = fresh(YAML::NodeType::Map);
            for (const auto& [key, value] : include.params) params[key] = evaluate(value, line);
            locals["include"] = params;
        }
        return locals;
    }

    enum class Interrupt { None, Break, Continue };

    const LiquidContext& context_;
    Problems& problems_;
    Interrupt interrupt_ = Interrupt::None;
    std::map<std::string, long long> counters_;    // increment and decrement
    std::map<std::string, long long> continue_at_; // where offset:continue starts, per loop name
    std::map<std::string, std::size_t> cycles_;    // where each cycle is
    std::optional<std::string> last_ifchanged_;
    bool isolated_ = false;                        // in a {% render %}: an include there is an error
    std::string partial_name_;                     // the partial being rendered, for error messages
    int include_depth_ = 0;
    std::map<std::string, std::shared_ptr<const Body>> partials_;  // parsed once per render
    std::vector<YAML::Node> loops_;                // forloop of each loop being rendered, innermost last
    std::vector<LoopState> loop_states_;           // every for loop of this render, by id
    YAML::Node arena_;                             // see fresh()
    bool made_arena_key_ = false;                  // this renderer put the arena in the variables
    std::vector<Scope> scopes_ = std::vector<Scope>(1);  // [0]: assign and capture; then one per loop being rendered
    std::size_t work_ = 0;
    long long iterations_ = 0;  // every loop of the page together
};

}  // namespace

std::string render_liquid(std::string_view text, const LiquidContext& context, std::vector<LiquidProblem>& problems) {
    const std::size_t first_problem = problems.size();
    std::string out;
    {
        Problems report(problems);
        std::vector<LiquidProblem> found;
        const std::shared_ptr<const Body> tree = parsed(text, context.strict, context.cache, found);
        for (const LiquidProblem& p : found) report.add(p.line, p.message);
        Renderer(context, report).render_top(*tree, out);
    }
    std::stable_sort(problems.begin() + static_cast<std::ptrdiff_t>(first_problem), problems.end(),
                     [](const LiquidProblem& a, const LiquidProblem& b) { return a.line < b.line; });
    return out;
}

bool has_liquid(std::string_view text) {
    return text.find("{{") != std::string_view::npos || text.find("{%") != std::string_view::npos;
}

}  // namespace folio
