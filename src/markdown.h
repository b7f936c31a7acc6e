// Markdown -> HTML; the only user of cmark-gfm.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "problem.h"

namespace folio {

// Limit on the Markdown folio renders for one page, so one huge file cannot stall a worker.
inline constexpr std::size_t kMaxMarkdownBytes = 4 * 1024 * 1024;

// Limits on GFM tables. cmark-gfm (0.29.0.gfm.6, Debian 12's) parses a table row in time that
// grows with the square of its cells (one row of 20,000 pipes: 1.3 s of CPU), and every table
// cell costs about a microsecond, thirty times a byte of plain text. Real tables have a few
// dozen columns and a few thousand cells; these bounds keep the table work of the largest page
// (kMaxMarkdownBytes) to about a third of a second. What lies past them is shown as text, and
// --check names the line (table_limit_problems).
inline constexpr std::size_t kMaxTableColumns = 256;    // cells on one table line
inline constexpr std::size_t kMaxTableCells = 200000;   // cells of all the tables of one page

struct MarkdownOptions {
    // Prepended to link and image URLs that start with a single '/', so a site mounted under a
    // prefix keeps working links.
    std::string base_path;
    // Typographic quotes and dashes, as kramdown (Jekyll's renderer) makes them.
    bool smart = false;
    // Inline code as kramdown with Rouge (Jekyll's default highlighter) writes it:
    // <code class="language-plaintext highlighter-rouge">; code blocks in Rouge's frame.
    bool rouge_inline_code = false;
    // A link already under base_path is left as it is: on a Jekyll site authors write the
    // baseurl into their links ({{ site.baseurl }}/files/x.pdf), and Jekyll changes no link.
    bool keep_prefixed_links = false;
    // Heading ids as kramdown's GFM parser makes them (gfm_heading_slug), not kramdown's own.
    bool gfm_heading_ids = false;
};

// GitHub-flavoured Markdown: tables, strikethrough, footnotes, raw HTML kept (the author's own
// content), no bare-URL autolinks (as kramdown), and an id on every heading.
std::string render_markdown(std::string_view markdown, const MarkdownOptions& options);

// A problem in the Markdown given: no file (the caller knows it), its 1-based line in that
// text, and what is past which limit and how it is shown.
using MarkdownProblem = Problem;
// The lines of markdown that exceed the table limits above; render_markdown shows them as text.
std::vector<MarkdownProblem> table_limit_problems(std::string_view markdown);

// Pure pass over HTML: every bare <h1>..<h6> gets id="slug" from its text, kramdown's way
// ("Hello World!" -> "hello-world"; repeats get -1, -2), or with gfm kramdown's GFM parser's
// way (gfm_heading_slug).
std::string add_heading_ids(std::string_view html, bool gfm = false);

struct Heading {
    int level;
    std::string id;
    std::string text;  // tags removed, entities decoded
};
// The headings of rendered HTML that carry an id (as add_heading_ids leaves them), in order.
std::vector<Heading> headings_of(std::string_view html);

// kramdown's id for a heading text.
std::string heading_slug(std::string_view text);

// The id kramdown's GFM parser (Jekyll's default input) gives a heading text: lowercased, every
// character but word characters (any script's letters and digits, '_'), '-', space and tab left
// out, spaces and tabs made '-'. "2. Paramètres réglables" -> "2-paramètres-réglables",
// "配置（Windows）" -> "配置windows". Without Unicode tables, a non-ASCII character counts as
// a word character unless it is in a punctuation or symbol block (Latin-1 signs, general
// punctuation, arrows to dingbats, CJK and full-width punctuation, emoji); lowercase for
// Latin-1, Latin Extended-A, Greek, Cyrillic and full-width letters.
std::string gfm_heading_slug(std::string_view text);

}  // namespace folio
