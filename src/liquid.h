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
inline constexpr int kMaxLiquidLoopIterations = 10000;  // all loops of one render together
inline constexpr int kMaxLiquidDepth = 16;               // nested blocks (and brackets in an expression)
inline constexpr std::size_t kMaxLiquidOutput = 8 * 1024 * 1024;

struct LiquidProblem {
    int line;             // 1-based line in the text given to render_liquid
    std::string message;  // e.g. "unsupported tag 'tablerow'"
};

struct LiquidContext {
    // Variables: a YAML map, typically {site: ..., page: ...}; `assign`, `capture` and loop
    // variables are added on top while rendering (as locals, shadowing these). Scalars are typed
    // as YAML types plain ones (true/false, numbers); quoted ones (Tag() "!") are strings.
    YAML::Node vars;
    // {% include NAME %}: returns the text to insert, given the current local variables (so
    // `{% include archive-single.html %}` inside `{% for post in ... %}` can see `post`), or
    // nullopt for an include folio does not know (reported as a problem, renders nothing).
    // The returned text is inserted as is (not evaluated again as Liquid).
    std::function<std::optional<std::string>(const std::string& name, const YAML::Node& locals)> include;
    // {% include NAME %} and {% render NAME %} when `include` is unset or returns nullopt: the
    // Liquid source of the partial (parsed and rendered as Liquid), or nullopt when there is none.
    std::function<std::optional<std::string>(const std::string& name)> partial;
    // Errors also written into the output where they happen ("Liquid error (line 3): ..."), as
    // Liquid's render_errors; folio's pages leave this off (problems are reported instead).
    bool inline_errors = false;
    // Liquid's strict error mode: a malformed tag or expression is an error instead of being
    // read as leniently as Liquid's lax mode reads it.
    bool strict = false;
    // The time "now" and "today" stand for in the date filter ("2024-01-01 00:01:58"); when
    // empty, site.time (a page is the same on every request).
    std::string now;
};

// Evaluates text. Supported:
//   {{ expr }}, {{ expr | filter ... }} with filters: default, escape, relative_url, absolute_url,
//     date (formats %Y %y %m %d %e %j %H %I %M %S %p %b %B %a %A %F %%, %-d style unpadded;
//     "now" is site.time), upcase, downcase, size, strip, append, prepend, replace, remove,
//     first, last, join, slugify, markdownify (identity), jsonify
//   expr: "string", 'string', numbers, true/false/nil, empty, dotted names (site.author.name,
//     post.title, collection.docs), [index] and ["key"] access, .size, .first, .last
//   {% if %} {% elsif %} {% else %} {% endif %}, {% unless %} ... {% endunless %} with ==, !=,
//     <, >, <=, >=, contains, and, or (right to left, as Liquid), truthiness as Liquid (only
//     false and nil are false)
//   {% for x in expr [reversed] [limit:n] [offset:n] %} ... {% else %} ... {% endfor %} with
//     forloop.index, forloop.index0, forloop.rindex, forloop.rindex0, forloop.first,
//     forloop.last, forloop.length; expr may be a range (1..n);
//     iterating a map yields [key, value] pairs
//   {% assign x = expr [| filters] %}, {% capture x %}...{% endcapture %}
//   {% comment %}...{% endcomment %}, {% raw %}...{% endraw %} (raw text kept verbatim)
//   {% include name [key=value ...] %} (parameters visible to the include callback as
//     locals["include"][key])
//   {%- -%} and {{- -}} whitespace control
// Output is not HTML-escaped (as in Liquid; `| escape` does it).
// Anything else ({% tablerow %}, an unknown filter, an unclosed block, a syntax error) adds a
// problem with its line and renders as nothing; the rest of the text still renders. Reaching a
// limit (loop iterations, output size, work) adds a problem and ends rendering there: the
// top-level construct that reached it renders nothing, nor does what follows it.
std::string render_liquid(std::string_view text, const LiquidContext& context, std::vector<LiquidProblem>& problems);

// True when text contains any Liquid markup ("{{" or "{%"): pages without it skip the evaluator.
bool has_liquid(std::string_view text);

}  // namespace folio
