#!/bin/bash
# The CGI disk cache's size after N different spellings (#fragments, absolute-form hosts,
# percent-escapes) of one 10 MiB static file and of one page, run through the real binary as a
# CGI (issue 11, point 2). Usage: tests/bench/cgi-cache-spellings.sh [N] (default 1000);
# FOLIO_BIN picks the binary (default cgi-bin/folio.fcgi). Everything lives in one temporary
# folder, removed at the end.
set -eu
N=${1:-1000}
BIN=$(realpath "${FOLIO_BIN:-cgi-bin/folio.fcgi}")
TMP=$(mktemp -d /tmp/folio-spellings.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/site/cgi-bin" "$TMP/tmp"
cp -R content templates "$TMP/site/"
{ cat cgi-bin/folio.ini; printf '\n[paths]\ncache = %s/cache\n' "$TMP"; } > "$TMP/site/cgi-bin/folio.ini"
mkdir -p "$TMP/site/content/files"
head -c $((10 << 20)) /dev/zero | tr '\0' x > "$TMP/site/content/files/big.bin"

spelling() {  # spelling PATH I: the I-th way of writing PATH
    case $(($2 % 4)) in
        0) echo "$1#$2" ;;
        1) echo "http://h$2.example$1" ;;
        2) echo "https://h$2.example$1#x" ;;
        3) echo "$(sed 's|^/\(.\)|/%'"$(printf '%02x' "'${1:1:1}")"'|' <<< "$1")#$2" ;;
    esac
}
request() {
    env -i REQUEST_METHOD=GET REQUEST_URI="$1" GATEWAY_INTERFACE=CGI/1.1 TMPDIR="$TMP/tmp" \
        FOLIO_CONFIG="$TMP/site/cgi-bin/folio.ini" "$BIN" < /dev/null 2>> "$TMP/err.log" | head -1 | tr -d "\r"
}
report() {  # report WHAT
    local apparent allocated entries
    apparent=$(du -sb "$TMP/cache" | cut -f1)
    allocated=$(du -s --block-size=1 "$TMP/cache" | cut -f1)
    entries=$(find "$TMP/cache" -mindepth 2 -type f | wc -l)
    echo "$1: cache folder $apparent bytes ($allocated allocated), $entries response entries; index $(stat -c %s "$TMP/cache/index" 2>/dev/null || echo 0) bytes"
}
start=$(date +%s.%N)
for i in $(seq 1 "$N"); do
    status=$(request "$(spelling /files/big.bin "$i")")
    [ "$status" = "Status: 200 OK" ] || { echo "request $i: $status" >&2; exit 1; }
done
echo "binary $BIN; $N spellings in $(echo "$(date +%s.%N) - $start" | bc) s"
report "after $N spellings of a 10 MiB file"
for i in $(seq 1 "$N"); do request "$(spelling /publications/ "$i")" > /dev/null; done
report "after $N more of /publications/"
echo "log lines: $(wc -l < "$TMP/err.log")"
