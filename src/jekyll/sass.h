// Sass to CSS: the only user of libsass. Pure apart from the imports libsass reads from the load
// paths; no knowledge of pages, routes or Jekyll's settings (jekyll/stylesheet.h has those).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "problem.h"

namespace folio {

// The source of one stylesheet (front matter removed): far above any real one (academicpages'
// main.scss is 1 KB, every partial it imports together 400 KB), small enough that a file
// written by mistake (a log, a binary) is refused before libsass parses it.
inline constexpr std::size_t kMaxSassInputBytes = 1024 * 1024;
// The CSS of one stylesheet: it is kept in memory (FastCGI) or on disk (CGI) until a source
// changes, so a runaway @for or @each that writes megabytes is refused, not kept. academicpages'
// main.css is 160 KB compressed, about 250 KB expanded.
inline constexpr std::size_t kMaxSassOutputBytes = 4 * 1024 * 1024;

// CPU time of one compile: libsass has no way to stop a loop (`@while true`), so the compile runs
// in a child process that the kernel stops past this (academicpages' main.css takes 0.3 s).
inline constexpr int kMaxSassCpuSeconds = 10;
// Memory the compile may take (beyond what the process had): academicpages' needs about 30 MiB.
inline constexpr std::size_t kMaxSassMemoryBytes = 512 * 1024 * 1024;

// libsass's output styles, as Jekyll's `sass: style:` names them.
enum class SassStyle { Nested, Expanded, Compact, Compressed };

// "compressed" -> Compressed (a leading ':' allowed, as Jekyll allows ":compressed"); false for a
// name libsass does not have.
bool parse_sass_style(std::string_view name, SassStyle& style);

struct SassInput {
    std::string_view text;                // Sass source, without front matter
    std::string file;                     // its path: relative imports start from its folder; named in messages
    bool indented = false;                // .sass (indented syntax) instead of .scss
    std::vector<std::string> load_paths;  // folders searched for @import, in order
    SassStyle style = SassStyle::Compact; // Jekyll's default with libsass (jekyll-sass-converter 2)
    int first_line = 1;                   // the line of `file` where text starts (after front matter)
    // A folder every file read must be below (the site folder): an @import of "/etc/x" or
    // "../../x" that libsass found elsewhere refuses the stylesheet instead of serving that
    // file's text as CSS. "" for none.
    std::string confine;
    std::size_t max_output = kMaxSassOutputBytes;  // for the CSS and for the source map, each
    int max_cpu_seconds = kMaxSassCpuSeconds;
    // Where the source map will be served, as a path beside `file` ("x/main.css.map"): libsass
    // then makes the map (the sources' text inside, as Jekyll's) and ends the CSS with a
    // sourceMappingURL comment relative to it. "": no map, no comment.
    std::string source_map_file;
};

struct SassResult {
    std::string css;                    // empty when problem is set
    std::string source_map;             // JSON, when input.source_map_file was set
    std::vector<std::string> imported;  // every file libsass read (the input's own name first)
    std::optional<Problem> problem;     // file:line of the error, in the imported file when it is there
};

SassResult compile_sass(const SassInput& input);

}  // namespace folio
