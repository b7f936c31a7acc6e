#!/bin/bash
# Soak test (not part of `make test`; `make soak`): folio under lighttpd (mod_fastcgi, 2 workers),
# wrk for SOAK_SECONDS (default 60) at 64 connections on a mix of pages, redirects, 404s, static
# files, conditional and gzip requests and hostile paths (mix.lua). Reports the 5xx count (must be
# 0), socket errors (must be 0), and each folio worker's resident memory after warm-up and at the
# end (growth must stay under 1 MB).
. "$(dirname "$0")/../servers/lib.sh"
SETUP=soak
SOAK_SECONDS=${SOAK_SECONDS:-60}
need_packages lighttpd curl wrk
need_folio
make_tmp
deploy="$TMP/deploy"; make_deploy "$deploy" ""
run="$TMP/run"; make_writable_dir "$run"; mkdir -p "$TMP/docroot"
port=$(pick_port) || bail "soak: no free port"
log="$run/error.log"; : > "$log"; [ "$(id -u)" -eq 0 ] && chown www-data:www-data "$log"
{
    echo 'server.modules = ("mod_fastcgi", "mod_accesslog")'
    echo 'server.bind = "127.0.0.1"'; echo "server.port = $port"
    echo "server.document-root = \"$TMP/docroot\""; echo "server.errorlog = \"$log\""
    echo "server.pid-file = \"$run/lighttpd.pid\""; echo "accesslog.filename = \"$run/access.log\""
    echo 'accesslog.format = "%s %U"'
    if [ "$(id -u)" -eq 0 ]; then echo 'server.username = "www-data"'; echo 'server.groupname = "www-data"'; fi
    cat <<CONF
fastcgi.server = ("/" => ((
    "bin-path" => "$deploy/cgi-bin/folio.fcgi", "socket" => "$run/folio.sock",
    "check-local" => "disable", "fix-root-scriptname" => "enable", "max-procs" => 2
)))
CONF
} > "$TMP/lighttpd.conf"
: > "$run/access.log"; [ "$(id -u)" -eq 0 ] && chown www-data:www-data "$run/access.log"
lighttpd -f "$TMP/lighttpd.conf" > "$TMP/start.log" 2>&1 || bail "soak: lighttpd did not start" "$TMP/start.log" "$log"
register_stop "$run/lighttpd.pid" "soak: lighttpd" "$log"
wait_port "$port" "$run/lighttpd.pid" "soak: lighttpd" "$log"
url="http://127.0.0.1:$port"

rss() { for p in $(pgrep -f "$deploy/cgi-bin/folio.fcgi" | sort); do echo "$p $(awk '/VmRSS/ {print $2}' /proc/$p/status)"; done; }
wrk -t1 -c16 -d5s -s "$(dirname "$0")/mix.lua" "$url" > "$TMP/warmup.txt" 2>&1
rss > "$TMP/rss.before"
echo "# soak: workers after warm-up (pid, VmRSS KiB):"; sed 's/^/#   /' "$TMP/rss.before"
: > "$run/access.log"
wrk -t2 -c64 -d"${SOAK_SECONDS}s" --timeout 5s -s "$(dirname "$0")/mix.lua" "$url" > "$TMP/soak.txt" 2>&1
rss > "$TMP/rss.after"
echo "# soak: workers at the end:"; sed 's/^/#   /' "$TMP/rss.after"
grep -E 'Requests/sec|Latency|SOAK' "$TMP/soak.txt" | sed 's/^/# /'
line=$(grep '^SOAK' "$TMP/soak.txt")
total=$(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/')
errors=$(echo "$line" | awk '{n=0; for (i=3;i<=6;i++) { split($i,a,"="); n+=a[2] } print n}')
fivexx=$(awk '$1 ~ /^5/' "$run/access.log" | wc -l)
logged=$(wc -l < "$run/access.log")
check "soak: wrk ran ${SOAK_SECONDS}s at 64 connections ($total requests, $logged logged)" test "${total:-0}" -gt 0
check "soak: zero socket errors (connect+read+write+timeout = $errors)" test "${errors:-1}" -eq 0
check "soak: zero 5xx answers ($fivexx)" test "$fivexx" -eq 0
while read -r pid before; do
    after=$(awk -v p="$pid" '$1 == p {print $2}' "$TMP/rss.after")
    if [ -z "$after" ]; then not_ok "soak: worker $pid is gone (restarted?)"; continue; fi
    growth=$((after - before))
    check "soak: worker $pid resident memory $before -> $after KiB (growth $growth KiB, under 1024)" test "$growth" -lt 1024
done < "$TMP/rss.before"
stop_all && ok "soak: lighttpd and folio stopped"
finish
