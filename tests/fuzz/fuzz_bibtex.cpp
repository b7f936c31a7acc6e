// Fuzz target: .bib text -> entries (src/bibtex.h, btparse underneath) -> front matter
// (src/bib_pages.h) and LaTeX -> Unicode (src/latex_text.h). Checks the contracts: parse_bibtex
// never throws or crashes; every entry's raw text is a byte slice of the input starting with
// '@' at the entry's line; every problem names a line inside the file; every value and key shown
// is valid UTF-8; the made-up front matter always parses back.
#include <unistd.h>

#include <cstdint>
#include <string>

#include "bib_pages.h"
#include "bibtex.h"
#include "fuzz_common.h"
#include "latex_text.h"

#include <yaml-cpp/yaml.h>

namespace {

int count_lines(std::string_view s) {
    int n = 1;
    for (char c : s) n += c == '\n';
    return n;
}

bool utf8(const std::string& s) { return folio::to_valid_utf8(s) == s; }

}  // namespace

// btparse 0.89 leaks one byte (strdup("") in bt_postprocess_value) each time it expands a macro
// it does not know, a leak its own notes list. parse_bibtex defines every name it can see in an
// entry first, which covers real files; inputs that reach btparse's error recovery with other
// tokens still hit it. One byte per such use per parse is bounded by the file, so the fuzzer
// tolerates exactly this leak and reports every other.
extern "C" const char* __lsan_default_suppressions() { return "leak:bt_postprocess_value\n"; }

// parse_bibtex points fd 2 at a memory file while btparse runs (its messages become problems), so
// a sanitizer report from inside btparse would go there and be lost with the process: reports go
// to a copy of the real stderr taken before any parse.
extern "C" void __sanitizer_set_report_fd(void* fd);
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static const int report_fd = dup(2);
    if (report_fd >= 0) __sanitizer_set_report_fd(reinterpret_cast<void*>(static_cast<std::intptr_t>(report_fd)));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const int lines = count_lines(text);
    folio::BibFile f = folio::parse_bibtex(text, "fuzz.bib");
    for (const auto& p : f.problems) FUZZ_EXPECT(p.line >= 1 && p.line <= lines, "problem line " + std::to_string(p.line));
    for (const auto& e : f.entries) {
        const std::size_t at = text.find(e.raw);
        FUZZ_EXPECT(!e.raw.empty() && e.raw[0] == '@' && at != std::string::npos, "raw is not a slice: " + e.raw);
        FUZZ_EXPECT(e.line >= 1 && e.line <= lines, "entry line " + std::to_string(e.line));
        FUZZ_EXPECT(utf8(e.key), "key " + e.key);
        for (const auto& [n, v] : e.fields) FUZZ_EXPECT(utf8(n) && utf8(v), "field " + n);
        for (const auto& a : e.authors) FUZZ_EXPECT(utf8(a), "author " + a);
        const YAML::Node front = folio::bib_front_matter(e, "publications", "/:collection/:year-:slug/");
        YAML::Emitter out;
        out << front;
        const YAML::Node back = YAML::Load(out.c_str());
        FUZZ_EXPECT(back["id"].as<std::string>() == e.key, "front matter does not parse back: " + std::string(out.c_str()));
    }
    FUZZ_EXPECT(utf8(folio::latex_to_unicode(text)), "latex_to_unicode gave bytes that are not UTF-8");
    return 0;
}
