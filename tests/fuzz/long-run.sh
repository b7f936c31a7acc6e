#!/bin/bash
# The long fuzzing run (make fuzz [FUZZ_SECONDS=600]): every libFuzzer target for SECONDS each
# (default 600), JOBS at a time (default 2, one per core), with -max_len and -timeout set per
# target and its dictionary (tests/fuzz/dict/). Prints per target the seconds it ran and the
# inputs it executed (libFuzzer's final stats), then a RESULT line.
#   tests/fuzz/long-run.sh [SECONDS] [TARGET...]
# Working corpora grow in build/fuzz/corpus/<target>/ (seeded from tests/fuzz/corpus/<target>/,
# kept between runs); crashes, leaks and timeouts are saved in build/fuzz/crashes/<target>/, the
# logs in build/fuzz/logs/. The liquid target also reads liquid-spec's templates as seeds when
# ../shared/liquid-spec is there (common.sh's extra_seeds_of). A crash stops that target (libFuzzer's way); keep the input as
# tests/fuzz/regressions/<target>/<short-name> once it is understood.
. "$(dirname "$0")/common.sh"


SECONDS_EACH=${1:-600}
shift $(($# > 0 ? 1 : 0))
JOBS=${JOBS:-2}
targets=${*:-$(fuzz_targets)}
if ! build_fuzzers; then result; exit 1; fi
setup_done "built $(fuzz_targets | wc -l) fuzz targets into build/fuzz/"

SCRATCH=$(mktemp -d /tmp/folio-fuzz-run.XXXXXX) || exit 1
trap 'rm -rf "$SCRATCH"' EXIT
export TMPDIR="$SCRATCH"
mkdir -p "$OUT/logs"

run_one() {
    local t=$1 corpus="$OUT/corpus/$1" log="$OUT/logs/$1.log" dict=()
    mkdir -p "$corpus" "$OUT/crashes/$t"
    [ -f "$FUZZ_DIR/dict/$t.dict" ] && dict=(-dict="$FUZZ_DIR/dict/$t.dict")
    local extra; extra=$(extra_seeds_of "$t")
    local start=$SECONDS
    "$OUT/fuzz_$t" -max_total_time="$SECONDS_EACH" -max_len="$(max_len_of "$t")" -timeout="$FUZZ_TIMEOUT" \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$OUT/crashes/$t/" "${dict[@]}" \
        "$corpus" "$FUZZ_DIR/corpus/$t" ${extra:+"$extra"} > "$log" 2>&1
    echo "$? $((SECONDS - start))" > "$log.rc"
}

echo "# fuzzing $(echo "$targets" | wc -w) targets for $SECONDS_EACH s each, $JOBS at a time"
running=0
for t in $targets; do
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then wait -n; running=$((running - 1)); fi
done
wait

printf '# %-13s %8s %12s %10s %8s  %s\n' target seconds executions exec/s corpus result
for t in $targets; do
    log="$OUT/logs/$t.log"
    read -r rc wall < "$log.rc"
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    [ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    corpus=$(find "$OUT/corpus/$t" -type f | wc -l)
    printf '# %-13s %8s %12s %10s %8s  %s\n' "$t" "${secs:-$wall}" "${runs:-?}" "${speed:-?}" "$corpus" \
        "$([ "$rc" = 0 ] && echo ok || echo "FAILED (exit $rc)")"
    if [ "$rc" = 0 ]; then
        ok "fuzz_$t: ${secs:-$wall} s, ${runs:-?} inputs, no crash, leak or timeout"
    else
        not_ok "fuzz_$t: stopped after ${wall} s and ${runs:-?} inputs" "$(crash_summary "$log")" "log: ${log#"$ROOT"/}"
    fi
done
result
