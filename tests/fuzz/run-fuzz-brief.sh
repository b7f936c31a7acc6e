#!/bin/bash
# The fuzz pass of `make test`: builds every libFuzzer target (tests/fuzz/fuzz_*.cpp) and, per
# target, runs
#   1. every seed in tests/fuzz/corpus/<target>/ once;
#   2. every kept crash input in tests/fuzz/regressions/<target>/ once, each its own test;
#   3. the fuzzer itself for ~3 s (BRIEF_SECONDS) from the seeds, new inputs kept in a scratch
#      folder that is removed afterwards.
# The liquid target also gets liquid-spec's templates as seeds when ../shared/liquid-spec is
# there (common.sh's extra_seeds_of), in step 3: libFuzzer runs each of them once before it
# fuzzes (about 50 s under the sanitizers for liquid-spec's ~2,200 templates).
# Any crash, leak, sanitizer report, broken promise or timeout (FUZZ_TIMEOUT s per input) fails
# the step; libFuzzer's input is saved under build/fuzz/crashes/<target>/.
# The long run is tests/fuzz/long-run.sh (make fuzz).
. "$(dirname "$0")/common.sh"
BRIEF_SECONDS=${BRIEF_SECONDS:-3}

SCRATCH=$(mktemp -d /tmp/folio-fuzz-brief.XXXXXX) || exit 1
trap 'rm -rf "$SCRATCH"' EXIT
export TMPDIR="$SCRATCH"   # the targets' fixed sites live here too

if ! build_fuzzers; then result; exit 1; fi
setup_done "built $(fuzz_targets | wc -l) fuzz targets into build/fuzz/"

for t in $(fuzz_targets); do
    bin="$OUT/fuzz_$t" seeds="$FUZZ_DIR/corpus/$t" regs="$FUZZ_DIR/regressions/$t"
    crashes="$OUT/crashes/$t"; mkdir -p "$crashes"
    log="$SCRATCH/$t.log"
    dict=(); [ -f "$FUZZ_DIR/dict/$t.dict" ] && dict=(-dict="$FUZZ_DIR/dict/$t.dict")

    # 1. the seeds, whole (no -max_len: a seed is never cut)
    n=$(find "$seeds" -type f 2>/dev/null | wc -l)
    if [ "$n" -eq 0 ]; then
        not_ok "fuzz_$t: no seeds in tests/fuzz/corpus/$t/"
    elif "$bin" -runs=0 -timeout="$FUZZ_TIMEOUT" -artifact_prefix="$crashes/" "$seeds" > "$log" 2>&1; then
        ok "fuzz_$t: all $n seeds of tests/fuzz/corpus/$t/ pass"
    else
        not_ok "fuzz_$t: a seed of tests/fuzz/corpus/$t/ fails" "$(crash_summary "$log")"
    fi

    # 2. the regressions, one test each
    if [ -d "$regs" ]; then
        for f in "$regs"/*; do
            [ -f "$f" ] || continue
            if "$bin" -timeout="$FUZZ_TIMEOUT" -artifact_prefix="$crashes/" "$f" > "$log" 2>&1; then
                ok "fuzz_$t: regression ${f#"$ROOT"/} passes"
            else
                not_ok "fuzz_$t: regression ${f#"$ROOT"/} fails" "$(crash_summary "$log")"
            fi
        done
    fi

    # 3. a short fuzzing run from the seeds (libFuzzer runs every seed, the extra ones too, first)
    extra=$(extra_seeds_of "$t")
    from="tests/fuzz/corpus/$t/"
    [ -n "$extra" ] && from="$from and $(find "$extra" -type f | wc -l) liquid-spec templates"
    mkdir -p "$SCRATCH/corpus-$t"
    if "$bin" -max_total_time="$BRIEF_SECONDS" -max_len="$(max_len_of "$t")" -timeout="$FUZZ_TIMEOUT" \
        -artifact_prefix="$crashes/" -print_final_stats=1 "${dict[@]}" "$SCRATCH/corpus-$t" "$seeds" ${extra:+"$extra"} > "$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
        ok "fuzz_$t: ${BRIEF_SECONDS} s of fuzzing from $from, ${runs:-?} inputs, no crash, leak or timeout"
    else
        not_ok "fuzz_$t: ${BRIEF_SECONDS} s of fuzzing found a problem" "$(crash_summary "$log")" \
            "reproduce: build/fuzz/fuzz_$t <input>; keep it as tests/fuzz/regressions/$t/<short-name>"
    fi
done
result
