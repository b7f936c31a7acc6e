// Template loading and rendering (kainjow mustache). Partials come from our own context so a
// front-matter key can never shadow a partial name.
#include "templates.h"

#include <dirent.h>

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "error.h"
#include "fd.h"
#include "read_file.h"
#include "text.h"

namespace folio {
namespace {

namespace mu = kainjow::mustache;

// The deepest chain of partials including partials; deeper (or a cycle) is a template error.
constexpr int kMaxPartialDepth = 8;

class PartialContext : public mu::context<std::string> {
public:
    PartialContext(const mu::data* data, const std::map<std::string, mu::data>& partials)
        : mu::context<std::string>(data), partials_(partials) {}
    const mu::data* get_partial(const std::string& name) const override {
        auto it = partials_.find(name);
        return it == partials_.end() ? nullptr : &it->second;
    }

private:
    const std::map<std::string, mu::data>& partials_;
};

// The largest layout or partial read; a template is a page's frame, far smaller than a page.
constexpr std::size_t kMaxTemplateBytes = 1024 * 1024;

std::string read_template(const std::string& path) {
    std::string reason;
    std::optional<std::string> text = read_file(path, kMaxTemplateBytes, reason);
    if (!text) throw Error(Problem{path, 0, "cannot read: " + reason});
    return std::move(*text);
}

std::vector<std::string> list_mustache_files(const std::string& dir) {
    std::vector<std::string> names;
    Dir d = open_dir(dir.c_str());
    if (!d) return names;
    while (dirent* e = readdir(d.get())) {
        std::string n = e->d_name;
        const std::string ext = ".mustache";
        if (n.size() > ext.size() && n[0] != '.' && ends_with(n, ext))
            names.push_back(n.substr(0, n.size() - ext.size()));
    }
    std::sort(names.begin(), names.end());
    return names;
}

// Names of the partials a template text includes: {{> name}}, blanks allowed anywhere inside the
// tag, as kainjow reads it.
std::vector<std::string> included_partials(const std::string& text) {
    std::vector<std::string> out;
    for_each_between(text, "{{", "}}", [&](std::string_view inner) {
        const std::size_t first = inner.find_first_not_of(" \t\r\n");
        if (first != std::string_view::npos && inner[first] == '>') out.push_back(trim(inner.substr(first + 1)));
    });
    return out;
}

// A set-delimiter tag ({{=<% %>=}}) would hide partial tags from the scan above, so folio's
// templates may not use one.
bool sets_delimiters(const std::string& text) {
    std::size_t pos = 0;
    while ((pos = text.find("{{", pos)) != std::string::npos) {
        std::size_t first = text.find_first_not_of(" \t\r\n", pos + 2);
        if (first != std::string::npos && text[first] == '=') return true;
        pos += 2;
    }
    return false;
}

// How deep partial includes go below name, memoised so that many includes stay linear; a cycle
// counts as too deep.
int partial_depth(const std::string& name, const std::map<std::string, std::string>& texts,
                  std::map<std::string, int>& memo, std::set<std::string>& visiting) {
    if (auto m = memo.find(name); m != memo.end()) return m->second;
    auto it = texts.find(name);
    if (it == texts.end()) return 0;
    if (!visiting.insert(name).second) return kMaxPartialDepth + 1;  // a cycle
    int deepest = 0;
    for (const auto& child : included_partials(it->second)) {
        deepest = std::max(deepest, 1 + partial_depth(child, texts, memo, visiting));
        if (deepest > kMaxPartialDepth) break;
    }
    visiting.erase(name);
    return memo[name] = deepest;
}

}  // namespace

struct Templates::State {
    struct Layout {
        std::string file;
        std::shared_ptr<mu::mustache> tpl;
        std::optional<Problem> error;  // when the file does not parse
        std::vector<std::string> includes;  // the partials it names
    };
    std::map<std::string, Layout> layouts;
    std::map<std::string, std::string> partials;  // name -> text, all valid
    // The same partials as Mustache data, made once at load rather than on every render.
    std::map<std::string, mu::data> partial_data;
    // And parsed, for render_partial: a listing loop renders one partial per item, and kainjow
    // parses a partial's text again each time a template includes it.
    // Rendered in place (a listing renders one per item; a copy of the parsed tree each time cost
    // a tenth of a 1,000-item listing): kainjow keeps a render error inside the template, so one
    // that failed is parsed again from its text before it is used again.
    struct PartialTemplate {
        std::string text;
        std::shared_ptr<mu::mustache> tpl;
    };
    std::map<std::string, PartialTemplate> partial_tpls;
    std::map<std::string, Problem> partial_errors;  // name -> why it cannot be used

    // A broken partial fails the pages that use it, and only those.
    void check_partials(const std::vector<std::string>& roots) const;
};

Templates::Templates() : state_(std::make_shared<State>()) {}

bool Templates::has_layout(const std::string& name) const { return state_->layouts.count(name) != 0; }

Problem template_error(const std::string& file, const std::string& text, const std::string& message) {
    int line = 0;
    std::size_t at_pos = message.rfind(" at ");
    if (at_pos != std::string::npos) {
        try {
            std::size_t offset = std::stoul(message.substr(at_pos + 4));
            line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
        } catch (const std::exception&) {
            line = 0;
        }
    }
    return {file, line == 0 ? 1 : line, message};
}

Templates Templates::load(const std::string& dir) {
    auto state = std::make_shared<State>();
    State& t = *state;
    std::map<std::string, std::string> texts;
    for (const auto& name : list_mustache_files(dir + "/partials")) {
        const std::string file = dir + "/partials/" + name + ".mustache";
        std::string text = read_template(file);
        mu::mustache parsed{text};
        if (!parsed.is_valid()) {
            t.partial_errors[name] = template_error(file, text, parsed.error_message());
            continue;
        }
        if (sets_delimiters(text)) {
            t.partial_errors[name] = {file, 1, "set-delimiter tags ({{=...=}}) are not supported"};
            continue;
        }
        texts[name] = std::move(text);
    }
    std::map<std::string, int> memo;
    for (const auto& [name, text] : texts) {
        std::set<std::string> visiting;
        if (partial_depth(name, texts, memo, visiting) > kMaxPartialDepth)
            t.partial_errors[name] = {dir + "/partials/" + name + ".mustache", 1,
                                      "partials nest deeper than " + std::to_string(kMaxPartialDepth) +
                                          " levels (a partial that includes itself?)"};
    }
    for (auto& [name, text] : texts)
        if (!t.partial_errors.count(name)) t.partials[name] = std::move(text);
    for (const auto& [name, text] : t.partials) {
        t.partial_data.emplace(name, mu::data(text));
        t.partial_tpls.emplace(name, State::PartialTemplate{text, std::make_shared<mu::mustache>(text)});
    }
    for (const auto& name : list_mustache_files(dir + "/layouts")) {
        State::Layout l;
        l.file = dir + "/layouts/" + name + ".mustache";
        std::string text = read_template(l.file);
        l.tpl = std::make_shared<mu::mustache>(text);
        if (!l.tpl->is_valid()) l.error = template_error(l.file, text, l.tpl->error_message());
        else if (sets_delimiters(text)) l.error = Problem{l.file, 1, "set-delimiter tags ({{=...=}}) are not supported"};
        l.includes = included_partials(text);
        t.layouts[name] = std::move(l);
    }
    Templates loaded;
    loaded.state_ = std::move(state);
    return loaded;
}

std::vector<Problem> Templates::problems() const {
    std::vector<Problem> out;
    for (const auto& [name, error] : state_->partial_errors) out.push_back(error);
    for (const auto& [name, l] : state_->layouts)
        if (l.error) out.push_back(*l.error);
    if (!state_->layouts.count("page")) out.push_back({"templates", 0, "no layouts/page.mustache (the default layout)"});
    return out;
}

void Templates::State::check_partials(const std::vector<std::string>& roots) const {
    std::vector<std::string> todo = roots;
    std::set<std::string> seen;
    while (!todo.empty()) {
        std::string name = todo.back();
        todo.pop_back();
        if (!seen.insert(name).second) continue;
        if (auto e = partial_errors.find(name); e != partial_errors.end()) throw Error(e->second);
        if (auto p = partials.find(name); p != partials.end())
            for (auto& child : included_partials(p->second)) todo.push_back(child);
    }
}

std::string Templates::render_partial(const std::string& name, const TemplateData& data) const {
    state_->check_partials({name});
    auto it = state_->partial_tpls.find(name);
    if (it == state_->partial_tpls.end()) return "";
    mu::mustache& tpl = *it->second.tpl;
    PartialContext ctx(&data, state_->partial_data);
    std::string out = tpl.render(ctx);
    if (!tpl.is_valid()) {
        const std::string why = tpl.error_message();
        *it->second.tpl = mu::mustache(it->second.text);  // the error does not stay for the next render
        throw Error(Problem{"templates/partials/" + name + ".mustache", 0, why});
    }
    return out;
}

std::string Templates::resolve_layout(const std::string& name) const {
    if (state_->layouts.count(name)) return name;
    const std::string alias = jekyll_layout_alias(name);
    return !alias.empty() && state_->layouts.count(alias) ? alias : "page";
}

std::string jekyll_layout_alias(const std::string& name) {
    static const std::map<std::string, std::string> kJekyllLayouts = {
        {"talk", "single"}, {"post", "single"}, {"posts", "single"}, {"archive", "page"},
        {"splash", "page"}, {"default", "page"}, {"home", "page"}};
    auto it = kJekyllLayouts.find(name);
    return it == kJekyllLayouts.end() ? "" : it->second;
}

std::string Templates::render(const std::string& layout, const TemplateData& data) const {
    auto it = state_->layouts.find(resolve_layout(layout));
    if (it == state_->layouts.end()) throw Error("templates: no layout '" + layout + "' and no layouts/page.mustache");
    const State::Layout& l = it->second;
    if (l.error) throw Error(*l.error);
    state_->check_partials(l.includes);
    // The parsed template is shared and kainjow keeps a render error inside it, so render a
    // copy: a failed render must not poison the next one.
    mu::mustache tpl = *l.tpl;
    PartialContext ctx(&data, state_->partial_data);
    std::string out = tpl.render(ctx);
    if (!tpl.is_valid()) throw Error(Problem{l.file, 0, tpl.error_message()});
    return out;
}

}  // namespace folio
