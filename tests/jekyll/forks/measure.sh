#!/bin/bash
# measure.sh SITE [WORK]: folio against Debian's Jekyll on one Jekyll (academicpages) site.
# SITE is the site's folder (left untouched); WORK (default: a new temporary folder) gets
#   site/      a scratch copy made buildable as the corpora's were (prepare-site.py)
#   jekyll/    Jekyll's build of it (JEKYLL_ENV=production), jekyll-build.log
#   corpus/expected/  its URL lists (tools/jekyll-urls.py)
#   folio.ini  folio pointed at the same scratch copy (no cache), check.txt its --check output
# and prints content parity (content_parity.py: pages holding >= 95% of Jekyll's content text,
# mean recall), URLs served, redirects, sitemap and heading ids (served.py). VERBOSE=1 lists what
# differs.
# FOLIO_BIN (default cgi-bin/folio.fcgi) and PARITY (the shared corpora's content_parity.py).
set -u
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
HERE=$ROOT/tests/jekyll/forks
SITE=$(cd "$1" && pwd) || exit 2
WORK=${2:-$(mktemp -d)}
mkdir -p "$WORK" && WORK=$(cd "$WORK" && pwd)
export FOLIO_BIN=${FOLIO_BIN:-$ROOT/cgi-bin/folio.fcgi}
PARITY=${PARITY:-$ROOT/../shared/corpora/tools/content_parity.py}
V=; [ "${VERBOSE:-}" = 1 ] && V=--verbose

rm -rf "$WORK/site" "$WORK/jekyll" "$WORK/corpus"
cp -a "$SITE" "$WORK/site"
python3 "$HERE/prepare-site.py" "$WORK/site" | sed 's/^/prepare: /'
if ! (cd "$WORK/site" && JEKYLL_NO_BUNDLER_REQUIRE=true JEKYLL_ENV=production timeout 600 jekyll build -d "$WORK/jekyll") > "$WORK/jekyll-build.log" 2>&1; then
    echo "jekyll build failed: $(grep -m1 -E 'Exception|Error' "$WORK/jekyll-build.log")"
    exit 1
fi
echo "jekyll: $(grep -c 'Warning' "$WORK/jekyll-build.log") warnings in $WORK/jekyll-build.log"
python3 "$ROOT/tools/jekyll-urls.py" "$WORK/jekyll" "$WORK/corpus" "$WORK/site" | sed 's/^/jekyll: /'
printf '[paths]\ncontent = %s\ntemplates = %s\ncache = off\n' "$WORK/site" "$ROOT/templates" > "$WORK/folio.ini"
"$FOLIO_BIN" --config "$WORK/folio.ini" --check > "$WORK/check.txt" 2>&1
echo "folio --check: exit $?, $(wc -l < "$WORK/check.txt") lines in $WORK/check.txt"
python3 "$PARITY" "$WORK/folio.ini" "$WORK/corpus" "$WORK/jekyll" $V
python3 "$HERE/served.py" "$WORK/folio.ini" "$WORK/corpus" "$WORK/jekyll" $V
