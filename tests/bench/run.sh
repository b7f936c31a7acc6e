#!/bin/bash
# folio's benchmark (`make bench`): FastCGI throughput behind lighttpd against a libfcgi floor
# program and a static export, one CGI request against a trivial C CGI, memory per worker and the
# time to load a site's index. Prints a table of every figure with its target, MET or NOT MET.
#
# It measures; it does not judge: it exits 0 whether targets are met or not, and non-zero only
# when the benchmark itself broke (build failed, a server did not start, a program answered
# other bytes than expected...). Everything runs on 127.0.0.1; every server is stopped by its PID.
#
# Environment:
#   FOLIO_TREE=DIR        the checkout to build and measure (default: this repository), e.g. a
#                         clean clone while src/ is being edited
#   BENCH_ROUNDS=5        interleaved wrk rounds
#   BENCH_DURATION=3      seconds per wrk run
#   BENCH_CONNECTIONS=16  wrk connections (one wrk thread)
#   BENCH_OUT=DIR         where the raw outputs and report.txt go (default: build/bench)
#   BENCH_KEEP=1          keep the temporary folder (sites, lighttpd configs and logs)
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
# pick_port (and alive/leftovers, which this script redefines or does not use): functions only.
. "$HERE/../servers/common.sh"
ROOT=$(cd "$HERE/../.." && pwd)
TREE=$(cd "${FOLIO_TREE:-$ROOT}" 2>/dev/null && pwd) || { echo "bench: FOLIO_TREE=$FOLIO_TREE is not a folder" >&2; exit 2; }
ROUNDS=${BENCH_ROUNDS:-5}
DURATION=${BENCH_DURATION:-3}
CONNS=${BENCH_CONNECTIONS:-16}
OUT=${BENCH_OUT:-$ROOT/build/bench}
PY=/usr/bin/python3
URLS=(/ /about/ /nowhere/)          # home page, a redirect (/about/ -> /), a 404
TARGETS=(folio floor static)

unset FOLIO_CONFIG   # each deploy's folio.ini beside its binary is the one meant
TMP=""
PIDFILES=()   # lighttpd pid files, stopped in reverse order by cleanup
T_START=$(date +%s)

say() { echo "bench: $*" >&2; }
die() {  # die MESSAGE [LOGFILE...]: the benchmark broke
    local f
    say "BROKEN: $1"; shift
    for f in "$@"; do [ -s "$f" ] && { echo "--- $f" >&2; tail -n 30 "$f" >&2; }; done
    exit 1
}

alive() { [ -r "/proc/$1/stat" ] && [ "$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" != Z ]; }
wait_gone() {  # wait_gone PID SECONDS
    local i
    for ((i = 0; i < $2 * 10; i++)); do alive "$1" || return 0; sleep 0.1; done
    ! alive "$1"
}
ppid_of() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f2; }
# workers_of PID BINARY: children of PID whose executable is BINARY (lighttpd's FastCGI workers).
workers_of() {
    local p
    for p in /proc/[0-9]*; do
        [ "$(ppid_of "${p#/proc/}")" = "$1" ] && [ "$(readlink "$p/exe" 2>/dev/null)" = "$2" ] && echo "${p#/proc/}"
    done
}
stop_pidfile() {
    local pid kids k
    [ -s "$1" ] || return 0
    pid=$(tr -dc 0-9 < "$1")
    [ -n "$pid" ] && alive "$pid" || { rm -f "$1"; return 0; }
    kids=$(for k in /proc/[0-9]*; do [ "$(ppid_of "${k#/proc/}")" = "$pid" ] && echo "${k#/proc/}"; done)
    kill -TERM "$pid" 2>/dev/null
    if ! wait_gone "$pid" 10; then say "lighttpd $pid did not stop within 10 s of SIGTERM; SIGKILL"; kill -KILL "$pid" 2>/dev/null; wait_gone "$pid" 5; fi
    # lighttpd stops its FastCGI workers with SIGTERM; make sure none is left behind.
    for k in $kids; do
        if ! wait_gone "$k" 5; then say "worker $k still running after lighttpd stopped; SIGKILL"; kill -KILL "$k" 2>/dev/null; fi
    done
    rm -f "$1"
}
cleanup() {
    local i
    for ((i = ${#PIDFILES[@]} - 1; i >= 0; i--)); do stop_pidfile "${PIDFILES[$i]}"; done
    PIDFILES=()
    if [ -n "$TMP" ] && [ -d "$TMP" ]; then
        if [ "${BENCH_KEEP:-}" = 1 ]; then say "kept $TMP"; else rm -rf "$TMP"; fi
    fi
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT TERM

# cpu_busy: how many cores' worth of CPU the machine used over one second (called while the
# benchmark itself is idle, so this is what other processes take).
cpu_busy() {
    local a b i ta=0 tb=0
    read -ra a < <(head -1 /proc/stat); sleep 1; read -ra b < <(head -1 /proc/stat)
    for i in 1 2 3 4 5 6 7 8; do ta=$((ta + a[i])); tb=$((tb + b[i])); done
    awk -v idle=$(((b[4] + b[5]) - (a[4] + a[5]))) -v t=$((tb - ta)) -v n="$(nproc)" \
        'BEGIN { printf "%.2f", (t > 0 ? (t - idle) / t * n : 0) }'
}

# ------------------------------------------------------------------ tools and the binary

"$ROOT/tools/ensure-packages" g++ make libfcgi-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libinih-dev \
    libyaml-cpp-dev libkainjow-mustache-dev libsass-dev zlib1g-dev \
    lighttpd wrk hyperfine gcc libc6-dev python3 curl || die "cannot install the Debian packages the benchmark needs"

say "building $TREE/build/static/folio.fcgi (the fully static binary that make dist ships)"
make -C "$TREE" --no-print-directory build/static/folio.fcgi >&2 ||
    die "cannot build $TREE/build/static/folio.fcgi (if src/ is mid-edit: git clone to a folder, build there, run with FOLIO_TREE=that folder)"
BIN="$TREE/build/static/folio.fcgi"
[ -x "$BIN" ] || die "$BIN is missing"
case $(LC_ALL=C ldd "$BIN" 2>&1) in *"not a dynamic executable"*) LINKAGE=static ;; *) LINKAGE="DYNAMIC (not the shipped build!)" ;; esac

TMP=$(mktemp -d /tmp/folio-bench.XXXXXX) || die "cannot make a temporary folder"
chmod 755 "$TMP"
rm -rf "$OUT/raw" "$OUT/wrk.tsv" "$OUT/mem.tsv" "$OUT/cold.tsv" "$OUT/status.tsv" "$OUT/meta.txt" "$OUT/report.txt"
mkdir -p "$OUT/raw" || die "cannot make $OUT"
SITES="$TMP/sites"
mkdir -p "$SITES"

# ------------------------------------------------------------------ sites

# deploy_bins SITE_DIR: SITE/cgi-bin/ (disk cache in $TMP/cache/NAME) and SITE/cgi-bin-nocache/
# (cache = off), each with a copy of the static binary and its folio.ini beside it, as uploaded.
deploy_bins() {
    local site=$1 name; name=$(basename "$1")
    # The cache folder's parent must be private too: folio checks that for paths in /tmp/folio-*.
    mkdir -p "$site/cgi-bin-nocache" "$TMP/cache" && chmod 700 "$TMP/cache"
    cp "$BIN" "$site/cgi-bin/folio.fcgi" && cp "$BIN" "$site/cgi-bin-nocache/folio.fcgi" || return 1
    sed -i '/^cache *=/d' "$site/cgi-bin/folio.ini"
    sed '/^\[paths\]/a cache = off' "$site/cgi-bin/folio.ini" > "$site/cgi-bin-nocache/folio.ini"
    sed -i "/^\[paths\]/a cache = $TMP/cache/$name" "$site/cgi-bin/folio.ini"
    grep -q "^cache = off" "$site/cgi-bin-nocache/folio.ini" && grep -q "^cache = $TMP/cache/$name" "$site/cgi-bin/folio.ini"
}

say "laying out the default site and generating the 1,000- and 10,000-page sites"
mkdir -p "$SITES/default/cgi-bin"
cp -R "$TREE/content" "$TREE/templates" "$SITES/default/" && cp "$TREE/cgi-bin/folio.ini" "$SITES/default/cgi-bin/" ||
    die "cannot copy the default site from $TREE"
deploy_bins "$SITES/default" || die "cannot lay out the default site"
for n in 1000 10000; do
    "$PY" "$HERE/gen_site.py" "$SITES/p$n" "$n" "$TREE/templates" >&2 || die "gen_site.py $n failed"
    deploy_bins "$SITES/p$n" || die "cannot lay out the $n-page site"
done
chmod -R a+rX "$SITES"
for s in default p1000 p10000; do
    "$SITES/$s/cgi-bin/folio.fcgi" --check > "$OUT/raw/check-$s.txt" 2>&1 || die "folio --check fails on the $s site" "$OUT/raw/check-$s.txt"
done

# cgi SITE_BIN URI: one CGI request, as a web server runs it.
cgi() { env -i PATH=/usr/bin:/bin REQUEST_METHOD=GET REQUEST_URI="$2" SERVER_PROTOCOL=HTTP/1.1 GATEWAY_INTERFACE=CGI/1.1 "$1" < /dev/null; }

# The bytes folio answers, captured once from the real binary in CGI mode: for the floor program
# (default site) and the trivial CGIs (each site's home page).
FLOOR_DIR="$TMP/floor"
mkdir -p "$FLOOR_DIR"
cgi "$SITES/default/cgi-bin/folio.fcgi" / > "$FLOOR_DIR/home"
cgi "$SITES/default/cgi-bin/folio.fcgi" /about/ > "$FLOOR_DIR/redirect"
cgi "$SITES/default/cgi-bin/folio.fcgi" /nowhere/ > "$FLOOR_DIR/notfound"
head -c 15 "$FLOOR_DIR/home" | grep -q '^Status: 200' || die "folio's CGI answer to / is not a 200" "$FLOOR_DIR/home"
head -c 15 "$FLOOR_DIR/redirect" | grep -q '^Status: 301' || die "folio's CGI answer to /about/ is not a 301" "$FLOOR_DIR/redirect"
head -c 15 "$FLOOR_DIR/notfound" | grep -q '^Status: 404' || die "folio's CGI answer to /nowhere/ is not a 404" "$FLOOR_DIR/notfound"
chmod -R a+rX "$FLOOR_DIR"

say "compiling the floor program (libfcgi) and the trivial CGIs (static C)"
gcc -O2 -Wall -o "$TMP/floor.fcgi" "$HERE/floor.c" -lfcgi 2> "$OUT/raw/gcc-floor.txt" || die "cannot compile floor.c" "$OUT/raw/gcc-floor.txt"
for s in default p1000 p10000; do
    cgi "$SITES/$s/cgi-bin/folio.fcgi" / > "$TMP/home-$s.http"
    "$PY" -c 'import sys; d = open(sys.argv[1], "rb").read()
print("static const char response[] = \"" + "".join("\\%03o" % b for b in d) + "\";")' "$TMP/home-$s.http" > "$TMP/home-$s.h"
    gcc -O2 -static -Wall -DRESPONSE_H="\"$TMP/home-$s.h\"" -o "$TMP/trivial-$s.cgi" "$HERE/trivial_cgi.c" 2> "$OUT/raw/gcc-trivial.txt" ||
        die "cannot compile trivial_cgi.c" "$OUT/raw/gcc-trivial.txt"
    cgi "$TMP/trivial-$s.cgi" / | cmp -s - "$TMP/home-$s.http" || die "the trivial CGI does not print folio's bytes for the $s site"
    [ -n "$(find "$TMP/cache/$s" -type f 2>/dev/null)" ] || die "folio's CGI disk cache ($TMP/cache/$s) stored nothing: 'warm' would not be warm"
    cgi "$SITES/$s/cgi-bin/folio.fcgi" / | cmp -s - "$TMP/home-$s.http" || die "folio's warm CGI answer differs from its first one on the $s site"
done

say "exporting the default site (folio --export) for the static server"
"$SITES/default/cgi-bin/folio.fcgi" --export "$TMP/export" > "$OUT/raw/export.txt" 2>&1 || die "folio --export failed" "$OUT/raw/export.txt"
mkdir -p "$TMP/errors" && cp "$TMP/export/404.html" "$TMP/errors/status-404.html" || die "the export has no 404.html"
chmod -R a+rX "$TMP/export" "$TMP/errors"
# The export's redirects (_redirects: "FROM TO 301"), as lighttpd mod_redirect rules.
REDIRECT_RULES=$(awk '!/^#/ && !/\?/ { print $1, $2 }' "$TMP/export/_redirects" | while read -r from to; do
    printf '"^%s$" => "%s", ' "$(printf '%s' "$from" | sed 's/[.^$*+()[{|\\]/\\&/g')" "$to"; done)

# ------------------------------------------------------------------ lighttpd

# start_lighttpd NAME KIND ARG: KIND folio (ARG = the binary), floor, or static (ARG = docroot).
# Sets PORT and PIDFILE_OF[NAME]. One FastCGI worker (max-procs 1), an access log ("%s %U") to
# check every status afterwards.
declare -A PORT_OF PIDFILE_OF
start_lighttpd() {
    local name=$1 kind=$2 arg=$3 run="$TMP/run/$1" port i
    mkdir -p "$run/empty"
    port=$(pick_port) || die "no free port for $name"
    {
        echo 'server.modules = ("mod_indexfile", "mod_staticfile", "mod_redirect", "mod_fastcgi", "mod_accesslog")'
        echo 'server.bind = "127.0.0.1"'
        echo "server.port = $port"
        echo "server.errorlog = \"$run/error.log\""
        echo "server.pid-file = \"$run/lighttpd.pid\""
        echo "accesslog.filename = \"$run/access.log\""
        echo 'accesslog.format = "%s %U"'
        echo 'mimetype.assign = (".html" => "text/html; charset=utf-8", ".css" => "text/css; charset=utf-8", ".svg" => "image/svg+xml", ".xml" => "application/xml; charset=utf-8", ".txt" => "text/plain; charset=utf-8")'
        if [ "$(id -u)" -eq 0 ]; then echo 'server.username = "www-data"'; echo 'server.groupname = "www-data"'; fi
        case $kind in
            static)
                echo "server.document-root = \"$arg\""
                echo 'index-file.names = ("index.html")'
                echo "url.redirect = ( $REDIRECT_RULES )"
                echo 'url.redirect-code = 301'
                echo "server.errorfile-prefix = \"$TMP/errors/status-\""
                ;;
            folio | floor)
                echo "server.document-root = \"$run/empty\""
                echo 'fastcgi.server = ("/" => (('
                echo "    \"bin-path\" => \"$arg\","
                [ "$kind" = floor ] && echo "    \"bin-environment\" => (\"FLOOR_DIR\" => \"$FLOOR_DIR\"),"
                echo "    \"socket\" => \"$run/backend.sock\","
                echo '    "check-local" => "disable",'
                echo '    "fix-root-scriptname" => "enable",'
                echo '    "max-procs" => 1'
                echo ')))'
                ;;
        esac
    } > "$run/lighttpd.conf"
    : > "$run/error.log"; : > "$run/access.log"
    [ "$(id -u)" -eq 0 ] && chown -R www-data:www-data "$run"
    lighttpd -f "$run/lighttpd.conf" > "$run/start.log" 2>&1 || die "$name: lighttpd did not start" "$run/start.log" "$run/error.log"
    PIDFILES+=("$run/lighttpd.pid")
    local up=no
    for i in $(seq 1 100); do
        [ -s "$run/lighttpd.pid" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && { up=yes; break; }
        sleep 0.1
    done
    [ "$up" = yes ] || die "$name: lighttpd is not listening on 127.0.0.1:$port after 10 s" "$run/error.log"
    PORT_OF[$name]=$port
    PIDFILE_OF[$name]="$run/lighttpd.pid"
}
lighttpd_pid() { tr -dc 0-9 < "${PIDFILE_OF[$1]}"; }
# mem_of NAME BINARY LABEL: records VmHWM and VmRSS of the one FastCGI worker of server NAME.
mem_of() {
    local pids pid hwm rss
    pids=$(workers_of "$(lighttpd_pid "$1")" "$2")
    [ "$(echo "$pids" | grep -c .)" = 1 ] || die "$1: expected exactly one FastCGI worker running $2, found: ${pids:-none}"
    pid=$pids
    hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status"); rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
    printf '%s\t%s\t%s\t%s\n' "$3" "$1" "$hwm" "$rss" >> "$OUT/mem.tsv"
}
# curl_parts NAME PATH PREFIX: status line, headers without Date, and body of one response.
curl_parts() {
    curl -s --path-as-is -D "$3.head" -o "$3.body" "http://127.0.0.1:${PORT_OF[$1]}$2" || die "$1: curl $2 failed"
    grep -vi '^Date:' "$3.head" | tr -d '\r' > "$3.h"
}

say "starting lighttpd: folio (FastCGI), floor (libfcgi), static (the export)"
start_lighttpd folio folio "$SITES/default/cgi-bin/folio.fcgi"
start_lighttpd floor floor "$TMP/floor.fcgi"
start_lighttpd static static "$TMP/export"

# Same answers: the floor must send folio's exact bytes; the static server folio's home page.
for u in "${URLS[@]}"; do
    curl_parts folio "$u" "$TMP/c-folio"; curl_parts floor "$u" "$TMP/c-floor"
    cmp -s "$TMP/c-folio.h" "$TMP/c-floor.h" && cmp -s "$TMP/c-folio.body" "$TMP/c-floor.body" ||
        die "the floor program does not answer folio's bytes for $u" "$TMP/c-folio.h" "$TMP/c-floor.h"
    curl_parts static "$u" "$TMP/c-static"
    want=$(head -1 "$TMP/c-folio.h" | cut -d' ' -f2); got=$(head -1 "$TMP/c-static.h" | cut -d' ' -f2)
    [ "$want" = "$got" ] || die "the static server answers $got to $u, folio $want" "$TMP/c-static.h"
done
curl_parts folio / "$TMP/c-folio"; curl_parts static / "$TMP/c-static"
STATIC_SAME=yes; cmp -s "$TMP/c-folio.body" "$TMP/c-static.body" || STATIC_SAME=no
# Every redirect of the export is a 301 from the static server too.
awk '!/^#/ && !/\?/ { print $1 }' "$TMP/export/_redirects" | while read -r from; do
    code=$(curl -s --path-as-is -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT_OF[static]}$from")
    [ "$code" = 301 ] || die "the static server answers $code to $from, not 301"
done || exit 1

# ------------------------------------------------------------------ wrk, interleaved

# run_wrk NAME PATH LABEL ROUND [SECONDS]: one wrk run; appends its summary to wrk.tsv.
run_wrk() {
    local raw line
    raw="$OUT/raw/wrk-$3-$1-$(echo "$2" | tr -c 'a-z0-9\n' _)-$4.txt"
    wrk -t1 -c"$CONNS" -d"${5:-$DURATION}s" --latency -s "$HERE/wrk_report.lua" "http://127.0.0.1:${PORT_OF[$1]}$2" > "$raw" 2>&1 ||
        die "wrk failed against $1 $2" "$raw"
    line=$(grep '^BENCH ' "$raw") || die "wrk printed no summary line" "$raw"
    printf '%s\t%s\t%s\t%s\t%s\n' "$3" "$1" "$2" "$4" "${line#BENCH }" >> "$OUT/wrk.tsv"
}
BUSY_FASTCGI=$(cpu_busy)
say "warm-up: one 1 s wrk run per server and path (not counted)"
for u in "${URLS[@]}"; do for t in "${TARGETS[@]}"; do run_wrk "$t" "$u" warmup 0 1; done; done
say "$ROUNDS rounds of wrk -t1 -c$CONNS -d${DURATION}s, interleaved (server order rotates each round)"
for ((r = 1; r <= ROUNDS; r++)); do
    for u in "${URLS[@]}"; do
        for ((k = 0; k < ${#TARGETS[@]}; k++)); do
            run_wrk "${TARGETS[$(((k + r) % ${#TARGETS[@]}))]}" "$u" main "$r"
        done
    done
    say "round $r of $ROUNDS done"
done

# ------------------------------------------------------------------ memory, default site

sitemap_paths() {  # sitemap_paths NAME: the site paths of its sitemap.xml
    curl -s "http://127.0.0.1:${PORT_OF[$1]}/sitemap.xml" | sed -n 's#.*<loc>[a-z]*://[^/]*\(/[^<]*\)</loc>.*#\1#p'
}
mem_of folio "$SITES/default/cgi-bin/folio.fcgi" "default:after-wrk"
mem_of floor "$TMP/floor.fcgi" "floor:after-wrk"
sitemap_paths folio > "$TMP/paths-default"
"$PY" "$HERE/crawl.py" "${PORT_OF[folio]}" "$TMP/paths-default" > "$OUT/raw/crawl-default.txt" 2>&1 || die "crawl of the default site failed" "$OUT/raw/crawl-default.txt"
mem_of folio "$SITES/default/cgi-bin/folio.fcgi" "default:after-crawl"

# ------------------------------------------------------------------ the 10,000-page site over FastCGI

say "10,000-page site: folio behind lighttpd, wrk on the three paths, then a crawl of its sitemap"
start_lighttpd folio10k folio "$SITES/p10000/cgi-bin/folio.fcgi"
for i in $(seq 1 100); do  # the worker loads the index before it answers: wait for a first 200
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT_OF[folio10k]}/")" = 200 ] && break
    sleep 0.1
done
mem_of folio10k "$SITES/p10000/cgi-bin/folio.fcgi" "p10000:after-first-request"
for u in "${URLS[@]}"; do run_wrk folio10k "$u" p10000 1; done
mem_of folio10k "$SITES/p10000/cgi-bin/folio.fcgi" "p10000:after-wrk"
sitemap_paths folio10k > "$TMP/paths-p10000"
"$PY" "$HERE/crawl.py" "${PORT_OF[folio10k]}" "$TMP/paths-p10000" > "$OUT/raw/crawl-p10000.txt" 2>&1 || die "crawl of the 10,000-page site failed" "$OUT/raw/crawl-p10000.txt"
mem_of folio10k "$SITES/p10000/cgi-bin/folio.fcgi" "p10000:after-crawl"

# Every server stopped; lighttpd flushes its access log on exit. Then: every status as expected?
cleanup_servers() {
    local i
    for ((i = ${#PIDFILES[@]} - 1; i >= 0; i--)); do stop_pidfile "${PIDFILES[$i]}"; done
    PIDFILES=()
}
cleanup_servers
for name in folio floor static folio10k; do
    sort "$TMP/run/$name/access.log" | uniq -c | awk -v n="$name" '{ printf "%s\t%s\t%s\t%s\n", n, $3, $2, $1 }'
done > "$OUT/status.tsv"
for name in folio floor static folio10k; do
    grep -v -e '^$' -e '(server.c.[0-9]*) server started' -e '(server.c.[0-9]*) server stopped' "$TMP/run/$name/error.log" | sed "s/^/$name: /"
done > "$OUT/raw/lighttpd-errors.txt"

# ------------------------------------------------------------------ index load time (cold worker)

say "index load time: a cold FastCGI worker's first answer"
for s in default:7 p1000:5 p10000:5; do
    name=${s%%:*}
    line=$("$PY" "$HERE/fcgi_cold.py" "$BIN" "$SITES/$name/cgi-bin-nocache/folio.ini" "${s#*:}" 2> "$OUT/raw/cold-$name.txt") ||
        die "fcgi_cold.py failed on the $name site" "$OUT/raw/cold-$name.txt"
    printf '%s\t%s\n' "$name" "$line" >> "$OUT/cold.tsv"
done

# ------------------------------------------------------------------ CGI: one request (hyperfine)

BUSY_CGI=$(cpu_busy)
say "CGI: hyperfine, one request: trivial C CGI, folio warm (disk cache hit), after an edit (index cache), cold (cache = off)"
# A clean environment, as a web server gives a CGI: only PATH, HOME and the CGI variables.
cgi_env=(env -i PATH=/usr/bin:/bin HOME="${HOME:-/root}" REQUEST_METHOD=GET REQUEST_URI=/ SERVER_PROTOCOL=HTTP/1.1 GATEWAY_INTERFACE=CGI/1.1)
CGI_ROUNDS=3 CGI_RUNS=1000
for s in default p1000 p10000; do
    # trivial and warm: CGI_ROUNDS rounds of CGI_RUNS runs each, their order swapped every round.
    for ((r = 1; r <= CGI_ROUNDS; r++)); do
        pair=(-n trivial "$TMP/trivial-$s.cgi" -n folio-warm "$SITES/$s/cgi-bin/folio.fcgi")
        [ $((r % 2)) = 0 ] && pair=(-n folio-warm "$SITES/$s/cgi-bin/folio.fcgi" -n trivial "$TMP/trivial-$s.cgi")
        "${cgi_env[@]}" hyperfine -N --style basic --warmup 20 --runs "$CGI_RUNS" --export-json "$OUT/raw/cgi-$s-fast-$r.json" \
            "${pair[@]}" > "$OUT/raw/cgi-$s-fast-$r.txt" 2>&1 || die "hyperfine failed ($s)" "$OUT/raw/cgi-$s-fast-$r.txt"
    done
    cold_opts=(--warmup 5)
    [ "$s" = p10000 ] && cold_opts=(--warmup 1 --runs 10)
    # edit: the first request after a page was edited, with the disk cache on. Before each run the
    # prepare step touches one content file (not the page asked for) and removes the recent
    # fingerprint, as if more than a second had passed: the response cache misses, and the index
    # cache (<cache>/index) gives every page but the touched one without parsing it.
    edited=$(find "$SITES/$s/content" -name '*.md' ! -name index.md ! -name about.md | sort | head -1)
    printf '#!/bin/sh\ntouch "%s" && rm -f "%s/fingerprint"\n' "$edited" "$TMP/cache/$s" > "$TMP/edit-$s.sh"
    chmod +x "$TMP/edit-$s.sh"
    "${cgi_env[@]}" hyperfine -N --style basic "${cold_opts[@]}" --export-json "$OUT/raw/cgi-$s-cold.json" \
        --prepare "$TMP/edit-$s.sh" -n folio-edit "$SITES/$s/cgi-bin/folio.fcgi" \
        --prepare true -n folio-cold "$SITES/$s/cgi-bin-nocache/folio.fcgi" > "$OUT/raw/cgi-$s-cold.txt" 2>&1 ||
        die "hyperfine failed ($s, edit and cold)" "$OUT/raw/cgi-$s-cold.txt"
    [ -s "$TMP/cache/$s/index" ] || die "folio's CGI index cache ($TMP/cache/$s/index) was not written: 'edit' would measure a full parse"
done

# ------------------------------------------------------------------ report

{
    echo "binary=$BIN"
    echo "linkage=$LINKAGE"
    echo "binary_bytes=$(stat -c %s "$BIN")"
    echo "tree=$TREE"
    echo "commit=$(git -C "$TREE" rev-parse --short HEAD 2>/dev/null || echo unknown)$([ -n "$(git -C "$TREE" status --porcelain -- src 2>/dev/null)" ] && echo ' (src/ has uncommitted changes)')"
    echo "cpus=$(nproc)"
    echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
    echo "kernel=$(uname -r)"
    echo "lighttpd=$(lighttpd -v 2>&1 | head -1 | cut -d' ' -f1)"
    echo "wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f2)"
    echo "hyperfine=$(hyperfine --version | cut -d' ' -f2)"
    echo "rounds=$ROUNDS"
    echo "duration=$DURATION"
    echo "connections=$CONNS"
    echo "cgi_rounds=$CGI_ROUNDS"
    echo "cgi_runs=$CGI_RUNS"
    echo "static_same=$STATIC_SAME"
    echo "busy_fastcgi=$BUSY_FASTCGI"
    echo "busy_cgi=$BUSY_CGI"
    echo "busy_end=$(cpu_busy)"
    echo "pages_default=$(grep -o '^folio: [0-9]* pages' "$OUT/raw/check-default.txt" | tr -dc 0-9)"
    echo "crawl_default=$(cat "$OUT/raw/crawl-default.txt")"
    echo "crawl_p10000=$(cat "$OUT/raw/crawl-p10000.txt")"
    echo "lighttpd_errors=$(grep -c . "$OUT/raw/lighttpd-errors.txt")"
    echo "seconds=$(($(date +%s) - T_START))"
} > "$OUT/meta.txt"
"$PY" "$HERE/report.py" "$OUT" | tee "$OUT/report.txt"
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || die "report.py could not read the results in $OUT"
# The template academicpages site (issue 14): --export against jekyll build, a page's first
# render after an edit, FastCGI against the floor; its own lines, in jekyll-site.txt too.
FOLIO_BIN="$BIN" BENCH_OUT="$OUT" "$HERE/jekyll-site.sh" || die "the academicpages part (tests/bench/jekyll-site.sh) broke"
say "raw outputs and report.txt: $OUT"
exit 0
