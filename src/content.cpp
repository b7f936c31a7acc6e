// The content pipeline: Liquid, kramdown's extras, Markdown, the table of contents.
#include "content.h"

#include <kainjow/mustache.hpp>

#include "config.h"
#include "error.h"
#include "jekyll/kramdown.h"
#include "jekyll/liquid.h"
#include "jekyll/page_liquid.h"
#include "markdown.h"
#include "jekyll/jekyll.h"
#include "page.h"
#include "self_links.h"
#include "site.h"

namespace folio {
namespace {

namespace mu = kainjow::mustache;

// Liquid on a Jekyll page's body; its problems with the line in the page's file.
std::string liquid_pass(const SiteView& v, const Page& p, std::string_view body, std::vector<Problem>* problems,
                        const LiquidContext* liquid) {
    std::vector<LiquidProblem> found;
    std::string out = liquid ? render_liquid(body, *liquid, found) : render_liquid(body, page_liquid_context(v, p), found);
    if (problems)
        for (const auto& f : found) problems->push_back({p.source, p.body_line + f.line - 1, "Liquid: " + f.message});
    return out;
}

// Replaces the marker {% include toc %} left with the toc partial, once the headings are known.
void insert_toc(const Templates& templates, std::string& html) {
    std::size_t at_toc = html.find(kTocMarker);
    if (at_toc == std::string::npos) return;
    mu::data d{mu::data::type::object};
    mu::data toc = toc_data(html);
    d.set("has_toc", !toc.is_empty_list());
    d.set("toc", toc);
    html.replace(at_toc, std::string(kTocMarker).size(), templates.render_partial("toc", d));
}

}  // namespace

std::string render_content(const SiteView& v, const Page& p, std::string_view body, const std::string& link_base,
                           std::vector<Problem>* problems, const LiquidContext* liquid) {
    const bool jekyll = v.site.jekyll != nullptr;
    std::string text;
    if (jekyll && has_liquid(body)) {
        text = liquid_pass(v, p, body, problems, liquid);
        body = text;
    }
    std::string html;
    if (p.html) {
        html = std::string(body);
    } else if (jekyll) {
        html = jekyll_markdown(body, link_base, jekyll_gfm_input(v.site.jekyll->config));
    } else {
        html = render_markdown(body, MarkdownOptions{link_base});
    }
    insert_toc(v.templates, html);
    // On a page (links under the mount prefix), links to the site's own public address (url, plus
    // baseurl on a Jekyll site) stay on this host: a site moved under /~user keeps its readers
    // there. The feed's links are absolute, and those already are.
    if (link_base != v.config.site.base_path) return html;
    std::string public_url = v.config.site.url;
    if (jekyll) public_url += v.site.jekyll->config["baseurl"].as<std::string>("");
    return localize_self_links(html, public_url, link_base);
}

std::string jekyll_markdown(std::string_view markdown, const std::string& link_base, bool gfm_ids) {
    KramdownPrepared prep = kramdown_before(markdown);
    return kramdown_after(render_markdown(prep.markdown, MarkdownOptions{link_base, true, true, true, gfm_ids}), prep);
}

std::string page_content(const SiteView& v, const Page& p, std::vector<Problem>* problems) {
    return render_content(v, p, page_body(p), v.config.site.base_path, problems);
}

// One of two tables of contents, on purpose. This one is the theme's: {% include toc %} (the
// minimal-mistakes sidebar) renders the toc partial from data, h2 and h3 only, as plain text.
// kramdown's {:toc} (jekyll/kramdown.cpp, toc_entries and toc_html) replaces a list in the
// Markdown with kramdown's own nested <ul id="markdown-toc"> HTML, byte for byte as Jekyll writes
// it: every heading level, .no_toc skipped, the headings' inline HTML kept without links. Same
// headings, different output and rules: merging them would change one or the other.
TemplateData toc_data(const std::string& html) {
    mu::data list{mu::data::type::list};
    for (const auto& h : headings_of(html)) {
        if (h.level < 2 || h.level > 3) continue;
        mu::data e{mu::data::type::object};
        e.set("id", h.id);
        e.set("text", h.text);
        e.set("level", std::to_string(h.level));
        e.set("sub", h.level == 3);
        list.push_back(e);
    }
    return list;
}

}  // namespace folio
