#!/bin/bash
# folio under Apache 2.4 + mod_fcgid as on a shared host: the DocumentRoot is the deploy's
# cgi-bin/ folder, and an .htaccess beside folio.fcgi, exactly as a user writes it, sends every
# path that is not a file there to folio (HACKING.md, server fact 3). content/ lies outside the DocumentRoot,
# so folio answers for the images and the theme's assets too.
#
# Apache runs from a private ServerRoot/httpd.conf in a temporary folder (Debian's own
# /etc/apache2 is neither read nor touched), listens on 127.0.0.1 only, drops to www-data and is
# stopped by the PID in its PidFile; mod_fcgid then stops folio with SIGTERM.
. "$(dirname "$0")/lib.sh"
SETUP=apache-fcgid
need_packages apache2 libapache2-mod-fcgid curl
need_folio
make_tmp

deploy="$TMP/deploy"
make_deploy "$deploy" ""
run="$TMP/run"; mkdir -p "$run"
make_writable_dir "$run/fcgid"
port=$(pick_port) || bail "apache-fcgid: no free port"
conf="$TMP/httpd.conf"; pidfile="$run/httpd.pid"; log="$run/error.log"

# The .htaccess folio ships (cgi-bin/.htaccess, also in `make dist`), beside folio.fcgi, as a
# user uploads it.
cp "$TREE/cgi-bin/.htaccess" "$deploy/cgi-bin/.htaccess"
chmod 644 "$deploy/cgi-bin/.htaccess"

{
    apache_conf_head "$port" "$pidfile" "$run" "$log" event dir rewrite fcgid
    cat <<CONF
StartServers 1
ServerLimit 1
ThreadsPerChild 16
MaxRequestWorkers 16
TypesConfig /etc/mime.types
FcgidIPCDir "$run/fcgid"
FcgidProcessTableFile "$run/fcgid/shm"
FcgidMaxProcesses 4
<Directory />
    AllowOverride None
    Require all denied
</Directory>
DocumentRoot "$deploy/cgi-bin"
<Directory "$deploy/cgi-bin">
    AllowOverride FileInfo Options
    Require all granted
</Directory>
<Files ".ht*">
    Require all denied
</Files>
CONF
} > "$conf"

apache_start apache-fcgid "$conf" "$pidfile" "$log" "$port"
setup_done "apache-fcgid: apache2 started on 127.0.0.1:$port (mpm_event, mod_fcgid, .htaccess rewrite)"

run_table "http://127.0.0.1:$port" "" "$log"
run_http_checks "http://127.0.0.1:$port" ""

# The .htaccess itself is never served.
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/.htaccess")
check "apache-fcgid: GET /.htaccess is refused (got $code)" test "$code" = 403

# Nor is folio's CGI cache folder beside folio.ini, even if its mode were opened by mistake
# (folio makes it 0700, which alone keeps a web server of another uid out).
mkdir -p "$deploy/cgi-bin/.folio-cache" && echo "cached page" > "$deploy/cgi-bin/.folio-cache/index"
chmod 755 "$deploy/cgi-bin/.folio-cache"; chmod 644 "$deploy/cgi-bin/.folio-cache/index"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/.folio-cache/index")
check "apache-fcgid: GET /.folio-cache/index is refused (got $code)" test "$code" = 403

# mod_fcgid started folio as FastCGI (a CGI would have been a new process per request).
folio_check_running apache-fcgid "$deploy/cgi-bin/folio.fcgi"

if stop_all; then ok "apache-fcgid: apache2 and its folio processes stopped, nothing left running"; fi
if grep -qE 'AH0[0-9]*: .*(segfault|exit signal)|Segmentation' "$log"; then
    not_ok "apache-fcgid: a child crashed" "$(grep -E 'segfault|exit signal|Segmentation' "$log" | head -5)"
fi
finish
