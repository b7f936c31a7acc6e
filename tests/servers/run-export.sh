#!/bin/bash
# folio --export: the exported folder, served by a plain static lighttpd, gives the same pages as
# folio itself (served by lighttpd + mod_fastcgi); its redirect stubs, .htaccess and _redirects
# cover every redirect folio answers.
. "$(dirname "$0")/lib.sh"
SETUP=export
need_packages lighttpd curl
need_folio
make_tmp

deploy="$TMP/deploy"
make_deploy "$deploy" ""
out="$TMP/export"
"$deploy/cgi-bin/folio.fcgi" --export "$out" > "$TMP/export.log" 2>&1 || bail "export: folio --export failed" "$TMP/export.log"
chmod -R a+rX "$out"
setup_done "export: folio --export wrote $(find "$out" -type f | wc -l) files"
# What an export must hold whatever the site: its home page, the sitemap and the 404 page.
for f in index.html sitemap.xml 404.html; do
    check "export: folio --export wrote $f" test -s "$out/$f"
done

# start_lighttpd NAME DOCROOT [fastcgi]: sets PORT (not a subshell: register_stop must stick)
PORT=""
start_lighttpd() {
    local name=$1 docroot=$2 mode=${3:-} run="$TMP/$1" port
    make_writable_dir "$run"
    port=$(pick_port) || bail "$name: no free port"
    : > "$run/error.log"; [ "$(id -u)" -eq 0 ] && chown www-data:www-data "$run/error.log"
    {
        lighttpd_conf_head '"mod_fastcgi", "mod_indexfile", "mod_staticfile"' "$port" "$docroot" "$run/error.log" "$run/lighttpd.pid"
        echo 'index-file.names = ("index.html")'
        echo 'mimetype.assign = (".html" => "text/html; charset=utf-8", ".css" => "text/css; charset=utf-8", ".svg" => "image/svg+xml", ".xml" => "application/xml; charset=utf-8", ".txt" => "text/plain; charset=utf-8", ".bib" => "text/x-bibtex; charset=utf-8")'
        lighttpd_conf_user
        if [ "$mode" = fastcgi ]; then
            lighttpd_conf_fastcgi / "$deploy/cgi-bin/folio.fcgi" "$run/folio.sock" 1
        fi
    } > "$run/lighttpd.conf"
    lighttpd -f "$run/lighttpd.conf" > "$run/start.log" 2>&1 || bail "$name: lighttpd did not start" "$run/start.log" "$run/error.log"
    register_stop "$run/lighttpd.pid" "$name: lighttpd" "$run/error.log"
    wait_port "$port" "$run/lighttpd.pid" "$name: lighttpd" "$run/error.log"
    PORT=$port
}

mkdir -p "$TMP/empty-docroot"
start_lighttpd live "$TMP/empty-docroot" fastcgi; live=$PORT
start_lighttpd static "$out"; static=$PORT
setup_done "export: lighttpd serves folio on :$live and the exported folder on :$static"

pages=0 same=0 stubs=0
while IFS= read -r file; do
    rel=${file#"$out"}
    case "$rel" in /.htaccess | /_redirects | /404.html) continue ;; esac
    url=$rel
    [[ "$url" == */index.html ]] && url=${url%index.html}
    curl -s --path-as-is -o "$TMP/static.body" "http://127.0.0.1:$static$rel"
    if grep -q 'http-equiv="refresh"' "$file"; then
        stubs=$((stubs + 1))
        target=$(sed -n 's/.*http-equiv="refresh" content="0; url=\([^"]*\)".*/\1/p' "$file")
        location=$(curl -s --path-as-is -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:$live$url")
        location=${location#"http://127.0.0.1:$live"}
        check "export: stub $url points where folio redirects ($target = $location)" test "$target" = "$location"
        continue
    fi
    pages=$((pages + 1))
    code=$(curl -s --path-as-is -o "$TMP/live.body" -w '%{http_code}' "http://127.0.0.1:$live$url")
    if [ "$code" = 200 ] && cmp -s "$TMP/live.body" "$TMP/static.body"; then
        same=$((same + 1)); ok "export: $url is the same from the static folder as from folio"
    else
        not_ok "export: $url differs (folio answered $code)" "$(diff <(head -c 2000 "$TMP/live.body") <(head -c 2000 "$TMP/static.body") | head -5)"
    fi
done < <(find "$out" -type f | sort)
echo "# export: $same/$pages pages and files identical, $stubs redirect stubs"

# Every redirect folio answers is in .htaccess and _redirects: the site's redirect sources from
# --check's view are the stubs; each has its RedirectMatch line and its _redirects line.
while read -r from to code; do
    [ "$from" = "#" ] && continue
    case "$from" in \#*) continue ;; esac
    esc=$(printf '%s' "$from" | sed 's/[.^$*+?()[{|\\]/\\&/g')
    if [[ "$from" == *\?* ]]; then
        check "export: .htaccess has the query redirect $from" grep -qF "RewriteCond %{QUERY_STRING} =${from#*\?}" "$out/.htaccess"
    else
        check "export: .htaccess has RedirectMatch 301 ^$esc\$ $to" grep -qxF "RedirectMatch 301 ^$esc\$ $to" "$out/.htaccess"
    fi
    check "export: $from is a 301 to $to from folio too" test "$(curl -s --path-as-is -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$live$from" | sed "s|http://127.0.0.1:$live||")" = "301 $to"
done < "$out/_redirects"
n=$(grep -vc '^#' "$out/_redirects")
check "export: _redirects lists the default site's redirects ($n)" test "$n" -ge 2

if stop_all; then ok "export: both lighttpd servers stopped"; fi
finish
