#!/bin/bash
# Sass parity with Jekyll (issue 14): folio's /assets/css/main.css for the academicpages site in
# ../shared/corpora/academicpages-site/ must be the CSS Jekyll 4.3.1 built from it
# (academicpages-site-expected/assets/css/main.css), whitespace aside, and its source map must
# map the same CSS the same way. Prints how many bytes differ when they are not equal.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SITE=${FOLIO_SASS_SITE:-$ROOT/../shared/corpora/academicpages-site}
EXPECTED=${FOLIO_SASS_EXPECTED:-$ROOT/../shared/corpora/academicpages-site-expected}
if [ ! -d "$SITE" ] || [ ! -d "$EXPECTED" ]; then
    if [ "${CI:-}" = true ]; then
        echo "not ok academicpages site or its Jekyll build missing at $SITE, $EXPECTED (required under CI=true)"
        echo "RESULT passed=0 failed=1 skipped=0"
        exit 1
    fi
    echo "skip: academicpages site not found at $SITE (../shared is absent in a user's clone)"
    echo "RESULT passed=0 failed=0 skipped=1"
    exit 0
fi
"$ROOT/tools/ensure-packages" python3 >&2 || { echo "RESULT passed=0 failed=1 skipped=0"; exit 1; }
[ -x "$ROOT/cgi-bin/folio.fcgi" ] || make -C "$ROOT" --no-print-directory cgi-bin/folio.fcgi >&2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
printf '[paths]\ncontent = %s\ntemplates = %s/templates\ncache = off\n' "$SITE" "$ROOT" > "$WORK/folio.ini"
for path in /assets/css/main.css /assets/css/main.css.map; do
    "$ROOT/cgi-bin/folio.fcgi" --config "$WORK/folio.ini" --render "$path" > "$WORK/$(basename "$path")" 2> "$WORK/stderr"
done
exec /usr/bin/python3 - "$WORK" "$EXPECTED/assets/css" <<'PY'
import json, re, sys
work, expected = sys.argv[1], sys.argv[2]
passed = failed = 0
def check(ok, what, detail=""):
    global passed, failed
    print(("ok " if ok else "not ok ") + what + ("" if ok or not detail else ": " + detail))
    if ok: passed += 1
    else: failed += 1
def response(name):
    raw = open(f"{work}/{name}", "rb").read()
    head, _, body = raw.partition(b"\r\n\r\n")
    return head.decode("latin-1"), body
def squeeze(b): return re.sub(rb"\s+", b" ", b).strip()

head, css = response("main.css")
want = open(f"{expected}/main.css", "rb").read()
check(head.startswith("Status: 200"), "main.css answers 200", head.splitlines()[0] if head else "no output")
check("Content-Type: text/css" in head, "main.css is text/css", head)
a, b = squeeze(css), squeeze(want)
diff = sum(x != y for x, y in zip(a, b)) + abs(len(a) - len(b))
at = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
check(a == b, f"main.css equals Jekyll's, whitespace aside ({len(css)} and {len(want)} bytes)",
      f"{diff} bytes differ, first at {at}: folio {a[at-60:at+60]!r} Jekyll {b[at-60:at+60]!r}")

head, body = response("main.css.map")
check(head.startswith("Status: 200"), "main.css.map answers 200", head.splitlines()[0] if head else "no output")
try:
    got, ref = json.loads(body), json.load(open(f"{expected}/main.css.map"))
except ValueError as e:
    got, ref = {}, {}
    check(False, "main.css.map is JSON", str(e))
if got:
    check(got.get("version") == 3 and got.get("file") == "main.css", "the map is a version 3 map of main.css")
    # Jekyll names the sources from the site folder (it gives libsass "main.scss" there as the
    # input's name); folio from the map's own folder, where a browser resolves them: the same
    # files. The first is the page itself in both.
    import posixpath
    mine = [posixpath.normpath(posixpath.join("assets/css", s)) for s in got.get("sources", [])[1:]]
    check(got.get("sources", [""])[0] == ref["sources"][0] and mine == ref["sources"][1:],
          "the map names Jekyll's sources, from its own folder", f'{got.get("sources", [])[:3]} against {ref["sources"][:3]}')
    check(got.get("mappings") == ref["mappings"], "the map's mappings are Jekyll's")
    check(got.get("sourcesContent") == ref.get("sourcesContent"), "the map carries the same sources' text")
print(f"RESULT passed={passed} failed={failed} skipped=0")
sys.exit(1 if failed else 0)
PY
