// Pure: the LaTeX found in BibTeX fields ({\"o}, \'e, --, \&, ~, {} grouping) as Unicode text
// for display. The .bib download keeps the original; this is only what a page shows.
#pragma once
#include <string>
#include <string_view>

namespace folio {

// Accents (\" \' \` \^ \~ \= \. \u \v \H \c \k \r \d \b, braced or not), letter commands (\ss \o
// \ae \l \i ...), escaped specials (\& \% \$ \# \_ \{ \}), dashes (-- ---), quotes (`` ''), ~ as
// a no-break space; grouping braces and $ are dropped, and an unknown command keeps only its
// argument (\emph{x} -> x). Bytes that are not UTF-8 become U+FFFD, so the result is always
// valid UTF-8.
std::string latex_to_unicode(std::string_view latex);

// text with every byte sequence that is not UTF-8 replaced by U+FFFD.
std::string to_valid_utf8(std::string_view text);

}  // namespace folio
