#!/bin/bash
# Part of `make test`: every fuzz target runs its seeds and its named regression inputs
# (tests/fuzz/regressions/<target>/, each one a crash that was found and fixed), then fuzzes for
# a few seconds. Any crash, leak or timeout fails. `make fuzz` is the long run.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BRIEF=${FUZZ_BRIEF_SECONDS:-3}
passed=0 failed=0
if ! "$ROOT/tools/ensure-packages" clang-14 libclang-rt-14-dev >&2; then
    echo "not ok fuzz: cannot install clang"; echo "RESULT passed=0 failed=1 skipped=0"; exit 1
fi
if ! make -C "$ROOT" --no-print-directory -f tests/fuzz/fuzz.mk -j2 > "$ROOT/build/fuzz-build.log" 2>&1; then
    echo "not ok fuzz: the targets do not build"; tail -20 "$ROOT/build/fuzz-build.log"
    echo "RESULT passed=0 failed=1 skipped=0"; exit 1
fi
work=$(mktemp -d /tmp/folio-fuzz-XXXXXX)
trap 'rm -rf "$work"' EXIT
for src in "$ROOT"/tests/fuzz/fuzz_*.cpp; do
    t=$(basename "$src" .cpp); t=${t#fuzz_}
    inputs=()
    for d in "$ROOT/tests/fuzz/seeds/$t" "$ROOT/tests/fuzz/regressions/$t"; do [ -d "$d" ] && inputs+=("$d"); done
    mkdir -p "$work/$t"
    log="$work/$t.log"
    # First every kept input once, then a short fuzzing run from them in a scratch corpus.
    if (cd "$work" && "$ROOT/build/fuzz/fuzz_$t" -runs=0 "${inputs[@]}" > "$log" 2>&1) &&
       (cd "$work" && "$ROOT/build/fuzz/fuzz_$t" -max_total_time="$BRIEF" -max_len=4096 -timeout=10 \
            "$work/$t" "${inputs[@]}" >> "$log" 2>&1); then
        runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -1)
        echo "ok fuzz_$t: seeds and regressions pass; ${runs:-ran} in ${BRIEF} s"
        passed=$((passed + 1))
    else
        echo "not ok fuzz_$t: crash or timeout"; grep -E 'ERROR|SUMMARY|==[0-9]+==' "$log" | head -10
        failed=$((failed + 1))
    fi
done
echo "RESULT passed=$passed failed=$failed skipped=0"
[ "$failed" -eq 0 ]
