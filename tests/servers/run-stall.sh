#!/bin/bash
# Stalling FastCGI clients (folio --listen), driven by fcgi_stall.py, a raw-socket client:
# half a record header, a BEGIN_REQUEST alone, a short PARAMS record, an idle connection, a
# kept-alive connection left idle, a client that stays after its answer. With each connected, a
# normal request must be answered within 1 s, folio must drop the staller within 3 s, and
# SIGTERM must end folio within 2.5 s. Then 8 stallers at once (prints the latency figure), an
# oversized request head, a lying PARAMS length, keep-alive. See fcgi_stall.py's docstring.
. "$(dirname "$0")/lib.sh"
SETUP=stall
need_packages python3
need_folio
make_tmp

deploy="$TMP/deploy"
make_deploy "$deploy" ""
port=$(pick_port) || bail "stall: no free port"
work="$TMP/work"; mkdir -p "$work"
count_checks stall < <(/usr/bin/python3 "$HERE/fcgi_stall.py" "$deploy/cgi-bin/folio.fcgi" "$work" "$port" 2>&1)
finish
