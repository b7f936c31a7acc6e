// Runs Shopify's liquid-spec cases (the suites' *.yml files) through folio's Liquid and counts,
// per suite, passed, failed and skipped (by the feature that caused the skip).
//
//   liquid_spec_runner [--verbose] [--only NAME] [--kept FILE] SUITE_DIR...
//
// A case passes when the output equals `expected`, matches `expected_pattern`, or, for a case
// with `errors`, when the engine reported a problem (parse_error, render_error) or the inline
// error text appears in the output (output). Cases needing Ruby objects or Shopify extensions
// are skipped. `--kept` names a file of "case name<TAB>reason" lines: cases where folio keeps
// Jekyll's (Debian's Liquid 5.4) behaviour over the spec's; they count as failed and are listed.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "../common/named_lines.h"
#include "jekyll/liquid.h"

namespace fs = std::filesystem;

namespace {

// Features a C++ engine over plain data cannot have: Ruby objects (drops, Ruby's own types,
// binary strings, a Ruby template factory) and Shopify's own extensions.
bool ruby_or_shopify(const std::string& feature) {
    static const std::set<std::string> kRubyOnly = {"drops",          "ruby_drops",        "ruby_types",
                                                    "binary_data",    "drop_class_output", "template_factory"};
    return kRubyOnly.count(feature) != 0 || feature.rfind("shopify_", 0) == 0;
}

struct Tally {
    int passed = 0, failed = 0, skipped = 0;
    std::map<std::string, int> skipped_by;
    std::vector<std::string> failures;
};

// A case's field, or an undefined node when the case has none (yaml-cpp throws on most calls on the
// invalid node a missing key gives).
YAML::Node field(const YAML::Node& n, const char* key) {
    if (!n.IsDefined() || !n.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node v = n[key];
    return v.IsDefined() ? v : YAML::Node(YAML::NodeType::Undefined);
}

std::string scalar_or(const YAML::Node& n, const std::string& fallback) {
    return n.IsDefined() && n.IsScalar() ? n.Scalar() : fallback;
}

// `error_mode` may be a word, a Ruby symbol (":lax") or a list of modes the case holds for.
std::string error_mode(const YAML::Node& n) {
    std::string mode = n.IsSequence() && n.size() > 0 ? n[0].Scalar() : scalar_or(n, "");
    if (!mode.empty() && mode[0] == ':') mode.erase(0, 1);
    return mode;
}

bool contains_all(const std::string& text, const YAML::Node& list) {
    if (!list.IsSequence()) return true;
    for (const YAML::Node& s : list) {
        std::string want = s.Scalar(), have = text;
        std::transform(want.begin(), want.end(), want.begin(), ::tolower);
        std::transform(have.begin(), have.end(), have.begin(), ::tolower);
        if (have.find(want) == std::string::npos) return false;
    }
    return true;
}

struct Outcome {
    bool passed;
    std::string detail;  // what came out, for --verbose
    std::string output;  // the output itself, for --dump
};

Outcome run_case(const YAML::Node& spec, const YAML::Node& defaults) {
    const std::string tmpl = scalar_or(field(spec, "template"), "");
    folio::LiquidContext ctx;
    ctx.vars = field(spec, "environment").IsMap() ? field(spec, "environment") : YAML::Node(YAML::NodeType::Map);
    const YAML::Node files = field(spec, "filesystem");
    ctx.partial = [files](const std::string& name) -> std::optional<std::string> {
        if (!files.IsMap()) return std::nullopt;
        for (const std::string& key : {name, name + ".liquid", "_" + name + ".liquid"})
            if (const YAML::Node f = field(files, key.c_str()); f.IsScalar()) return f.Scalar();
        // The spec's file system matches names without regard to case.
        auto lower = [](std::string s) {
            for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return s;
        };
        for (auto it = files.begin(); it != files.end(); ++it) {
            const std::string key = lower(it->first.Scalar());
            if ((key == lower(name) || key == lower(name) + ".liquid") && it->second.IsScalar()) return it->second.Scalar();
        }
        return std::nullopt;
    };
    const YAML::Node render_errors = field(spec, "render_errors").IsDefined() ? field(spec, "render_errors") : field(defaults, "render_errors");
    ctx.inline_errors = render_errors.IsDefined() && render_errors.as<bool>(false);
    ctx.strict = error_mode(field(spec, "error_mode")) == "strict" || error_mode(field(spec, "error_mode")) == "strict2";

    ctx.now = "2024-01-01 00:01:58";  // the instant every liquid-spec run uses (its docs/filters.md)
    std::vector<folio::LiquidProblem> problems;
    const std::string out = folio::render_liquid(tmpl, ctx, problems);
    std::string detail = "output: [" + out + "]";
    struct Fill {
        Outcome operator()(bool passed, const std::string& detail) const { return {passed, detail, out}; }
        const std::string& out;
    } result{out};
    for (const auto& p : problems) detail += "\n    problem line " + std::to_string(p.line) + ": " + p.message;

    if (const YAML::Node errors = field(spec, "errors"); errors.IsMap()) {
        if (field(errors, "output").IsDefined()) return result(contains_all(out, field(errors, "output")), detail);
        std::string reported;
        for (const auto& p : problems) reported += p.message + "\n";
        const bool raised = !problems.empty();
        return result(raised, detail);
    }
    if (field(spec, "expected_pattern").IsDefined()) {
        try {
            // Ruby's (?m) lets '.' match a newline; std::regex has no such flag: [\s\S] instead.
            std::string pattern = field(spec, "expected_pattern").Scalar();
            if (pattern.rfind("(?m)", 0) == 0) {
                pattern.erase(0, 4);
                for (std::size_t at = pattern.find(".*"); at != std::string::npos; at = pattern.find(".*", at + 7))
                    if (at == 0 || pattern[at - 1] != '\\') pattern.replace(at, 1, "[\\s\\S]");
            }
            return result(std::regex_search(out, std::regex(pattern)), detail);
        } catch (const std::regex_error&) {
            return result(false, detail + "\n    (pattern not understood by std::regex)");
        }
    }
    return result(out == scalar_or(field(spec, "expected"), ""), "expected: [" + scalar_or(field(spec, "expected"), "") + "]\n    " + detail);
}

}  // namespace

int main(int argc, char** argv) {
    bool verbose = false;
    std::string only, kept_file, dump_file;
    // --dump FILE: the failed cases' names and outputs as YAML, to compare with another engine.
    YAML::Emitter dump;
    dump << YAML::BeginSeq;
    std::vector<std::string> suites;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--verbose") verbose = true;
        else if (arg == "--only" && i + 1 < argc) only = argv[++i];
        else if (arg == "--kept" && i + 1 < argc) kept_file = argv[++i];
        else if (arg == "--dump" && i + 1 < argc) dump_file = argv[++i];
        else suites.push_back(arg);
    }
    const auto kept = kept_file.empty() ? std::map<std::string, std::string>() : testing::read_named_lines(kept_file);
    std::vector<std::pair<std::string, std::string>> kept_seen;
    int total_passed = 0, total_failed = 0, total_skipped = 0;
    for (const std::string& dir : suites) {
        const std::string suite = fs::path(dir).filename().string();
        YAML::Node defaults;
        try {
            defaults = field(YAML::LoadFile((fs::path(dir) / "suite.yml").string()), "defaults");
        } catch (const YAML::Exception&) {
        }
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.path().extension() == ".yml" && entry.path().filename() != "suite.yml") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        Tally t;
        for (const fs::path& file : files) {
            YAML::Node doc;
            try {
                doc = YAML::LoadFile(file.string());
            } catch (const YAML::Exception& e) {
                std::cerr << file.string() << ": " << e.what() << "\n";
                ++t.failed;
                continue;
            }
            // A file holds `specs:` under a map, or is the list of cases itself.
            const YAML::Node specs = doc.IsSequence() ? doc : field(doc, "specs");
            for (const YAML::Node& spec : specs) {
                const std::string name = scalar_or(field(spec, "name"), "?");
                if (!only.empty() && name.find(only) == std::string::npos) continue;
                std::string skip_for;
                if (field(spec, "features").IsSequence())
                    for (const YAML::Node& f : field(spec, "features"))
                        if (f.IsScalar() && ruby_or_shopify(f.Scalar()) && skip_for.empty()) skip_for = f.Scalar();
                if (!skip_for.empty()) {
                    ++t.skipped;
                    ++t.skipped_by[skip_for];
                    continue;
                }
                Outcome o;
                try {
                    o = run_case(spec, defaults);
                } catch (const std::exception& e) {
                    o = {false, std::string("exception: ") + e.what(), ""};
                }
                if (o.passed) {
                    ++t.passed;
                    continue;
                }
                ++t.failed;
                dump << YAML::BeginMap << YAML::Key << "file" << YAML::Value << file.string() << YAML::Key << "name"
                     << YAML::Value << name << YAML::Key << "output" << YAML::Value << YAML::DoubleQuoted << o.output << YAML::EndMap;
                const std::string where = file.filename().string() + ": " + name;
                if (auto k = kept.find(name); k != kept.end()) kept_seen.emplace_back(suite + "/" + where, k->second);
                t.failures.push_back(where + (verbose ? "\n    template: [" + scalar_or(field(spec, "template"), "") + "]\n    " + o.detail : ""));
            }
        }
        if (verbose)
            for (const std::string& f : t.failures) std::cout << "FAIL " << suite << "/" << f << "\n";
        const int run = t.passed + t.failed;
        std::cout << suite << ": " << t.passed << " passed, " << t.failed << " failed, " << t.skipped << " skipped";
        if (run > 0) std::cout << " (" << (1000 * t.passed / run) / 10.0 << "% of " << run << " run)";
        std::cout << "\n";
        for (const auto& [feature, n] : t.skipped_by) std::cout << "  skipped for " << feature << ": " << n << "\n";
        total_passed += t.passed;
        total_failed += t.failed;
        total_skipped += t.skipped;
    }
    dump << YAML::EndSeq;
    if (!dump_file.empty()) std::ofstream(dump_file) << dump.c_str() << "\n";
    std::cout << "kept for Jekyll (Debian's Liquid 5.4) over the spec: " << kept_seen.size() << "\n";
    for (const auto& [where, reason] : kept_seen) std::cout << "  " << where << ": " << reason << "\n";
    std::cout << "RESULT passed=" << total_passed << " failed=" << total_failed << " skipped=" << total_skipped << "\n";
    return 0;
}
