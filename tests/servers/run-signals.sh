#!/bin/bash
# Graceful stop of folio's FastCGI loop (folio --listen), driven by fcgi_signals.py, a minimal
# FastCGI client that decides when each byte of a request is sent and read, so that "SIGTERM in
# the middle of a request" happens at a known point instead of by timing luck:
#   - idle: SIGTERM to a folio waiting in accept() (TCP 127.0.0.1:PORT, and a Unix socket)
#     -> exit status 0 within 1 s;
#   - while folio writes a ~3 MB page that the client does not read yet -> the response is
#     still complete, then folio exits within 1 s;
#   - while the request's parameters are half sent -> still answered, then exits.
# See the docstring of fcgi_signals.py for how each moment is reached.
. "$(dirname "$0")/lib.sh"
SETUP=signals
need_packages python3 curl
need_folio
make_tmp

deploy="$TMP/deploy"
make_deploy "$deploy" ""
# A ~3 MB page: far more than the socket buffers between folio and the client can hold.
last="the last line of the big page $CANARY-end"
last=${last//folio-canary-/marker-}
{
    printf -- '---\ntitle: "Big"\npermalink: /big/\n---\n\n'
    for i in $(seq 1 12000); do
        printf 'Paragraph %d of a long page: lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua, ut enim ad minim veniam.\n\n' "$i"
    done
    printf '%s\n' "$last"
} > "$deploy/content/big.md"
chmod 644 "$deploy/content/big.md"
size=$(wc -c < "$deploy/content/big.md")
out=$(env -i REQUEST_METHOD=GET REQUEST_URI=/big/ "$deploy/cgi-bin/folio.fcgi" < /dev/null 2>&1 | head -c 100 | head -1 | tr -d '\r')
[ "$out" = "Status: 200 OK" ] || bail "signals: folio does not serve the ${size}-byte page /big/ as a CGI: $out"
setup_done "signals: folio serves a ${size}-byte page at /big/"

port=$(pick_port) || bail "signals: no free port"
work="$TMP/work"; mkdir -p "$work"
count_checks signals < <(/usr/bin/python3 "$HERE/fcgi_signals.py" "$deploy/cgi-bin/folio.fcgi" "$work" "$port" "$last" 2>&1)
finish
