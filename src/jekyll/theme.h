// A Jekyll site's own theme: a page rendered through the site's _layouts/ chain with Liquid, as
// Jekyll renders it (Jekyll::Renderer): the page's content (Liquid, then kramdown for Markdown),
// then each layout in turn with {{ content }} holding what the one inside it made, until a layout
// names no layout of its own.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "problem.h"

namespace folio {

struct Page;
struct SiteView;

// A layout chain longer than this is a mistake (Jekyll stops at a layout already used; folio
// also stops at this depth): academicpages nests three (single, default, compress).
inline constexpr int kMaxLayoutDepth = 8;
// The largest _layouts/ file read.
inline constexpr std::size_t kMaxLayoutBytes = 1024 * 1024;

// The whole document of page p (view.site.jekyll set, own_theme): body is the page's body text,
// read by the caller. Problems that do not stop the render (Liquid folio leaves out, a layout
// that is not there) are added to problems when it is given, with the file (the page or the
// layout) and line.
std::string render_theme_page(const SiteView& view, const Page& p, std::string_view body,
                              std::vector<Problem>* problems);

// The name of the layout page p asks for after Jekyll's defaults ("" for none: Jekyll writes the
// content as it is; "none" and "null" mean none too).
std::string theme_layout_name(const Page& p);

}  // namespace folio
