// Pure: the subset of Liquid found inside academicpages Markdown, evaluated so that a Jekyll
// page renders the same. Everything else is reported (with its line) and renders as nothing,
// never as raw Liquid.
#pragma once
#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace folio {

// Limits: loops and includes are bounded so hostile content cannot stall a worker.
inline constexpr int kMaxLiquidLoopIterations = 10000;
inline constexpr int kMaxLiquidDepth = 16;          // nested blocks and includes
inline constexpr std::size_t kMaxLiquidOutput = 8 * 1024 * 1024;

struct LiquidProblem {
    int line;             // 1-based line in the text given to render_liquid
    std::string message;  // e.g. "unsupported tag 'tablerow'"
};

struct LiquidContext {
    // Variables: a YAML map, typically {site: ..., page: ...}; `assign`, `capture` and loop
    // variables are added on top while rendering (as locals, shadowing these).
    YAML::Node vars;
    // {% include NAME %}: returns the text to insert, given the current local variables (so
    // `{% include archive-single.html %}` inside `{% for post in ... %}` can see `post`), or
    // nullopt for an include folio does not know (reported as a problem, renders nothing).
    // The returned text is inserted as is (not evaluated again as Liquid).
    std::function<std::optional<std::string>(const std::string& name, const YAML::Node& locals)> include;
};

// Evaluates text. Supported:
//   {{ expr }}, {{ expr | filter ... }} with filters: default, escape, relative_url, absolute_url,
//     date (formats %Y %m %d %b %B %y), upcase, downcase, size, strip, append, prepend,
//     replace, remove, first, last, join, slugify, markdownify (identity), jsonify (scalars)
//   expr: "string", 'string', numbers, true/false/nil, dotted names (site.author.name,
//     post.title, collection.docs), [index] and ["key"] access, .size, .first, .last
//   {% if %} {% elsif %} {% else %} {% endif %}, {% unless %} ... {% endunless %} with ==, !=,
//     <, >, <=, >=, contains, and, or (right to left, as Liquid), truthiness as Liquid (only
//     false and nil are false)
//   {% for x in expr [reversed] [limit:n] [offset:n] %} ... {% else %} ... {% endfor %} with
//     forloop.index, forloop.index0, forloop.first, forloop.last, forloop.length;
//     iterating a map yields [key, value] pairs
//   {% assign x = expr [| filters] %}, {% capture x %}...{% endcapture %}
//   {% comment %}...{% endcomment %}, {% raw %}...{% endraw %} (raw text kept verbatim)
//   {% include name [key=value ...] %} (parameters visible to the include callback as
//     locals["include"][key])
//   {%- -%} and {{- -}} whitespace control
// Anything else ({% tablerow %}, an unknown filter, an unclosed block, a syntax error) adds a
// problem with its line and renders as nothing; the rest of the text still renders.
std::string render_liquid(std::string_view text, const LiquidContext& context, std::vector<LiquidProblem>& problems);

// True when text contains any Liquid markup ("{{" or "{%"): pages without it skip the evaluator.
bool has_liquid(std::string_view text);

}  // namespace folio
