#!/bin/bash
# Compares two folio binaries on the same sites: --check's report and a whole --export must be the
# same (for a refactoring that must not change behaviour). Sites: folio's own content/, the Jekyll
# oracle's site, and the academicpages corpora when ../shared has them; more as CONTENT folders.
# Usage: tools/compare-binaries.sh OLD_BINARY NEW_BINARY [CONTENT_FOLDER...]
# Prints "same: NAME" or "DIFFERENT: NAME" with the first differences; exits 1 when any differ.
set -u
[ $# -ge 2 ] || { echo "usage: $0 OLD_BINARY NEW_BINARY [CONTENT_FOLDER...]" >&2; exit 2; }
OLD=$(realpath "$1") NEW=$(realpath "$2"); shift 2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/folio-compare-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
status=0
compare() {  # name content_folder
    local name=$1 d=$WORK/$1
    mkdir -p "$d" && cp -r "$ROOT/templates" "$d/templates"
    printf '[site]\ntitle = T\nurl = https://example.org\n[paths]\ncontent = %s\ntemplates = templates\n' "$2" > "$d/folio.ini"
    for v in old new; do
        local bin=$OLD; [ $v = new ] && bin=$NEW
        # The cache note names the program file, which differs between the two.
        (cd "$d" && "$bin" --config folio.ini --check 2>&1 | grep -v '^note: CGI disk cache' > "check-$v.txt")
        (cd "$d" && "$bin" --config folio.ini --export "$d/out-$v" > /dev/null 2>&1)
    done
    if cmp -s "$d/check-old.txt" "$d/check-new.txt" && diff -r -q "$d/out-old" "$d/out-new" > /dev/null; then
        echo "same: $name ($(find "$d/out-new" -type f | wc -l) files exported, $(wc -l < "$d/check-new.txt") lines of --check)"
    else
        echo "DIFFERENT: $name"; status=1
        diff "$d/check-old.txt" "$d/check-new.txt" | head -20
        diff -r "$d/out-old" "$d/out-new" | head -40
    fi
}
compare own "$ROOT/content"
compare jekyll-oracle "$ROOT/tests/jekyll_oracle/site"
for c in academicpages-template academicpages-site; do
    [ -d "$ROOT/../shared/corpora/$c" ] && compare "$c" "$(realpath "$ROOT/../shared/corpora/$c")"
done
n=0
for extra in "$@"; do n=$((n + 1)); compare "extra$n" "$(realpath "$extra")"; done
exit $status
