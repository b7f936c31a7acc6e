// Fuzz target: the kramdown extras around cmark (src/jekyll/kramdown.h):
//   kramdown_before(md) -> render_markdown -> kramdown_after(html, prepared)
// and, on its own, kramdown_after() over the input taken as HTML (markers with any index).
//
// Checked: no marker survives the pipeline, whatever the input (kramdown.h's promise); and
// when the input holds no '<' (so no raw HTML of the author's), no element in the output
// carries an attribute that kramdown.h says an attribute list can never set: on* event
// handlers, href/src/srcset/action/formaction/srcdoc/xlink:href beyond the ones cmark writes
// for Markdown links and images, or a style/other attribute whose quoting broke out.
#include <cctype>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "jekyll/kramdown.h"
#include "markdown.h"

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Walks the start tags of html and calls f(tag, attribute name) for each attribute.
template <typename F>
void each_attribute(const std::string& html, F f) {
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string::npos) {
        ++i;
        if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) continue;
        std::size_t n = i;
        while (n < html.size() && std::isalnum(static_cast<unsigned char>(html[n]))) ++n;
        const std::string tag = lower(html.substr(i, n - i));
        i = n;
        while (i < html.size() && html[i] != '>') {
            while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i]))) ++i;
            if (i >= html.size() || html[i] == '>' || html[i] == '/') {
                if (i < html.size() && html[i] == '/') ++i;
                continue;
            }
            std::size_t a = i;
            while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) && html[i] != '=' && html[i] != '>')
                ++i;
            const std::string name = lower(html.substr(a, i - a));
            f(tag, name);
            if (i < html.size() && html[i] == '=') {
                ++i;
                if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
                    char q = html[i++];
                    std::size_t end = html.find(q, i);
                    i = end == std::string::npos ? html.size() : end + 1;
                } else {
                    while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) && html[i] != '>') ++i;
                }
            }
        }
    }
}

void check_attributes(const std::string& md, const std::string& html) {
    each_attribute(html, [&](const std::string& tag, const std::string& name) {
        const std::string d = "<" + tag + " " + name + "=...> | input: " + md + " | html: " + html;
        FUZZ_EXPECT(name.rfind("on", 0) != 0, d);
        FUZZ_EXPECT(name != "srcset" && name != "action" && name != "formaction" && name != "srcdoc" && name != "xlink:href", d);
        // cmark writes href on <a> and src on <img>; an attribute list may not add them elsewhere.
        if (name == "href") FUZZ_EXPECT(tag == "a", d);
        if (name == "src") FUZZ_EXPECT(tag == "img", d);
        for (char c : name) FUZZ_EXPECT(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.', d);
    });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string md(reinterpret_cast<const char*>(data), size);
    folio::KramdownPrepared prep = folio::kramdown_before(md);
    FUZZ_EXPECT(prep.markers.size() <= folio::kMaxKramdownMarkers, md);
    FUZZ_EXPECT(prep.abbreviations.size() <= folio::kMaxAbbreviations, md);
    const std::string cmark_html = folio::render_markdown(prep.markdown, folio::MarkdownOptions{});
    const std::string html = folio::kramdown_after(cmark_html, prep);
    FUZZ_EXPECT(!fuzz::has_kramdown_marker(html), "input: " + md + " | html: " + html);
    if (md.find('<') == std::string::npos) check_attributes(md, html);

    // Markers that kramdown_before never made (any index, any kind): must not crash or read
    // outside the table.
    (void)folio::kramdown_after(md, prep);
    (void)folio::kramdown_after(md, folio::KramdownPrepared{});
    return 0;
}
