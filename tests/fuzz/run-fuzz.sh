#!/bin/bash
# Runs every libFuzzer target for SECONDS each (default 600) and prints, per target, how long it
# ran and how many inputs it executed. Working corpora live in build/fuzz/corpus/<target>/,
# seeded from tests/fuzz/seeds/<target>/; crashes go to build/fuzz/crashes/. JOBS targets run at
# once (default 2, one per core). Usage: tests/fuzz/run-fuzz.sh [SECONDS]
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECONDS_EACH=${1:-600}
JOBS=${JOBS:-2}
"$ROOT/tools/ensure-packages" clang-14 libclang-rt-14-dev >&2 || exit 1
make -C "$ROOT" --no-print-directory -f tests/fuzz/fuzz.mk -j2 >&2 || { echo "fuzz: build failed"; exit 1; }
mkdir -p "$ROOT/build/fuzz/crashes" "$ROOT/build/fuzz/logs"
targets=$(cd "$ROOT/tests/fuzz" && ls fuzz_*.cpp | sed 's/^fuzz_//; s/\.cpp$//')

run_one() {
    local t=$1 corpus="$ROOT/build/fuzz/corpus/$1" log="$ROOT/build/fuzz/logs/$1.log"
    mkdir -p "$corpus"
    [ -d "$ROOT/tests/fuzz/seeds/$t" ] && cp -n "$ROOT/tests/fuzz/seeds/$t"/* "$corpus"/ 2>/dev/null
    (cd "$ROOT/build/fuzz/crashes" && "$ROOT/build/fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -max_len=16384 \
        -timeout=10 -rss_limit_mb=1024 -print_final_stats=1 "$corpus" > "$log" 2>&1)
    echo $? > "$log.rc"
}
running=0
for t in $targets; do
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then wait -n; running=$((running - 1)); fi
done
wait

failed=0
printf '%-14s %8s %12s %9s  %s\n' target seconds executions corpus result
for t in $targets; do
    log="$ROOT/build/fuzz/logs/$t.log"
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    corpus=$(ls "$ROOT/build/fuzz/corpus/$t" | wc -l)
    rc=$(cat "$log.rc")
    result=ok
    if [ "$rc" != 0 ]; then result="CRASH (see $log, inputs in build/fuzz/crashes/)"; failed=1; fi
    printf '%-14s %8s %12s %9s  %s\n' "$t" "${secs:-?}" "${runs:-?}" "$corpus" "$result"
done
exit $failed
