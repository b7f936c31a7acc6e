#!/bin/bash
# Compatibility with a real academicpages (Jekyll) site: folio pointed at the corpus in
# ../shared/corpora/academicpages-template/ must serve what Jekyll built from it
# (expected/urls.txt, redirects.tsv, sitemap-urls.txt). Prints the coverage figures.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=${FOLIO_CORPUS:-$ROOT/../shared/corpora/academicpages-template}
if [ ! -d "$CORPUS" ]; then
    if [ "${CI:-}" = true ]; then
        echo "not ok academicpages corpus missing at $CORPUS (required under CI=true)"
        echo "RESULT passed=0 failed=1 skipped=0"
        exit 1
    fi
    echo "skip: academicpages corpus not found at $CORPUS (../shared is absent in a user's clone)"
    echo "RESULT passed=0 failed=0 skipped=1"
    exit 0
fi
"$ROOT/tools/ensure-packages" python3 >&2 || { echo "RESULT passed=0 failed=1 skipped=0"; exit 1; }
[ -x "$ROOT/cgi-bin/folio.fcgi" ] || make -C "$ROOT" --no-print-directory cgi-bin/folio.fcgi >&2
exec /usr/bin/python3 "$ROOT/tests/jekyll/compare.py" "$ROOT/cgi-bin/folio.fcgi" "$CORPUS" "$ROOT/templates"
