// Jekyll's excerpt of a document: its first paragraph, rendered (Jekyll::Excerpt).
#pragma once
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

namespace folio {

// The most source text an excerpt is made from: a first "paragraph" that is the whole of a large
// file must not make every listing large.
inline constexpr std::size_t kMaxExcerptSource = 16 * 1024;

// Pure: the HTML of body's excerpt: the text before the first separator ("\n\n" unless the
// document or _config.yml's excerpt_separator says otherwise; "" means no excerpt), plus the
// Markdown link definitions below it that it uses, with Liquid evaluated against site (the
// _config.yml: an excerpt cannot see page.*), then Markdown as the site's kramdown renders it.
std::string jekyll_excerpt(std::string_view body, const std::string& separator, const YAML::Node& site,
                           const std::string& link_base);

}  // namespace folio
