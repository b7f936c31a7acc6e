// Sass to CSS through libsass's C API: one data context per compile, freed by RAII.
#include "jekyll/sass.h"

#include <limits.h>
#include <stdlib.h>

#include <sass.h>

#include <cstdint>
#include <memory>

#include "child_process.h"
#include "text.h"

namespace folio {
namespace {

// The data context owns the source string (libsass frees it with the context), its options
// and its results (output, error, included files): deleting the context frees them all.
struct DataContextFree {
    void operator()(Sass_Data_Context* c) const { sass_delete_data_context(c); }
};
using DataContext = std::unique_ptr<Sass_Data_Context, DataContextFree>;

Sass_Output_Style libsass_style(SassStyle s) {
    switch (s) {
    case SassStyle::Nested: return SASS_STYLE_NESTED;
    case SassStyle::Expanded: return SASS_STYLE_EXPANDED;
    case SassStyle::Compact: return SASS_STYLE_COMPACT;
    case SassStyle::Compressed: return SASS_STYLE_COMPRESSED;
    }
    return SASS_STYLE_COMPACT;
}

std::string real_path(const std::string& path) {
    char buf[PATH_MAX];
    return realpath(path.c_str(), buf) ? std::string(buf) : std::string();
}

// libsass names the main text by the input path it was given, an imported file by the path it
// found it at; its first line is 1. Lines of the main text are moved down past the front matter.
Problem error_of(Sass_Context* ctx, const SassInput& in) {
    const char* file = sass_context_get_error_file(ctx);
    const char* message = sass_context_get_error_message(ctx);
    Problem p{file && *file ? file : in.file, static_cast<int>(sass_context_get_error_line(ctx)),
              message ? trim(message) : "Sass error"};
    if (p.file == in.file && p.line > 0) p.line += in.first_line - 1;
    // libsass's message repeats the file and line on a line of its own ("  on line 3:7 of x"):
    // the problem says them already.
    if (std::size_t nl = p.message.find('\n'); nl != std::string::npos) p.message.resize(nl);
    if (p.message.rfind("Error: ", 0) == 0) p.message.erase(0, 7);  // a problem is an error already
    return p;
}

}  // namespace

bool parse_sass_style(std::string_view name, SassStyle& style) {
    if (!name.empty() && name[0] == ':') name.remove_prefix(1);
    if (name == "nested") style = SassStyle::Nested;
    else if (name == "expanded") style = SassStyle::Expanded;
    else if (name == "compact") style = SassStyle::Compact;
    else if (name == "compressed") style = SassStyle::Compressed;
    else return false;
    return true;
}

namespace {

// The compile itself, run in the child process (compile_sass).
SassResult compile_here(const SassInput& in) {
    SassResult out;
    // sass_make_data_context takes a string it may free: a copy made by libsass's allocator.
    DataContext data(sass_make_data_context(sass_copy_c_string(std::string(in.text).c_str())));
    if (!data) {
        out.problem = Problem{in.file, 0, "libsass could not start a compile"};
        return out;
    }
    Sass_Options* options = sass_data_context_get_options(data.get());
    sass_option_set_input_path(options, in.file.c_str());
    sass_option_set_output_style(options, libsass_style(in.style));
    sass_option_set_is_indented_syntax_src(options, in.indented);
    if (in.source_map_file.empty()) {
        sass_option_set_omit_source_map_url(options, true);
    } else {  // what jekyll-sass-converter asks of libsass (through sassc-ruby)
        sass_option_set_source_map_file(options, in.source_map_file.c_str());
        sass_option_set_source_map_contents(options, true);
    }
    for (const auto& dir : in.load_paths) sass_option_push_include_path(options, dir.c_str());

    Sass_Context* ctx = sass_data_context_get_context(data.get());
    const int status = sass_compile_data_context(data.get());
    // Included files are known even when the compile failed (up to the failing import): a
    // cache that watches them sees the fix.
    if (char** files = sass_context_get_included_files(ctx))
        for (; *files; ++files) out.imported.emplace_back(*files);
    if (status != 0) {
        out.problem = error_of(ctx, in);
        return out;
    }
    if (!in.confine.empty()) {
        const std::string root = real_path(in.confine);
        for (const auto& f : out.imported) {
            if (f == in.file || f == "stdin") continue;  // the text itself, given by the caller
            const std::string real = real_path(f);
            if (root.empty() || real.empty() || real.rfind(root + "/", 0) != 0) {
                out.problem = Problem{in.file, 0, "imports " + f + ", which is outside " + in.confine + "; not compiled"};
                return out;
            }
        }
    }
    const char* css = sass_context_get_output_string(ctx);
    const std::size_t size = css ? std::char_traits<char>::length(css) : 0;
    if (size > in.max_output) {
        out.problem = Problem{in.file, 0, "compiles to more than " + std::to_string(in.max_output) + " bytes of CSS; not kept"};
        return out;
    }
    const char* map = in.source_map_file.empty() ? nullptr : sass_context_get_source_map_string(ctx);
    const std::size_t map_size = map ? std::char_traits<char>::length(map) : 0;
    if (map_size > in.max_output) {
        out.problem = Problem{in.file, 0, "makes a source map of more than " + std::to_string(in.max_output) + " bytes; not kept"};
        return out;
    }
    out.css.assign(css ? css : "", size);
    out.source_map.assign(map ? map : "", map_size);
    return out;
}

// The result as bytes through the child's pipe: each string as an 8-byte length and its bytes.
void put(std::string& out, const std::string& s) {
    for (int i = 0; i < 8; ++i) out += static_cast<char>((static_cast<std::uint64_t>(s.size()) >> (8 * i)) & 0xff);
    out += s;
}

std::string encode(const SassResult& r) {
    std::string out;
    put(out, r.problem ? "P" : "C");
    put(out, r.problem ? r.problem->file : "");
    put(out, r.problem ? std::to_string(r.problem->line) : "0");
    put(out, r.problem ? r.problem->message : "");
    put(out, r.css);
    put(out, r.source_map);
    for (const auto& f : r.imported) put(out, f);
    return out;
}

// Every length checked against what is left: the bytes come from our own child, but a child
// killed half-way leaves a short answer.
bool take(std::string_view& in, std::string& s) {
    if (in.size() < 8) return false;
    std::uint64_t n = 0;
    for (int i = 0; i < 8; ++i) n |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
    in.remove_prefix(8);
    if (n > in.size()) return false;
    s.assign(in.data(), n);
    in.remove_prefix(n);
    return true;
}

std::optional<SassResult> decode(std::string_view in) {
    SassResult r;
    std::string kind, file, line, message;
    if (!take(in, kind) || !take(in, file) || !take(in, line) || !take(in, message) || !take(in, r.css) ||
        !take(in, r.source_map))
        return std::nullopt;
    if (kind == "P") r.problem = Problem{file, std::atoi(line.c_str()), message};
    while (!in.empty()) {
        std::string f;
        if (!take(in, f)) return std::nullopt;
        r.imported.push_back(std::move(f));
    }
    return r;
}

}  // namespace

SassResult compile_sass(const SassInput& in) {
    SassResult out;
    if (in.text.size() > kMaxSassInputBytes) {
        out.problem = Problem{in.file, 0, "larger than " + std::to_string(kMaxSassInputBytes) + " bytes; not compiled"};
        return out;
    }
    // libsass cannot be stopped from outside and has crashed on hostile input before: it runs
    // in a child process with bounds, and the serving process only reads its answer.
    ChildLimits limits;
    limits.cpu_seconds = in.max_cpu_seconds;
    limits.memory_bytes = kMaxSassMemoryBytes;
    limits.output_bytes = 2 * in.max_output + kMaxSassInputBytes;  // CSS, map, messages and file names
    std::string reason;
    const auto bytes = run_in_child([&] { return encode(compile_here(in)); }, limits, reason);
    const auto result = bytes ? decode(*bytes) : std::nullopt;
    if (!result) out.problem = Problem{in.file, 0, "libsass " + (reason.empty() ? "gave a broken answer" : reason) + "; not compiled"};
    return result ? *result : out;
}

}  // namespace folio
