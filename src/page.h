// A content page: one Markdown file's front matter (Jekyll's keys) and body.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "problem.h"

// Declared, not included: most files that know a Page never read its YAML (front_of's callers
// include yaml-cpp themselves).
namespace YAML {
class Node;
}

namespace folio {

struct RedirectSource {
    std::string from;  // site path, may carry "?query"
    int line = 0;      // line of the entry in the page's file
};

// What identifies one version of a file without reading it: an edit changes its modification
// time (to the nanosecond) or size, a replacement its inode. size < 0: not a file.
struct FileStamp {
    long long mtime_ns = 0;
    long long size = -1;
    unsigned long long ino = 0;
    bool operator==(const FileStamp& o) const { return mtime_ns == o.mtime_ns && size == o.size && ino == o.ino; }
};

// Every top-level front-matter key with its value as text ("" when it is not a single value),
// packed in one string as [4-byte length][key][4-byte length][value]...: a site of 10,000 pages
// keeps some 50,000 of them, and a vector of string pairs cost more than twice as much.
class Fields {
public:
    void add(std::string_view key, std::string_view value);
    // The value of key; nullopt when the key is missing.
    std::optional<std::string_view> find(std::string_view key) const;
    template <typename Fn>  // fn(key, value) for each field, in order
    void each(const Fn& fn) const {
        for (std::size_t pos = 0; pos < packed_.size();) {
            std::string_view k = next(pos), v = next(pos);
            fn(k, v);
        }
    }
    // The packed form itself, for the index cache; from_packed refuses (false) bytes that are not
    // a sequence of complete length-prefixed pairs.
    const std::string& packed() const { return packed_; }
    bool from_packed(std::string bytes);
    bool operator==(const Fields& o) const { return packed_ == o.packed_; }

private:
    std::string_view next(std::size_t& pos) const;
    std::string packed_;
};

struct Page {
    std::string source;      // the file as named in messages: "content/_publications/dsp.md"
    std::string rel;         // path below the content folder: "_publications/dsp.md"
    std::string collection;  // "publications" for files under content/_publications/, else ""
    std::string url;         // site path: permalink, else derived from rel

    // The front matter, parsed once when the file is read and kept packed (yaml_pack.h), without
    // Jekyll's defaults: a yaml-cpp tree costs kilobytes per page; front_of unpacks it, with no
    // parsing, when a render needs it. Empty: no front matter.
    std::string front;
    Fields fields;  // every top-level key (defaults included); scalars as text, "" otherwise
    // Jekyll's front-matter defaults that apply, shared between pages; null for none (a YAML::Node
    // of its own would cost every page a node).
    std::shared_ptr<const YAML::Node> defaults;
    // The body (Markdown) is not kept in memory: page_body() reads it from the file when a render
    // needs it, from this offset. npos: a page folio made itself, with no body.
    std::size_t body_offset = std::string::npos;
    int body_line = 1;
    std::optional<Problem> error;  // why the page cannot be served (it answers 500); none when it can
    long long mtime = 0;     // the file's modification time (seconds since the epoch)
    FileStamp stamp;         // of the file as it was read; the index cache reuses the page while it holds

    std::string type;        // Jekyll's document type: "pages", "posts" or the collection name
    bool html = false;       // an .html file with front matter: its body is HTML, not Markdown
    bool output = true;      // false for a collection with `output: false`: listed, not served
    bool has_permalink = false;

    // Front-matter values read often enough to keep as members; the rest (excerpt, id...) are
    // looked up in fields when a render needs them.
    std::string title, layout = "page", date, list, redirect_to;
    // A Jekyll document's excerpt as HTML (its first paragraph, Jekyll's Excerpt) when its front
    // matter gives none; only on a Jekyll site in its own theme, "" elsewhere.
    std::string excerpt;
    int redirect_to_line = 0;
    bool author_profile = false;
    bool published = true;
    bool in_sitemap = true;
    std::vector<RedirectSource> redirect_from;
};

// The page's body, read from its file (or "" for a page with none). Throws folio::Error when
// the file cannot be read any more (it is answered as a 500 until the site reloads).
std::string page_body(const Page& page);

// Page::defaults for a node of Jekyll defaults: null when it holds none.
std::shared_ptr<const YAML::Node> shared_defaults(const YAML::Node& defaults);

// The file name without its extension: "_publications/dsp.md" -> "dsp".
std::string page_stem(const Page& page);
// The anchor a listing gives the page's entry: its `id`, else its stem.
std::string page_anchor(const Page& page);

// A front-matter value as text: "" when the key is missing or not a single value.
std::string front_text(const Page& page, const char* key);
// True when the front matter (or a default) has the key, whatever its value.
bool front_has(const Page& page, const char* key);
// The whole front matter, defaults included, unpacked from Page::front (a map, in memory of its
// own: the caller may change it).
YAML::Node front_of(const Page& page);

// Site path of a file below content/ when it has no permalink:
// "index.md" -> "/", "x.md" -> "/x/", "a/index.md" -> "/a/", "_pubs/p.md" -> "/pubs/p/".
std::string derived_url(std::string_view rel);

// Pure: builds a Page from a file's text. Never throws: a problem is kept in Page::error with
// the file and line, and the page keeps its derived URL so that it answers 500, not 404.
// defaults: front matter applied where the file's own front matter has no such key (Jekyll's
// `defaults`); a null node for none.
Page parse_page(std::string_view text, std::string source, std::string rel, const YAML::Node& defaults);

// False for a Jekyll page whose output is not HTML: a file with front matter of another kind
// (feed.xml, manifest.json), rendered with Liquid and served as its own type, without layout
// unless it names one.
bool is_html_output(const Page& page);
Page parse_page(std::string_view text, std::string source, std::string rel);

}  // namespace folio
