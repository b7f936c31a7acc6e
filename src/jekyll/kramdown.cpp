// kramdown syntax around the cmark render: kramdown_before() swaps it for markers, kramdown_after()
// turns the markers in cmark's HTML into what kramdown would have written.
#include "jekyll/kramdown.h"

#include <algorithm>
#include <climits>
#include <optional>
#include <unordered_map>

#include "html.h"
#include "text.h"

namespace folio {
namespace {

using Kind = KramdownMarkerKind;
constexpr std::size_t npos = std::string_view::npos;

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_word(char c) { return is_alnum(c) || c == '_'; }  // Ruby's \w, as kramdown's regexps
bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_white(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
// text.h's starts_with and starts_with_ci, at a position of s (none past its end).
bool starts_with(std::string_view s, std::size_t pos, std::string_view prefix) {
    return pos <= s.size() && folio::starts_with(s.substr(pos), prefix);
}
bool starts_with_ci(std::string_view s, std::size_t pos, std::string_view prefix) {
    return pos <= s.size() && folio::starts_with_ci(s.substr(pos), prefix);
}
bool contains_ci(std::string_view s, std::string_view needle) {
    for (std::size_t i = 0; i + needle.size() <= s.size(); ++i)
        if (starts_with_ci(s, i, needle)) return true;
    return false;
}

// ---------------------------------------------------------------------------------------------
// Markers. A marker is U+FDD0, its index in hexadecimal written with U+FDE0..U+FDEF, the
// letters, digits, '_', spaces and '-' of the source it replaced (its "slug text"), U+FDD1.
// These are noncharacters: Unicode keeps them for a program's internal use, cmark passes them
// through as plain text (never escaped, never split), and kramdown_before() replaces any found
// in the input, so content can neither forge nor break a marker. As they are not ASCII, a
// marker inside a heading adds only its slug text to the heading's auto id, which is what
// kramdown does (it slugs the heading's source).
// Block markers are written as a line "<!--marker-->": cmark keeps it as a raw HTML block, which
// ends the paragraph, list, quote or table before it without needing a blank line.

constexpr std::string_view kStart = "\xEF\xB7\x90";  // U+FDD0
constexpr std::string_view kEnd = "\xEF\xB7\x91";    // U+FDD1
constexpr std::size_t kMaxSlugText = 200;
constexpr int kMaxIndexDigits = 8;

bool is_marker_byte3(unsigned char c) { return c >= 0x90 && c <= 0xAF; }  // EF B7 xx: U+FDD0..U+FDEF

// What a heading id can take from a source (kramdown's GFM ids keep '_'). None of these means
// anything to cmark here: between the marker's noncharacters even '_' cannot open emphasis.
bool slug_char(char c) { return is_word(c) || c == ' ' || c == '-'; }

std::string encode_marker(std::size_t index, std::string_view slug_source) {
    std::string m(kStart);
    char digits[kMaxIndexDigits];
    int n = 0;
    do {
        digits[n++] = static_cast<char>(index % 16);
        index /= 16;
    } while (index && n < kMaxIndexDigits);
    while (n--) {
        m += "\xEF\xB7";
        m += static_cast<char>(0xA0 + digits[n]);
    }
    std::size_t slug = 0;
    for (char c : slug_source) {
        if (slug == kMaxSlugText) break;
        if (slug_char(c)) {
            m += c;
            ++slug;
        }
    }
    m += kEnd;
    return m;
}

struct Decoded {
    std::size_t index;
    std::size_t length;
};

// The marker starting at s[pos] (where kStart is), if well formed.
std::optional<Decoded> decode_marker(std::string_view s, std::size_t pos) {
    std::size_t p = pos + kStart.size(), index = 0;
    int digits = 0;
    while (p + 3 <= s.size() && s[p] == '\xEF' && s[p + 1] == '\xB7' &&
           static_cast<unsigned char>(s[p + 2]) >= 0xA0 && static_cast<unsigned char>(s[p + 2]) <= 0xAF) {
        if (++digits > kMaxIndexDigits) return std::nullopt;
        index = index * 16 + (static_cast<unsigned char>(s[p + 2]) - 0xA0);
        p += 3;
    }
    if (digits == 0) return std::nullopt;
    std::size_t slug = 0;
    while (p < s.size() && slug <= kMaxSlugText && slug_char(s[p])) ++p, ++slug;
    if (!starts_with(s, p, kEnd)) return std::nullopt;
    return Decoded{index, p + kEnd.size() - pos};
}

// CRLF and CR become LF (as cmark reads them), and U+FDD0..U+FDEF become U+FFFD.
std::string normalize(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (c == '\r') {
            out += '\n';
            if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
        } else if (c == '\xEF' && i + 2 < in.size() && in[i + 1] == '\xB7' &&
                   is_marker_byte3(static_cast<unsigned char>(in[i + 2]))) {
            out += "\xEF\xBF\xBD";
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Attribute lists.

struct Ial {
    std::vector<KramdownAttribute> attributes;
    std::vector<std::string> refs;  // names of ALDs, or "toc"
};

// class accumulates, any other name is replaced.
void set_attribute(std::vector<KramdownAttribute>& attributes, std::string name, std::string value) {
    for (auto& a : attributes) {
        if (a.name != name) continue;
        if (name == "class") {
            if (!a.value.empty() && !value.empty()) a.value += ' ';
            a.value += value;
        } else {
            a.value = std::move(value);
        }
        return;
    }
    attributes.push_back({std::move(name), std::move(value)});
}

// kramdown's attribute list syntax, the text between "{:" and "}": #id, .class,
// key="value" or key='value' (\" and \} escape), and bare names (references to ALDs).
Ial parse_ial(std::string_view s) {
    Ial ial;
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c == '#' || c == '.') {
            std::size_t j = i + 1;
            while (j < s.size() && (is_word(s[j]) || s[j] == '-')) ++j;
            if (j > i + 1) set_attribute(ial.attributes, c == '#' ? "id" : "class", std::string(s.substr(i + 1, j - i - 1)));
            i = j > i + 1 ? j : i + 1;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && (is_word(s[j]) || s[j] == '-' || s[j] == ':')) ++j;
        if (j == i) {  // whitespace, or a character kramdown does not expect here
            ++i;
            continue;
        }
        std::string name(s.substr(i, j - i));
        if (j + 1 < s.size() && s[j] == '=' && (s[j + 1] == '"' || s[j + 1] == '\'')) {
            const char quote = s[j + 1];
            std::string value;
            std::size_t k = j + 2;
            while (k < s.size() && s[k] != quote) {
                if (s[k] == '\\' && k + 1 < s.size() && (s[k + 1] == quote || s[k + 1] == '}')) ++k;
                value += s[k++];
            }
            set_attribute(ial.attributes, std::move(name), std::move(value));
            i = k + 1;
            continue;
        }
        ial.refs.push_back(std::move(name));
        i = j;
    }
    return ial;
}

// Attributes an author may set through an IAL: not event handlers, and not those that carry a
// URL or a document (an IAL is for classes, ids and presentation; links come from Markdown).
bool safe_attribute_name(const std::string& name) {
    if (name.empty() || !(is_alpha(name[0]) || name[0] == '_')) return false;
    std::string l;
    for (char c : name) {
        if (!(is_word(c) || c == '-' || c == ':' || c == '.')) return false;
        l += to_lower(c);
    }
    if (l.rfind("on", 0) == 0) return false;
    static const char* const kUnsafe[] = {"href",   "src",        "srcset", "action",     "formaction", "srcdoc",
                                          "data",   "xlink:href", "poster", "background", "codebase",   "ping",
                                          "lowsrc", "dynsrc",     "manifest", "http-equiv", "is"};
    for (const char* u : kUnsafe)
        if (l == u) return false;
    return true;
}

std::vector<KramdownAttribute> safe_attributes(std::vector<KramdownAttribute> attributes) {
    attributes.erase(std::remove_if(attributes.begin(), attributes.end(),
                                    [](const KramdownAttribute& a) { return !safe_attribute_name(a.name); }),
                     attributes.end());
    return attributes;
}

// ---------------------------------------------------------------------------------------------
// Lines. A scan good enough to know which lines are code or raw HTML (left alone), which are
// Markdown text, and roughly where list items are. cmark decides the real structure; a line
// misjudged here only means a marker lands in code, where kramdown_after() puts back its source.

enum class LineType : unsigned char { blank, text, fenced, code, html, html_raw };
// html: raw HTML of cmark's types 2-5 (comments, <?, <!X, CDATA), including our marker lines;
// html_raw: types 1 (pre, script, style, textarea) and 6 (block-level tags).

struct Line {
    std::size_t begin = 0, end = 0;  // in the text, without the '\n'
    std::size_t body = 0;            // after the blockquote markers
    std::size_t content = 0;         // first non-blank character after body (end if none)
    int indent = 0;                  // columns from body to content
    int budget = 3;                  // the most indent a block may start with here
    int item_width = 0;              // list items: width of the marker and its spaces
    int html_type = 0;               // html, html_raw: cmark's HTML block type
    LineType type = LineType::blank;
    bool block_start = false;        // first line of a fenced or HTML block
    bool in_list = false;            // inside a list item, as far as this scan can tell
    bool item = false;               // begins a list item
};

std::size_t strip_quotes(std::string_view s, std::size_t p, std::size_t end, int max_depth) {
    for (int depth = 0; depth < max_depth; ++depth) {
        std::size_t q = p;
        while (q < end && s[q] == ' ' && q - p < 3) ++q;
        if (q >= end || s[q] != '>') break;
        p = q + 1;
        if (p < end && is_blank(s[p])) ++p;
    }
    return p;
}

bool thematic_break(std::string_view c) {
    char mark = 0;
    int n = 0;
    for (char ch : c) {
        if (is_blank(ch)) continue;
        if (ch != '*' && ch != '-' && ch != '_') return false;
        if (mark && ch != mark) return false;
        mark = ch;
        ++n;
    }
    return n >= 3;
}

// A list item's marker ("* ", "- ", "+ ", "1. ", "1) "): its width with the spaces after it.
bool list_marker(std::string_view c, int* width) {
    std::size_t i = 0;
    if (c.empty()) return false;
    if (c[0] == '*' || c[0] == '-' || c[0] == '+') {
        i = 1;
    } else {
        while (i < c.size() && i < 9 && is_digit(c[i])) ++i;
        if (i == 0 || i >= c.size() || (c[i] != '.' && c[i] != ')')) return false;
        ++i;
    }
    if (i < c.size() && !is_blank(c[i])) return false;
    if (thematic_break(c)) return false;
    std::size_t j = i;
    while (j < c.size() && is_blank(c[j]) && j - i < 5) ++j;
    std::size_t spaces = j - i;
    if (spaces == 0 || spaces > 4 || j == c.size()) spaces = 1;
    *width = static_cast<int>(i + spaces);
    return true;
}

// A fence opening: its character and length.
bool fence_open(std::string_view c, char* ch, std::size_t* len) {
    if (c.size() < 3 || (c[0] != '`' && c[0] != '~')) return false;
    std::size_t n = 0;
    while (n < c.size() && c[n] == c[0]) ++n;
    if (n < 3) return false;
    if (c[0] == '`' && c.find('`', n) != npos) return false;
    *ch = c[0];
    *len = n;
    return true;
}

bool fence_close(std::string_view c, char ch, std::size_t len) {
    std::size_t n = 0;
    while (n < c.size() && c[n] == ch) ++n;
    if (n < len) return false;
    for (std::size_t i = n; i < c.size(); ++i)
        if (!is_blank(c[i])) return false;
    return true;
}

// cmark's HTML block start conditions 1-6 (7 cannot interrupt a paragraph and is left to cmark).
int html_block_type(std::string_view c) {
    if (c.empty() || c[0] != '<') return 0;
    auto ends_name = [&](std::size_t p) { return p >= c.size() || is_blank(c[p]) || c[p] == '>' || starts_with(c, p, "/>"); };
    for (const char* name : {"script", "pre", "style", "textarea"}) {
        std::string_view n(name);
        if (starts_with_ci(c, 1, n) && (1 + n.size() >= c.size() || is_blank(c[1 + n.size()]) || c[1 + n.size()] == '>'))
            return 1;
    }
    if (starts_with(c, 0, "<!--")) return 2;
    if (starts_with(c, 0, "<?")) return 3;
    if (starts_with(c, 0, "<![CDATA[")) return 5;
    if (c.size() > 2 && c[1] == '!' && is_alpha(c[2])) return 4;
    static const char* const kBlockTags[] = {
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
        "optgroup", "option", "p", "param", "section", "source", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "track", "ul"};
    std::size_t p = c.size() > 1 && c[1] == '/' ? 2 : 1;
    std::size_t q = p;
    while (q < c.size() && is_alnum(c[q])) ++q;
    if (q == p || !ends_name(q)) return 0;
    for (const char* name : kBlockTags) {
        std::string_view n(name);
        if (q - p == n.size() && starts_with_ci(c, p, n)) return 6;
    }
    return 0;
}

bool html_block_ends(int type, std::string_view line) {
    switch (type) {
    case 1:
        return contains_ci(line, "</script>") || contains_ci(line, "</pre>") || contains_ci(line, "</style>") ||
               contains_ci(line, "</textarea>");
    case 2: return line.find("-->") != npos;
    case 3: return line.find("?>") != npos;
    case 4: return line.find('>') != npos;
    case 5: return line.find("]]>") != npos;
    default: return false;
    }
}

// kramdown reads a block-level HTML element as one block up to its matching end tag, blank lines
// and indented lines included (a theme's include written into a page's Markdown keeps its
// indentation and blank lines), where CommonMark ends the block at the first blank line and
// reads what is indented after it as code. The offset just past the end tag that closes the
// element opened at `at` (s[at] == '<'), or npos when there is none within kMaxHtmlElementScan
// bytes, when the element holds <pre> or <textarea> (whose blank lines are content) or asks for
// markdown="1" (kramdown reads its content as Markdown).
constexpr std::size_t kMaxHtmlElementScan = 256 * 1024;
std::size_t html_element_end(std::string_view s, std::size_t at) {
    std::size_t q = at + 1;
    while (q < s.size() && is_alnum(s[q])) ++q;
    const std::string_view name = s.substr(at + 1, q - at - 1);
    if (name.empty()) return npos;
    const std::size_t head_end = s.find('>', q);
    if (head_end == npos || s.substr(q, head_end - q).find("markdown=") != npos || (head_end > 0 && s[head_end - 1] == '/'))
        return npos;
    const std::size_t limit = std::min(s.size(), at + kMaxHtmlElementScan);
    int depth = 0;
    for (std::size_t i = at; i < limit; ++i) {
        if (s[i] != '<') continue;
        const bool close = i + 1 < limit && s[i + 1] == '/';
        const std::size_t n = i + (close ? 2 : 1);
        if (starts_with_ci(s, n, "pre") || starts_with_ci(s, n, "textarea")) return npos;
        if (!starts_with_ci(s, n, name)) continue;
        const std::size_t after = n + name.size();
        if (after < limit && !is_blank(s[after]) && s[after] != '>' && s[after] != '/') continue;
        const std::size_t gt = s.find('>', after);
        if (gt == npos || gt >= limit) return npos;
        if (close) {
            // An element inside that asks for markdown="1" is read by the markdown="1" rules.
            if (--depth == 0) return s.substr(at, gt - at).find("markdown=") == npos ? gt + 1 : npos;
        } else if (s[gt - 1] != '/') {
            ++depth;
        }
        i = gt;
    }
    return npos;
}

int columns(std::string_view s, std::size_t from, std::size_t to) {
    int col = 0;
    for (std::size_t i = from; i < to; ++i) col += s[i] == '\t' ? 4 - col % 4 : 1;
    return col;
}

std::vector<Line> classify(std::string_view s) {
    std::vector<Line> lines;
    for (std::size_t pos = 0; pos < s.size();) {
        std::size_t nl = s.find('\n', pos);
        if (nl == npos) nl = s.size();
        Line l;
        l.begin = pos;
        l.end = nl;
        lines.push_back(l);
        pos = nl + 1;
    }
    char fence_char = 0;
    std::size_t fence_len = 0;
    int fence_quotes = 0, fence_indent = 0, html_type = 0;
    std::vector<int> list;  // content columns of the list items open around the current line
    LineType prev = LineType::blank;
    for (Line& l : lines) {
        l.body = strip_quotes(s, l.begin, l.end, fence_char ? fence_quotes : INT_MAX);
        l.content = l.body;
        while (l.content < l.end && is_blank(s[l.content])) ++l.content;
        l.indent = columns(s, l.body, l.content);
        const bool blank = l.content == l.end;
        const std::string_view c = s.substr(l.content, l.end - l.content);
        if (fence_char) {
            l.type = LineType::fenced;
            if (l.indent < fence_indent + 4 && fence_close(c, fence_char, fence_len)) fence_char = 0;
            prev = l.type;
            continue;
        }
        if (html_type == 6 && blank) html_type = 0;
        if (html_type) {
            l.type = html_type == 1 || html_type == 6 ? LineType::html_raw : LineType::html;
            l.html_type = html_type;
            if (html_block_ends(html_type, s.substr(l.begin, l.end - l.begin))) html_type = 0;
            prev = l.type;
            continue;
        }
        if (blank) {
            l.type = LineType::blank;
            prev = l.type;
            continue;
        }
        int width = 0;
        const bool item = l.indent <= (list.empty() ? 3 : list.back() + 3) && list_marker(c, &width);
        if (item || prev == LineType::blank)
            while (!list.empty() && list.back() > l.indent) list.pop_back();
        l.in_list = !list.empty();
        l.budget = list.empty() ? 3 : list.back() + 3;
        if (l.indent > l.budget && (prev == LineType::blank || prev == LineType::code)) {
            l.type = LineType::code;
            prev = l.type;
            continue;
        }
        if (l.indent <= l.budget) {
            if (fence_open(c, &fence_char, &fence_len)) {
                l.type = LineType::fenced;
                l.block_start = true;
                fence_indent = l.indent;
                fence_quotes = 0;
                for (std::size_t p = l.begin; p < l.body; ++p) fence_quotes += s[p] == '>';
                prev = l.type;
                continue;
            }
            if (int t = html_block_type(c)) {
                l.type = t == 1 || t == 6 ? LineType::html_raw : LineType::html;
                l.html_type = t;
                l.block_start = true;
                html_type = t == 6 || !html_block_ends(t, c.substr(1)) ? t : 0;
                prev = l.type;
                continue;
            }
        }
        l.type = LineType::text;
        if (item) {
            l.item = true;
            l.item_width = width;
            list.push_back(l.indent + width);
        }
        prev = l.type;
    }
    return lines;
}

std::string_view content_of(std::string_view s, const Line& l) { return s.substr(l.content, l.end - l.content); }

bool atx_heading(std::string_view s, const Line& l) {
    std::string_view c = content_of(s, l);
    std::size_t n = 0;
    while (n < c.size() && c[n] == '#') ++n;
    return n >= 1 && n <= 6 && (n == c.size() || is_blank(c[n]));
}

// "{: ...}" alone on its line (ALDs included); body gets the text between "{:" and "}".
bool ial_line(std::string_view s, const Line& l, std::string_view* body) {
    if (l.indent > l.budget) return false;
    if (l.type != LineType::text && !(l.type == LineType::html_raw && l.html_type == 6 && !l.block_start)) return false;
    std::string_view c = content_of(s, l);
    if (!starts_with(c, 0, "{:") || starts_with(c, 2, ":") || starts_with(c, 2, "/")) return false;
    std::size_t close = 2;
    while (close < c.size() && c[close] != '}') close += c[close] == '\\' ? 2 : 1;
    if (close >= c.size() || close == 2) return false;
    for (std::size_t i = close + 1; i < c.size(); ++i)
        if (!is_blank(c[i])) return false;
    *body = c.substr(2, close - 2);
    return true;
}

// An ALD body: "name: attributes".
bool ald_body(std::string_view body, std::string* name, std::string_view* rest) {
    std::size_t i = 0;
    if (body.empty() || !is_word(body[0])) return false;
    while (i < body.size() && (is_word(body[i]) || body[i] == '-')) ++i;
    if (i >= body.size() || body[i] != ':') return false;
    *name = std::string(body.substr(0, i));
    *rest = body.substr(i + 1);
    return true;
}

// "*[ABBR]: title".
bool abbreviation_line(std::string_view s, const Line& l, std::string_view* key, std::string_view* title) {
    if (l.type != LineType::text || l.indent > 3) return false;
    std::string_view c = content_of(s, l);
    if (!starts_with(c, 0, "*[")) return false;
    std::size_t close = c.find("]:", 2);
    if (close == npos || close == 2 || c.substr(2, close - 2).find(']') != npos) return false;
    *key = c.substr(2, close - 2);
    std::size_t t = close + 2, e = c.size();
    while (t < e && is_blank(c[t])) ++t;
    while (e > t && is_blank(c[e - 1])) --e;
    *title = c.substr(t, e - t);
    return true;
}

// ---------------------------------------------------------------------------------------------
// kramdown_before, step 0: markdown="1" on an HTML tag makes kramdown read the tag's content as
// Markdown (minimal-mistakes' notices and its TOC include are written so). cmark reads Markdown
// only outside HTML blocks, so the attribute goes, and a blank line is put wherever the content
// turns from HTML lines to Markdown lines or back.

// The first markdown="1" (or "block", or '1', or 1) attribute in line at or after from: where it
// starts (with its leading space) and ends.
bool markdown_attribute(std::string_view line, std::size_t from, std::size_t* begin, std::size_t* end) {
    for (std::size_t p = line.find("markdown=", from); p != npos; p = line.find("markdown=", p + 1)) {
        if (p == 0 || !is_white(line[p - 1])) continue;
        std::size_t v = p + 9;
        for (std::string_view value : {"\"1\"", "'1'", "\"block\"", "'block'", "1"}) {
            if (!starts_with(line, v, value)) continue;
            std::size_t e = v + value.size();
            if (value == "1" && e < line.size() && !is_white(line[e]) && line[e] != '>' && line[e] != '/') continue;
            *begin = p - 1;
            *end = e;
            return true;
        }
    }
    return false;
}

class MarkdownInHtml {
public:
    explicit MarkdownInHtml(std::string_view s) : s_(s) {}

    std::string run() {
        if (s_.find("markdown=") == npos) return std::string(s_);
        const std::vector<Line> lines = classify(s_);
        out_.reserve(s_.size() + 64);
        for (const Line& l : lines) {
            std::string_view text = s_.substr(l.begin, l.end - l.begin);
            if (open_.empty() && !(l.type == LineType::html_raw && l.html_type == 6)) {
                out_.append(text);
                out_ += '\n';
                continue;
            }
            line(text);
        }
        return std::move(out_);
    }

private:
    struct Region {
        std::string name;  // the tag whose content is Markdown
        int depth;         // its own tags of that name open inside it
    };

    void emit(std::string_view text) {
        const bool blank = whitespace(text);
        const std::size_t first = text.find_first_not_of(" \t");
        const bool html = first != npos && html_block_type(text.substr(first)) != 0;  // inline tags are text
        if (!open_.empty() && !blank && html != last_html_ && !last_blank_) out_ += '\n';
        out_.append(text);
        out_ += '\n';
        if (!blank) last_html_ = html;
        last_blank_ = blank;
    }

    static bool whitespace(std::string_view t) { return t.find_first_not_of(" \t") == npos; }

    // One line, inside a region or on an HTML line that may open one. A line can open and
    // close regions several times: it is handled piece by piece, from left to right.
    void line(std::string_view text) {
        std::size_t pos = 0, attr_begin = 0, attr_end = 0;
        bool attr = markdown_attribute(text, 0, &attr_begin, &attr_end);
        while (true) {
            if (attr && attr_begin < pos) attr = markdown_attribute(text, pos, &attr_begin, &attr_end);
            const std::size_t lt = attr ? text.rfind('<', attr_begin) : npos;
            const std::size_t gt = attr ? text.find('>', attr_end) : npos;
            const bool opens = attr && lt != npos && lt >= pos && gt != npos;
            // A region closing before the next opening tag ends first.
            const std::size_t close = open_.empty() ? npos : closing_tag(text, pos, opens ? lt : text.size());
            if (close != npos) {
                if (!whitespace(text.substr(pos, close - pos))) emit(text.substr(pos, close - pos));
                open_.pop_back();
                if (open_.empty()) {  // back outside: the rest of the line is HTML as written
                    out_ += last_blank_ ? "" : "\n";
                    out_.append(text.substr(close));
                    out_ += '\n';
                    last_blank_ = false;
                    return;
                }
                std::size_t e = text.find('>', close);
                e = e == npos ? text.size() : e + 1;
                last_html_ = false;  // the closing tag comes after Markdown: a blank line first
                emit(text.substr(close, e - close));
                pos = e;
                if (whitespace(text.substr(pos))) return;
                continue;
            }
            if (!opens) {
                emit(text.substr(pos));
                return;
            }
            std::size_t n = lt + 1;
            while (n < text.size() && (is_alnum(text[n]) || text[n] == '-')) ++n;
            std::string name;
            for (std::size_t i = lt + 1; i < n; ++i) name += to_lower(text[i]);
            std::string head(text.substr(pos, attr_begin - pos));
            head += text.substr(attr_end, gt + 1 - attr_end);
            if (open_.empty()) {
                out_ += head;
                out_ += '\n';
                last_blank_ = false;
            } else {
                emit(head);
            }
            last_html_ = true;
            open_.push_back({name, 0});
            pos = gt + 1;
            if (whitespace(text.substr(pos))) return;
        }
    }

    // Where the innermost region's closing tag is in text[from, limit) (opening tags of the same
    // name counted as nesting), or npos.
    std::size_t closing_tag(std::string_view text, std::size_t from, std::size_t limit) {
        Region& r = open_.back();
        for (std::size_t p = text.find('<', from); p != npos && p < limit; p = text.find('<', p + 1)) {
            const bool closing = p + 1 < text.size() && text[p + 1] == '/';
            const std::size_t n = p + (closing ? 2 : 1);
            if (!starts_with_ci(text, n, r.name)) continue;
            const std::size_t after = n + r.name.size();
            if (after < text.size() && (is_alnum(text[after]) || text[after] == '-')) continue;
            if (!closing) {
                ++r.depth;
            } else if (r.depth > 0) {
                --r.depth;
            } else {
                return p;
            }
        }
        return npos;
    }

    std::string_view s_;
    std::string out_;
    std::vector<Region> open_;
    bool last_html_ = true, last_blank_ = false;
};

// ---------------------------------------------------------------------------------------------
// kramdown_before, step 1: definition lists become marker lines around ordinary paragraphs, so
// the terms and definitions are still rendered as Markdown by cmark.

class DefinitionLists {
public:
    DefinitionLists(std::string_view s, std::vector<KramdownMarker>& markers)
        : s_(s), lines_(classify(s)), markers_(markers) {}

    std::string run() {
        out_.reserve(s_.size() + 64);
        std::size_t i = 0;
        while (i < lines_.size()) {
            const bool start = i == 0 || lines_[i - 1].type != LineType::text || atx_heading(s_, lines_[i - 1]);
            if (start && term(i)) {
                auto [end, is_list] = terms(i);
                if (is_list && room(end - i + 3)) {
                    i = list(i, end);
                } else {
                    for (; i < end; ++i) copy(lines_[i], lines_[i].begin);
                }
                continue;
            }
            copy(lines_[i], lines_[i].begin);
            ++i;
        }
        return std::move(out_);
    }

private:
    bool top_level(const Line& l) const {
        return l.type == LineType::text && l.body == l.begin && !l.in_list && l.indent <= 3;
    }
    bool definition(std::size_t i) const {
        const Line& l = lines_[i];
        return top_level(l) && s_[l.content] == ':' && l.content + 1 < l.end && is_blank(s_[l.content + 1]);
    }
    bool term(std::size_t i) const {
        const Line& l = lines_[i];
        std::string_view body, key, title;
        return top_level(l) && !l.item && !definition(i) && !atx_heading(s_, l) && !thematic_break(content_of(s_, l)) &&
               !ial_line(s_, l, &body) && !abbreviation_line(s_, l, &key, &title);
    }
    // The term lines from i: where they end, and whether a definition follows them.
    std::pair<std::size_t, bool> terms(std::size_t i) const {
        std::size_t j = i;
        while (j < lines_.size() && term(j)) ++j;
        std::size_t k = j;
        while (k < lines_.size() && lines_[k].type == LineType::blank) ++k;
        return {std::max(j, i + 1), j > i && k < lines_.size() && definition(k)};
    }
    bool room(std::size_t n) const { return markers_.size() + n <= kMaxKramdownMarkers; }

    void copy(const Line& l, std::size_t from) {
        out_.append(s_.substr(from, l.end - from));
        out_ += '\n';
    }
    // Copies a line without its first `cols` columns of indentation.
    void copy_dedented(const Line& l, int cols) {
        std::size_t p = l.begin;
        int col = 0;
        while (p < l.end && is_blank(s_[p]) && col < cols) col += s_[p++] == '\t' ? 4 - col % 4 : 1;
        copy(l, p);
    }
    void marker(Kind kind, bool tight = false) {
        KramdownMarker m;
        m.kind = kind;
        m.tight = tight;
        markers_.push_back(std::move(m));
        out_ += "<!--" + encode_marker(markers_.size() - 1, "") + "-->\n";
    }

    // Writes the list whose first terms are lines [first, end); returns the line after it.
    std::size_t list(std::size_t first, std::size_t end) {
        marker(Kind::dl_open);
        std::size_t t = first;
        while (true) {
            for (; t < end; ++t) {
                marker(Kind::dt);
                copy(lines_[t], lines_[t].content);
            }
            std::size_t k = end;
            while (lines_[k].type == LineType::blank) ++k;
            bool tight = k == end;
            std::size_t last = k;
            while (true) {
                last = definition_at(k, tight);
                std::size_t r = last + 1;
                while (r < lines_.size() && lines_[r].type == LineType::blank) ++r;
                if (r < lines_.size() && definition(r) && room(3)) {
                    tight = r == last + 1;
                    k = r;
                    continue;
                }
                if (r < lines_.size() && r > last + 1 && term(r)) {
                    auto [next_end, is_list] = terms(r);
                    if (is_list && room(next_end - r + 3)) {
                        t = r;
                        end = next_end;
                        break;
                    }
                }
                marker(Kind::dl_close);
                return last + 1;
            }
        }
    }

    // Writes the definition at line k and the lines that continue it; returns its last line.
    std::size_t definition_at(std::size_t k, bool tight) {
        marker(Kind::dd_open, tight);
        const Line& d = lines_[k];
        std::size_t text = d.content + 1;
        while (text < d.end && is_blank(s_[text])) ++text;
        int spaces = columns(s_, d.content + 1, text);
        const int column = d.indent + 1 + (spaces > 4 ? 1 : spaces);
        copy(d, text);
        std::size_t last = k, m = k + 1;
        while (m < lines_.size()) {
            const Line& l = lines_[m];
            std::string_view body, key, title;
            if (l.type == LineType::blank) {
                std::size_t q = m;
                while (q < lines_.size() && lines_[q].type == LineType::blank) ++q;
                if (q == lines_.size() || lines_[q].body != lines_[q].begin || lines_[q].indent < column) break;
                for (; m < q; ++m) out_ += '\n';
                continue;
            }
            if (l.body == l.begin && l.indent >= column) {
                copy_dedented(l, column);
            } else if (m == last + 1 && l.type == LineType::text && !definition(m) && !l.item &&
                       !atx_heading(s_, l) && !ial_line(s_, l, &body) && !abbreviation_line(s_, l, &key, &title)) {
                copy(l, l.content);  // a lazy continuation line
            } else {
                break;
            }
            last = m++;
        }
        marker(Kind::dd_close);
        return last;
    }

    std::string_view s_;
    std::vector<Line> lines_;
    std::vector<KramdownMarker>& markers_;
    std::string out_;
};

// ---------------------------------------------------------------------------------------------
// kramdown_before, step 2: attribute lists, abbreviation definitions, math, raw HTML blocks.

// Backslash escapes kramdown resolves in text (the TeX of \\(...\\) is text to kramdown).
std::string unescape_kramdown(std::string_view s) {
    static constexpr std::string_view kEscapable = "\\.*_+-`()[]{}#!:|\"'$=<>";
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && kEscapable.find(s[i + 1]) != npos) ++i;
        out += s[i];
    }
    return out;
}

std::string trimmed(const std::string& s) { return trim(s, " \t\n\r\f"); }  // is_white's blanks

class Rewriter {
public:
    Rewriter(std::string_view s, KramdownPrepared& prep) : s_(s), lines_(classify(s)), prep_(prep) {}

    std::string run() {
        collect_alds();
        out_.reserve(s_.size() + 64);
        std::size_t i = 0;
        while (i < lines_.size()) {
            const Line& l = lines_[i];
            std::string_view body, key, title;
            if (l.type == LineType::html_raw && l.block_start) {
                i = raw_html_block(i);
            } else if (l.type != LineType::text) {
                copy(l);
                ++i;
            } else if (ial_line(s_, l, &body)) {
                i = attribute_lines(i);
            } else if (abbreviation_line(s_, l, &key, &title)) {
                define_abbreviation(key, title);
                block_marker(l, Kind::removed, "", {});
                ++i;
            } else {
                std::size_t j = i + 1;
                while (j < lines_.size() && lines_[j].type == LineType::text && !ial_line(s_, lines_[j], &body) &&
                       !abbreviation_line(s_, lines_[j], &key, &title))
                    ++j;
                text_with_tables(i, j);
                i = j;
            }
        }
        return std::move(out_);
    }

private:
    bool room() const { return prep_.markers.size() < kMaxKramdownMarkers; }

    std::size_t add_marker(KramdownMarker m) {
        prep_.markers.push_back(std::move(m));
        return prep_.markers.size() - 1;
    }

    void copy(const Line& l) {
        out_.append(s_.substr(l.begin, l.end - l.begin));
        out_ += '\n';
    }

    // Writes "<!--marker-->" on a line of its own, inside the same blockquote and list item.
    void block_marker(const Line& l, Kind kind, std::string_view source, Ial ial) {
        if (!room()) {
            copy(l);
            return;
        }
        KramdownMarker m;
        m.kind = kind;
        m.source = std::string(source);
        for (const auto& ref : ial.refs) m.toc = m.toc || ref == "toc";
        m.attributes = safe_attributes(std::move(ial.attributes));
        std::size_t index = add_marker(std::move(m));
        out_.append(s_.substr(l.begin, l.content - l.begin));
        out_ += "<!--" + encode_marker(index, "") + "-->\n";
    }

    void collect_alds() {
        for (const Line& l : lines_) {
            std::string_view body, rest;
            std::string name;
            if (ial_line(s_, l, &body) && ald_body(body, &name, &rest)) alds_[name] = parse_ial(rest);
        }
    }

    // The IAL's own attributes, with those of the ALDs it names merged in where named.
    Ial resolve(std::string_view body) {
        Ial own = parse_ial(body), out;
        // kramdown applies references first, then the list's own attributes.
        for (const auto& ref : own.refs) {
            auto it = alds_.find(ref);
            if (it == alds_.end()) {
                out.refs.push_back(ref);
                continue;
            }
            for (const auto& a : it->second.attributes) set_attribute(out.attributes, a.name, a.value);
            for (const auto& r : it->second.refs) out.refs.push_back(r);
        }
        for (auto& a : own.attributes) set_attribute(out.attributes, std::move(a.name), std::move(a.value));
        return out;
    }

    // One or more consecutive "{: ...}" lines: one marker for the block before them (when they
    // follow it directly) or after them. ALD lines are definitions and write nothing.
    std::size_t attribute_lines(std::size_t i) {
        const bool after_block = i > 0 && lines_[i - 1].type != LineType::blank;
        const std::string_view quotes = s_.substr(lines_[i].begin, lines_[i].body - lines_[i].begin);
        std::string_view body;
        std::size_t end = i;
        while (end < lines_.size() && ial_line(s_, lines_[end], &body) &&
               s_.substr(lines_[end].begin, lines_[end].body - lines_[end].begin) == quotes)
            ++end;
        if (!room()) {  // past the limit: left as written
            for (std::size_t j = i; j < end; ++j) copy(lines_[j]);
            return end;
        }
        Ial merged;
        std::string source;
        for (std::size_t j = i; j < end && ial_line(s_, lines_[j], &body); ++j) {
            std::string name;
            std::string_view rest;
            if (ald_body(body, &name, &rest)) {
                block_marker(lines_[j], Kind::removed, "", {});
                continue;
            }
            Ial ial = resolve(body);
            for (auto& a : ial.attributes) set_attribute(merged.attributes, std::move(a.name), std::move(a.value));
            for (auto& r : ial.refs) merged.refs.push_back(std::move(r));
            if (!source.empty()) source += '\n';
            source += content_of(s_, lines_[j]);
        }
        if (!source.empty())
            block_marker(lines_[i], after_block ? Kind::block_ial_prev : Kind::block_ial_next, source, std::move(merged));
        return end;
    }

    // A later definition of the same abbreviation replaces the earlier one, as in kramdown.
    void define_abbreviation(std::string_view key, std::string_view title) {
        auto& list = prep_.abbreviations;
        std::string k(key);
        while (!k.empty() && is_white(k.back())) k.pop_back();
        if (k.empty() || k.size() > kMaxAbbreviationLength) return;
        if (auto it = abbreviation_index_.find(k); it != abbreviation_index_.end()) {
            list[it->second].second = std::string(title);
        } else if (list.size() < kMaxAbbreviations) {
            abbreviation_index_.emplace(k, list.size());
            list.emplace_back(std::move(k), std::string(title));
        }
    }

    // A raw HTML block, copied as is between two markers that keep abbreviations out of it;
    // "{: ...}" lines inside a block-tag block still apply to it, as kramdown reads them.
    std::size_t raw_html_block(std::size_t i) {
        std::size_t end = i + 1;
        while (end < lines_.size() && lines_[end].type == LineType::html_raw && !lines_[end].block_start) ++end;
        block_marker(lines_[i], Kind::raw_html_open, "", {});
        copy(lines_[i]);
        for (std::size_t k = i + 1; k < end; ++k) {
            std::string_view body;
            if (ial_line(s_, lines_[k], &body)) {
                std::string name;
                std::string_view rest;
                if (ald_body(body, &name, &rest))
                    block_marker(lines_[k], Kind::removed, "", {});
                else
                    block_marker(lines_[k], Kind::block_ial_prev, content_of(s_, lines_[k]), resolve(body));
            } else {
                copy(lines_[k]);
            }
        }
        const Line& last = lines_[end - 1];
        Line at = last;
        at.content = last.body;  // the marker goes inside the same blockquote, not indented
        block_marker(at, Kind::raw_html_close, "", {});
        return end;
    }

    // --- tables: kramdown's section lines ---

    // Only the characters of a table's delimiter row or kramdown's separator lines, with at
    // least one '|'. Returns the set of those characters seen.
    bool rule_line(const Line& l, bool* dash, bool* equals) const {
        bool pipe = false;
        *dash = *equals = false;
        for (char c : content_of(s_, l)) {
            if (c == '|') pipe = true;
            else if (c == '-') *dash = true;
            else if (c == '=') *equals = true;
            else if (c != ':' && c != '+' && !is_blank(c)) return false;
        }
        return pipe;
    }

    // Text lines [first, last): in a table (a row with '|' then a delimiter row), a separator
    // line becomes a one-cell row holding a marker, which kramdown_after() turns into the
    // section break.
    void text_with_tables(std::size_t first, std::size_t last) {
        std::size_t from = first;
        bool in_table = false;
        for (std::size_t k = first; k < last; ++k) {
            bool dash = false, equals = false;
            const bool rule = rule_line(lines_[k], &dash, &equals);
            if (!in_table) {
                in_table = k > first && rule && dash && !equals &&
                           content_of(s_, lines_[k - 1]).find('|') != npos;
                continue;
            }
            if (!rule || dash == equals || !room()) continue;
            if (from < k) text(from, k);
            KramdownMarker m;
            m.kind = equals ? Kind::table_footer : Kind::table_break;
            m.source = std::string(content_of(s_, lines_[k]));
            std::size_t index = add_marker(std::move(m));
            out_.append(s_.substr(lines_[k].begin, lines_[k].content - lines_[k].begin));
            out_ += "| " + encode_marker(index, "") + " |\n";
            from = k + 1;
        }
        if (from < last) text(from, last);
    }

    // --- inline text: lines [first, last) of consecutive Markdown text ---

    struct Memo {  // searches that failed once fail for the rest of the text: no rescanning
        bool no_dollars = false, no_paren = false, no_bracket = false, no_comment_end = false;
        bool no_dquote = false, no_squote = false;
        std::size_t no_brace_until = 0;
        std::vector<bool> no_ticks;  // by backtick run length
    };

    std::size_t line_of(std::size_t pos) {
        while (cursor_ + 1 < last_ && lines_[cursor_ + 1].begin <= pos) ++cursor_;
        return cursor_;
    }

    // The text between from and to, without the blockquote markers of the lines it spans.
    std::string unquoted(std::size_t from, std::size_t to, std::size_t line) {
        std::string out;
        std::size_t p = from;
        while (p < to) {
            std::size_t stop = std::min(to, lines_[line].end);
            out.append(s_.substr(p, stop - p));
            if (stop == to || line + 1 >= last_) break;
            out += '\n';
            ++line;
            p = std::max(lines_[line].body, stop + 1);
        }
        return out;
    }

    std::size_t find(std::string_view needle, std::size_t from, bool* memo) {
        if (*memo) return npos;
        std::size_t p = s_.substr(0, stop_).find(needle, from);  // never past this text
        if (p == npos) {
            *memo = true;
            return npos;
        }
        return p;
    }

    // End of a raw HTML tag, comment or autolink starting at s[p] == '<', or npos.
    std::size_t raw_inline_end(std::size_t p, Memo& memo) {
        std::size_t q = p + 1;
        if (starts_with(s_, q, "!--")) {
            std::size_t e = find("-->", q + 3, &memo.no_comment_end);
            return e == npos ? npos : e + 3;
        }
        const bool closing = q < stop_ && s_[q] == '/';
        if (closing) ++q;
        if (q >= stop_ || !is_alpha(s_[q])) return npos;
        std::size_t r = q;
        while (r < stop_ && (is_alnum(s_[r]) || s_[r] == '+' || s_[r] == '.' || s_[r] == '-')) ++r;
        if (!closing && r < stop_ && s_[r] == ':' && r - q >= 2) {  // autolink <scheme:...>
            std::size_t e = r + 1;
            while (e < stop_ && s_[e] != '>' && s_[e] != '<' && !is_white(s_[e])) ++e;
            return e < stop_ && s_[e] == '>' ? e + 1 : npos;
        }
        r = q;
        while (r < stop_ && (is_alnum(s_[r]) || s_[r] == '-')) ++r;
        while (true) {
            std::size_t w = r;
            while (r < stop_ && is_white(s_[r])) ++r;
            if (r >= stop_) return npos;
            if (s_[r] == '>') return r + 1;
            if (!closing && starts_with(s_, r, "/>")) return r + 2;
            if (closing || r == w) return npos;
            if (!(is_alpha(s_[r]) || s_[r] == '_' || s_[r] == ':')) return npos;
            while (r < stop_ && (is_word(s_[r]) || s_[r] == '.' || s_[r] == ':' || s_[r] == '-')) ++r;
            std::size_t v = r;
            while (v < stop_ && is_white(s_[v])) ++v;
            if (v >= stop_ || s_[v] != '=') continue;
            ++v;
            while (v < stop_ && is_white(s_[v])) ++v;
            if (v >= stop_) return npos;
            if (s_[v] == '"' || s_[v] == '\'') {
                std::size_t e = find(std::string_view(&s_[v], 1), v + 1, s_[v] == '"' ? &memo.no_dquote : &memo.no_squote);
                if (e == npos) return npos;
                r = e + 1;
            } else {
                std::size_t e = v;
                while (e < stop_ && !is_white(s_[e]) && std::string_view("\"'=<>`").find(s_[e]) == npos) ++e;
                if (e == v) return npos;
                r = e;
            }
        }
    }

    // Position after a link destination starting at p (just after "]("): skipped, so no marker
    // lands in a URL (cmark would percent-encode it).
    std::size_t skip_destination(std::size_t p) {
        while (p < stop_ && is_white(s_[p])) ++p;
        if (p < stop_ && s_[p] == '<') {
            while (p < stop_ && s_[p] != '>' && s_[p] != '\n') ++p;
            return p;
        }
        int depth = 0;
        while (p < stop_ && !is_white(s_[p])) {
            if (s_[p] == '\\') {
                p += 2;
                continue;
            }
            if (s_[p] == '(') ++depth;
            if (s_[p] == ')' && depth-- == 0) break;
            ++p;
        }
        return std::min(p, stop_);
    }

    // Start of a line's text after its blockquote markers, indentation and list marker.
    std::size_t lead(const Line& l) const { return l.content + (l.item ? static_cast<std::size_t>(l.item_width) : 0); }

    void replace(std::size_t from, std::size_t to, const std::string& with) {
        out_.append(s_.substr(copied_, from - copied_));
        out_ += with;
        copied_ = to;
    }

    void text(std::size_t first, std::size_t last) {
        first_ = first;
        last_ = last;
        cursor_ = first;
        stop_ = lines_[last - 1].end;
        copied_ = lines_[first].begin;
        Memo memo;
        std::size_t pos = copied_;
        while (pos < stop_) {
            const char c = s_[pos];
            if (c == '\\') {
                if (starts_with(s_, pos, "\\\\(") || starts_with(s_, pos, "\\\\[")) {
                    const bool bracket = s_[pos + 2] == '[';
                    std::size_t e = find(bracket ? "\\\\]" : "\\\\)", pos + 3, bracket ? &memo.no_bracket : &memo.no_paren);
                    if (e != npos && room()) {
                        KramdownMarker m;
                        m.kind = Kind::inline_math;
                        m.display = bracket;
                        m.source = std::string(s_.substr(pos, e + 3 - pos));
                        m.tex = unescape_kramdown(unquoted(pos + 3, e, line_of(pos)));
                        std::size_t index = add_marker(std::move(m));
                        replace(pos, e + 3, encode_marker(index, prep_.markers[index].source));
                        pos = e + 3;
                        continue;
                    }
                }
                pos += 2;
                continue;
            }
            if (c == '`') {
                std::size_t n = 0;
                while (pos + n < stop_ && s_[pos + n] == '`') ++n;
                pos = code_span_end(pos, n, memo);
                continue;
            }
            if (c == '$' && pos + 1 < stop_ && s_[pos + 1] == '$') {
                pos = math(pos, memo);
                continue;
            }
            if (c == '<') {
                std::size_t e = raw_inline_end(pos, memo);
                pos = e == npos ? pos + 1 : e;
                continue;
            }
            if (c == ']' && pos + 1 < stop_ && s_[pos + 1] == '(') {
                pos = skip_destination(pos + 2);
                continue;
            }
            if (c == '{' && starts_with(s_, pos, "{:") && !starts_with(s_, pos + 2, ":") && !starts_with(s_, pos + 2, "/")) {
                pos = span_ial(pos, memo);
                continue;
            }
            ++pos;
        }
        out_.append(s_.substr(copied_, stop_ - copied_));
        out_ += '\n';
    }

    // Skips a code span opened by n backticks at pos (or just the backticks, if it never closes).
    std::size_t code_span_end(std::size_t pos, std::size_t n, Memo& memo) {
        if (n < memo.no_ticks.size() && memo.no_ticks[n]) return pos + n;
        for (std::size_t p = pos + n; p < stop_;) {
            if (s_[p] != '`') {
                ++p;
                continue;
            }
            std::size_t k = 0;
            while (p + k < stop_ && s_[p + k] == '`') ++k;
            if (k == n) return p + k;
            p += k;
        }
        if (memo.no_ticks.size() <= n) memo.no_ticks.resize(n + 1, false);
        memo.no_ticks[n] = true;
        return pos + n;
    }

    // $$...$$ at pos: display math when it is a block of its own (starts the paragraph or list
    // item and ends it), else inline math. Unterminated: left as text.
    std::size_t math(std::size_t pos, Memo& memo) {
        std::size_t e = find("$$", pos + 2, &memo.no_dollars);
        if (e == npos || !room()) return pos + 2;
        const std::size_t a = line_of(pos);
        std::size_t b = a;
        while (b + 1 < last_ && lines_[b + 1].begin <= e) ++b;
        std::size_t after = e + 2;
        while (after < lines_[b].end && is_blank(s_[after])) ++after;
        const bool starts_block = pos == lead(lines_[a]) &&
                                  (a == first_ || lines_[a].item || atx_heading(s_, lines_[a - 1]));
        const bool ends_block = after == lines_[b].end && (b + 1 == last_ || lines_[b + 1].item);
        KramdownMarker m;
        m.source = std::string(s_.substr(pos, e + 2 - pos));
        m.tex = trimmed(unquoted(pos + 2, e, a));  // kramdown strips the TeX of both kinds
        if (starts_block && ends_block) {
            m.kind = Kind::display_math;
            std::size_t index = add_marker(std::move(m));
            replace(pos, lines_[b].end, "<!--" + encode_marker(index, "") + "-->");
            cursor_ = b;
            return lines_[b].end;
        }
        m.kind = Kind::inline_math;
        std::size_t index = add_marker(std::move(m));
        replace(pos, e + 2, encode_marker(index, prep_.markers[index].source));
        cursor_ = b;
        return e + 2;
    }

    // "{: ...}" inside text: a span IAL (kramdown_after applies it to the element before it, or
    // puts the text back when there is none).
    std::size_t span_ial(std::size_t pos, Memo& memo) {
        if (pos < memo.no_brace_until) return pos + 2;
        std::size_t e = pos + 2;
        while (e < stop_ && s_[e] != '}' && s_[e] != '\n') e += s_[e] == '\\' ? 2 : 1;
        if (e >= stop_ || s_[e] != '}') {
            memo.no_brace_until = e;  // no '}' up to the end of this line
            return pos + 2;
        }
        if (e == pos + 2 || !room()) return e + 1;
        KramdownMarker m;
        m.kind = Kind::span_ial;
        m.source = std::string(s_.substr(pos, e + 1 - pos));
        Ial ial = resolve(s_.substr(pos + 2, e - pos - 2));
        m.attributes = safe_attributes(std::move(ial.attributes));
        std::size_t index = add_marker(std::move(m));
        // The '!' (inert in Markdown) makes cmark see punctuation after the span, as kramdown
        // sees no text there: "_em_{: .c}" still closes the emphasis. A list that will apply
        // (it follows the end of a span) is not text in a heading's id; one that stays text is.
        const bool after_span = pos > 0 && std::string_view(")*_`]>~").find(s_[pos - 1]) != npos;
        replace(pos, e + 1, "!" + encode_marker(index, after_span ? "" : prep_.markers[index].source));
        return e + 1;
    }

    std::string_view s_;
    std::vector<Line> lines_;
    KramdownPrepared& prep_;
    std::unordered_map<std::string, Ial> alds_;
    std::unordered_map<std::string, std::size_t> abbreviation_index_;  // key -> place in the list
    std::string out_;
    // The text being scanned: its lines [first_, last_), where it stops, how far it is copied.
    std::size_t first_ = 0, last_ = 0, cursor_ = 0, stop_ = 0, copied_ = 0;
};

// ---------------------------------------------------------------------------------------------
// kramdown_after: the HTML as tokens (text, tags, comments, markers), tags paired by name, each
// marker resolved against its neighbours, then one pass writes the result. Every step is linear
// in the size of the HTML.

struct Token {
    enum Type : unsigned char { text, open, close, comment, marker } type = text;
    enum Form : unsigned char { inline_form, comment_form, escaped_form } form = inline_form;
    bool in_code = false;       // inside code, pre or textarea: a marker puts its source back
    bool in_script = false;     // inside script or style: the same, unescaped
    bool self_closing = false;  // void elements and <x ... />
    bool whole_line = false;    // a comment marker alone on its line (its '\n' is part of it)
    std::size_t begin = 0, end = 0;
    std::string name;  // tags: lower-case name; dl/dd markers: "\x01dl", "\x01dd"
    std::size_t index = 0;  // markers: index into the prepared markers
    long match = -1;  // the other tag of an open/close pair
};

bool void_element(std::string_view name) {
    static const char* const kVoid[] = {"area", "base", "br",   "col",   "embed",  "hr",    "img",
                                        "input", "link", "meta", "param", "source", "track", "wbr"};
    for (const char* v : kVoid)
        if (name == v) return true;
    return false;
}

bool whitespace_only(std::string_view s) {
    for (char c : s)
        if (!is_white(c)) return false;
    return true;
}

// An IAL value as kramdown writes it: escaped, but an entity the author wrote ("&amp;",
// "&#8230;") stays one.
std::string escape_value(std::string_view v) {
    std::string out;
    std::size_t from = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] != '&') continue;
        std::size_t e = i + 1;
        if (e < v.size() && v[e] == '#') ++e;
        const std::size_t name = e;
        while (e < v.size() && e - i < 32 && is_alnum(v[e])) ++e;
        if (e > name && e < v.size() && v[e] == ';') {
            out += escape_html(v.substr(from, i - from));
            out += v.substr(i, e + 1 - i);
            from = e + 1;
            i = e;
        }
    }
    return out + escape_html(v.substr(from));
}

std::string attribute_text(const std::vector<KramdownAttribute>& attributes) {
    std::string out;
    for (const auto& a : attributes) out += " " + a.name + "=\"" + escape_value(a.value) + "\"";
    return out;
}

// The tag with its name changed (if rename) and attributes merged in: id and other names
// replace the tag's own, class adds to it.
std::string rebuild_tag(std::string_view tag, const char* rename, const std::vector<KramdownAttribute>& add) {
    struct Attr {
        std::string name, value;  // value as written in the tag (already escaped)
        bool has_value;
    };
    std::size_t p = 1;
    while (p < tag.size() && !is_white(tag[p]) && tag[p] != '>' && tag[p] != '/') ++p;
    const std::string name(tag.substr(1, p - 1));
    const bool self_closing = tag.size() >= 2 && tag[tag.size() - 2] == '/';
    std::vector<Attr> attrs;
    while (p < tag.size()) {
        while (p < tag.size() && (is_white(tag[p]) || tag[p] == '/')) ++p;
        if (p >= tag.size() || tag[p] == '>') break;
        std::size_t q = p;
        while (q < tag.size() && !is_white(tag[q]) && tag[q] != '=' && tag[q] != '>' && tag[q] != '/') ++q;
        if (q == p) {
            ++p;
            continue;
        }
        Attr a{std::string(tag.substr(p, q - p)), "", false};
        p = q;
        while (p < tag.size() && is_white(tag[p])) ++p;
        if (p < tag.size() && tag[p] == '=') {
            ++p;
            while (p < tag.size() && is_white(tag[p])) ++p;
            a.has_value = true;
            if (p < tag.size() && (tag[p] == '"' || tag[p] == '\'')) {
                std::size_t e = tag.find(tag[p], p + 1);
                if (e == npos) e = tag.size() - 1;
                a.value = std::string(tag.substr(p + 1, e - p - 1));
                p = e + 1;
            } else {
                std::size_t e = p;
                while (e < tag.size() && !is_white(tag[e]) && tag[e] != '>') ++e;
                a.value = std::string(tag.substr(p, e - p));
                p = e;
            }
        }
        attrs.push_back(std::move(a));
    }
    for (const auto& n : add) {
        const std::string v = escape_value(n.value);
        auto it = std::find_if(attrs.begin(), attrs.end(), [&](const Attr& a) {
            if (a.name.size() != n.name.size()) return false;
            for (std::size_t i = 0; i < a.name.size(); ++i)
                if (to_lower(a.name[i]) != to_lower(n.name[i])) return false;
            return true;
        });
        if (it == attrs.end()) {
            attrs.push_back({n.name, v, true});
        } else if (n.name == "class" && it->has_value && !it->value.empty()) {
            if (!v.empty()) it->value += ' ' + v;
        } else {
            it->value = v;
            it->has_value = true;
        }
    }
    std::string out = "<" + std::string(rename ? rename : name);
    for (const auto& a : attrs) {
        out += ' ' + a.name;
        if (!a.has_value) continue;
        out += "=\"";
        for (char c : a.value) out += c == '"' ? std::string("&quot;") : std::string(1, c);
        out += '"';
    }
    out += self_closing ? " />" : ">";
    return out;
}

// Abbreviations: a trie of the escaped keys, walked from each word start of each text run.
class Abbreviations {
public:
    explicit Abbreviations(const std::vector<std::pair<std::string, std::string>>& defs) : nodes_(1) {
        for (const auto& [key, title] : defs) {
            int node = 0;
            for (char c : escape_html(key)) node = add_child(node, c);
            if (nodes_[node].title < 0) {
                nodes_[node].title = static_cast<int>(titles_.size());
                titles_.push_back(title.empty() ? "<abbr>" : "<abbr title=\"" + escape_html(title) + "\">");
            } else {
                titles_[nodes_[node].title] = title.empty() ? "<abbr>" : "<abbr title=\"" + escape_html(title) + "\">";
            }
        }
    }

    // Appends the escaped text run with each whole-word abbreviation wrapped (the longest
    // where several fit; kramdown's (?:\W|^)KEY(?!\w) boundaries).
    void apply(std::string_view t, std::string& out) const {
        if (titles_.empty()) {
            out += t;
            return;
        }
        bool after_word = false;
        for (std::size_t i = 0; i < t.size();) {
            if (!after_word) {
                std::size_t best = 0;
                int title = -1, node = 0;
                for (std::size_t j = i; j < t.size() && (node = child(node, t[j])) >= 0; ++j) {
                    if (nodes_[node].title >= 0 && (j + 1 == t.size() || !is_word(t[j + 1]))) {
                        best = j + 1 - i;
                        title = nodes_[node].title;
                    }
                }
                if (best) {
                    out += titles_[title];
                    out += t.substr(i, best);
                    out += "</abbr>";
                    i += best;
                    after_word = is_word(t[i - 1]);
                    continue;
                }
            }
            if (t[i] == '&') {  // an entity is one character, never a word start inside
                std::size_t e = i + 1;
                while (e < t.size() && e - i < 12 && (is_alnum(t[e]) || t[e] == '#')) ++e;
                if (e < t.size() && t[e] == ';' && e > i + 1) {
                    out += t.substr(i, e + 1 - i);
                    i = e + 1;
                    after_word = false;
                    continue;
                }
            }
            after_word = is_word(t[i]);
            out += t[i++];
        }
    }

private:
    struct Node {
        std::vector<std::pair<char, int>> next;
        int title = -1;
    };
    int add_child(int node, char c) {
        if (int n = child(node, c); n >= 0) return n;
        nodes_.push_back({});
        int n = static_cast<int>(nodes_.size()) - 1;
        nodes_[node].next.emplace_back(c, n);
        return n;
    }
    int child(int node, char c) const {
        for (const auto& [ch, n] : nodes_[node].next)
            if (ch == c) return n;
        return -1;
    }
    std::vector<Node> nodes_;
    std::vector<std::string> titles_;  // the opening <abbr ...> tag for each key
};

struct TocEntry {
    int level;
    std::string id;    // as written in the heading's tag
    std::string html;  // the heading's content, links removed
};

std::string attribute_in(std::string_view tag, std::string_view name) {
    std::string needle = " " + std::string(name) + "=\"";
    std::size_t p = tag.find(needle);
    if (p == npos) return "";
    p += needle.size();
    std::size_t e = tag.find('"', p);
    return e == npos ? "" : std::string(tag.substr(p, e - p));
}

std::string without_links(std::string_view h) {
    std::string out;
    for (std::size_t i = 0; i < h.size(); ++i) {
        if (h[i] == '<' && (starts_with(h, i, "<a ") || starts_with(h, i, "<a>") || starts_with(h, i, "</a>"))) {
            std::size_t e = h.find('>', i);
            if (e == npos) break;
            i = e;
            continue;
        }
        out += h[i];
    }
    return out;
}

// The headings for kramdown's {:toc}. Not folio's toc_data (content.cpp, the theme's toc partial,
// h2 and h3 as plain text): kramdown lists every level with an id, skips .no_toc and keeps the
// headings' inline HTML, so its rules stay its own.
std::vector<TocEntry> toc_entries(std::string_view h) {
    std::vector<TocEntry> out;
    bool no_close[7] = {};
    for (std::size_t pos = 0; (pos = h.find("<h", pos)) != npos;) {
        if (pos + 3 >= h.size()) break;
        const char lv = h[pos + 2];
        if (lv < '1' || lv > '6' || !(h[pos + 3] == ' ' || h[pos + 3] == '>')) {
            pos += 2;
            continue;
        }
        const int level = lv - '0';
        const std::size_t open_end = h.find('>', pos);
        if (open_end == npos) break;
        const std::string close = std::string("</h") + lv + ">";
        const std::size_t end = no_close[level] ? npos : h.find(close, open_end);
        if (end == npos) {
            no_close[level] = true;
            pos = open_end;
            continue;
        }
        const std::string_view tag = h.substr(pos, open_end + 1 - pos);
        const std::string id = attribute_in(tag, "id");
        const std::string cls = " " + attribute_in(tag, "class") + " ";
        if (!id.empty() && cls.find(" no_toc ") == npos)
            out.push_back({level, id, without_links(h.substr(open_end + 1, end - open_end - 1))});
        pos = end;
    }
    return out;
}

// kramdown's TOC: nested lists of links to the headings, <ul id="markdown-toc"> plus the IAL.
std::string toc_html(const std::vector<TocEntry>& entries, const std::vector<KramdownAttribute>& attributes) {
    if (entries.empty()) return "";
    std::vector<KramdownAttribute> attrs = {{"id", "markdown-toc"}};
    for (const auto& a : attributes) set_attribute(attrs, a.name, a.value);
    std::string out = "<ul" + attribute_text(attrs) + ">\n";
    std::vector<int> levels;  // the level of the open <li> at each depth
    for (const auto& e : entries) {
        const std::string link = "<li><a href=\"#" + e.id + "\" id=\"markdown-toc-" + e.id + "\">" + e.html + "</a>";
        if (!levels.empty() && e.level > levels.back()) {
            out += "\n<ul>\n" + link;
            levels.push_back(e.level);
            continue;
        }
        if (!levels.empty()) {
            out += "</li>\n";
            while (levels.size() > 1 && e.level <= levels[levels.size() - 2]) {
                levels.pop_back();
                out += "</ul>\n</li>\n";
            }
            levels.back() = e.level;
        } else {
            levels.push_back(e.level);
        }
        out += link;
    }
    out += "</li>\n";
    for (; levels.size() > 1; levels.pop_back()) out += "</ul>\n</li>\n";
    return out + "</ul>";
}

// No marker character may reach the page, whatever happened before.
std::string scrub(std::string s) {
    if (s.find("\xEF\xB7") == npos) return s;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\xEF' && i + 2 < s.size() && s[i + 1] == '\xB7' && is_marker_byte3(static_cast<unsigned char>(s[i + 2]))) {
            i += 2;
            continue;
        }
        out += s[i];
    }
    return out;
}

class Finisher {
public:
    Finisher(std::string_view html, const KramdownPrepared& prep)
        : h_(html), prep_(prep), abbreviations_(prep.abbreviations) {}

    std::string run() {
        tokenize();
        pair_tags();
        resolve();
        std::string out = render();
        if (!tocs_.empty()) out = insert_tocs(out);
        return scrub(std::move(out));
    }

private:
    const KramdownMarker& marker_of(const Token& t) const { return prep_.markers[t.index]; }
    bool live(const Token& t) const { return !t.in_code && !t.in_script && t.form != Token::escaped_form; }

    // The end of the tag opened at h[p], or npos if it is not one. Failed searches are
    // remembered, so a page full of stray '<' stays linear.
    std::size_t tag_end(std::size_t p) {
        if (no_gt_) return npos;
        bool quoted = false;
        for (std::size_t i = p + 1; i < h_.size(); ++i) {
            const char c = h_[i];
            if (c == '>') return i + 1;
            if (c == '<') return npos;
            if (c == '"' || c == '\'') {
                bool& memo = c == '"' ? no_dquote_ : no_squote_;
                std::size_t q = memo ? npos : h_.find(c, i + 1);
                if (q == npos) {
                    memo = true;
                    return npos;
                }
                i = q;
                quoted = true;
            }
        }
        no_gt_ = !quoted;  // with no quotes skipped, nothing after p can end a tag either
        return npos;
    }

    void tokenize() {
        int code = 0, script = 0;
        std::size_t text_from = 0, pos = 0;
        auto flush = [&](std::size_t to) {
            if (to <= text_from) return;
            Token t;
            t.begin = text_from;
            t.end = to;
            t.in_code = code > 0;
            t.in_script = script > 0;
            toks_.push_back(std::move(t));
        };
        auto push = [&](Token t) {
            flush(t.begin);
            t.in_code = t.in_code || code > 0;
            t.in_script = t.in_script || script > 0;
            pos = text_from = t.end;
            toks_.push_back(std::move(t));
        };
        while (pos < h_.size()) {
            const char c = h_[pos];
            if (c == '<' && starts_with(h_, pos, "<!--")) {
                std::size_t e = no_comment_end_ ? npos : h_.find("-->", pos + 4);
                if (e == npos) {
                    no_comment_end_ = true;
                    ++pos;
                    continue;
                }
                Token t;
                t.type = Token::comment;
                t.begin = pos;
                t.end = e + 3;
                if (starts_with(h_, pos + 4, kStart)) {
                    auto d = decode_marker(h_, pos + 4);
                    if (d && pos + 4 + d->length == e && d->index < prep_.markers.size()) {
                        t.type = Token::marker;
                        t.form = Token::comment_form;
                        t.index = d->index;
                        if (t.end < h_.size() && h_[t.end] == '\n' && (pos == 0 || h_[pos - 1] == '\n')) {
                            ++t.end;
                            t.whole_line = true;
                        }
                    }
                }
                push(std::move(t));
                continue;
            }
            if (c == '<' && pos + 1 < h_.size() &&
                (is_alpha(h_[pos + 1]) || (h_[pos + 1] == '/' && pos + 2 < h_.size() && is_alpha(h_[pos + 2])))) {
                const std::size_t e = tag_end(pos);
                if (e == npos) {
                    ++pos;
                    continue;
                }
                Token t;
                const bool closing = h_[pos + 1] == '/';
                t.type = closing ? Token::close : Token::open;
                t.begin = pos;
                t.end = e;
                for (std::size_t i = pos + (closing ? 2 : 1); i < e && (is_alnum(h_[i]) || h_[i] == '-'); ++i)
                    t.name += to_lower(h_[i]);
                t.self_closing = !closing && (void_element(t.name) || h_[e - 2] == '/');
                const bool is_code = t.name == "code" || t.name == "pre" || t.name == "textarea";
                const bool is_script = t.name == "script" || t.name == "style";
                push(std::move(t));
                const Token& pushed = toks_.back();
                if (pushed.type == Token::open && !pushed.self_closing) {
                    code += is_code;
                    script += is_script;
                } else if (pushed.type == Token::close) {
                    if (is_code && code > 0) --code;
                    if (is_script && script > 0) --script;
                }
                continue;
            }
            if (c == '\xEF' && starts_with(h_, pos, kStart)) {
                auto d = decode_marker(h_, pos);
                if (!d || d->index >= prep_.markers.size()) {
                    pos += kStart.size();  // stray: removed by scrub()
                    continue;
                }
                Token t;
                t.type = Token::marker;
                t.index = d->index;
                t.begin = pos;
                t.end = pos + d->length;
                if (prep_.markers[d->index].kind == Kind::span_ial && t.begin > text_from && h_[t.begin - 1] == '!')
                    --t.begin;
                if (t.begin >= text_from + 7 && starts_with(h_, t.begin - 7, "&lt;!--") && starts_with(h_, t.end, "--&gt;")) {
                    t.begin -= 7;
                    t.end += 6;
                    t.form = Token::escaped_form;
                }
                push(std::move(t));
                continue;
            }
            ++pos;
        }
        flush(h_.size());
    }

    static const char* virtual_name(Kind k) {
        switch (k) {
        case Kind::dl_open:
        case Kind::dl_close: return "\x01" "dl";
        case Kind::dd_open:
        case Kind::dd_close: return "\x01" "dd";
        default: return nullptr;
        }
    }

    // Pairs each closing tag with the latest unpaired opening tag of the same name (one stack
    // per name, so stray tags of other names in raw HTML do not matter); dl and dd markers too.
    void pair_tags() {
        std::unordered_map<std::string, std::vector<std::size_t>> open;
        for (std::size_t k = 0; k < toks_.size(); ++k) {
            Token& t = toks_[k];
            bool opens = t.type == Token::open && !t.self_closing, closes = t.type == Token::close;
            if (t.type == Token::marker && t.form == Token::comment_form && live(t)) {
                if (const char* v = virtual_name(marker_of(t).kind)) {
                    t.name = v;
                    opens = marker_of(t).kind == Kind::dl_open || marker_of(t).kind == Kind::dd_open;
                    closes = !opens;
                }
            }
            if (opens) {
                open[t.name].push_back(k);
            } else if (closes) {
                auto& stack = open[t.name];
                if (stack.empty()) continue;
                toks_[stack.back()].match = static_cast<long>(k);
                t.match = static_cast<long>(stack.back());
                stack.pop_back();
            }
        }
    }

    // Tokens a block marker looks through to find its element: white space and other block
    // markers that write nothing there.
    bool transparent(const Token& t) const {
        if (t.type == Token::text) return whitespace_only(h_.substr(t.begin, t.end - t.begin));
        if (t.type != Token::marker || t.form != Token::comment_form) return false;
        switch (marker_of(t).kind) {
        case Kind::removed:
        case Kind::block_ial_prev:
        case Kind::block_ial_next:
        case Kind::raw_html_open:
        case Kind::raw_html_close: return true;
        default: return false;
        }
    }

    bool is_virtual(const Token& t) const { return t.type == Token::marker && !t.name.empty(); }

    // The element that ends at token k (its opening tag), or -1.
    long element_ending(long k) const {
        if (k < 0) return -1;
        const Token& t = toks_[k];
        const bool closes = t.type == Token::close ||
                            (is_virtual(t) && (marker_of(t).kind == Kind::dl_close || marker_of(t).kind == Kind::dd_close));
        if (closes && t.match >= 0) return t.match;
        if (t.type == Token::open && t.self_closing) return k;
        return -1;
    }

    // The element that starts at token k, or -1.
    long element_starting(long k) const {
        if (k < 0) return -1;
        const Token& t = toks_[k];
        if (t.type == Token::open) return k;
        if (is_virtual(t) && (marker_of(t).kind == Kind::dl_open || marker_of(t).kind == Kind::dd_open) && t.match >= 0)
            return k;
        return -1;
    }

    void apply(long target, const KramdownMarker& m) {
        if (target < 0) return;
        for (const auto& a : m.attributes) set_attribute(attrs_[target], a.name, a.value);
        const Token& t = toks_[target];
        if (m.toc && t.type == Token::open && (t.name == "ul" || t.name == "ol") && t.match >= 0) toc_[target] = 1;
    }

    bool is_open_p(long k) const { return k >= 0 && toks_[k].type == Token::open && toks_[k].name == "p" && toks_[k].match >= 0; }

    void resolve() {
        const std::size_t n = toks_.size();
        attrs_.assign(n, {});
        rename_.assign(n, nullptr);
        drop_.assign(n, 0);
        toc_.assign(n, 0);
        literal_.assign(n, 0);
        section_.assign(n, 0);
        std::vector<long> prev(n, -1), next(n, -1);
        long last = -1;
        std::vector<char> in_raw(n, 0);  // inside a raw HTML block
        int raw_depth = 0;
        for (std::size_t k = 0; k < n; ++k) {
            const Token& t = toks_[k];
            if (t.type == Token::marker && live(t) && marker_of(t).kind == Kind::raw_html_open) ++raw_depth;
            if (t.type == Token::marker && live(t) && marker_of(t).kind == Kind::raw_html_close && raw_depth > 0) --raw_depth;
            in_raw[k] = raw_depth > 0;
            prev[k] = last;
            if (!transparent(toks_[k])) last = static_cast<long>(k);
        }
        last = -1;
        for (std::size_t k = n; k-- > 0;) {
            next[k] = last;
            if (!transparent(toks_[k])) last = static_cast<long>(k);
        }
        for (std::size_t k = 0; k < n; ++k) {
            const Token& t = toks_[k];
            if (t.type != Token::marker || !live(t)) continue;
            const KramdownMarker& m = marker_of(t);
            switch (m.kind) {
            case Kind::block_ial_prev: {
                const long e = element_ending(prev[k]);
                if (e < 0 && in_raw[k]) literal_[k] = 1;  // raw HTML: kramdown leaves the text
                apply(e, m);
                break;
            }
            case Kind::block_ial_next: apply(element_starting(next[k]), m); break;
            case Kind::span_ial: {
                // Only right after an element; after text kramdown leaves the braces as text.
                long e = t.form == Token::inline_form && k > 0 ? element_ending(static_cast<long>(k) - 1) : -1;
                if (e < 0) literal_[k] = 1;
                apply(e, m);
                break;
            }
            case Kind::dt:
                if (is_open_p(next[k])) {
                    rename_[next[k]] = "dt";
                    rename_[toks_[next[k]].match] = "dt";
                }
                break;
            case Kind::table_break:
            case Kind::table_footer: {
                // The marker's row (<tr>, <td>, marker) becomes the section break.
                const long td = prev[k], tr = td >= 0 ? prev[td] : -1;
                if (td >= 0 && toks_[td].type == Token::open && toks_[td].name == "td" && tr >= 0 &&
                    toks_[tr].type == Token::open && toks_[tr].name == "tr" && toks_[tr].match >= 0)
                    section_[tr] = m.kind == Kind::table_footer ? 2 : 1;
                else
                    literal_[k] = 1;
                break;
            }
            case Kind::dd_open:
                if (m.tight && t.match >= 0 && is_open_p(next[k])) {
                    drop_[next[k]] = 1;
                    drop_[toks_[next[k]].match] = 1;
                }
                break;
            default: break;
            }
        }
    }

    // A tag or comment with any marker inside (an image's alt text, a link title) given back
    // the source it replaced.
    std::string restore(std::string_view raw) const {
        if (raw.find(kStart) == npos) return std::string(raw);
        std::string out;
        for (std::size_t i = 0; i < raw.size();) {
            if (starts_with(raw, i, kStart)) {
                auto d = decode_marker(raw, i);
                const bool known = d && d->index < prep_.markers.size();
                if (known && prep_.markers[d->index].kind == Kind::span_ial && !out.empty() && out.back() == '!')
                    out.pop_back();
                if (known) out += escape_html(prep_.markers[d->index].source);
                i += d ? d->length : kStart.size();
                continue;
            }
            out += raw[i++];
        }
        return out;
    }

    void write_marker(std::size_t k, std::string& out, int& raw_depth) const {
        const Token& t = toks_[k];
        const KramdownMarker& m = marker_of(t);
        if (t.in_script) {
            out += m.source;
            return;
        }
        if (!live(t) || literal_[k]) {
            out += escape_html(m.source);
            if (t.whole_line) out += '\n';
            return;
        }
        const bool virtual_pair = t.match >= 0;
        switch (m.kind) {
        case Kind::raw_html_open: ++raw_depth; break;
        case Kind::raw_html_close:
            if (raw_depth > 0) --raw_depth;
            break;
        case Kind::inline_math:
            out += m.display ? "\\[" : "\\(";
            out += escape_html(m.tex);
            out += m.display ? "\\]" : "\\)";
            break;
        case Kind::display_math:
            out += "\\[" + escape_html(m.tex) + "\\]";
            if (t.whole_line) out += '\n';
            break;
        case Kind::dl_open:
            if (virtual_pair) out += "<dl" + attribute_text(attrs_[k]) + ">\n";
            break;
        case Kind::dl_close:
            if (virtual_pair) out += "</dl>\n";
            break;
        case Kind::dd_open:
            if (virtual_pair) out += "<dd" + attribute_text(attrs_[k]) + (m.tight ? ">" : ">\n");
            break;
        case Kind::dd_close:
            if (virtual_pair) {
                while (!out.empty() && is_white(out.back())) out.pop_back();
                out += marker_of(toks_[t.match]).tight ? "</dd>\n" : "\n</dd>\n";
            }
            break;
        default: break;  // removed, block and span IALs (applied to their element), dt
        }
    }

    std::string render() {
        std::string out;
        out.reserve(h_.size() + h_.size() / 8);
        int raw_depth = 0, abbr_depth = 0;
        bool in_footer = false;  // after a table_footer: the table's </tbody> closes a <tfoot>
        for (std::size_t k = 0; k < toks_.size(); ++k) {
            const Token& t = toks_[k];
            const std::string_view raw = h_.substr(t.begin, t.end - t.begin);
            switch (t.type) {
            case Token::text:
                if (!t.in_code && !t.in_script && raw_depth == 0 && abbr_depth == 0)
                    abbreviations_.apply(raw, out);
                else
                    out += raw;
                break;
            case Token::comment: out += restore(raw); break;
            case Token::open:
                if (toc_[k]) {
                    tocs_.push_back({out.size(), attrs_[k]});
                    k = static_cast<std::size_t>(t.match);
                    break;
                }
                if (section_[k]) {
                    out += in_footer ? "</tfoot>\n" : "</tbody>\n";
                    in_footer = section_[k] == 2;
                    out += in_footer ? "<tfoot>" : "<tbody>";
                    k = static_cast<std::size_t>(t.match);
                    break;
                }
                if (drop_[k]) break;
                if (t.name == "abbr") ++abbr_depth;
                out += rename_[k] || !attrs_[k].empty() ? rebuild_tag(restore(raw), rename_[k], attrs_[k]) : restore(raw);
                break;
            case Token::close:
                if (drop_[k]) break;
                if (t.name == "abbr" && abbr_depth > 0) --abbr_depth;
                if (in_footer && (t.name == "tbody" || t.name == "table")) {
                    in_footer = false;
                    if (t.name == "tbody") {
                        out += "</tfoot>";
                        break;
                    }
                }
                out += rename_[k] ? std::string("</") + rename_[k] + ">" : std::string(raw);
                break;
            case Token::marker: write_marker(k, out, raw_depth); break;
            }
        }
        return out;
    }

    std::string insert_tocs(const std::string& html) const {
        const std::vector<TocEntry> entries = toc_entries(html);
        std::string out;
        std::size_t from = 0;
        for (const auto& [at, attrs] : tocs_) {
            out.append(html, from, at - from);
            out += toc_html(entries, attrs);
            from = at;
        }
        out.append(html, from, npos);
        return out;
    }


    std::string_view h_;
    const KramdownPrepared& prep_;
    Abbreviations abbreviations_;
    std::vector<Token> toks_;
    bool no_gt_ = false, no_dquote_ = false, no_squote_ = false, no_comment_end_ = false;
    std::vector<std::vector<KramdownAttribute>> attrs_;  // attributes to add, by token
    std::vector<const char*> rename_;                    // new tag name, by token
    std::vector<char> drop_, toc_, literal_;
    std::vector<char> section_;  // <tr> tokens replaced by a section break: 1 tbody, 2 tfoot
    std::vector<std::pair<std::size_t, std::vector<KramdownAttribute>>> tocs_;  // where in the output
};

}  // namespace

namespace {

// kramdown_before, step -1: each block-level HTML element kramdown reads whole (html_element_end)
// loses its blank lines, so that cmark too reads it as one HTML block (HTML outside <pre>, which
// html_element_end leaves alone, does not show them).
std::string join_html_elements(const std::string& s) {
    if (s.find('<') == npos) return s;
    const std::vector<Line> lines = classify(s);
    std::string out;
    out.reserve(s.size());
    std::size_t element_end = 0;
    for (const Line& l : lines) {
        const bool blank = l.content == l.end;
        if (l.begin < element_end) {
            if (!blank) out.append(s, l.begin, l.end - l.begin + 1);  // with its '\n' (append stops at the end)
            if (l.end >= element_end) element_end = 0;
            continue;
        }
        out.append(s, l.begin, l.end - l.begin);
        if (l.end < s.size()) out += '\n';
        if (l.type == LineType::html_raw && l.block_start && l.html_type == 6 && l.body == l.begin && l.end > l.content + 1 &&
            s[l.content + 1] != '/') {
            const std::size_t end = html_element_end(s, l.content);
            if (end != npos && end > l.end) element_end = end;
        }
    }
    return out;
}

}  // namespace

KramdownPrepared kramdown_before(std::string_view markdown) {
    KramdownPrepared prep;
    const std::string text = MarkdownInHtml(join_html_elements(normalize(markdown))).run();
    const std::string with_lists = DefinitionLists(text, prep.markers).run();
    prep.markdown = Rewriter(with_lists, prep).run();
    return prep;
}

std::string kramdown_after(std::string_view html, const KramdownPrepared& prepared) {
    if (prepared.markers.empty() && prepared.abbreviations.empty()) return scrub(std::string(html));
    return Finisher(html, prepared).run();
}

}  // namespace folio
