// A Jekyll site's .scss/.sass pages: settings from _config.yml, Liquid, then libsass.
#include "jekyll/stylesheet.h"

#include <sys/stat.h>

#include <algorithm>

#include "config.h"
#include "fd.h"
#include "jekyll/jekyll.h"
#include "jekyll/liquid.h"
#include "jekyll/page_liquid.h"
#include "page.h"
#include "read_file.h"
#include "safe_open.h"
#include "site.h"
#include "site_view.h"
#include "text.h"

namespace folio {
namespace {

bool is_folder(const std::string& path) {
    struct stat st;
    return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// A load path as Jekyll's safe mode sanitises it: relative to the site folder, and kept below it
// ("/x" and "../x" become folders inside the site), so every file an @import reads is one the
// site's fingerprint watches and no file outside the site can become CSS.
std::string below_site(const std::string& site_dir, const std::string& path) {
    const std::string inside = normalize_path("/" + path);
    return inside == "/" ? site_dir : site_dir + inside;
}

// node[key], or a null node when there is none: yaml-cpp's missing key is an invalid node that
// throws when asked its type.
YAML::Node child(const YAML::Node& node, const char* key) {
    const YAML::Node n = node[key];
    return n.IsDefined() ? n : YAML::Node();
}

}  // namespace

bool is_sass_source(std::string_view name) {
    const std::string lower = to_lower(name);
    return lower.size() > 5 && (ends_with(lower, ".scss") || ends_with(lower, ".sass"));
}

std::string stylesheet_url(const std::string& rel) {
    return "/" + rel.substr(0, rel.size() - 5) + ".css";
}

SassSettings sass_settings(const JekyllSite& j, const std::string& site_dir) {
    SassSettings s;
    const YAML::Node sass = j.config.IsMap() ? child(j.config, "sass") : YAML::Node();
    const std::string map_when = sass.IsMap() && child(sass, "sourcemap").IsScalar() ? child(sass, "sourcemap").Scalar() : "always";
    s.source_map = map_when == "always" || map_when == ":always" ||
                   ((map_when == "development" || map_when == ":development") && j.environment == "development");
    if (!sass.IsDefined() || !sass.IsMap()) {
        if (is_folder(site_dir + "/_sass")) s.load_paths.push_back(site_dir + "/_sass");
        return s;
    }
    std::vector<std::string> wanted;
    const YAML::Node load = child(sass, "load_paths");
    if (load.IsScalar()) wanted.push_back(load.Scalar());
    if (load.IsSequence())
        for (const auto& p : load)
            if (p.IsScalar()) wanted.push_back(p.Scalar());
    const YAML::Node dir = child(sass, "sass_dir");
    wanted.push_back(dir.IsScalar() && !dir.Scalar().empty() ? dir.Scalar() : "_sass");
    for (const auto& w : wanted) {
        const std::string path = below_site(site_dir, w);
        if (is_folder(path) && std::find(s.load_paths.begin(), s.load_paths.end(), path) == s.load_paths.end())
            s.load_paths.push_back(path);
    }
    const YAML::Node style = child(sass, "style");
    if (style.IsScalar() && !parse_sass_style(style.Scalar(), s.style))
        s.warnings.push_back({site_dir + "/_config.yml", style.Mark().line + 1,
                              "sass: style '" + style.Scalar() + "' is not one of nested, expanded, compact, compressed; using compact"});
    return s;
}

SassResult stylesheet_of(const SiteView& v, const Route& route, std::vector<Problem>* liquid_problems) {
    SassResult out;
    const std::string root = normalize_path(v.config.content_dir);
    const std::string& source = route.origin;  // root + "/" + rel, as the site walk named it
    const std::string rel = source.size() > root.size() + 1 ? source.substr(root.size() + 1) : source;
    std::string reason;
    const Fd fd(open_below(route.file, route.below));
    // Front matter and Sass text together: the Sass bound plus room for the front matter.
    std::optional<std::string> text = fd ? read_open_file(fd.get(), kMaxSassInputBytes + 64 * 1024, reason) : std::nullopt;
    if (!text) {
        out.problem = Problem{source, 0, "cannot read: " + (fd ? reason : std::string("vanished or not a regular file"))};
        return out;
    }
    const Page page = parse_page(*text, source, rel);
    if (page.error) {
        out.problem = page.error;
        return out;
    }
    std::string_view body(*text);
    body.remove_prefix(std::min(page.body_offset, body.size()));
    // Jekyll's front-matter pattern ends in `---\s*$\n?`: the blank lines after the closing
    // line go with it (they are not in the source map's copy of the text, and lines count on
    // from the first line that is not blank).
    int first_line = page.body_line;
    const std::size_t blank = body.find_first_not_of(" \t\r\n");
    const std::size_t cut = body.substr(0, blank).rfind('\n');
    if (cut != std::string_view::npos) {
        first_line += static_cast<int>(std::count(body.begin(), body.begin() + cut + 1, '\n'));
        body.remove_prefix(cut + 1);
    }
    std::string rendered;
    if (v.site.jekyll && has_liquid(body)) {
        std::vector<LiquidProblem> found;
        rendered = render_liquid(body, page_liquid_context(v, page), found);
        if (liquid_problems)
            for (const auto& f : found) liquid_problems->push_back({source, page.body_line + f.line - 1, "Liquid: " + f.message});
        body = rendered;
    }
    SassSettings settings = v.site.jekyll ? sass_settings(*v.site.jekyll, root) : SassSettings{};
    SassInput in;
    in.text = body;
    in.file = source;
    in.indented = ends_with(to_lower(rel), ".sass");
    in.load_paths = std::move(settings.load_paths);
    in.style = settings.style;
    in.first_line = first_line;
    in.confine = root;
    if (settings.source_map) in.source_map_file = source.substr(0, source.size() - 5) + ".css.map";
    if (!v.sass) return compile_sass(in);
    std::string key = source + '\0' + in.source_map_file + '\0' + std::to_string(static_cast<int>(in.style)) + '\0' +
                      std::to_string(in.first_line) + (in.indented ? "s" : "c") + '\0';
    for (const auto& p : in.load_paths) key += p + '\0';
    key += body;
    if (v.sass->key != key) {
        v.sass->result = compile_sass(in);
        v.sass->key = std::move(key);
    }
    return v.sass->result;
}

}  // namespace folio
