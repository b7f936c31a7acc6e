// Pure: Liquid, as Jekyll's pages and themes use it, evaluated so that a Jekyll page renders
// the same. What folio cannot evaluate is reported (with its line) and renders as nothing,
// never as raw Liquid.
#pragma once
#include <yaml-cpp/yaml.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "problem.h"

namespace folio {

// Limits: loops and includes are bounded so hostile content cannot stall a worker.
inline constexpr int kMaxLiquidLoopIterations = 10000;  // all loops of one render together
inline constexpr int kMaxLiquidDepth = 16;               // nested blocks (and brackets in an expression)
inline constexpr std::size_t kMaxLiquidOutput = 8 * 1024 * 1024;

// A problem in the text given to render_liquid: no file (the caller knows it), its 1-based
// line in that text, e.g. "unsupported tag 'tablerow'".
using LiquidProblem = Problem;

// Parsed Liquid kept between renders: the same text (a page, a layout, an include) is lexed and
// parsed once while the site it came from stays loaded (a FastCGI worker's loaded site holds
// one; a CGI builds the site for one request and keeps none). Its memory is bounded: texts of at
// most kMaxLiquidCachedText bytes, kMaxLiquidCacheText bytes of them in all, and when that is
// full it starts again empty (a parsed tree is several times its text).
inline constexpr std::size_t kMaxLiquidCachedText = 256 * 1024;
inline constexpr std::size_t kMaxLiquidCacheText = 1024 * 1024;
class LiquidCache {
public:
    LiquidCache();
    ~LiquidCache();
    LiquidCache(const LiquidCache&) = delete;
    LiquidCache& operator=(const LiquidCache&) = delete;
    std::size_t size() const;  // texts kept
    struct Impl;  // liquid.cpp: the parsed trees are its own types
    Impl& impl() { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
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
    std::function<std::optional<std::string>(const std::string& name)> partial{};
    // Errors also written into the output where they happen ("Liquid error (line 3): ..."), as
    // Liquid's render_errors; folio's pages leave this off (problems are reported instead).
    bool inline_errors = false;
    // Liquid's strict error modes. Folio reads templates as Liquid's lax mode does (Jekyll's
    // default); strict so far only refuses what lax alone reads: a bare [key] variable.
    bool strict = false;
    // Liquid's strict_variables (Jekyll's `liquid: strict_variables: true`): a variable or key that
    // is not there is an error ("undefined variable x": a problem, and the output or assign it
    // was part of is dropped) instead of nothing.
    bool strict_variables = false;
    // Jekyll's tags that need the site, each unset when there is no site (the tag is then reported
    // and prints nothing), and nullopt for a file the site does not have (reported, as Jekyll
    // stops its build there):
    // {% link PATH %}: the URL of the page, post or document at PATH below the site folder
    // ("about.md", "_posts/2024-01-15-x.md"), without the baseurl (the tag puts it in front).
    std::function<std::optional<std::string>(const std::string& path)> link{};
    // {% post_url NAME %}: the URL of the post NAME ("2024-01-15-x", or "folder/2024-01-15-x"),
    // without the baseurl.
    std::function<std::optional<std::string>(const std::string& name)> post_url{};
    // {% include_relative PATH %}: the Liquid source of PATH, relative to the page's own folder.
    std::function<std::optional<std::string>(const std::string& path)> include_relative{};
    // markdownify: Markdown -> HTML as the site's converter renders it; unset, the text as is.
    std::function<std::string(const std::string& markdown)> markdownify{};
    // The time "now" and "today" stand for in the date filter ("2024-01-01 00:01:58"); when
    // empty, site.time (a page is the same on every request).
    std::string now{};
    // Where parsed texts are kept between renders; null: parsed on every call (partials once
    // per call).
    LiquidCache* cache = nullptr;
};

// Evaluates text as Liquid (Shopify's language, as Liquid 5.4, which Jekyll 4.3 runs on, and
// its later releases where they agree; tests/liquid_spec runs Shopify's conformance suite):
//   {{ expr | filter: args, key: value }}; every standard filter (strings, numbers as Ruby's
//     Integer and Float, lists, default, date with Ruby's strftime) and Jekyll's (relative_url,
//     absolute_url, date_to_*, xml_escape, cgi_escape, uri_escape, number_of_words,
//     array_to_sentence_string, markdownify (through the `markdownify` callback; as is without
//     one), smartify, slugify with its modes, jsonify, where_exp, find_exp, group_by(_exp), sample
//     (the first item, or the first n: a page is the same on every request), push, pop, shift,
//     unshift, normalize_whitespace, inspect); "now" is `now` below or site.time
//   tags: assign, capture, increment, decrement, if/elsif/else, unless, case/when/else, for (limit,
//     offset, offset: continue, reversed, ranges, else, forloop.* with parentloop), break,
//     continue, cycle, tablerow (tablerowloop.*), ifchanged, raw, comment, doc, # comments, liquid,
//     echo, include (Jekyll's `name key=value` as include.key, Liquid's `'name' with/for x as y,
//     key: value`, a variable holding the name) and render (its own scope); Jekyll's
//     include_relative, link and post_url (through the callbacks above) and highlight (plain
//     figure/pre/code, escaped, without colours)
//   Liquid's truthiness (only nil and false are false), empty and blank, comparisons (a string
//     against a number is an error, as in Ruby), whitespace control ({%- -%} {{- -}}), Liquid's
//     blank blocks (a block of only blanks and assigns prints nothing)
// Output is not HTML-escaped (as in Liquid; `| escape` does it).
// Templates and partials are parsed once per call, or once while context.cache keeps them.
// What is malformed is read as Liquid's lax mode (Jekyll's default) reads it and reported.
// An unknown tag or filter, an unclosed block, a syntax error adds a problem with its line and
// renders as nothing; the rest of the text still renders. An error Liquid raises while
// rendering (divided by 0, a missing partial, ...) adds a problem and drops the output or assign
// it was part of (with inline_errors, Liquid's message takes its place). Reaching a limit (loop
// iterations, depth, output size, work) adds a problem and ends rendering there: the top-level
// construct that reached it renders nothing, nor does what follows it.
std::string render_liquid(std::string_view text, const LiquidContext& context, std::vector<LiquidProblem>& problems);

// True when text contains any Liquid markup ("{{" or "{%"): pages without it skip the evaluator.
bool has_liquid(std::string_view text);

}  // namespace folio
