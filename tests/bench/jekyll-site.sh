#!/bin/bash
# The template academicpages site (../shared/corpora/academicpages-site) in the benchmark, issue
# 14's speed targets, each against a baseline measured in the same run:
#   1. export   `folio --export` of the whole site vs `jekyll build` of a scratch copy (Debian's
#               jekyll 4.3.1, JEKYLL_ENV=production, plugins Debian does not package dropped):
#               target folio at least 5x faster (hyperfine medians, warm: Jekyll keeps its
#               .jekyll-cache between runs as on an author's machine).
#   2. edit     a page's first render after an edit, FastCGI worker (fcgi_edit_render.py), for
#               /, /publications/, /talks/, a publication, a post: target 30 ms or less (the
#               worker's CPU time; wall time beside it).
#   3. fastcgi  throughput behind lighttpd, one worker: folio vs the floor program (floor.c,
#               folio's own bytes from memory) for / and /publications/, interleaved wrk rounds:
#               target folio at least 0.9x the floor (the response cache keeps it at its floor).
# Called by run.sh (`make bench`) with FOLIO_BIN set to the binary it measures; on its own it
# measures cgi-bin/folio.fcgi. Like run.sh it measures and does not judge: exit 0 whether the
# targets are met or not, 1 when the benchmark broke. Without ../shared it says so and exits 0.
#   BENCH_ROUNDS (5), BENCH_DURATION (3 s), BENCH_CONNECTIONS (16): the wrk rounds, as run.sh.
#   EDIT_ROUNDS (5): edits timed per page. BENCH_OUT: where jekyll-site.txt goes (build/bench).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
. "$HERE/../servers/common.sh"
SITE=${FOLIO_LOOKS_SITE:-$ROOT/../shared/corpora/academicpages-site}
BIN=${FOLIO_BIN:-$ROOT/cgi-bin/folio.fcgi}
ROUNDS=${BENCH_ROUNDS:-5} DURATION=${BENCH_DURATION:-3} CONNS=${BENCH_CONNECTIONS:-16}
EDIT_ROUNDS=${EDIT_ROUNDS:-5}
OUT=${BENCH_OUT:-$ROOT/build/bench}
PY=/usr/bin/python3
TMP="" PIDS=()

say() { echo "bench (academicpages): $*" >&2; }
die() { local f; say "BROKEN: $1"; shift; for f in "$@"; do [ -s "$f" ] && tail -n 20 "$f" >&2; done; exit 1; }
if [ ! -f "$SITE/_config.yml" ]; then
    say "skipped: academicpages-site not found at $SITE (../shared is absent in a user's clone)"
    exit 0
fi
SITE=$(cd "$SITE" && pwd)
cleanup() {
    local p i
    for p in "${PIDS[@]}"; do
        alive "$p" || continue
        kill -TERM "$p" 2>/dev/null
        for i in $(seq 1 100); do alive "$p" || break; sleep 0.1; done
        alive "$p" && { say "pid $p did not stop within 10 s of SIGTERM; SIGKILL"; kill -KILL "$p" 2>/dev/null; }
        wait "$p" 2>/dev/null
    done
    PIDS=()
    for p in $(leftovers); do sleep 1; alive "$p" && { say "left running, killed: $p"; kill -KILL "$p"; }; done
    [ -n "$TMP" ] && [ -d "$TMP" ] && rm -rf "$TMP"
}
trap cleanup EXIT
trap 'say interrupted; exit 130' INT TERM

"$ROOT/tools/ensure-packages" jekyll ruby-jekyll-redirect-from ruby-jekyll-feed ruby-jekyll-sitemap \
    ruby-jekyll-gist ruby-jekyll-paginate lighttpd wrk hyperfine gcc libfcgi-dev python3 curl ||
    die "cannot install the Debian packages this part needs"
[ -x "$BIN" ] || die "$BIN is missing (make cgi-bin/folio.fcgi)"
TMP=$(mktemp -d /tmp/folio-bench-jekyll.XXXXXX) || die "no temporary folder"
chmod 755 "$TMP"
mkdir -p "$OUT" "$TMP/deploy/cgi-bin" "$TMP/run/empty" "$TMP/floor"
cp -R "$SITE" "$TMP/site" && cp -R "$SITE" "$TMP/jekyll-src" && cp -R "$ROOT/templates" "$TMP/deploy/" &&
    cp "$BIN" "$TMP/deploy/cgi-bin/folio.fcgi" || die "cannot copy the site and folio into $TMP"
chmod -R u+w,a+rX "$TMP"
# Scratch copies: $TMP/site for folio (the edit part appends to it), $TMP/jekyll-src for Jekyll.
# [site] url is left to _config.yml; disk cache off: a FastCGI worker keeps its answers in memory.
printf '[paths]\ncontent = %s\ntemplates = ../templates\ncache = off\n' "$TMP/site" > "$TMP/deploy/cgi-bin/folio.ini"
INI="$TMP/deploy/cgi-bin/folio.ini"
REPORT="$OUT/jekyll-site.txt"
: > "$REPORT"
line() { echo "$*" | tee -a "$REPORT"; }
line "academicpages-site ($SITE), binary $BIN ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')), $(nproc) CPUs"

# ------------------------------------------------------------------ 1. --export vs jekyll build

# Plugins Debian does not package (jemoji) are dropped from the copy's _config.yml (its plugins:
# and whitelist: lists), as ../shared/corpora/README.md says the expected build was made: every
# listed plugin that Ruby cannot require.
for plugin in $(sed -n 's/^ *- *\(j[a-z-]*\) *$/\1/p' "$TMP/jekyll-src/_config.yml" | sort -u); do
    ruby -e "require 'jekyll'; require '$plugin'" > /dev/null 2>&1 ||
        { sed -i "/^ *- *$plugin *\$/d" "$TMP/jekyll-src/_config.yml"; say "dropped $plugin (not installed) from the copy's _config.yml"; }
done
say "1. folio --export vs jekyll build (hyperfine, warm-up 1, 5 runs each)"
(cd "$TMP/jekyll-src" && JEKYLL_NO_BUNDLER_REQUIRE=true JEKYLL_ENV=production jekyll build -d "$TMP/jekyll-out" > "$TMP/jekyll-build.log" 2>&1) ||
    die "jekyll build of the scratch copy failed" "$TMP/jekyll-build.log"
"$BIN" --config "$INI" --export "$TMP/export" > "$TMP/export.log" 2>&1 || die "folio --export failed" "$TMP/export.log"
hyperfine -N --style basic --warmup 1 --runs 5 --export-json "$TMP/export.json" \
    --prepare "rm -rf $TMP/export" -n folio-export "$BIN --config $INI --export $TMP/export" \
    --prepare true -n jekyll-build "env -C $TMP/jekyll-src JEKYLL_NO_BUNDLER_REQUIRE=true JEKYLL_ENV=production jekyll build -q -d $TMP/jekyll-out" \
    > "$TMP/hyperfine-export.txt" 2>&1 || die "hyperfine (export vs jekyll) failed" "$TMP/hyperfine-export.txt"
"$PY" - "$TMP/export.json" "$(find "$TMP/export" -type f | wc -l)" "$(find "$TMP/jekyll-out" -type f | wc -l)" <<'EOF' | tee -a "$REPORT"
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
f, j = r["folio-export"], r["jekyll-build"]
ratio = j["median"] / f["median"]
print(f"export: folio --export {f['median'] * 1000:.0f} ms ({sys.argv[2]} files), jekyll build {j['median'] * 1000:.0f} ms "
      f"({sys.argv[3]} files): folio {ratio:.1f}x faster; target >= 5x: {'MET' if ratio >= 5 else 'NOT MET'}")
EOF

# ------------------------------------------------------------------ 2. first render after an edit

say "2. first render after an edit, FastCGI worker, $EDIT_ROUNDS edits a page"
"$PY" "$HERE/fcgi_edit_render.py" "$BIN" "$INI" "$TMP/site" "$EDIT_ROUNDS" \
    /=_pages/about.md /publications/=_pages/publications.html /talks/=_pages/talks.html \
    /publication/2009-10-01-paper-title-number-1=_publications/2009-10-01-paper-title-number-1.md \
    /posts/2012/08/blog-post-1/=_posts/2012-08-14-blog-post-1.md > "$TMP/edit.txt" 2> "$TMP/edit.err" ||
    die "fcgi_edit_render.py failed" "$TMP/edit.err" "$TMP/edit.txt"
awk '{ split($3, c, "="); split($2, w, "="); split($4, m, "=")
    printf "edit: %-45s cpu %5s ms (wall %s ms, at most %s), %s; target <= 30 ms of CPU: %s\n", $1, c[2], w[2], m[2], $5, (c[2] + 0 <= 30 ? "MET" : "NOT MET") }' \
    "$TMP/edit.txt" | tee -a "$REPORT"

# ------------------------------------------------------------------ 3. FastCGI: folio vs floor

say "3. FastCGI behind lighttpd: folio vs the floor program, / and /publications/, $ROUNDS rounds of ${DURATION} s"
cgi() { env -i PATH=/usr/bin:/bin FOLIO_CONFIG="$INI" REQUEST_METHOD=GET REQUEST_URI="$1" SERVER_PROTOCOL=HTTP/1.1 GATEWAY_INTERFACE=CGI/1.1 "$BIN" < /dev/null; }
# floor.c answers "home" for /, "redirect" for /about/ and "notfound" for any other path: here
# "notfound" holds folio's answer to /publications/, the only other path asked.
cgi / > "$TMP/floor/home"; cgi /about/ > "$TMP/floor/redirect"; cgi /publications/ > "$TMP/floor/notfound"
for f in home notfound; do head -c 15 "$TMP/floor/$f" | grep -q '^Status: 200' || die "folio's CGI answer for the floor ($f) is not a 200" "$TMP/floor/$f"; done
gcc -O2 -Wall -o "$TMP/floor.fcgi" "$HERE/floor.c" -lfcgi 2> "$TMP/gcc.txt" || die "cannot compile floor.c" "$TMP/gcc.txt"
chmod -R a+rX "$TMP/floor" "$TMP/floor.fcgi"
declare -A PORT_OF
start_server() {  # start_server NAME BINARY [FLOOR_DIR]: lighttpd -D, one FastCGI worker
    local name=$1 port i
    port=$(pick_port) || die "no free port"
    mkdir -p "$TMP/run/$name"
    {
        lighttpd_conf_head '"mod_fastcgi"' "$port" "$TMP/run/empty" "$TMP/run/$name/error.log" "$TMP/run/$name/pid"
        lighttpd_conf_user
        echo 'fastcgi.server = ("/" => (('
        echo "    \"bin-path\" => \"$2\","
        [ -n "${3:-}" ] && echo "    \"bin-environment\" => (\"FLOOR_DIR\" => \"$3\"),"
        echo "    \"socket\" => \"$TMP/run/$name/backend.sock\", \"check-local\" => \"disable\","
        echo '    "fix-root-scriptname" => "enable", "max-procs" => 1 )))'
    } > "$TMP/run/$name/lighttpd.conf"
    : > "$TMP/run/$name/error.log"
    [ "$(id -u)" -eq 0 ] && chown -R www-data:www-data "$TMP/run/$name"
    lighttpd -D -f "$TMP/run/$name/lighttpd.conf" > "$TMP/run/$name/out.log" 2>&1 < /dev/null &
    PIDS+=($!)
    for i in $(seq 1 100); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" = 200 ] && { PORT_OF[$name]=$port; return 0; }
        sleep 0.1
    done
    die "$name: lighttpd + FastCGI did not answer / with 200 within 10 s" "$TMP/run/$name/error.log"
}
start_server folio "$TMP/deploy/cgi-bin/folio.fcgi"
start_server floor "$TMP/floor.fcgi" "$TMP/floor"
# The floor must answer folio's bytes (headers but Date, and body), or the ratio means nothing.
for u in / /publications/; do
    for t in folio floor; do
        curl -s -D "$TMP/$t.head" -o "$TMP/$t.body" "http://127.0.0.1:${PORT_OF[$t]}$u" || die "curl $t $u failed"
        grep -vi '^Date:' "$TMP/$t.head" | tr -d '\r' > "$TMP/$t.h"
    done
    cmp -s "$TMP/folio.h" "$TMP/floor.h" && cmp -s "$TMP/folio.body" "$TMP/floor.body" ||
        die "the floor program does not answer folio's bytes for $u" "$TMP/folio.h" "$TMP/floor.h"
done
: > "$TMP/wrk.tsv"
for u in / /publications/; do for t in folio floor; do  # warm-up, not counted
    wrk -t1 -c"$CONNS" -d1s "http://127.0.0.1:${PORT_OF[$t]}$u" > /dev/null 2>&1 || die "wrk failed ($t $u)"
done; done
for ((r = 1; r <= ROUNDS; r++)); do
    for u in / /publications/; do
        order=(folio floor); [ $((r % 2)) = 0 ] && order=(floor folio)
        for t in "${order[@]}"; do
            raw="$TMP/wrk-$t-$r-$(echo "$u" | tr -c 'a-z\n' _).txt"
            wrk -t1 -c"$CONNS" -d"${DURATION}s" --latency -s "$HERE/wrk_report.lua" "http://127.0.0.1:${PORT_OF[$t]}$u" > "$raw" 2>&1 ||
                die "wrk failed ($t $u)" "$raw"
            s=$(grep '^BENCH ' "$raw") || die "wrk printed no summary line" "$raw"
            printf '%s\t%s\t%s\t%s\n' "$t" "$u" "$r" "${s#BENCH }" >> "$TMP/wrk.tsv"
        done
    done
done
"$PY" - "$TMP/wrk.tsv" <<'EOF' | tee -a "$REPORT"
import statistics, sys
# wrk_report.lua's summary: key=value fields; rps= requests a second; connect, read, write,
# status (answers that are not 2xx/3xx) and timeout count errors.
rows = {}
for ln in open(sys.argv[1]):
    t, u, r, rest = ln.rstrip("\n").split("\t", 3)
    kv = dict(x.split("=", 1) for x in rest.split() if "=" in x)
    rows.setdefault((u, int(r)), {})[t] = kv
for u in ("/", "/publications/"):
    ratios = [float(v["folio"]["rps"]) / float(v["floor"]["rps"]) for (uu, _), v in sorted(rows.items()) if uu == u]
    folio = statistics.median(float(v["folio"]["rps"]) for (uu, _), v in rows.items() if uu == u)
    floor = statistics.median(float(v["floor"]["rps"]) for (uu, _), v in rows.items() if uu == u)
    bad = sum(int(v[t][k]) for k in ("connect", "read", "write", "status", "timeout") for (uu, _), v in rows.items() if uu == u for t in v)
    ratio = statistics.median(ratios)
    print(f"fastcgi: {u:<15} folio {folio:8.0f} req/s, floor {floor:8.0f} req/s: {ratio:.3f}x "
          f"[{min(ratios):.3f} .. {max(ratios):.3f}]{f', {bad} errors or non-2xx' if bad else ''}; target >= 0.9x: {'MET' if ratio >= 0.9 and not bad else 'NOT MET'}")
EOF
say "figures written to $REPORT"
exit 0
