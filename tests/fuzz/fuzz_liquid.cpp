// Fuzz target: the Liquid subset (render_liquid, src/jekyll/liquid.h) on a fixed context shaped like
// an academicpages page's (site.* with collections, page.*, an include callback that looks at
// the loop variable as folio's archive-single include does, and a few partials: one with
// parameters, one that includes itself, to reach the depth limit).
//
// Checked: no exception escapes (problems are reported, never thrown), the output stays within
// kMaxLiquidOutput, and every problem names a line of the text.
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz_common.h"
#include "jekyll/liquid.h"

namespace {

const char* kVars = R"(
site:
  title: "Ada's site"
  url: https://ada.example.org
  baseurl: ""
  time: "2025-07-13 10:00:00 +0000"
  author: {name: Ada Lovelace, bio: Analyst, avatar: profile.png, github: ada}
  description: A site
  publications:
    - {title: Paper One, url: /publication/paper-1/, date: 2009-10-01, venue: Journal 1, collection: publications, __folio_page: "3"}
    - {title: "Paper <Two>", url: /publication/paper-2/, date: 2010-10-01, venue: "Conf & 2", collection: publications}
  talks:
    - {title: Talk 1, url: /talks/talk-1/, date: 2012-03-01, location: "San Francisco, California"}
  posts:
    - {title: First post, url: /news/2012/08/first-post/, date: 2012-08-14, tags: [a, b], categories: [news]}
  pages:
    - {title: About me, url: /, path: _pages/about.md}
    - {title: CV, url: /cv/, path: _pages/cv.md}
  collections:
    - {label: publications, output: "true", docs: []}
    - {label: talks, output: "true"}
  numbers: [3, 1, 2]
  flag: true
  nothing: ~
  nested: {a: {b: {c: deep}}}
page:
  title: "A page & its title"
  url: /page/
  date: 2024-01-02
  tags: [x, y, z]
  author_profile: true
  excerpt: "An excerpt"
  count: 3
base_path: ""
)";

std::optional<std::string> include(const std::string& name, const YAML::Node& locals) {
    if (name == "base_path") return std::string();
    if (name == "toc") return std::string("<!--folio:toc-->");
    if (name.rfind("archive-single", 0) == 0) {
        const YAML::Node post = locals["post"];
        if (post.IsDefined() && post.IsMap() && post["title"].IsDefined() && post["title"].IsScalar())
            return "<li>" + post["title"].Scalar() + "</li>\n";
        return std::string("<li></li>\n");
    }
    return std::nullopt;
}

std::optional<std::string> partial(const std::string& name) {
    if (name == "card.html" || name == "card") return std::string("<div>{{ include.title | upcase }} {{ x }}{% render 'self' %}</div>");
    if (name == "self") return std::string("{% include self %}{{ x }}");
    return std::nullopt;
}

int count_lines(std::string_view s) {
    int n = 1;
    for (char c : s) n += c == '\n';
    return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const folio::LiquidContext* ctx = [] {
        auto* c = new folio::LiquidContext;
        c->vars = YAML::Load(kVars);
        c->include = include;
        c->partial = partial;
        return c;
    }();
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::vector<folio::LiquidProblem> problems;
    std::string out;
    try {
        out = folio::render_liquid(text, *ctx, problems);
    } catch (const std::exception& e) {
        fuzz::fail("render_liquid threw (problems are reported, never thrown)", __FILE__, __LINE__, e.what());
    }
    FUZZ_EXPECT(out.size() <= folio::kMaxLiquidOutput, std::to_string(out.size()));
    const int lines = count_lines(text);
    for (const auto& p : problems) {
        FUZZ_EXPECT(p.line >= 1 && p.line <= lines, std::to_string(p.line) + " of " + std::to_string(lines) + ": " + p.message);
        FUZZ_EXPECT(!p.message.empty(), text);
    }
    if (!folio::has_liquid(text)) FUZZ_EXPECT(out == text, text);
    return 0;
}
