#!/bin/bash
# folio in a real browser: Debian's Chromium, driven by playwright-core (browser_test.mjs), looks
# at the site served by a real lighttpd whose mod_fastcgi spawns cgi-bin/folio.fcgi, configured
# as tools/serve does, on a free port of 127.0.0.1. Checked at phone (375x812) and desktop
# (1280x900) widths, light and dark: navigation and author sidebar visible, no horizontal
# overflow, the #DSP publication present and scrolled into view by /publications/#DSP, dark
# colours applied. Screenshots: build/reports/browser/*.png.
#
# Installs what is missing: Debian's chromium, nodejs, npm and lighttpd (tools/ensure-packages),
# and playwright-core (pinned by tests/browser/package-lock.json) into build/browser/ with
# `npm ci`. playwright-core downloads no browser; /usr/bin/chromium is used.
#
# Prints "ok ..." / "not ok ..." lines and ends with "RESULT passed=N failed=N skipped=N"; exit
# status 1 when anything failed. Everything it starts is stopped by PID on any exit.
#   KEEP_TMP=1   keeps the temporary folder (deploy, lighttpd.conf, logs) for a look afterwards.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/tests/browser"
MODULES="$ROOT/build/browser"            # npm ci --prefix: package.json, lock, node_modules/
SHOTS="$ROOT/build/reports/browser"      # screenshots and the browser's own log
PASSED=0 FAILED=0 SKIPPED=0
TMP="" LIGHTTPD_PID="" NODE_PID="" LOG="" CLEANED=""
T0=$(date +%s.%N)
# alive, leftovers and the lighttpd.conf pieces (functions only; pick_port is redefined below).
. "$HERE/../servers/common.sh"

ok() { PASSED=$((PASSED + 1)); echo "ok - $*"; }
# A set-up step that worked: said, not counted (a failed one bails, counting a failure).
setup_done() { echo "# set-up: $*"; }
not_ok() {  # not_ok NAME [DETAIL...]
    FAILED=$((FAILED + 1)); echo "not ok - $1"; shift
    local d; for d in "$@"; do printf '#   %s\n' "$d"; done
}
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
log_tail() {  # log_tail FILE [LINES]
    if [ -n "$1" ] && [ -s "$1" ]; then
        echo "# --- last lines of $1"; tail -n "${2:-30}" "$1" | sed 's/^/#   /'
    fi
}

wait_gone() {  # wait_gone PID SECONDS
    local i
    for ((i = 0; i < $2 * 10; i++)); do alive "$1" || return 0; sleep 0.1; done
    ! alive "$1"
}
# Stops lighttpd (SIGTERM to its PID; it stops the folio backends it spawned), then ends any
# process of this run still there, one by one by PID. Returns 1 when something had to be killed.
stop_all() {
    local rc=0 pids p
    if [ -n "$NODE_PID" ] && alive "$NODE_PID"; then
        # timeout passes SIGTERM on to node; Playwright then closes Chromium.
        kill -TERM "$NODE_PID" 2>/dev/null
        wait_gone "$NODE_PID" 15 || kill -KILL "$NODE_PID" 2>/dev/null
        [ -s "${TMP:-/nonexistent}/browser.out" ] && sed 's/^/#   browser: /' "$TMP/browser.out" | tail -5
    fi
    NODE_PID=""
    if [ -n "$LIGHTTPD_PID" ] && alive "$LIGHTTPD_PID"; then
        kill -TERM "$LIGHTTPD_PID" 2>/dev/null
        if ! wait_gone "$LIGHTTPD_PID" 10; then
            echo "# lighttpd (pid $LIGHTTPD_PID) did not exit within 10 s of SIGTERM: killed"
            kill -KILL "$LIGHTTPD_PID" 2>/dev/null; wait_gone "$LIGHTTPD_PID" 5; rc=1
        fi
    fi
    [ -n "$LIGHTTPD_PID" ] && wait "$LIGHTTPD_PID" 2>/dev/null
    LIGHTTPD_PID=""
    pids=$(leftovers)
    if [ -n "$pids" ]; then sleep 1; pids=$(leftovers); fi
    if [ -n "$pids" ]; then
        for p in $pids; do
            echo "# left running, killed: $p $(tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | cut -c1-150)"
            kill -KILL "$p" 2>/dev/null
        done
        rc=1
    fi
    return $rc
}

# Stops everything (reporting whether that went cleanly), shows lighttpd's log on failure,
# removes the temporary folder, prints the RESULT line and exits (1 when anything failed).
finish() {
    trap - EXIT INT TERM
    if [ -z "$CLEANED" ]; then
        CLEANED=1
        if [ -n "$LIGHTTPD_PID" ]; then
            if stop_all; then ok "lighttpd and its folio backends stopped by PID, nothing of this run left running"
            else not_ok "processes of this run had to be killed (see above)"; fi
        else
            stop_all
        fi
        [ "$FAILED" -gt 0 ] && log_tail "$LOG" 40
        if [ -n "$TMP" ] && [ -d "$TMP" ]; then
            if [ -n "${KEEP_TMP:-}" ]; then echo "# kept $TMP"; else rm -rf "$TMP"; fi
        fi
    fi
    echo "# browser tests took $(elapsed "$T0") s"
    echo "RESULT passed=$PASSED failed=$FAILED skipped=$SKIPPED"
    [ "$FAILED" -eq 0 ] && exit 0
    exit 1
}
bail() {  # bail MESSAGE [LOGFILE...]: one failure, the logs, and out
    local msg=$1 f; shift
    not_ok "$msg"
    for f in "$@"; do log_tail "$f" 40; done
    finish
}
trap 'finish' EXIT
trap 'not_ok "interrupted"; finish' INT TERM

# This script's own pick_port (any port 20000-59999 that nobody answers on), not common.sh's.
pick_port() {  # a TCP port of 127.0.0.1 that nobody answers on
    local i p
    for i in $(seq 1 100); do
        p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
    done
    return 1
}

# ---------------------------------------------------------------- 1. what it needs

t=$(date +%s.%N)
pkgs="chromium lighttpd"
# nodejs and npm by command, not by Debian package name: a machine whose nodejs comes from
# elsewhere (e.g. NodeSource's, which bundles npm and Conflicts: npm) has no Debian "npm" package
# and cannot install one.
command -v node > /dev/null 2>&1 || pkgs="$pkgs nodejs"
command -v npm > /dev/null 2>&1 || pkgs="$pkgs npm"
# shellcheck disable=SC2086
"$ROOT/tools/ensure-packages" $pkgs || bail "cannot install Debian packages: $pkgs"
for c in /usr/bin/chromium node npm lighttpd; do
    command -v "$c" > /dev/null 2>&1 || bail "$c is missing after installing $pkgs"
done

# playwright-core, pinned by package-lock.json, into build/browser/ (npm ci only when what is
# installed is not what the lock names).
want=$(sed -n '/"node_modules\/playwright-core"/,/}/s/.*"version": *"\([^"]*\)".*/\1/p' "$HERE/package-lock.json" | head -1)
have=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$MODULES/node_modules/playwright-core/package.json" 2>/dev/null | head -1)
if [ -z "$want" ]; then
    bail "tests/browser/package-lock.json names no playwright-core version"
elif [ "$have" != "$want" ] || ! cmp -s "$HERE/package-lock.json" "$MODULES/package-lock.json"; then
    echo "# installing playwright-core $want into build/browser/ (npm ci)"
    mkdir -p "$MODULES"
    cp "$HERE/package.json" "$HERE/package-lock.json" "$MODULES/"
    # No browser download: playwright-core never does; the variable is for belt and braces.
    if ! (cd "$MODULES" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 timeout 300 \
            npm ci --no-audit --no-fund --loglevel=error > "$MODULES/npm-ci.log" 2>&1); then
        bail "npm ci of playwright-core $want failed" "$MODULES/npm-ci.log"
    fi
fi
setup_done "chromium, node $(node --version), npm $(npm --version), lighttpd and playwright-core $want present ($(elapsed "$t") s)"

# folio itself: built when missing or older than a source file.
if [ ! -x "$ROOT/cgi-bin/folio.fcgi" ] ||
    [ -n "$(find "$ROOT/src" -newer "$ROOT/cgi-bin/folio.fcgi" -name '*.[ch]*' 2>/dev/null | head -1)" ]; then
    mkdir -p "$SHOTS"
    make -C "$ROOT" --no-print-directory cgi-bin/folio.fcgi > "$SHOTS/make.log" 2>&1 ||
        bail "cannot build cgi-bin/folio.fcgi (build/reports/browser/make.log)" "$SHOTS/make.log"
fi

# ---------------------------------------------------------------- 2. lighttpd + folio

t=$(date +%s.%N)
TMP=$(mktemp -d /tmp/folio-browser.XXXXXX) || { TMP=""; bail "cannot make a temporary folder"; }
chmod 755 "$TMP"
# A copy of the site, as `make install` lays it out, so that www-data can reach every file
# whatever the checkout's folder permissions (a clone under /root is not readable by www-data).
deploy="$TMP/deploy"; run="$TMP/run"
mkdir -p "$deploy/cgi-bin" "$run" "$TMP/docroot" "$TMP/home"
cp "$ROOT/cgi-bin/folio.fcgi" "$ROOT/cgi-bin/folio.ini" "$deploy/cgi-bin/"
cp -R "$ROOT/content" "$ROOT/templates" "$deploy/"
chmod -R a+rX "$deploy"
LOG="$run/error.log"; : > "$LOG"
# Run as root, lighttpd drops to www-data: it must reach the socket folder and its log.
[ "$(id -u)" -eq 0 ] && chown www-data:www-data "$run" "$LOG"
port=$(pick_port) || bail "no free port on 127.0.0.1"
{
    lighttpd_conf_head '"mod_fastcgi"' "$port" "$TMP/docroot" "$LOG" "$run/lighttpd.pid"
    lighttpd_conf_user
    lighttpd_conf_fastcgi / "$deploy/cgi-bin/folio.fcgi" "$run/folio.sock" 2
} > "$TMP/lighttpd.conf"
lighttpd -tt -f "$TMP/lighttpd.conf" > "$TMP/configtest.log" 2>&1 ||
    bail "lighttpd rejects its configuration" "$TMP/configtest.log"
# -D: lighttpd stays in the foreground as our child, so $! is its PID.
lighttpd -D -f "$TMP/lighttpd.conf" > "$TMP/lighttpd.out" 2>&1 < /dev/null &
LIGHTTPD_PID=$!
up=""
for _ in $(seq 1 100); do
    alive "$LIGHTTPD_PID" || break
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then up=1; break; fi
    sleep 0.1
done
[ -n "$up" ] || bail "lighttpd did not start listening on 127.0.0.1:$port within 10 s" "$TMP/lighttpd.out" "$LOG"
setup_done "lighttpd (pid $LIGHTTPD_PID) serving folio through mod_fastcgi on http://127.0.0.1:$port/ ($(elapsed "$t") s)"

# ---------------------------------------------------------------- 3. the browser

t=$(date +%s.%N)
mkdir -p "$SHOTS"
rm -f "$SHOTS"/*.png
out="$TMP/browser.out"
# TMPDIR: Playwright makes Chromium's fresh profile (user data dir) there, inside our folder;
# HOME: Chromium writes nothing into the real home. timeout: the script has its own watchdog
# (SIGTERM makes Playwright close Chromium); -k in case that does not help.
# In the background + wait: a SIGTERM/SIGINT to this script runs its trap at once (bash defers
# traps while a foreground command runs), and the trap stops node by its PID.
FOLIO_URL="http://127.0.0.1:$port" FOLIO_SHOTS="$SHOTS" FOLIO_MODULES="$MODULES" \
    TMPDIR="$TMP" HOME="$TMP/home" \
    timeout -k 10 300 node "$HERE/browser_test.mjs" > "$out" 2>&1 < /dev/null &
NODE_PID=$!
wait "$NODE_PID"
rc=$?
NODE_PID=""
cp "$out" "$SHOTS/browser.log"
cat "$out"
p=$(grep -c '^ok ' "$out"); f=$(grep -c '^not ok ' "$out"); s=$(grep -c '^ok .*# SKIP' "$out")
PASSED=$((PASSED + p - s)); FAILED=$((FAILED + f)); SKIPPED=$((SKIPPED + s))
if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    not_ok "browser_test.mjs exited with status $rc$([ "$rc" -eq 124 ] && echo ' (timed out after 300 s)')"
elif [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
    not_ok "browser_test.mjs reported no check"
fi
echo "# browser checks took $(elapsed "$t") s; screenshots in build/reports/browser/"

if grep -qiE 'segfault|core dumped|signal 11|signal 6' "$LOG"; then
    not_ok "a folio backend crashed" "$(grep -iE 'segfault|core dumped|signal' "$LOG" | head -5)"
fi

finish
