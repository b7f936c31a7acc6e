# Shared by long-run.sh and run-fuzz-brief.sh: the target list, per-target limits, the build,
# and TAP-style reporting ending in "RESULT passed=N failed=N skipped=N".
# shellcheck shell=bash

set -u
FUZZ_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$FUZZ_DIR/../.." && pwd)
OUT="$ROOT/build/fuzz"
PASSED=0 FAILED=0 SKIPPED=0 TESTNO=0
# Seconds one input may take before libFuzzer calls it a timeout (a stalled worker).
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-5}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

ok() { TESTNO=$((TESTNO + 1)); PASSED=$((PASSED + 1)); echo "ok $TESTNO - $*"; }
not_ok() {  # $1 = name, rest = details (one "#" line each)
    TESTNO=$((TESTNO + 1)); FAILED=$((FAILED + 1)); echo "not ok $TESTNO - $1"; shift
    local d; for d in "$@"; do printf '#   %s\n' "$d"; done
}
skip() { TESTNO=$((TESTNO + 1)); SKIPPED=$((SKIPPED + 1)); echo "ok $TESTNO - $1 # SKIP $2"; }
# A step that only prepares the checks (building the targets): said, not counted as a pass.
setup_done() { echo "# set-up: $*"; }
result() { echo "RESULT passed=$PASSED failed=$FAILED skipped=$SKIPPED"; [ "$FAILED" -eq 0 ]; }

# Every target, from the sources: tests/fuzz/fuzz_<name>.cpp.
fuzz_targets() {
    local f
    for f in "$FUZZ_DIR"/fuzz_*.cpp; do f=${f##*/fuzz_}; echo "${f%.cpp}"; done
}

# The largest input worth trying per target: past every limit the parser has (a 2 KiB path
# arrives as up to 6 KiB of escapes; folio.ini lines may be 16 KiB), small enough to stay fast.
max_len_of() {
    case "$1" in
        url_path|request|liquid) echo 8192 ;;
        config) echo 20000 ;;
        *) echo 16384 ;;
    esac
}

# Builds every target (clang++-14, libFuzzer + ASan + UBSan) into build/fuzz/; the compiler
# output goes to build/fuzz/build.log. Returns 1 on failure.
build_fuzzers() {
    mkdir -p "$OUT"
    if ! "$ROOT/tools/ensure-packages" clang-14 libclang-rt-14-dev > "$OUT/packages.log" 2>&1; then
        not_ok "install clang-14 and libclang-rt-14-dev" "$(tail -5 "$OUT/packages.log")"
        return 1
    fi
    if ! make --no-print-directory -f "$FUZZ_DIR/fuzz.mk" -j2 > "$OUT/build.log" 2>&1; then
        not_ok "build the fuzz targets (make -f tests/fuzz/fuzz.mk)" "$(grep -E 'error|Error' "$OUT/build.log" | head -10)"
        return 1
    fi
    return 0
}

# The first crash/leak/timeout report in a libFuzzer log, as one line, and its artifact.
crash_summary() {  # crash_summary LOG
    local what art
    what=$(grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|broken promise|SUMMARY: ' "$1" | sed 's/^[=0-9 ]*//')
    art=$(grep -m1 -oE 'Test unit written to [^ ]+' "$1" | sed 's/Test unit written to //')
    echo "${what:-exit status without a report}${art:+ | input: $art}"
}

# Extra seeds made at run time: for the liquid target, the templates and partials of Shopify's
# liquid-spec ($LIQUID_SPEC, else ../shared/liquid-spec beside the repository), extracted into
# build/fuzz/spec-seeds/liquid/ (the spec is never copied into the repository). Prints the
# folder, or nothing when there are none (no spec, or no python3-yaml to read it).
extra_seeds_of() {  # extra_seeds_of TARGET
    [ "$1" = liquid ] || return 0
    local spec=${LIQUID_SPEC:-$ROOT/../shared/liquid-spec} dir="$OUT/spec-seeds/liquid"
    [ -d "$spec" ] || return 0
    rm -rf "$dir"
    if python3 "$FUZZ_DIR/spec-seeds.py" "$spec" "$dir" > "$OUT/spec-seeds.log" 2>&1 && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
        echo "$dir"
    fi
}
