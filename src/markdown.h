// Markdown -> HTML; the only user of cmark-gfm.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace folio {

// Limit on the Markdown folio renders for one page, so one huge file cannot stall a worker.
inline constexpr std::size_t kMaxMarkdownBytes = 4 * 1024 * 1024;

struct MarkdownOptions {
    // Prepended to link and image URLs that start with a single '/', so a site mounted under a
    // prefix keeps working links.
    std::string base_path;
    // Typographic quotes and dashes, as kramdown (Jekyll's renderer) makes them.
    bool smart = false;
};

// GitHub-flavoured Markdown: tables, strikethrough, footnotes, raw HTML kept (the author's own
// content), no bare-URL autolinks (as kramdown), and an id on every heading.
std::string render_markdown(std::string_view markdown, const MarkdownOptions& options);

// Pure pass over HTML: every bare <h1>..<h6> gets id="slug" from its text, kramdown's way
// ("Hello World!" -> "hello-world"; repeats get -1, -2).
std::string add_heading_ids(std::string_view html);

struct Heading {
    int level;
    std::string id;
    std::string text;  // tags removed, entities decoded
};
// The headings of rendered HTML that carry an id (as add_heading_ids leaves them), in order.
std::vector<Heading> headings_of(std::string_view html);

// kramdown's id for a heading text.
std::string heading_slug(std::string_view text);

}  // namespace folio
