// Shared by the libFuzzer targets: checks that abort when a documented promise is broken (so
// libFuzzer saves the input as a crash), and the small fixed sites that the request and page
// targets run against, built once per process in a temporary folder.
#pragma once
#include <ftw.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app.h"
#include "http.h"
#include "text.h"
#include "url_path.h"

#ifndef FOLIO_FUZZ_ROOT
#define FOLIO_FUZZ_ROOT "."
#endif

namespace fuzz {

// A broken promise: print what and where, then abort() so that libFuzzer keeps the input.
[[noreturn]] inline void fail(const char* what, const char* file, int line, std::string_view detail) {
    std::fprintf(stderr, "\nfolio fuzz: broken promise at %s:%d: %s\n", file, line, what);
    if (!detail.empty()) {
        std::string shown(detail.substr(0, 600));
        for (char& c : shown)
            if (static_cast<unsigned char>(c) < 0x20 && c != '\n') c = '?';
        std::fprintf(stderr, "  detail: %s%s\n", shown.c_str(), detail.size() > 600 ? " ..." : "");
    }
    std::abort();
}

#define FUZZ_EXPECT(cond, detail)                                                   \
    do {                                                                            \
        if (!(cond)) ::fuzz::fail(#cond, __FILE__, __LINE__, std::string_view(detail)); \
    } while (0)

inline bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
inline bool contains(std::string_view s, std::string_view needle) { return s.find(needle) != std::string_view::npos; }

// A link or redirect target as SECURITY.md describes it: a valid site path (its query and
// fragment free of control characters) or an http(s) URL with no spaces or control characters.
inline void check_target(const std::string& v, const std::string& what) {
    if (folio::is_absolute_url(v)) {
        for (unsigned char c : v) FUZZ_EXPECT(c > 0x20 && c != 0x7F, what + ": " + v);
        return;
    }
    FUZZ_EXPECT(folio::validate_site_path(v.substr(0, v.find_first_of("?#"))).empty(), what + ": " + v);
    FUZZ_EXPECT(folio::header_value_ok(v), what + ": " + v);
}

// kramdown's markers are U+FDD0..U+FDEF (EF B7 90..AF in UTF-8); none may reach a response.
inline bool has_kramdown_marker(std::string_view s) {
    for (std::size_t i = 0; i + 2 < s.size(); ++i)
        if (static_cast<unsigned char>(s[i]) == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xB7 &&
            static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0xAF)
            return true;
    return false;
}

// Splits input at NUL bytes into at most n fields (a CGI variable can never hold a NUL, so the
// separator costs the fuzzer nothing it could reach in production). Missing fields are "".
inline std::vector<std::string> split_fields(const uint8_t* data, size_t size, std::size_t n) {
    std::vector<std::string> out(n);
    std::size_t field = 0;
    for (size_t i = 0; i < size; ++i) {
        if (data[i] == 0 && field + 1 < n) {
            ++field;
            continue;
        }
        out[field] += static_cast<char>(data[i]);
    }
    return out;
}

// The checkout whose templates/ the sites use: $FOLIO_ROOT, else the one the target was built in.
inline std::string repo_root() {
    const char* r = std::getenv("FOLIO_ROOT");
    return r && *r ? r : FOLIO_FUZZ_ROOT;
}

// A temporary folder under $TMPDIR (the run scripts point it at a folder they remove), removed
// at normal exit. After a crash libFuzzer leaves with _Exit and the run script cleans up.
class TempTree {
public:
    TempTree() {
        const char* tmp = std::getenv("TMPDIR");
        std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/folio-fuzz-XXXXXX";
        if (!mkdtemp(tmpl.data())) {
            std::perror("mkdtemp");
            std::abort();
        }
        path_ = tmpl;
        registry().push_back(path_);
        static bool registered = (std::atexit(remove_all), true);
        (void)registered;
    }
    const std::string& path() const { return path_; }
    std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

    std::string write(const std::string& rel, const std::string& text) const {
        const std::string p = *this / rel;
        std::filesystem::create_directories(std::filesystem::path(p).parent_path());
        std::ofstream(p, std::ios::binary) << text;
        return p;
    }
    void symlink(const std::string& target, const std::string& rel) const {
        std::filesystem::create_directories(std::filesystem::path(*this / rel).parent_path());
        if (::symlink(target.c_str(), (*this / rel).c_str()) != 0) std::perror("symlink");
    }
    void copy_tree(const std::string& from, const std::string& rel) const {
        std::filesystem::copy(from, *this / rel, std::filesystem::copy_options::recursive);
    }

private:
    static std::vector<std::string>& registry() {
        static auto* r = new std::vector<std::string>;
        return *r;
    }
    static int remove_entry(const char* p, const struct stat*, int, struct FTW*) {
        ::remove(p);
        return 0;
    }
    static void remove_all() {
        for (const auto& p : registry()) nftw(p.c_str(), remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    }
    std::string path_;
};

// Text that must never appear in a response: it lives outside content/ (beside it, in a
// "content-private" sibling, and behind symbolic links that leave content/).
inline const std::string kCanary = "FOLIO-FUZZ-CANARY-5d1c9e";

// The fixed sites, each loaded by folio's own load_site() from a folio.ini:
//   plain:    a folio site at the web root (pages, a collection, redirects, files, a 404 page);
//   prefixed: the same content mounted under /~u;
//   jekyll:   a small academicpages-style Jekyll site (Liquid, kramdown, collections).
// None of them has a broken page or template, so no request may ever answer 5xx.
struct Sites {
    TempTree tree;
    std::unique_ptr<folio::Loaded> plain, prefixed, jekyll;
    folio::ResponseCache cache;  // a FastCGI process's cache, for the plain site
};

inline void write_plain_content(const TempTree& t) {
    t.write("canary.txt", kCanary + "\n");
    t.write("content-private/secret.md", "---\ntitle: " + kCanary + "\n---\n" + kCanary + "\n");
    t.write("content/index.md",
            "---\ntitle: Home\nauthor_profile: true\nredirect_from:\n  - /about/\n  - /old/?p=12\n---\n"
            "# Welcome\n\nSee [the notes](/notes/), [pubs](/publications/#DSP) and ![me](/images/me.svg).\n");
    t.write("content/notes.md", "---\ntitle: Notes\ntoc: true\n---\n## One\n\ntext\n\n### Two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    t.write("content/publications.md",
            "---\ntitle: Publications\npermalink: /publications/\nlist: publications\ngroup_by: category\n---\nMy papers.\n");
    t.write("content/_publications/2025-dsp.md",
            "---\ntitle: \"DSP: Dynamic Sequence Parallelism\"\nauthors: Xuanlei Zhao*, A. Person and B. Person\n"
            "venue: ICML 2025\ndate: 2025-07-13\ncategory: conference\nid: DSP\narxiv: 2403.10266\n"
            "paperurl: https://arxiv.org/abs/2403.10266\n---\nAbstract text.\n");
    t.write("content/_publications/2024-pab.md",
            "---\ntitle: PAB\nauthors: [Xuanlei Zhao, C. Person]\nvenue: arXiv\nyear: 2024\ntype: preprint\n"
            "bibtex: \"@article{pab, title={PAB}}\"\n---\n");
    t.write("content/moved.md", "---\ntitle: Moved\nredirect_to: https://example.org/moved?a=1\n---\n");
    t.write("content/404.md", "---\ntitle: Not found\npermalink: /404.html\nsitemap: false\n---\nPage not found.\n");
    t.write("content/_drafts/draft.md", "---\ntitle: Draft " + kCanary + "\n---\n");
    t.write("content/.hidden.txt", kCanary + "\n");
    t.write("content/files/a.txt", "a static file\n");
    t.write("content/images/me.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n");
    t.write("content/big.txt", std::string(4096, 'x'));
    // Links that leave content/: never served (left out with a warning).
    t.symlink("../canary.txt", "content/leak.txt");
    t.symlink("..", "content/up");
    t.symlink("../content-private", "content/private");
    t.symlink("../content-private/secret.md", "content/secret.md");
}

inline std::string ini_for(const std::string& content, const std::string& templates, const std::string& base_path) {
    return "[site]\ntitle = Fuzz Site\nurl = https://fuzz.example.org\nbase_path = " + base_path +
           "\ndescription = A site for fuzzing\n\n[author]\nname = Xuanlei Zhao\navatar = /images/me.svg\n"
           "bio = PhD student; systems\ngithub = someone\nscholar = ABCDEF\n\n[nav]\nHome = /\n"
           "Publications = /publications/\nBlog = https://blog.example.org/\n\n[redirects]\n"
           "/ext/ = https://example.org/x?a=1\n/withq/ = /notes/?from=old\n/legacy/?page=2 = /notes/\n\n"
           "[paths]\ncontent = " + content + "\ntemplates = " + templates + "\ncache = off\n";
}

inline void write_jekyll_content(const TempTree& t) {
    t.write("jekyll/_config.yml",
            "title: \"Ada's site\"\nurl: https://ada.example.org\nbaseurl: \"\"\nfuture: false\n"
            "permalink: /:categories/:year/:month/:title/\n"
            "author:\n  name: Ada Lovelace\n  avatar: profile.png\n  bio: Analyst\n  github: ada\n"
            "  googlescholar: https://scholar.google.com/citations?user=ADA\n"
            "include: [_pages]\nexclude: [Gemfile, \"*.txt\"]\n"
            "collections:\n  publications:\n    output: true\n    permalink: /:collection/:path/\n"
            "  talks:\n    output: true\n"
            "defaults:\n  - scope: {path: \"\", type: publications}\n    values: {author_profile: true, layout: single}\n"
            "  - scope: {path: \"\", type: pages}\n    values: {author_profile: true}\n");
    t.write("jekyll/_data/navigation.yml",
            "main:\n  - title: Publications\n    url: /publications/\n  - title: Talks\n    url: /talks/\n"
            "  - title: Blog\n    url: /year-archive/\n");
    t.write("jekyll/_pages/about.md",
            "---\npermalink: /\ntitle: About me\nredirect_from:\n  - /about/\n  - \"/wordpress/?p=12\"\n---\n"
            "{% include base_path %}\nHello from [the CV]({{ base_path }}/cv/). Site: {{ site.title }}.\n\n"
            "A notice.\n{: .notice}\n\nMath: $$a_1 * b_2$$ stays.\n");
    t.write("jekyll/_pages/cv.md",
            "---\ntitle: CV\npermalink: /cv/\n---\n{% include base_path %}\n{% include toc %}\n"
            "## Publications\n<ul>{% for post in site.publications reversed %}\n  {% include archive-single-cv.html %}\n{% endfor %}</ul>\n");
    t.write("jekyll/_posts/2012-08-14-first-post.md", "---\ntitle: First post\ncategories: [news]\n---\nOne.\n");
    t.write("jekyll/_publications/2009-10-01-paper-1.md",
            "---\ntitle: Paper One\nvenue: Journal 1\ndate: 2009-10-01\ncategory: manuscripts\n"
            "authors: Ada Lovelace and C. Babbage\n---\nAbout *paper* one.\n{: .notice}\n");
    t.write("jekyll/_talks/2012-03-01-talk-1.md",
            "---\ntitle: Talk 1\ntype: Talk\nvenue: UC San Francisco\ndate: 2012-03-01\nlocation: \"San Francisco, California\"\n---\n"
            "This is a description of your talk.\n");
    t.write("jekyll/files/paper1.pdf", "%PDF-1.4 fake\n");
    t.write("jekyll/canary.txt", kCanary + "\n");  // excluded by "*.txt"
}

// Builds the three sites once (the first call). Aborts when one cannot be loaded: the harness
// itself is then broken, not the input.
inline Sites& sites() {
    static Sites* s = [] {
        auto* x = new Sites;
        const TempTree& t = x->tree;
        write_plain_content(t);
        write_jekyll_content(t);
        t.copy_tree(repo_root() + "/templates", "templates");
        t.write("plain.ini", ini_for(t / "content", t / "templates", ""));
        t.write("prefixed.ini", ini_for(t / "content", t / "templates", "/~u"));
        t.write("jekyll.ini", "[paths]\ncontent = " + (t / "jekyll") + "\ntemplates = " + (t / "templates") + "\ncache = off\n");
        try {
            x->plain = folio::load_site(t / "plain.ini");
            x->prefixed = folio::load_site(t / "prefixed.ini");
            x->jekyll = folio::load_site(t / "jekyll.ini");
        } catch (const std::exception& e) {
            std::fprintf(stderr, "folio fuzz: cannot load the fixed sites: %s\n", e.what());
            std::abort();
        }
        for (const auto* l : {x->plain.get(), x->prefixed.get(), x->jekyll.get()}) {
            if (!l->site.errors.empty() || !l->templates.problems().empty()) {
                std::fprintf(stderr, "folio fuzz: a fixed site has problems (fix the harness):\n");
                for (const auto& e : l->site.errors) std::fprintf(stderr, "  %s\n", e.text().c_str());
                for (const auto& e : l->templates.problems()) std::fprintf(stderr, "  %s\n", e.text().c_str());
                std::abort();
            }
        }
        return x;
    }();
    return *s;
}

}  // namespace fuzz
