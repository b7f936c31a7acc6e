// Fuzz target: a content file's text -> parse_page -> render_page, through the real theme
// (the checkout's templates/), on the fixed folio site and on the fixed Jekyll site
// (fuzz_common.h), where the body also goes through Liquid and kramdown before cmark.
//
// The text is written to a file first: a page's body may be read back from its file when it
// is rendered. Checked: render_page throws nothing but folio::Error (a broken page is a 500
// with file:line, anything else is a bug), and on the Jekyll site no kramdown marker survives
// into the page's HTML.
#include <cstdint>
#include <fstream>
#include <string>

#include "error.h"
#include "fuzz_common.h"
#include "page.h"
#include "content.h"
#include "render.h"

namespace {

void render(const folio::Loaded& l, const std::string& text, const std::string& file, const std::string& rel,
            bool jekyll) {
    folio::Page p;
    try {
        p = folio::parse_page(text, file, rel);
    } catch (const std::exception& e) {
        fuzz::fail("parse_page threw (it promises never to)", __FILE__, __LINE__, e.what());
    }
    if (jekyll) p.type = "pages";
    const folio::SiteView view = l.view();
    try {
        std::string html = folio::render_page(view, p, folio::page_body(p), 200);
        FUZZ_EXPECT(!html.empty(), text);
    } catch (const folio::Error& e) {
        FUZZ_EXPECT(fuzz::contains(e.what(), file), std::string(e.what()));
        return;
    } catch (const std::exception& e) {
        fuzz::fail("render_page threw something other than folio::Error", __FILE__, __LINE__,
                   std::string(jekyll ? "jekyll: " : "plain: ") + e.what());
    }
    if (!jekyll) return;
    std::vector<folio::Problem> problems;
    std::string content;
    try {
        content = folio::page_content(view, p, &problems);
    } catch (const folio::Error&) {
        return;
    } catch (const std::exception& e) {
        fuzz::fail("page_content threw something other than folio::Error", __FILE__, __LINE__, e.what());
    }
    FUZZ_EXPECT(!fuzz::has_kramdown_marker(content), content);
    for (const auto& pr : problems) FUZZ_EXPECT(pr.file == file, pr.text());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz::Sites& s = fuzz::sites();
    const std::string text(reinterpret_cast<const char*>(data), size);
    static const std::string plain_file = s.tree / "content/fuzz-page.md";
    static const std::string jekyll_file = s.tree / "jekyll/_pages/fuzz-page.md";
    std::ofstream(plain_file, std::ios::binary | std::ios::trunc) << text;
    std::ofstream(jekyll_file, std::ios::binary | std::ios::trunc) << text;
    render(*s.plain, text, plain_file, "fuzz-page.md", false);
    render(*s.jekyll, text, jekyll_file, "_pages/fuzz-page.md", true);
    return 0;
}
