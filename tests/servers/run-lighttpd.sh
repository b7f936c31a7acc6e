#!/bin/bash
# folio under lighttpd's mod_fastcgi, which spawns folio itself (bin-path), as HACKING.md, server fact 3:
#   1. mounted at "/" (check-local disable, fix-root-scriptname enable, max-procs 2);
#   2. mounted under "/~user/" with folio.ini's base_path = /~user: the same request table with
#      the prefix, every href/src/Location must stay under /~user/.
# After each run: lighttpd stopped by its PID, and no folio backend may be left running.
. "$(dirname "$0")/lib.sh"
SETUP=lighttpd
need_packages lighttpd curl
need_folio
make_tmp

# check_large_gzip NAME URL FILE: two gzip GETs of a large file give the same compressed bytes,
# which decompress to the file, with the same ETag. Before the variants were kept by the process
# itself, a worker without a cache folder sent such a file uncompressed (the first check failed).
check_large_gzip() {
    local name=$1 url=$2 file=$3 h1 h2
    h1="$TMP/$name.large1.h"; h2="$TMP/$name.large2.h"
    curl -s -D "$h1" -H 'Accept-Encoding: gzip' -o "$TMP/$name.large1.gz" "$url"
    curl -s -D "$h2" -H 'Accept-Encoding: gzip' -o "$TMP/$name.large2.gz" "$url"
    check "$name: a large CSV goes out gzipped (Content-Encoding: gzip)" \
        test "$(header_value "$h1" Content-Encoding)" = gzip
    check "$name: its gzip body decompresses to the file" \
        bash -c "gzip -dc '$TMP/$name.large1.gz' | cmp -s - '$file'"
    check "$name: a second gzip GET gives the same ETag and bytes" \
        bash -c "[ -n \"\$(grep -i '^etag:' '$h1')\" ] && [ \"\$(grep -i '^etag:' '$h1')\" = \"\$(grep -i '^etag:' '$h2')\" ] && cmp -s '$TMP/$name.large1.gz' '$TMP/$name.large2.gz'"
}

# run_lighttpd NAME MOUNT BASE: one lighttpd + deploy, the table, then stop.
run_lighttpd() {
    local name=$1 mount=$2 base=$3
    local dir="$TMP/$name" port conf pidfile log run
    SETUP=$name
    make_deploy "$dir/deploy" "$base"
    # A large CSV (over the 256 KiB that are kept in memory): streamed, and its gzip variant made
    # once and kept even though lighttpd runs folio as www-data, which does not own the program
    # file and so has no cache folder (the variants are then kept by the process itself).
    local row="2026-11-29,folio,a large compressible file of comma separated values,12345,67890"
    for _ in $(seq 1 20000); do echo "$row"; done > "$dir/deploy/content/large.csv"
    chmod 644 "$dir/deploy/content/large.csv"
    run="$dir/run"; make_writable_dir "$run"
    mkdir -p "$dir/docroot"                      # empty: lighttpd serves nothing by itself
    port=$(pick_port) || bail "$name: no free port"
    conf="$dir/lighttpd.conf"; pidfile="$run/lighttpd.pid"; log="$run/error.log"
    : > "$log"; [ "$(id -u)" -eq 0 ] && chown www-data:www-data "$log"
    {
        lighttpd_conf_head '"mod_fastcgi"' "$port" "$dir/docroot" "$log" "$pidfile"
        lighttpd_conf_user
        lighttpd_conf_fastcgi "$mount" "$dir/deploy/cgi-bin/folio.fcgi" "$run/folio.sock" 2
    } > "$conf"
    lighttpd -tt -f "$conf" > "$dir/configtest.log" 2>&1 || bail "$name: lighttpd rejects its configuration" "$dir/configtest.log"
    # Without -D lighttpd goes to the background once it listens; the pid file names the daemon.
    lighttpd -f "$conf" > "$dir/start.log" 2>&1 || bail "$name: lighttpd did not start" "$dir/start.log" "$log"
    register_stop "$pidfile" "$name: lighttpd" "$log"
    wait_port "$port" "$pidfile" "$name: lighttpd" "$log"
    setup_done "$name: lighttpd started on 127.0.0.1:$port, folio mounted at $mount"

    run_table "http://127.0.0.1:$port" "$base" "$log"
    run_http_checks "http://127.0.0.1:$port" "$base"
    check_large_gzip "$name" "http://127.0.0.1:$port$base/large.csv" "$dir/deploy/content/large.csv"

    # lighttpd spawned max-procs folio backends, each on socket-N.
    local n=0 f
    for f in "$run"/folio.sock-*; do [ -S "$f" ] && n=$((n + 1)); done
    # lighttpd makes these sockets itself (and hands one to each backend as its stdin): a set-up
    # step, said but not counted; folio_check_running below checks the backends themselves.
    if [ "$n" -ge 1 ]; then setup_done "$name: lighttpd spawned $n folio backend(s) on $run/folio.sock-N"
    else not_ok "$name: no folio backend socket in $run" "$(ls "$run")"; fi

    folio_check_running "$name" "$dir/deploy/cgi-bin/folio.fcgi"

    # Stop lighttpd (SIGTERM to its PID); it stops its folio backends with SIGTERM.
    if stop_all; then ok "$name: lighttpd and its folio backends stopped, nothing left running"; fi
    if grep -qiE 'segfault|core dumped|signal 11|signal 6' "$log"; then
        not_ok "$name: a backend crashed" "$(grep -iE 'segfault|core dumped|signal' "$log" | head -5)"
    fi
}

run_lighttpd lighttpd / ""
run_lighttpd lighttpd-prefix /~user/ /~user
SETUP=lighttpd
finish
