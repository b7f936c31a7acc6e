#!/bin/bash
# Part of `make test` (and `make asan`): the unit tests and the end-to-end tests, with folio and
# the tests built with AddressSanitizer and UndefinedBehaviorSanitizer. Any memory error, leak
# or undefined behaviour aborts the binary and fails the run.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
if ! make --no-print-directory -f tests/asan/asan.mk -j2 > build/asan-build.log 2>&1; then
    echo "not ok asan: the sanitizer build failed"; tail -20 build/asan-build.log
    echo "RESULT passed=0 failed=1 skipped=0"; exit 1
fi
# Every sanitizer report also goes to a file of its own (log_path, one per process): the e2e
# tests start many folio processes, and a report at exit (a leak) after a complete answer would
# otherwise go unseen by a test that only reads the status.
reports="$ROOT/build/asan/reports"
rm -rf "$reports"; mkdir -p "$reports"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:log_path=$reports/asan
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:log_path=$reports/ubsan
# Laid out like the repository, so that the binary finds folio.ini beside itself and the ini's
# ../content and ../templates, as the tests expect of cgi-bin/folio.fcgi.
mkdir -p build/asan/site/cgi-bin
cp build/asan/folio.fcgi build/asan/site/cgi-bin/folio.fcgi
cp cgi-bin/folio.ini build/asan/site/cgi-bin/folio.ini
ln -sfn "$ROOT/content" build/asan/site/content
ln -sfn "$ROOT/templates" build/asan/site/templates
export FOLIO_BIN="$ROOT/build/asan/site/cgi-bin/folio.fcgi"
passed=0 failed=0
for suite in unit_tests e2e_tests; do
    log=build/reports/asan-$suite.log xml=build/reports/asan-$suite.xml
    mkdir -p build/reports
    touch "$xml.start"; sleep 0.01
    build/asan/$suite --report_format=XML --report_level=detailed --report_sink="$xml" > "$log" 2>&1
    rc=$?
    p=$(grep -o 'test_cases_passed="[0-9]*"' "$xml" 2>/dev/null | head -1 | tr -dc 0-9)
    f=$(grep -o 'test_cases_failed="[0-9]*"' "$xml" 2>/dev/null | head -1 | tr -dc 0-9)
    # A report of any process of the suite (the test binary or a folio it started) fails it.
    found=$(find "$reports" -type f -newer "$xml.start" 2>/dev/null | sort)
    if [ -n "$found" ]; then
        echo "not ok asan $suite: $(echo "$found" | wc -l) sanitizer report(s) in build/asan/reports/"
        for rep in $(echo "$found" | head -3); do
            echo "# --- ${rep#"$ROOT"/} (process ${rep##*.})"
            grep -E -A14 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$rep" | head -30 | sed 's/^/#   /'
        done
        failed=$((failed + 1))
    elif grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$log"; then
        echo "not ok asan $suite: sanitizer report"; grep -E -A12 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$log" | head -40
        failed=$((failed + 1))
    elif [ "$rc" -ne 0 ] || [ -z "$p" ]; then
        echo "not ok asan $suite: exit $rc (${f:-?} failed)"; grep -E 'error: in "' "$log" | head -20
        failed=$((failed + 1))
    else
        echo "ok asan $suite: $p test cases pass under ASan and UBSan"
        passed=$((passed + 1))
    fi
done
echo "RESULT passed=$passed failed=$failed skipped=0"
[ "$failed" -eq 0 ]
