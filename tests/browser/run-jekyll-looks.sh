#!/bin/bash
# Does folio's academicpages site look like Jekyll's build of it (issue 14)? Two real lighttpd
# servers on free ports of 127.0.0.1: one whose mod_fastcgi spawns cgi-bin/folio.fcgi pointed at
# ../shared/corpora/academicpages-site, one serving Jekyll 4.3.1's build of that site
# (../shared/corpora/academicpages-site-expected) as static files. jekyll_looks.mjs (Debian's
# Chromium through playwright-core) takes full-page screenshots of /, /publications/, /talks/,
# a publication and a post on both, 1280 and 375 px wide, and compares them pixel by pixel: a
# shot passes when at most 1% of its pixels differ (LOOKS_MAX_PERCENT), what changes by date
# (the footer's copyright year and "last updated" date) masked. Screenshots, diff images (red:
# differs, blue: masked) and summary.tsv: build/reports/jekyll-looks/.
#
# Without ../shared (a user's clone) it is skipped with a message; under CI=true that is a failure.
# Prints "ok ..." / "not ok ..." lines and ends with "RESULT passed=N failed=N skipped=N"; exit
# status 1 when anything failed. Everything it starts is stopped by PID on any exit.
#   KEEP_TMP=1   keeps the temporary folder (configurations, logs) for a look afterwards.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/tests/browser"
MODULES="$ROOT/build/browser"
OUT="$ROOT/build/reports/jekyll-looks"
SITE=${FOLIO_LOOKS_SITE:-$ROOT/../shared/corpora/academicpages-site}
EXPECTED=${FOLIO_LOOKS_EXPECTED:-$ROOT/../shared/corpora/academicpages-site-expected}
PASSED=0 FAILED=0 SKIPPED=0
TMP="" FOLIO_PID="" STATIC_PID="" NODE_PID="" CLEANED=""
T0=$(date +%s.%N)
. "$HERE/../servers/common.sh"

if [ ! -f "$SITE/_config.yml" ] || [ ! -f "$EXPECTED/index.html" ]; then
    if [ "${CI:-}" = true ]; then
        echo "not ok - academicpages corpora missing ($SITE, $EXPECTED): required under CI=true"
        echo "RESULT passed=0 failed=1 skipped=0"
        exit 1
    fi
    echo "skip: the academicpages corpora are not there ($SITE, $EXPECTED; ../shared is absent in a user's clone)"
    echo "RESULT passed=0 failed=0 skipped=1"
    exit 0
fi
SITE=$(cd "$SITE" && pwd); EXPECTED=$(cd "$EXPECTED" && pwd)

ok() { PASSED=$((PASSED + 1)); echo "ok - $*"; }
not_ok() {
    FAILED=$((FAILED + 1)); echo "not ok - $1"; shift
    local d; for d in "$@"; do printf '#   %s\n' "$d"; done
}
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
log_tail() {
    if [ -n "$1" ] && [ -s "$1" ]; then
        echo "# --- last lines of $1"; tail -n "${2:-30}" "$1" | sed 's/^/#   /'
    fi
}
wait_gone() {  # wait_gone PID SECONDS
    local i
    for ((i = 0; i < $2 * 10; i++)); do alive "$1" || return 0; sleep 0.1; done
    ! alive "$1"
}
stop_pid() {  # stop_pid PID NAME: SIGTERM, then SIGKILL after 10 s (returns 1 then)
    [ -n "$1" ] && alive "$1" || return 0
    kill -TERM "$1" 2>/dev/null
    if ! wait_gone "$1" 10; then
        echo "# $2 (pid $1) did not exit within 10 s of SIGTERM: killed"
        kill -KILL "$1" 2>/dev/null; wait_gone "$1" 5; return 1
    fi
    wait "$1" 2>/dev/null
    return 0
}
# Node first (Playwright closes Chromium on SIGTERM), then both lighttpds (the FastCGI one stops
# the folio backends it spawned), then whatever of this run is left, one by one by PID.
stop_all() {
    local rc=0 pids p
    if [ -n "$NODE_PID" ] && alive "$NODE_PID"; then
        kill -TERM "$NODE_PID" 2>/dev/null
        wait_gone "$NODE_PID" 15 || kill -KILL "$NODE_PID" 2>/dev/null
    fi
    NODE_PID=""
    stop_pid "$FOLIO_PID" "lighttpd (folio)" || rc=1
    stop_pid "$STATIC_PID" "lighttpd (static)" || rc=1
    FOLIO_PID="" STATIC_PID=""
    pids=$(leftovers)
    if [ -n "$pids" ]; then sleep 1; pids=$(leftovers); fi
    for p in $pids; do
        echo "# left running, killed: $p $(tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | cut -c1-150)"
        kill -KILL "$p" 2>/dev/null; rc=1
    done
    return $rc
}
finish() {
    trap - EXIT INT TERM
    if [ -z "$CLEANED" ]; then
        CLEANED=1
        if [ -n "$FOLIO_PID$STATIC_PID" ]; then
            if stop_all; then ok "both lighttpds and the folio backends stopped by PID, nothing of this run left running"
            else not_ok "processes of this run had to be killed (see above)"; fi
        else
            stop_all
        fi
        if [ "$FAILED" -gt 0 ] && [ -n "$TMP" ]; then log_tail "$TMP/run/error.log" 20; fi
        if [ -n "$TMP" ] && [ -d "$TMP" ]; then
            if [ -n "${KEEP_TMP:-}" ]; then echo "# kept $TMP"; else rm -rf "$TMP"; fi
        fi
    fi
    echo "# jekyll looks took $(elapsed "$T0") s"
    echo "RESULT passed=$PASSED failed=$FAILED skipped=$SKIPPED"
    [ "$FAILED" -eq 0 ] && exit 0
    exit 1
}
bail() {
    local msg=$1 f; shift
    not_ok "$msg"
    for f in "$@"; do log_tail "$f" 40; done
    finish
}
trap 'finish' EXIT
trap 'not_ok "interrupted"; finish' INT TERM

# ---------------------------------------------------------------- 1. what it needs

pkgs="chromium lighttpd"
command -v node > /dev/null 2>&1 || pkgs="$pkgs nodejs"
command -v npm > /dev/null 2>&1 || pkgs="$pkgs npm"
# shellcheck disable=SC2086
"$ROOT/tools/ensure-packages" $pkgs || bail "cannot install Debian packages: $pkgs"
# playwright-core as tests/browser/run-browser.sh installs it (pinned by package-lock.json).
want=$(sed -n '/"node_modules\/playwright-core"/,/}/s/.*"version": *"\([^"]*\)".*/\1/p' "$HERE/package-lock.json" | head -1)
have=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$MODULES/node_modules/playwright-core/package.json" 2>/dev/null | head -1)
if [ -z "$want" ]; then
    bail "tests/browser/package-lock.json names no playwright-core version"
elif [ "$have" != "$want" ] || ! cmp -s "$HERE/package-lock.json" "$MODULES/package-lock.json"; then
    echo "# installing playwright-core $want into build/browser/ (npm ci)"
    mkdir -p "$MODULES"
    cp "$HERE/package.json" "$HERE/package-lock.json" "$MODULES/"
    (cd "$MODULES" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 timeout 300 \
        npm ci --no-audit --no-fund --loglevel=error > "$MODULES/npm-ci.log" 2>&1) ||
        bail "npm ci of playwright-core $want failed" "$MODULES/npm-ci.log"
fi
if [ ! -x "$ROOT/cgi-bin/folio.fcgi" ] ||
    [ -n "$(find "$ROOT/src" -newer "$ROOT/cgi-bin/folio.fcgi" -name '*.[ch]*' 2>/dev/null | head -1)" ]; then
    mkdir -p "$OUT"
    make -C "$ROOT" --no-print-directory cgi-bin/folio.fcgi > "$OUT/make.log" 2>&1 ||
        bail "cannot build cgi-bin/folio.fcgi (build/reports/jekyll-looks/make.log)" "$OUT/make.log"
fi

# ---------------------------------------------------------------- 2. the two servers

TMP=$(mktemp -d /tmp/folio-looks.XXXXXX) || { TMP=""; bail "cannot make a temporary folder"; }
chmod 755 "$TMP"
deploy="$TMP/deploy"; run="$TMP/run"
mkdir -p "$deploy/cgi-bin" "$run" "$TMP/docroot" "$TMP/home"
cp "$ROOT/cgi-bin/folio.fcgi" "$deploy/cgi-bin/"
cp -R "$ROOT/templates" "$deploy/"
: > "$run/error.log"; : > "$run/static-error.log"
[ "$(id -u)" -eq 0 ] && chown www-data:www-data "$run" "$run/error.log" "$run/static-error.log"
folio_port=$(pick_port) || bail "no free port on 127.0.0.1"
static_port=$(pick_port) || bail "no free port on 127.0.0.1"
[ "$folio_port" != "$static_port" ] || static_port=$(pick_port) || bail "no free port on 127.0.0.1"

# folio's own [site] url wins over _config.yml's (https://academicpages.github.io): set to this
# server's address, every absolute_url link stays on 127.0.0.1, as Jekyll's build (made with
# url: "") keeps them on the host that serves it. An empty value would not do: folio then takes
# _config.yml's. The disk cache is off: the corpus folder is not ours to write beside.
cat > "$deploy/cgi-bin/folio.ini" <<INI
[site]
url = http://127.0.0.1:$folio_port
[paths]
content = $SITE
templates = ../templates
cache = off
INI
chmod -R a+rX "$deploy"
{
    lighttpd_conf_head '"mod_fastcgi"' "$folio_port" "$TMP/docroot" "$run/error.log" "$run/folio-lighttpd.pid"
    lighttpd_conf_user
    lighttpd_conf_fastcgi / "$deploy/cgi-bin/folio.fcgi" "$run/folio.sock" 2
} > "$TMP/folio.conf"
# Jekyll's build as GitHub Pages would serve it: a folder's index.html, and the types a browser
# needs (lighttpd sends application/octet-stream for any suffix not assigned, and Chromium applies
# no stylesheet served as that).
{
    lighttpd_conf_head '"mod_staticfile"' "$static_port" "$EXPECTED" "$run/static-error.log" "$run/static-lighttpd.pid"
    lighttpd_conf_user
    cat <<'CONF'
index-file.names = ("index.html")
mimetype.assign = (
    ".html" => "text/html; charset=utf-8", ".css" => "text/css; charset=utf-8",
    ".js" => "text/javascript; charset=utf-8", ".json" => "application/json", ".xml" => "application/xml",
    ".svg" => "image/svg+xml", ".png" => "image/png", ".jpg" => "image/jpeg", ".ico" => "image/x-icon",
    ".woff2" => "font/woff2", ".woff" => "font/woff", ".ttf" => "font/ttf", ".eot" => "application/vnd.ms-fontobject",
    ".pdf" => "application/pdf", ".txt" => "text/plain; charset=utf-8", ".map" => "application/json"
)
CONF
} > "$TMP/static.conf"
for conf in folio static; do
    lighttpd -tt -f "$TMP/$conf.conf" > "$TMP/$conf-configtest.log" 2>&1 ||
        bail "lighttpd rejects its $conf configuration" "$TMP/$conf-configtest.log"
done
wait_port() {  # wait_port PID PORT: listening within 10 s
    local i
    for i in $(seq 1 100); do
        alive "$1" || return 1
        (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}
# -D: each lighttpd stays in the foreground as our child, so $! is its PID.
lighttpd -D -f "$TMP/folio.conf" > "$TMP/folio-lighttpd.out" 2>&1 < /dev/null &
FOLIO_PID=$!
lighttpd -D -f "$TMP/static.conf" > "$TMP/static-lighttpd.out" 2>&1 < /dev/null &
STATIC_PID=$!
wait_port "$FOLIO_PID" "$folio_port" ||
    bail "lighttpd (folio) did not listen on 127.0.0.1:$folio_port within 10 s" "$TMP/folio-lighttpd.out" "$run/error.log"
wait_port "$STATIC_PID" "$static_port" ||
    bail "lighttpd (static) did not listen on 127.0.0.1:$static_port within 10 s" "$TMP/static-lighttpd.out" "$run/static-error.log"
echo "# folio: http://127.0.0.1:$folio_port/ (lighttpd pid $FOLIO_PID, mod_fastcgi); Jekyll's build: http://127.0.0.1:$static_port/ (pid $STATIC_PID)"

# ---------------------------------------------------------------- 3. the screenshots

t=$(date +%s.%N)
out="$TMP/looks.out"
# As in run-browser.sh: Chromium's profile and HOME inside our folder; in the background + wait
# so that a signal runs the trap at once; timeout as a last resort behind the script's watchdog.
FOLIO_URL="http://127.0.0.1:$folio_port" JEKYLL_URL="http://127.0.0.1:$static_port" LOOKS_OUT="$OUT" \
    FOLIO_MODULES="$MODULES" TMPDIR="$TMP" HOME="$TMP/home" \
    timeout -k 10 200 node "$HERE/jekyll_looks.mjs" > "$out" 2>&1 < /dev/null &
NODE_PID=$!
wait "$NODE_PID"
rc=$?
NODE_PID=""
mkdir -p "$OUT"
cp "$out" "$OUT/looks.log"
cat "$out"
p=$(grep -c '^ok ' "$out"); f=$(grep -c '^not ok ' "$out")
PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    not_ok "jekyll_looks.mjs exited with status $rc$([ "$rc" -eq 124 ] && echo ' (timed out after 200 s)')"
elif [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
    not_ok "jekyll_looks.mjs reported no check"
fi
echo "# screenshots took $(elapsed "$t") s; shots, diffs and summary.tsv in build/reports/jekyll-looks/"
if grep -qiE 'segfault|core dumped|signal 11|signal 6' "$run/error.log"; then
    not_ok "a folio backend crashed" "$(grep -iE 'segfault|core dumped|signal' "$run/error.log" | head -5)"
fi
finish
