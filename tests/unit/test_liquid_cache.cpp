// LiquidCache: parsed Liquid kept between renders, the same output and problems as without it,
// and bounded.
#include <boost/test/unit_test.hpp>

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "jekyll/liquid.h"

using folio::LiquidCache;
using folio::LiquidContext;
using folio::LiquidProblem;

namespace {

std::string render(const std::string& text, LiquidContext& ctx, std::vector<LiquidProblem>* problems = nullptr) {
    std::vector<LiquidProblem> local;
    std::string out = folio::render_liquid(text, ctx, problems ? *problems : local);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(liquid_cache)

BOOST_AUTO_TEST_CASE(a_text_is_kept_once_and_renders_with_each_call_s_variables) {
    LiquidCache cache;
    LiquidContext ctx;
    ctx.cache = &cache;
    const std::string text = "{% for x in list %}{{ x | upcase }}{% endfor %}";
    ctx.vars = YAML::Load("list: [a, b]");
    BOOST_TEST(render(text, ctx) == "AB");
    ctx.vars = YAML::Load("list: [c]");
    BOOST_TEST(render(text, ctx) == "C");
    BOOST_TEST(cache.size() == 1u);
}

BOOST_AUTO_TEST_CASE(problems_are_reported_on_every_render_not_only_the_first) {
    LiquidCache cache;
    LiquidContext ctx;
    ctx.cache = &cache;
    for (int i = 0; i < 2; ++i) {
        std::vector<LiquidProblem> problems;
        BOOST_TEST(render("a\n{% nosuchtag %}b", ctx, &problems) == "a\nb");
        BOOST_REQUIRE(problems.size() == 1u);
        BOOST_TEST(problems[0].line == 2);
    }
    BOOST_TEST(cache.size() == 1u);
}

BOOST_AUTO_TEST_CASE(partials_are_kept_too_and_strict_apart_from_lax) {
    LiquidCache cache;
    LiquidContext ctx;
    ctx.cache = &cache;
    int asked = 0;
    ctx.partial = [&](const std::string& name) -> std::optional<std::string> {
        ++asked;
        return name == "p.html" ? std::optional<std::string>("[{{ include.v }}]") : std::nullopt;
    };
    BOOST_TEST(render("{% include p.html v=1 %}{% include p.html v=2 %}", ctx) == "[1][2]");
    BOOST_TEST(render("{% include p.html v=3 %}", ctx) == "[3]");
    BOOST_TEST(cache.size() == 3u);  // two pages and the partial
    ctx.strict = true;
    BOOST_TEST(render("{% include p.html v=3 %}", ctx) == "[3]");
    BOOST_TEST(cache.size() == 5u);  // the page and the partial again, parsed the strict way
    BOOST_TEST(asked >= 3);
}

BOOST_AUTO_TEST_CASE(memory_is_bounded) {
    LiquidCache cache;
    LiquidContext ctx;
    ctx.cache = &cache;
    const std::string big(folio::kMaxLiquidCachedText + 1, 'x');
    BOOST_TEST(render(big, ctx).size() == big.size());
    BOOST_TEST(cache.size() == 0u);  // too large to keep
    const std::string piece(folio::kMaxLiquidCachedText - 8, 'y');
    std::size_t most = 0;
    for (int i = 0; i < 12; ++i) {
        render(piece + std::to_string(i), ctx);
        most = std::max(most, cache.size());
    }
    // 1 MiB of texts at most: never more than four of these at once, and the last one is kept.
    BOOST_TEST(most <= folio::kMaxLiquidCacheText / folio::kMaxLiquidCachedText);
    BOOST_TEST(cache.size() >= 1u);
}

BOOST_AUTO_TEST_SUITE_END()
