// A Jekyll site's stylesheets: .scss and .sass files that begin with front matter, served at the
// same path with .css. Their Liquid runs first (academicpages picks its theme's partials with
// {{ site.site_theme }}), then libsass (jekyll/sass.h) with _config.yml's `sass:` settings.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "jekyll/sass.h"
#include "problem.h"

namespace folio {

struct JekyllSite;  // jekyll/jekyll.h
struct Route;       // site.h
struct SiteView;    // site_view.h

// "main.scss", "x.sass": a name Jekyll's Sass converters take.
bool is_sass_source(std::string_view name);

// "assets/css/main.scss" -> "/assets/css/main.css": Jekyll writes the output beside the source.
std::string stylesheet_url(const std::string& rel);

// What _config.yml's `sass:` asks for, as jekyll-sass-converter 2 (libsass) reads it:
// `load_paths` then `sass_dir` (default _sass), each below the site folder and kept when it is a
// folder; `style` (default compact; an unknown one falls back to it, with a warning).
struct SassSettings {
    std::vector<std::string> load_paths;
    SassStyle style = SassStyle::Compact;
    // `sourcemap`: always (the default), never, or development (only when JEKYLL_ENV is
    // development): whether x.css.map is served beside x.css and named at its end.
    bool source_map = true;
    std::vector<Problem> warnings;
};
SassSettings sass_settings(const JekyllSite& jekyll, const std::string& site_dir);

// The CSS of a stylesheet route (Generated::Stylesheet): its file read (bounded), front matter
// taken off, Liquid run, compiled with the settings, imports confined to the site folder.
// Liquid problems are added to liquid_problems when given. Never throws for bad input: a file
// that cannot be read or compiled comes back as the result's problem.
// The last compile of a loaded site, by its whole input: a stylesheet's CSS and its source map
// come from one compile (about 0.3 s for academicpages' main.scss), not two. A loaded site is
// dropped when any of its files changes, and its memo with it.
struct SassMemo {
    std::string key;
    SassResult result;
};

SassResult stylesheet_of(const SiteView& view, const Route& route, std::vector<Problem>* liquid_problems = nullptr);

}  // namespace folio
