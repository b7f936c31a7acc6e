// Markdown rendering through cmark-gfm, with heading ids and prefix-aware links.
#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

namespace folio {
namespace {

struct ParserFree { void operator()(cmark_parser* p) const { cmark_parser_free(p); } };
struct NodeFree { void operator()(cmark_node* n) const { cmark_node_free(n); } };
struct IterFree { void operator()(cmark_iter* i) const { cmark_iter_free(i); } };
struct CFree { void operator()(char* p) const { std::free(p); } };

constexpr int kOptions = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;

void prefix_links(cmark_node* root, const std::string& base_path) {
    std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(root));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it.get());
        cmark_node_type t = cmark_node_get_type(n);
        if (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE) continue;
        const char* url = cmark_node_get_url(n);
        if (url && url[0] == '/' && url[1] != '/') cmark_node_set_url(n, (base_path + url).c_str());
    }
}

std::string strip_tags_and_entities(std::string_view html) {
    static const std::map<std::string_view, char> kEntities = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"#39", '\''}, {"#x27", '\''}};
    std::string out;
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (html[i] == '<') {
            std::size_t close = html.find('>', i);
            if (close == std::string_view::npos) break;
            i = close;
        } else if (html[i] == '&') {
            std::size_t semi = html.find(';', i);
            auto e = semi == std::string_view::npos ? kEntities.end() : kEntities.find(html.substr(i + 1, semi - i - 1));
            if (e != kEntities.end()) {
                out += e->second;
                i = semi;
            } else {
                out += '&';
            }
        } else {
            out += html[i];
        }
    }
    return out;
}

}  // namespace

std::string heading_slug(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size() && !((text[start] >= 'a' && text[start] <= 'z') || (text[start] >= 'A' && text[start] <= 'Z')))
        ++start;
    std::string id;
    for (char c : text.substr(start)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') id += c;
        else if (c >= 'A' && c <= 'Z') id += static_cast<char>(c - 'A' + 'a');
        else if (c == ' ') id += '-';
    }
    return id.empty() ? "section" : id;
}

std::string add_heading_ids(std::string_view html) {
    std::string out;
    out.reserve(html.size() + 64);
    std::map<std::string, int> used;
    std::size_t pos = 0;
    while (true) {
        std::size_t h = html.find("<h", pos);
        if (h == std::string_view::npos || h + 4 > html.size()) break;
        char level = html[h + 2];
        if (level < '1' || level > '6' || html[h + 3] != '>') {
            out.append(html.substr(pos, h + 2 - pos));
            pos = h + 2;
            continue;
        }
        const std::string close = std::string("</h") + level + ">";
        std::size_t end = html.find(close, h + 4);
        if (end == std::string_view::npos) break;
        std::string id = heading_slug(strip_tags_and_entities(html.substr(h + 4, end - h - 4)));
        int n = used[id]++;
        if (n > 0) id += "-" + std::to_string(n);
        out.append(html.substr(pos, h - pos));
        out += "<h";
        out += level;
        out += " id=\"" + id + "\">";
        pos = h + 4;
    }
    out.append(html.substr(pos));
    return out;
}

std::vector<Heading> headings_of(std::string_view html) {
    std::vector<Heading> out;
    std::size_t pos = 0;
    while ((pos = html.find("<h", pos)) != std::string_view::npos) {
        if (pos + 8 > html.size()) break;
        char level = html[pos + 2];
        if (level < '1' || level > '6' || html.compare(pos + 3, 5, " id=\"") != 0) {
            pos += 2;
            continue;
        }
        std::size_t id_end = html.find('"', pos + 8);
        std::size_t open_end = html.find('>', pos);
        const std::string close = std::string("</h") + level + ">";
        std::size_t end = html.find(close, pos);
        if (id_end == std::string_view::npos || open_end == std::string_view::npos || end == std::string_view::npos) break;
        out.push_back({level - '0', std::string(html.substr(pos + 8, id_end - pos - 8)),
                       strip_tags_and_entities(html.substr(open_end + 1, end - open_end - 1))});
        pos = end;
    }
    return out;
}

std::string render_markdown(std::string_view markdown, const MarkdownOptions& options_in) {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });

    const int options = kOptions | (options_in.smart ? CMARK_OPT_SMART : 0);
    std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(options));
    for (const char* name : {"table", "strikethrough"}) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, NodeFree> doc(cmark_parser_finish(parser.get()));
    if (!options_in.base_path.empty()) prefix_links(doc.get(), options_in.base_path);
    std::unique_ptr<char, CFree> html(
        cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get())));
    return add_heading_ids(html ? html.get() : "");
}

}  // namespace folio
