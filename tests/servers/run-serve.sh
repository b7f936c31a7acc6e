#!/bin/bash
# `make serve`, the README's first command, as a newcomer runs it: from a copy of this project in
# a folder that the web server's user cannot enter (a clone under /root is mode 0700), as root,
# and from a copy owned by an ordinary user, as that user. Each must serve the default site on
# 127.0.0.1:PORT through lighttpd; the server is stopped by the PID of the make process group.
# The copies keep the built objects' modification times, so make does not compile again.
. "$(dirname "$0")/lib.sh"
SETUP=serve
need_packages lighttpd curl
need_folio
make_tmp

# copy_project DIR: what `make serve` needs of a clone, timestamps kept.
copy_project() {
    mkdir -p "$1"
    (cd "$ROOT" && cp -a Makefile src third_party content templates cgi-bin tools "$1/") || return 1
    mkdir -p "$1/build" && cp -a "$ROOT/build/obj" "$1/build/" 2>/dev/null
    cp -a "$ROOT/build/btparse" "$1/build/" 2>/dev/null
    [ -e "$ROOT/config.mk" ] && cp -a "$ROOT/config.mk" "$1/"
    return 0
}

SERVE_PID=""
stop_serve() {
    [ -n "$SERVE_PID" ] || return 0
    kill -TERM -- "-$SERVE_PID" 2>/dev/null
    for _ in $(seq 1 50); do alive "$SERVE_PID" || break; sleep 0.1; done
    kill -KILL -- "-$SERVE_PID" 2>/dev/null
    wait "$SERVE_PID" 2>/dev/null
    SERVE_PID=""
}
trap 'stop_serve; finish' EXIT

# serve_case NAME DIR [RUN-AS-PREFIX...]: `make serve` in DIR, then the home page and a page.
serve_case() {
    local name=$1 dir=$2 port log code body
    shift 2
    port=$(pick_port) || { not_ok "$name: no free port"; return; }
    log="$TMP/$name.log"
    # Its own process group (setsid), so that make, lighttpd and folio stop together.
    setsid "$@" make -C "$dir" --no-print-directory serve PORT="$port" > "$log" 2>&1 < /dev/null &
    SERVE_PID=$!
    code=000
    for _ in $(seq 1 100); do
        code=$(curl -s -o "$TMP/$name.home" -w '%{http_code}' "http://127.0.0.1:$port/" 2>/dev/null)
        [ "$code" = 200 ] && break
        alive "$SERVE_PID" || break
        sleep 0.2
    done
    if [ "$code" = 200 ] && grep -q '<html' "$TMP/$name.home"; then
        ok "$name: make serve answers the home page on 127.0.0.1:$port"
    else
        not_ok "$name: make serve answers the home page" "HTTP $code" "$(tail -5 "$log" | tr '\n' '|')" \
            "$(tail -5 "$dir/build/serve/error.log" 2>/dev/null | tr '\n' '|')"
    fi
    body=$(curl -s -w '%{http_code}' -o /dev/null "http://127.0.0.1:$port/publications/")
    check "$name: a second page (/publications/) is 200" test "$body" = 200
    if [ "$name" = root-in-readable-folder ]; then
        local users
        users=$(ps -o user=,comm= --sid "$SERVE_PID" | grep -E "lighttpd|folio" | cut -d" " -f1 | sort -u | tr '\n' ' ')
        check "$name: lighttpd and folio run as www-data, not root ($users)" test "$users" = "www-data "
    fi
    stop_serve
    check "$name: stopping make serve stops lighttpd (no server left on the port)" \
        bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null"
}

if [ "$(id -u)" -eq 0 ]; then
    # As root in a private folder, as a clone in /root is.
    home=${HOME:-/root}
    [ -d "$home" ] && [ -w "$home" ] || home=/tmp
    private=$(mktemp -d "$home/folio-serve-test.XXXXXX") || bail "serve: cannot make a folder in $home"
    chmod 700 "$private"
    copy_project "$private/folio" || bail "serve: cannot copy the project"
    chmod 700 "$private/folio"
    serve_case "root-in-0700-folder" "$private/folio"
    rm -rf "$private"

    # As root in a folder www-data can read: lighttpd still drops to www-data.
    copy_project "$TMP/readable/folio" || bail "serve: cannot copy the project"
    chmod -R a+rX "$TMP/readable"
    serve_case "root-in-readable-folder" "$TMP/readable/folio"

    # As an ordinary user (nobody) in a folder that user owns.
    user_dir="$TMP/as-user"
    copy_project "$user_dir/folio" || bail "serve: cannot copy the project"
    chown -R nobody:nogroup "$user_dir"
    serve_case "ordinary-user" "$user_dir/folio" setpriv --reuid=nobody --regid=nogroup --clear-groups \
        env HOME="$user_dir"
else
    private=$(mktemp -d "$TMP/private.XXXXXX")
    chmod 700 "$private"
    copy_project "$private/folio" || bail "serve: cannot copy the project"
    serve_case "user-in-0700-folder" "$private/folio"
fi
finish
