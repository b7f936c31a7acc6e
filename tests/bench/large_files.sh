#!/bin/bash
# Figures for large static files (issue 11, points 5 and 8), not a pass/fail test:
#   - the first and second gzip request for a 10 MB CSV (the first makes the kept variant, the
#     second is served from it), in CGI mode and in FastCGI mode behind lighttpd;
#   - the memory of a process serving a 50 MB file: VmHWM (peak) and VmRSS, for HEAD and GET,
#     in CGI mode (peak from wait4 via /usr/bin/time, and VmRSS sampled while the body is being
#     written) and of the FastCGI worker after the requests (/proc/PID/status).
# Usage: tests/bench/large_files.sh   (FOLIO_BIN overrides the binary; everything on 127.0.0.1)
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/tests/servers/common.sh"
BIN=${FOLIO_BIN:-$ROOT/cgi-bin/folio.fcgi}
[ -x "$BIN" ] || { echo "no $BIN: run make first" >&2; exit 1; }
command -v lighttpd > /dev/null && command -v curl > /dev/null || { echo "needs lighttpd and curl" >&2; exit 1; }

TMP=$(mktemp -d /tmp/folio-large.XXXXXX) || exit 1
chmod 755 "$TMP"
PIDFILE="$TMP/fcgi/run/lighttpd.pid"
cleanup() {
    if [ -s "$PIDFILE" ]; then
        local pid; pid=$(tr -dc 0-9 < "$PIDFILE")
        kill "$pid" 2> /dev/null
        for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT

# make_csv FILE BYTES: the same rows as tests/e2e/test_large_files.cpp.
make_csv() {
    python3 - "$1" "$2" <<'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2])
with open(path, "wb") as out:
    n, i, rows = 0, 0, []
    while n < size:
        r = f"{i},sample {i % 977},{(i * 7919) % 100003},2024-0{1 + i % 9}-1{i % 10}\n".encode()
        rows.append(r); n += len(r); i += 1
    out.write(b"".join(rows)[:size])
PY
}

# deploy DIR OWNER: the default site with a private cache folder (owned by OWNER) and the files.
deploy() {
    local dir=$1 owner=$2
    mkdir -p "$dir/cgi-bin" "$dir/cache" "$dir/run"
    cp "$BIN" "$dir/cgi-bin/folio.fcgi"
    cp -R "$ROOT/content" "$ROOT/templates" "$dir/"
    { cat "$ROOT/cgi-bin/folio.ini"; printf '\n[paths]\ncache = %s/cache/folio\n' "$dir"; } > "$dir/cgi-bin/folio.ini"
    mkdir -p "$dir/content/files"
    make_csv "$dir/content/files/data.csv" $((10 * 1024 * 1024))
    make_csv "$dir/content/files/big.csv" $((50 * 1024 * 1024))
    chmod -R a+rX "$dir"
    chmod 700 "$dir/cache"
    chown "$owner" "$dir/cache" "$dir/run"
}

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
status_kib() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }

echo "== CGI mode ($BIN)"
D="$TMP/cgi"
deploy "$D" "$(id -un)"
cgi_env=(env -i GATEWAY_INTERFACE=CGI/1.1 "FOLIO_CONFIG=$D/cgi-bin/folio.ini")
for i in 1 2; do
    t=$(date +%s%N)
    "${cgi_env[@]}" REQUEST_METHOD=GET REQUEST_URI=/files/data.csv HTTP_ACCEPT_ENCODING=gzip "$D/cgi-bin/folio.fcgi" > "$TMP/out"
    echo "gzip GET of the 10 MB CSV, request $i: $(ms_since "$t") ms, $(stat -c %s "$TMP/out") bytes out," \
         "$(grep -ac '^Content-Encoding: gzip' "$TMP/out") gzip header"
done
for method in HEAD GET; do
    /usr/bin/time -f '%M' -o "$TMP/time" "${cgi_env[@]}" REQUEST_METHOD=$method REQUEST_URI=/files/big.csv \
        "$D/cgi-bin/folio.fcgi" > "$TMP/out"
    echo "$method of the 50 MB CSV: peak (VmHWM) $(cat "$TMP/time") KiB, $(stat -c %s "$TMP/out") bytes out"
done
# VmRSS while the body goes out: the CGI blocks on a full pipe that is read a moment later.
mkfifo "$TMP/fifo"
"${cgi_env[@]}" REQUEST_METHOD=GET REQUEST_URI=/files/big.csv "$D/cgi-bin/folio.fcgi" > "$TMP/fifo" &
cgi_pid=$!
exec 3< "$TMP/fifo"
sleep 0.5
echo "GET of the 50 MB CSV, while writing: VmRSS $(status_kib $cgi_pid VmRSS) KiB, VmHWM $(status_kib $cgi_pid VmHWM) KiB"
cat <&3 > /dev/null
exec 3<&-
wait "$cgi_pid"

echo "== FastCGI mode (lighttpd mod_fastcgi, one folio worker)"
D="$TMP/fcgi"
owner=$(id -un); [ "$(id -u)" -eq 0 ] && owner=www-data
deploy "$D" "$owner"
mkdir -p "$D/docroot"
port=$(pick_port) || { echo "no free port" >&2; exit 1; }
{
    lighttpd_conf_head '"mod_fastcgi"' "$port" "$D/docroot" "$D/run/error.log" "$PIDFILE"
    lighttpd_conf_user
    lighttpd_conf_fastcgi / "$D/cgi-bin/folio.fcgi" "$D/run/folio.sock" 1
} > "$D/lighttpd.conf"
lighttpd -f "$D/lighttpd.conf" || { echo "lighttpd did not start" >&2; exit 1; }
for _ in $(seq 1 100); do [ -s "$PIDFILE" ] && (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null && break; sleep 0.1; done
url="http://127.0.0.1:$port"
curl -s -o /dev/null "$url/"
worker=$(ps -o pid= --ppid "$(tr -dc 0-9 < "$PIDFILE")" | tr -d ' ' | head -1)
echo "worker $worker after one page: VmRSS $(status_kib "$worker" VmRSS) KiB, VmHWM $(status_kib "$worker" VmHWM) KiB"
for i in 1 2; do
    curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w "gzip GET of the 10 MB CSV, request $i: %{time_total} s, %{size_download} bytes\n" "$url/files/data.csv"
done
echo "after the gzip requests: VmRSS $(status_kib "$worker" VmRSS) KiB, VmHWM $(status_kib "$worker" VmHWM) KiB"
curl -s -o /dev/null -I -w "HEAD of the 50 MB CSV: %{time_total} s, status %{http_code}\n" "$url/files/big.csv"
echo "after HEAD: VmRSS $(status_kib "$worker" VmRSS) KiB, VmHWM $(status_kib "$worker" VmHWM) KiB"
curl -s -o /dev/null -w "GET of the 50 MB CSV: %{time_total} s, %{size_download} bytes\n" "$url/files/big.csv"
echo "after GET: VmRSS $(status_kib "$worker" VmRSS) KiB, VmHWM $(status_kib "$worker" VmHWM) KiB"
echo "kept gzip variants: $(ls "$D/cache/folio/gzip" 2> /dev/null | tr '\n' ' ')"
