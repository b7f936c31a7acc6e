// Pure: the kramdown syntax found in real Jekyll content that cmark-gfm does not know, handled
// around the cmark render: block and span attribute lists, $$ math, definition lists,
// abbreviations.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace folio {

// Markdown text after kramdown_before(): cmark can render it, and markers left in it tell
// kramdown_after() where the attributes go.
struct KramdownPrepared {
    std::string markdown;
    std::vector<std::string> attributes;  // per marker: the attribute text to add, e.g. class="notice"
    std::vector<std::pair<std::string, std::string>> abbreviations;  // *[HTML]: Hyper Text Markup Language
    std::vector<std::string> math;  // $$...$$ blocks and spans, kept verbatim for MathJax
};

// - Block IAL: a line "{: .notice}" / "{: #id .a .b key="v"}" right after a block (or after a
//   blank line following it) applies to that block (p, h1-6, ul, ol, table, blockquote, pre).
// - Span IAL: "{:target="_blank"}" right after a link or image applies to it.
// - "{:toc}" and ALDs ("{:ref: ...}") are removed.
// - $$ ... $$ (display, on its own lines, or inline) is protected from Markdown so "_" and "*"
//   inside stay as written, and comes back verbatim as \[...\] for display / \(...\) inline
//   (MathJax's default delimiters; kramdown's math_engine=mathjax does the same).
// - Definition lists ("Term\n: Definition") become <dl><dt><dd>.
// - Abbreviation definitions ("*[HTML]: Hyper Text Markup Language") are removed and recorded.
KramdownPrepared kramdown_before(std::string_view markdown);

// Applies the recorded attributes to the element each marker follows, restores math, wraps
// abbreviations in <abbr title="...">, and removes every marker. Attribute values are
// HTML-escaped; only id, class and safe attributes (target, rel, title, style-free names made
// of letters, digits, '-' and '_', never on*) are kept.
std::string kramdown_after(std::string_view html, const KramdownPrepared& prepared);

}  // namespace folio
