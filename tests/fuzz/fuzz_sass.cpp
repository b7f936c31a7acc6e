// Fuzz target: Sass text -> compile_sass (src/jekyll/sass.h), in every output style, through the
// child process that runs libsass (src/child_process.h) and the encoding of its answer.
//
// Input: the Sass source; its first byte picks the style and the syntax (.scss or .sass).
//
// Checked: the call returns (a libsass crash, loop or blow-up is the result's problem, never
// this process's); a result is CSS or a problem, never both; a problem names the input's file
// (nothing is imported: there is no load path, and the site folder is empty); the CSS stays
// within the output bound.
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "jekyll/sass.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    folio::SassInput in;
    in.text = text;
    in.file = "/nonexistent-folio-fuzz/main.scss";
    in.indented = (data[0] & 4) != 0;
    in.style = static_cast<folio::SassStyle>(data[0] & 3);
    in.confine = "/nonexistent-folio-fuzz";
    in.max_cpu_seconds = 2;
    const folio::SassResult r = folio::compile_sass(in);
    FUZZ_EXPECT(!r.problem || r.css.empty(), r.problem->text());
    if (r.problem) FUZZ_EXPECT(r.problem->file == in.file || fuzz::starts_with(r.problem->file, "/nonexistent-folio-fuzz/"),
                               r.problem->text());
    FUZZ_EXPECT(r.css.size() <= in.max_output, std::to_string(r.css.size()));
    return 0;
}
