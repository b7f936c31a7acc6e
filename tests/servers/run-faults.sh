#!/bin/bash
# Faults while serving: folio under a real lighttpd (mod_fastcgi spawns it, max-procs 2), a
# stream of requests running in the background, and the site changed under it:
#   content:   a page created, edited (same size), half-written (cut inside its front matter,
#              then completed), renamed and deleted, and a collection item deleted;
#   owner's files: a broken layout and a broken folio.ini edited in, then repaired; a page
#              added and a layout repaired while folio.ini is broken; a valid folio.ini edit;
#   processes: a worker killed with SIGKILL, then both.
# Checked: the stream never gets a 5xx (or no answer) for pages the fault does not concern;
# every change is served within ~1 s (each worker rechecks the site at most once a second:
# FAULT_DEADLINE, default 2 s, allows for a loaded machine), a deleted page answers 404, a
# broken file gets a clear line in lighttpd's error log naming it, a broken layout costs only
# the pages that use it (a clean 500 or the last good page), a broken folio.ini keeps the last
# good configuration serving; lighttpd replaces a killed worker and the next request succeeds.
. "$(dirname "$0")/lib.sh"
SETUP=faults
need_packages lighttpd curl
need_folio
make_tmp
DEADLINE=${FAULT_DEADLINE:-2}

deploy="$TMP/deploy"
make_deploy "$deploy" ""
run="$TMP/run"; make_writable_dir "$run"
mkdir -p "$TMP/docroot"
port=$(pick_port) || bail "faults: no free port"
conf="$TMP/lighttpd.conf" pidfile="$run/lighttpd.pid" log="$run/error.log"
: > "$log"; [ "$(id -u)" -eq 0 ] && chown www-data:www-data "$log"
{
    lighttpd_conf_head '"mod_fastcgi"' "$port" "$TMP/docroot" "$log" "$pidfile"
    lighttpd_conf_user
    lighttpd_conf_fastcgi / "$deploy/cgi-bin/folio.fcgi" "$run/folio.sock" 2
} > "$conf"
lighttpd -tt -f "$conf" > "$TMP/configtest.log" 2>&1 || bail "faults: lighttpd rejects its configuration" "$TMP/configtest.log"
lighttpd -f "$conf" > "$TMP/start.log" 2>&1 || bail "faults: lighttpd did not start" "$TMP/start.log" "$log"
register_stop "$pidfile" "faults: lighttpd" "$log"
wait_port "$port" "$pidfile" "faults: lighttpd" "$log"
URL="http://127.0.0.1:$port"
setup_done "faults: lighttpd on 127.0.0.1:$port spawns folio (max-procs 2)"

# ---------------------------------------------------------------- helpers

# get PATH: prints "CODE" and leaves the body in $TMP/body.
get() { curl -s --max-time 10 -o "$TMP/body" -w '%{http_code}' "$URL$1" 2>/dev/null || echo 000; }

now_ms() { date +%s%3N; }

# wait_for NAME PATH CODE [TEXT]: polls every 0.1 s until STABLE (6) answers in a row have CODE
# (and TEXT in the body); one test that reports when the first and the last of them came, or
# fails after DEADLINE s. $1 names the change, measured from when it was made ($CHANGED).
wait_for() {
    local name=$1 path=$2 want=$3 text=${4:-} code first="" streak=0 t
    while :; do
        code=$(get "$path")
        t=$(($(now_ms) - CHANGED))
        if [ "$code" = "$want" ] && { [ -z "$text" ] || grep -qF -- "$text" "$TMP/body"; }; then
            [ -n "$first" ] || first=$t
            streak=$((streak + 1))
            if [ "$streak" -ge 6 ]; then
                if [ "$first" -le $((DEADLINE * 1000)) ]; then
                    ok "faults: $name: GET $path -> $want${text:+ with '$text'} after ${first} ms (steady after ${t} ms)"
                else
                    not_ok "faults: $name: GET $path -> $want only after ${first} ms (want within ${DEADLINE} s)"
                fi
                return 0
            fi
        else
            streak=0; first=""
            if [ "$t" -gt $((DEADLINE * 1000 + 3000)) ]; then
                not_ok "faults: $name: GET $path -> $code after ${t} ms, want $want${text:+ with '$text'}" \
                    "body: $(head -c 200 "$TMP/body" | tr '\n' ' ')"
                log_tail "$log" 10
                return 1
            fi
        fi
        sleep 0.1
    done
}

# steady NAME PATH CODE [TEXT]: 10 requests in a row, every one CODE (and TEXT in the body).
steady() {
    local name=$1 path=$2 want=$3 text=${4:-} i code
    for i in $(seq 1 10); do
        code=$(get "$path")
        if [ "$code" != "$want" ] || { [ -n "$text" ] && ! grep -qF -- "$text" "$TMP/body"; }; then
            not_ok "faults: $name: GET $path -> $code on request $i of 10, want $want${text:+ with '$text'}"
            return 1
        fi
    done
    ok "faults: $name: GET $path -> $want${text:+ with '$text'}, 10 times in a row"
}

# A background stream of requests for pages that no fault of the phase concerns; each answer
# is one line "CODE PATH". start_stream FILE PATH...; stop_stream checks it.
STREAM_PID=""
start_stream() {
    local out=$1; shift
    : > "$out"; rm -f "$TMP/stream.stop"
    (
        while [ ! -e "$TMP/stream.stop" ]; do
            for p in "$@"; do
                c=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' "$URL$p" 2>/dev/null) || c=000
                echo "$c $p" >> "$out"
            done
        done
    ) &
    STREAM_PID=$!
}
stop_stream() {  # stop_stream FILE NAME
    local out=$1 name=$2 total bad
    touch "$TMP/stream.stop"
    wait "$STREAM_PID" 2>/dev/null
    STREAM_PID=""
    total=$(wc -l < "$out")
    bad=$(awk '$1 >= 500 || $1 == "000"' "$out")
    if [ "$total" -lt 20 ]; then
        not_ok "faults: $name: the background stream made only $total requests"
    elif [ -n "$bad" ]; then
        not_ok "faults: $name: $(echo "$bad" | wc -l) of $total background requests failed" \
            "$(echo "$bad" | sort | uniq -c | head -5)"
        log_tail "$log" 15
    else
        ok "faults: $name: $total background requests for the other pages, none 5xx or unanswered ($(awk '{print $1}' "$out" | sort | uniq -c | tr -s ' ' | tr '\n' ',' | sed 's/,$//'))"
    fi
}

# expect_log NAME TEXT: the error log gets a line holding TEXT within DEADLINE+2 s.
expect_log() {
    local name=$1 text=$2 i
    for i in $(seq 1 $(((DEADLINE + 2) * 10))); do
        if grep -qF -- "$text" "$log"; then
            ok "faults: $name: lighttpd's error log says: $(grep -F -- "$text" "$log" | tail -1 | sed 's/^.*folio: /folio: /' | cut -c1-160)"
            return 0
        fi
        sleep 0.1
    done
    not_ok "faults: $name: no line with '$text' in lighttpd's error log" \
        "lighttpd gives the backends it spawns /dev/null as stderr; what a backend sends as FCGI_STDERR is logged"
    log_tail "$log" 10
    return 1
}

# Writes a file of the deploy as the owner would (readable by the server's user).
put() { printf '%s' "$2" > "$deploy/$1"; chmod 644 "$deploy/$1"; CHANGED=$(now_ms); }

folio_pids() {
    local p
    for p in /proc/[0-9]*; do
        [ "$(readlink "$p/exe" 2>/dev/null)" = "$deploy/cgi-bin/folio.fcgi" ] && alive "${p#/proc/}" && echo "${p#/proc/}"
    done
}

code=$(get /); [ "$code" = 200 ] || bail "faults: GET / -> $code before any fault" "$log"

# ---------------------------------------------------------------- content

start_stream "$TMP/stream-content" / /publications/ /publications/2025-dsp/ /images/avatar.svg /assets/folio.css /about/ /nowhere/

put content/fault.md $'---\ntitle: Fault page\n---\nfault version 1\n'
wait_for "a new page" /fault/ 200 "fault version 1"
put content/fault.md $'---\ntitle: Fault page\n---\nfault version 2\n'
wait_for "an edit of the same size" /fault/ 200 "fault version 2"

# Half-written: cut inside the front matter (no closing fence yet), completed 1.5 s later.
printf -- '---\ntitle: Fault pa' > "$deploy/content/fault.md"; CHANGED=$(now_ms)
wait_for "a page cut inside its front matter" /fault/ 500
expect_log "the half-written page" "content/fault.md"
sleep 0.5
printf -- 'ge\n---\nfault version 3, complete\n' >> "$deploy/content/fault.md"; CHANGED=$(now_ms)
wait_for "the same page completed" /fault/ 200 "fault version 3"

mv "$deploy/content/fault.md" "$deploy/content/fault-renamed.md"; CHANGED=$(now_ms)
wait_for "a renamed page at its new URL" /fault-renamed/ 200 "fault version 3"
wait_for "a renamed page at its old URL" /fault/ 404
rm "$deploy/content/fault-renamed.md"; CHANGED=$(now_ms)
wait_for "a deleted page" /fault-renamed/ 404

sed -i '/^@inproceedings{HeteGen,/,/^}/d' "$deploy/content/_publications/papers.bib"; CHANGED=$(now_ms)
wait_for "a deleted collection item" /publications/2024-hetegen/ 404
code=$(get /publications/)
if [ "$code" = 200 ] && ! grep -q 'id="HeteGen"' "$TMP/body" && grep -q 'id="DSP"' "$TMP/body"; then
    ok "faults: the listing no longer shows the deleted item and keeps the others"
else
    not_ok "faults: GET /publications/ after the delete -> $code" "HeteGen still listed or DSP gone"
fi
stop_stream "$TMP/stream-content" "content edited, half-written, renamed and deleted"

# ---------------------------------------------------------------- owner's files

start_stream "$TMP/stream-owner" / /publications/ /images/avatar.svg /assets/folio.css /about/ /nowhere/

good_single=$(cat "$deploy/templates/layouts/single.mustache")
broken_single=$'<!DOCTYPE html>\n<html>\n{{#page.title}}\n<body>{{{content}}}\n'
put templates/layouts/single.mustache "$broken_single"
expect_log "a broken layout" "single.mustache:3"
sleep 1.5  # the stream keeps both workers busy: each has rechecked the site by now
code=$(get /publications/2025-dsp/)
if [ "$code" = 500 ] && grep -qi '<html\|<title\|<h1' "$TMP/body" && ! grep -q '{{' "$TMP/body"; then
    ok "faults: a page that uses the broken layout answers a clean 500"
elif [ "$code" = 200 ] && grep -q 'Dynamic Sequence Parallelism' "$TMP/body"; then
    ok "faults: a page that uses the broken layout keeps its last good version"
else
    not_ok "faults: GET /publications/2025-dsp/ with a broken layout -> $code" "$(head -c 300 "$TMP/body" | tr '\n' ' ')"
fi
put templates/layouts/single.mustache "$good_single"$'\n'
wait_for "the layout repaired" /publications/2025-dsp/ 200 "Dynamic Sequence Parallelism"
sleep 1.5

good_ini=$(cat "$deploy/cgi-bin/folio.ini")
broken_ini="$good_ini"$'\n\n[sight]\ncolour = blue\n'
put cgi-bin/folio.ini "$broken_ini"
if ! expect_log "a broken folio.ini" "still serving the last good configuration"; then
    skip "faults: the log line names folio.ini and its line" "no such log line"
elif grep -F "still serving the last good configuration" "$log" | grep -q 'folio.ini:[0-9]*:'; then
    ok "faults: the log line names folio.ini and its line"
else
    not_ok "faults: the log line does not name folio.ini:LINE" "$(grep -F 'still serving' "$log" | tail -1)"
fi
sleep 1.5
steady "the last good configuration keeps serving" / 200 "Xuanlei Zhao"
steady "the last good configuration keeps serving" /publications/2025-dsp/ 200 "Dynamic Sequence Parallelism"
# Only folio.ini is broken: content and templates changed meanwhile are still the owner's
# current files, and are served as such.
put content/while-broken.md $'---\ntitle: Written while folio.ini was broken\n---\nstill served\n'
wait_for "a page added while folio.ini is broken" /while-broken/ 200 "still served"
put cgi-bin/folio.ini "$good_ini"$'\n'
wait_for "folio.ini repaired" /while-broken/ 200 "still served"
# A layout repaired in the same second as folio.ini breaks: no worker ever saw the repaired
# layout with a good folio.ini, and the last good state it keeps has the broken layout.
put templates/layouts/single.mustache "$broken_single"
sleep 1.5
put templates/layouts/single.mustache "$good_single"
put cgi-bin/folio.ini "$broken_ini"
wait_for "a layout repaired as folio.ini breaks" /publications/2025-dsp/ 200 "Dynamic Sequence Parallelism"
put cgi-bin/folio.ini "${good_ini/title = Xuanlei Zhao/title = Renamed Site}"$'\n'
wait_for "folio.ini repaired, with a new title" / 200 "Renamed Site"
put cgi-bin/folio.ini "$good_ini"$'\n'
wait_for "folio.ini back as it was" / 200 "Xuanlei Zhao"
wait_for "every page as it was" /publications/2025-dsp/ 200 "Dynamic Sequence Parallelism"
stop_stream "$TMP/stream-owner" "broken layout and broken folio.ini edited in and repaired"

# ---------------------------------------------------------------- workers killed

# new_worker_after BEFORE: waits (10 s) until lighttpd runs 2 workers, none of them in BEFORE.
kill_and_check() {  # kill_and_check NAME PID...
    local name=$1 pids i now code fresh; shift
    kill -KILL "$@"
    CHANGED=$(now_ms)
    for p in "$@"; do wait_gone "$p" 5 || not_ok "faults: $name: worker $p survived SIGKILL"; done
    code=$(get /publications/)
    if [ "$code" = 200 ]; then ok "faults: $name: the next request -> 200 after $(($(now_ms) - CHANGED)) ms"
    else not_ok "faults: $name: the next request -> $code" "$(head -c 200 "$TMP/body")"; log_tail "$log" 10; fi
    for i in $(seq 1 100); do
        now=$(folio_pids)
        fresh=$(comm -13 <(printf '%s\n' "$@" | sort) <(echo "$now" | sort) | grep -c .)
        [ "$(echo "$now" | grep -c .)" -ge 2 ] && [ "$fresh" -ge 2 ] && break
        [ "$(echo "$now" | grep -c .)" -ge 2 ] && [ $# -eq 1 ] && ! echo "$now" | grep -qx "$1" && break
        get / > /dev/null
        sleep 0.1
    done
    now=$(folio_pids)
    if [ "$(echo "$now" | grep -c .)" -ge 2 ] && ! echo "$now" | grep -qxF -f <(printf '%s\n' "$@"); then
        ok "faults: $name: lighttpd runs 2 workers again ($(echo "$now" | tr '\n' ' '))"
    else
        not_ok "faults: $name: workers after the kill: $(echo "$now" | tr '\n' ' ')(killed: $*)"
    fi
    local n bad=0
    for n in $(seq 1 20); do [ "$(get /)" = 200 ] || bad=$((bad + 1)); done
    if [ "$bad" -eq 0 ]; then ok "faults: $name: 20 requests afterwards all 200"
    else not_ok "faults: $name: $bad of 20 requests afterwards failed"; fi
}

for n in 1 2 3 4 5 6 7 8 9 10; do get / > /dev/null; get /publications/ > /dev/null; done
workers=$(folio_pids)
[ "$(echo "$workers" | grep -c .)" -ge 2 ] || bail "faults: expected 2 folio workers, found: $workers" "$log"
kill_and_check "one worker killed with SIGKILL" "$(echo "$workers" | head -1)"
# shellcheck disable=SC2046
kill_and_check "both workers killed with SIGKILL" $(folio_pids)

if grep -qiE 'segfault|core dumped|signal 11|signal 6|AddressSanitizer|runtime error' "$log"; then
    not_ok "faults: a worker crashed" "$(grep -iE 'segfault|core dumped|signal 11|signal 6|Sanitizer|runtime error' "$log" | head -5)"
else
    ok "faults: no worker crashed on its own (error log)"
fi
if stop_all; then ok "faults: lighttpd and its folio workers stopped, nothing left running"; fi
finish
