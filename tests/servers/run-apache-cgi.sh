#!/bin/bash
# folio as a plain CGI under Apache 2.4 + mod_cgi (prefork MPM, so mod_cgi and not mod_cgid):
# ScriptAlias /cgi-bin/ to the deploy's cgi-bin/, and a server-level rewrite sends every other
# path to the program, as HACKING.md, server fact 3:  RewriteRule ^/(.*)$ /cgi-bin/folio.fcgi/$1 [PT,L]
# folio then sees fd 0 as a pipe, answers one request per process, and must take its path from
# REQUEST_URI (the original path), not from PATH_INFO or SCRIPT_NAME.
#
# Private ServerRoot/httpd.conf in a temporary folder, 127.0.0.1 only, User www-data, stopped by
# the PID in its PidFile.
. "$(dirname "$0")/lib.sh"
SETUP=apache-cgi
need_packages apache2 curl
need_folio
make_tmp

deploy="$TMP/deploy"
make_deploy "$deploy" ""
run="$TMP/run"; mkdir -p "$run" "$TMP/docroot"
port=$(pick_port) || bail "apache-cgi: no free port"
conf="$TMP/httpd.conf"; pidfile="$run/httpd.pid"; log="$run/error.log"

# A second CGI beside folio that prints what Apache hands a rewritten request.
cat > "$deploy/cgi-bin/env.cgi" <<'CGI'
#!/bin/sh
printf 'Content-Type: text/plain\r\n\r\n'
printf 'REQUEST_URI=%s\nSCRIPT_NAME=%s\nPATH_INFO=%s\nQUERY_STRING=%s\n' \
    "$REQUEST_URI" "$SCRIPT_NAME" "$PATH_INFO" "$QUERY_STRING"
CGI
chmod 755 "$deploy/cgi-bin/env.cgi"

{
    apache_conf_head "$port" "$pidfile" "$run" "$log" prefork alias rewrite cgi
    cat <<CONF
StartServers 2
MinSpareServers 1
MaxSpareServers 4
MaxRequestWorkers 8
TypesConfig /etc/mime.types
<Directory />
    AllowOverride None
    Require all denied
</Directory>
DocumentRoot "$TMP/docroot"
<Directory "$TMP/docroot">
    Require all granted
</Directory>
ScriptAlias /cgi-bin/ "$deploy/cgi-bin/"
<Directory "$deploy/cgi-bin">
    AllowOverride None
    Options +ExecCGI
    Require all granted
</Directory>
RewriteEngine On
RewriteRule ^/__env/(.*)$ /cgi-bin/env.cgi/\$1 [PT,L]
RewriteCond %{REQUEST_URI} !^/cgi-bin/
RewriteRule ^/(.*)$ /cgi-bin/folio.fcgi/\$1 [PT,L]
CONF
} > "$conf"

apache_start apache-cgi "$conf" "$pidfile" "$log" "$port"
setup_done "apache-cgi: apache2 started on 127.0.0.1:$port (mpm_prefork, mod_cgi, ScriptAlias + rewrite)"

run_table "http://127.0.0.1:$port" "" "$log"
run_http_checks "http://127.0.0.1:$port" ""

# What a rewritten CGI request carries: REQUEST_URI is the original path and query.
env_out=$(curl -s --max-time 10 "http://127.0.0.1:$port/__env/publications/?x=1")
echo "# env.cgi behind the rewrite saw: $(tr '\n' ' ' <<< "$env_out")"
if grep -qx 'REQUEST_URI=/__env/publications/?x=1' <<< "$env_out"; then
    ok "apache-cgi: a rewritten request keeps the original REQUEST_URI"
else
    not_ok "apache-cgi: REQUEST_URI of a rewritten request is not the original path" "$(tr '\n' ' ' <<< "$env_out")"
fi
# folio's own answer shows the same: its redirect is built from /publications, not from
# /cgi-bin/folio.fcgi/publications.
loc=$(curl -s -o /dev/null -w '%{redirect_url}' --max-time 10 "http://127.0.0.1:$port/publications")
check "apache-cgi: folio's redirect for /publications is built from REQUEST_URI ($loc)" \
    test "$loc" = "http://127.0.0.1:$port/publications/"

# Each request is its own process: none may outlive its request.
sleep 0.3
n=0
for p in $(leftovers); do
    [ "$(readlink "/proc/$p/exe")" = "$deploy/cgi-bin/folio.fcgi" ] && n=$((n + 1))
done
check "apache-cgi: no folio CGI process outlives its request ($n running)" test "$n" -eq 0

if stop_all; then ok "apache-cgi: apache2 stopped, nothing left running"; fi

# folio runs as www-data here, and its program file belongs to the user who deployed it: other
# users' CGIs may run as www-data too, so folio keeps no disk cache, and says so once (a marker
# file in /tmp remembers it; the error log names it, and it is removed here).
n=$(grep -c 'no disk cache: ' "$log")
check "apache-cgi: folio as www-data with a program file of uid $(stat -c %u "$deploy/cgi-bin/folio.fcgi") runs without a disk cache and logs it once ($n lines)" test "$n" -eq 1
for marker in $(grep -o '/tmp/folio-[0-9]*-said-[0-9a-f]*' "$log" | sort -u); do rm -f "$marker"; done
finish
