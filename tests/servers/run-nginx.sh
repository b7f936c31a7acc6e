#!/bin/bash
# folio behind nginx: spawn-fcgi starts folio on a 0660 Unix socket owned by www-data, nginx
# passes every path to it with Debian's stock /etc/nginx/fastcgi_params (HACKING.md, server fact 3).
# nginx runs from a private prefix/config (pid, logs, temp paths in a temporary folder),
# 127.0.0.1 only, user www-data; nginx and folio are stopped by the PIDs in their pid files.
. "$(dirname "$0")/lib.sh"
SETUP=nginx
need_packages nginx spawn-fcgi curl
need_folio
make_tmp

deploy="$TMP/deploy"
make_deploy "$deploy" ""
run="$TMP/run"; make_writable_dir "$run"
mkdir -p "$TMP/nginx/logs" "$TMP/nginx/temp" "$TMP/docroot"
port=$(pick_port) || bail "nginx: no free port"
sock="$run/folio.sock"
conf="$TMP/nginx/nginx.conf"; pidfile="$TMP/nginx/nginx.pid"; log="$TMP/nginx/logs/error.log"
fpid="$run/folio.pid"; flog="$TMP/spawn-fcgi.log"

# folio: one FastCGI process on a Unix socket, as www-data (-u/-g), socket www-data 0660.
as_user=()
[ "$(id -u)" -eq 0 ] && as_user=(-u www-data -g www-data -U www-data -G www-data)
spawn-fcgi -s "$sock" -M 0660 "${as_user[@]}" -F 1 -P "$fpid" -- "$deploy/cgi-bin/folio.fcgi" > "$flog" 2>&1 ||
    bail "nginx: spawn-fcgi could not start folio" "$flog"
register_stop "$fpid" "nginx: spawn-fcgi'd folio" "$flog"
for i in $(seq 1 50); do [ -S "$sock" ] && [ -s "$fpid" ] && break; sleep 0.1; done
[ -S "$sock" ] || bail "nginx: no FastCGI socket $sock" "$flog"
mode=$(stat -c '%a %U:%G' "$sock")
if [ "$(id -u)" -eq 0 ]; then
    check "nginx: folio's socket is mode 0660, owned by www-data ($mode)" test "$mode" = "660 www-data:www-data"
    fuser=$(stat -c %U "/proc/$(cat "$fpid")")
    check "nginx: spawn-fcgi'd folio runs as www-data ($fuser)" test "$fuser" = www-data
fi

cat > "$conf" <<CONF
$( [ "$(id -u)" -eq 0 ] && echo 'user www-data www-data;' )
worker_processes 1;
daemon on;
pid $pidfile;
error_log $log warn;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $TMP/nginx/temp/body;
    fastcgi_temp_path $TMP/nginx/temp/fastcgi;
    proxy_temp_path $TMP/nginx/temp/proxy;
    uwsgi_temp_path $TMP/nginx/temp/uwsgi;
    scgi_temp_path $TMP/nginx/temp/scgi;
    server {
        listen 127.0.0.1:$port;
        server_name localhost;
        root $TMP/docroot;
        location / {
            # Overrides go BEFORE the include: libfcgi keeps the first copy of a parameter.
            fastcgi_param SCRIPT_NAME "";
            include /etc/nginx/fastcgi_params;
            fastcgi_pass unix:$sock;
        }
    }
}
CONF

nginx -t -p "$TMP/nginx" -e "$log" -c "$conf" > "$TMP/configtest.log" 2>&1 || bail "nginx: nginx rejects its configuration" "$TMP/configtest.log"
nginx -p "$TMP/nginx" -e "$log" -c "$conf" > "$TMP/start.log" 2>&1 || bail "nginx: nginx did not start" "$TMP/start.log" "$log"
register_stop "$pidfile" "nginx: nginx" "$log"
wait_port "$port" "$pidfile" "nginx: nginx" "$log"
setup_done "nginx: nginx started on 127.0.0.1:$port, folio on unix:$sock"

run_table "http://127.0.0.1:$port" "" "$log" "$flog"
run_http_checks "http://127.0.0.1:$port" ""

# One persistent FastCGI process answered everything: still the same PID.
fp=$(cat "$fpid")
check "nginx: folio (pid $fp) is still running after the table" alive "$fp"

# Stop nginx first (QUIT would wait for keep-alive clients; TERM is its fast shutdown), then
# folio: SIGTERM to an idle folio ends it.
if stop_all; then ok "nginx: nginx and folio stopped, nothing left running"; fi
if grep -qE '\[(alert|emerg|crit)\]' "$log"; then
    not_ok "nginx: nginx logged alerts" "$(grep -E '\[(alert|emerg|crit)\]' "$log" | head -5)"
fi
finish
