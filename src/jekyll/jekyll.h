// Reading an existing Jekyll (academicpages) site: _config.yml, _data/navigation.yml, collection
// and permalink rules, front-matter defaults. Pure where it can be: the file readers are thin.
#pragma once
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "config.h"
#include "problem.h"

namespace folio {

struct JekyllCollection {
    std::string name;
    bool output = true;
    std::string permalink;  // pattern, e.g. "/:collection/:path/"; "" = Jekyll's default
};

struct JekyllDefault {
    std::string path;  // scope.path: a folder prefix ("" = everywhere)
    std::string type;  // scope.type: pages, posts or a collection name ("" = any)
    YAML::Node values;
};

struct JekyllSite {
    YAML::Node config;  // the whole _config.yml: site.* for Liquid
    std::vector<JekyllCollection> collections;  // posts included
    std::vector<JekyllDefault> defaults;
    std::string permalink = "/:categories/:year/:month/:day/:title:output_ext";  // for posts
    bool future = false;
    std::vector<std::string> include;  // top-level '_' folders that hold pages (academicpages: _pages)
    std::vector<std::string> exclude;  // top-level names (simple globs) that are not part of the site
    std::string environment = "development";  // jekyll.environment: JEKYLL_ENV, as Jekyll reads it
    std::vector<Problem> warnings;  // for entries left out (the site serves anyway)
    // Pages are rendered through the site's own _layouts/ (jekyll/theme.h), not folio's
    // templates: [site] theme = site, or unset and the site has a _layouts/ folder.
    bool own_theme = false;

    const JekyllCollection* collection(const std::string& name) const;
    bool excluded(const std::string& top_level_name) const;
};

// True when dir holds a _config.yml.
bool is_jekyll_site(const std::string& dir);

// Pure: parses _config.yml text (file is the name used in messages) and, when given, the text of
// _data/navigation.yml; fills what the folio.ini left empty (url, base_path, title,
// description, author and profile links, nav). Throws folio::Error "file:line: reason".
JekyllSite parse_jekyll(const std::string& config_text, const std::string& file, const std::string& navigation_text,
                        const std::string& navigation_file, Config& cfg);

// Reads dir/_config.yml and dir/_data/navigation.yml.
JekyllSite read_jekyll(const std::string& dir, Config& cfg);

// What a permalink pattern's placeholders stand for in one document.
struct PermalinkParts {
    std::string collection, path, name, title, categories, year, month, day, slug;
    std::string output_ext = ".html";
};

// Pure: "/:collection/:path/" -> "/publications/paper-1/". Styles "pretty", "date", "none",
// "ordinal" are expanded to their patterns first. Repeated slashes are merged.
std::string expand_permalink(const std::string& pattern, const PermalinkParts& parts);

// Jekyll's Utils.titleize_slug: "first-post" -> "First Post" (a document's default title).
std::string titleize_slug(const std::string& slug);

// "2012-08-14-blog-post-1" -> date "2012-08-14", slug "blog-post-1" (false when no date).
bool split_post_name(const std::string& stem, std::string& date, std::string& slug);

// Whether the site's Markdown is read by kramdown's GFM parser: Jekyll's default (kramdown: input:
// GFM), unless _config.yml names another input (input: kramdown).
bool jekyll_gfm_input(const YAML::Node& config);

// Jekyll's Utils.titleize_slug: "first-post" -> "First Post" (each word capitalized, the rest
// of it lowercased, as Ruby's String#capitalize does).
std::string titleize_slug(const std::string& slug);

// Jekyll's slugify (default mode): lowercase, runs of non-alphanumerics -> '-', trimmed.
std::string slugify(const std::string& text);

}  // namespace folio
