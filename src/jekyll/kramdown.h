// Pure: the kramdown syntax found in real Jekyll content that cmark-gfm does not know, handled
// around the cmark render: block and span attribute lists, $$ math, definition lists,
// abbreviations, {:toc}, table sections, markdown="1".
//
//   auto prep = kramdown_before(md);
//   std::string html = kramdown_after(render_markdown(prep.markdown, options), prep);
//
// kramdown_before() replaces each construct with a marker that cmark passes through untouched
// (Unicode noncharacters around a number: see kramdown.cpp) and records what it stood for;
// kramdown_after() finds the markers in the HTML and puts the HTML kramdown would have written
// in their place. No marker survives kramdown_after(), whatever the input.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio {

// Past this many markers on one page the rest of the kramdown syntax is left as written, so a
// hostile page cannot make the marker table grow without bound (a real page has a handful).
inline constexpr std::size_t kMaxKramdownMarkers = 100000;
// Abbreviations are matched with a trie walked from each word start: bounding their number
// and length bounds that walk.
inline constexpr std::size_t kMaxAbbreviations = 1000;
inline constexpr std::size_t kMaxAbbreviationLength = 100;

struct KramdownAttribute {
    std::string name;
    std::string value;  // as the author wrote it, unescaped
};

enum class KramdownMarkerKind : unsigned char {
    removed,         // an ALD ({:name: ...}) or abbreviation definition: writes nothing
    block_ial_prev,  // "{: ...}" on the line after a block: applies to that block
    block_ial_next,  // "{: ...}" after a blank line (or first): applies to the next block
    span_ial,        // "{: ...}" right after a span (link, image, emphasis, code)
    inline_math,     // $$...$$ inside text, or \\(...\\) / \\[...\\]
    display_math,    // $$...$$ standing as a block of its own
    dl_open,
    dl_close,
    dt,              // the paragraph after it is a definition term
    dd_open,
    dd_close,
    raw_html_open,   // around a raw HTML block: abbreviations are not applied inside (as kramdown)
    raw_html_close,
    table_break,     // a "|----|" line inside a table: a new <tbody> starts there
    table_footer,    // a "|====|" line inside a table: the rows after it are the <tfoot>
};

struct KramdownMarker {
    KramdownMarkerKind kind = KramdownMarkerKind::removed;
    std::vector<KramdownAttribute> attributes;  // IALs: only safe names (see kramdown.cpp)
    bool toc = false;       // block IAL naming "toc": the list it applies to becomes the TOC
    bool tight = false;     // dd_open: no blank line before ":", so no <p> around its first paragraph
    bool display = false;   // inline_math written \\[...\\]: comes back as \[...\]
    std::string tex;        // math: the TeX as written, HTML-escaped only on output
    std::string source;     // the Markdown the marker replaced: put back as text where the
                            // construct cannot apply (inside code, or a span IAL after plain text)
};

// Markdown text after kramdown_before(): cmark can render it, and the markers in it tell
// kramdown_after() where each construct goes.
struct KramdownPrepared {
    std::string markdown;
    std::vector<KramdownMarker> markers;
    std::vector<std::pair<std::string, std::string>> abbreviations;  // *[HTML]: Hyper Text Markup Language
};

// Supported, with kramdown's (GFM input) behaviour:
// - Block IAL: a line "{: .notice}" / "{: #id .a .b key="v"}" right after a block applies to it
//   (p, h1-6, ul, ol, dl, table, blockquote, pre, hr, a raw HTML block); after a blank line
//   it applies to the next block; consecutive IAL lines merge. Unattached ones vanish.
// - Span IAL: "[a](u){:target="_blank"}", "![i](s){: .c}", "*em*{: .c}"; after plain text it
//   stays as literal text, as in kramdown.
// - ALDs ("{:ref: .a}") are removed and "{: ref}" uses them; "{:toc}" on a list replaces it
//   with the table of contents (<ul id="markdown-toc">), headings with class no_toc skipped.
// - $$ ... $$ as a block of its own comes back as \[...\] (no <p>); inside text as \(...\);
//   \\( ... \\) and \\[ ... \\] are kept whole too. The TeX is never seen by Markdown, so
//   "_" and "*" stay as written; it is HTML-escaped only.
// - Definition lists: "Term\n: Definition" (several terms, several definitions, lazy and
//   indented continuation, blank line before ":" wraps the definition in <p>) become
//   <dl><dt><dd>, one <dl> for consecutive entries.
// - Abbreviations: "*[CSS]: Cascading Style Sheets" lines are removed; every whole-word CSS in
//   text (not in code, tags, math, raw HTML blocks) becomes <abbr title="...">CSS</abbr>.
// - Table sections: inside a table, a "|---|---|" line starts a new <tbody> and a "|===|"
//   line starts the <tfoot>.
// - markdown="1" on an HTML tag: its content is read as Markdown (minimal-mistakes' notices and
//   TOC include); the attribute is removed.
// Code (fenced, indented, inline) is left verbatim: a construct inside it stays as written.
// Not handled (left as cmark reads it): definition lists inside list items or blockquotes,
// extensions ({::comment}, {::nomarkdown}, {::options}), markdown="span".
KramdownPrepared kramdown_before(std::string_view markdown);

// Applies the recorded constructs at their markers and removes every marker. Attribute values
// are HTML-escaped (an entity the author wrote stays one); only names made of letters, digits, '-', '_', ':' and '.' are kept, never
// on* (event handlers) nor attributes that carry a URL or a document (href, src, srcset,
// action, formaction, srcdoc, xlink:href, ...). id replaces an existing id, class adds to it.
std::string kramdown_after(std::string_view html, const KramdownPrepared& prepared);

}  // namespace folio
