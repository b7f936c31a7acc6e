# Shared helpers for tests/servers/run-*.sh: each script sources this file, starts one real web
# server (or several, one after the other) in front of a temporary deploy of folio, runs
# requests.tsv through it with curl and ends with "RESULT passed=N failed=N skipped=N".
#
# Everything binds 127.0.0.1 only. Servers are stopped by the PID that they wrote (never by
# name), on any exit too (trap), and the temporary folder is removed.
# shellcheck shell=bash

set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/tests/servers"
TABLE="$HERE/requests.tsv"
# alive, leftovers, pick_port and the lighttpd.conf pieces, shared with tests/bench and
# tests/browser (functions only).
. "$HERE/common.sh"
# The folio under test: this checkout, or FOLIO_TREE=/other/checkout (its cgi-bin/folio.fcgi,
# folio.ini, content/ and templates/), e.g. a clean build of HEAD while src/ is being edited.
TREE=${FOLIO_TREE:-$ROOT}
FOLIO_BIN="$TREE/cgi-bin/folio.fcgi"
PASSED=0 FAILED=0 SKIPPED=0 TESTNO=0
TMP=""            # the temporary folder of this run (everything lives in it)
STOPS=()          # "pidfile|name|logfile" of the servers started, stopped in reverse order
SETUP=""          # the name of the setup being tested, for skip lists and test names

# ---------------------------------------------------------------- reporting

ok() { TESTNO=$((TESTNO + 1)); PASSED=$((PASSED + 1)); echo "ok $TESTNO - $*"; }
not_ok() {  # $1 = name, rest = details (one "#" line each)
    TESTNO=$((TESTNO + 1)); FAILED=$((FAILED + 1)); echo "not ok $TESTNO - $1"; shift
    local d; for d in "$@"; do printf '#   %s\n' "$d"; done
}
# A set-up step that worked: said, not counted (a failed one calls bail, which counts a failure
# and stops the suite).
setup_done() { echo "# set-up: $*"; }
skip() { TESTNO=$((TESTNO + 1)); SKIPPED=$((SKIPPED + 1)); echo "ok $TESTNO - $1 # SKIP $2"; }
check() {  # check NAME COMMAND...: ok when the command succeeds
    local name=$1; shift
    if "$@"; then ok "$name"; else not_ok "$name" "failed: $*"; fi
}
# count_checks PREFIX < TAP-LINES: counts a driver's "ok - NAME" / "not ok - NAME" lines as this
# suite's checks (named "PREFIX: NAME"); its other lines are shown as they are.
count_checks() {
    local line
    while IFS= read -r line; do
        case "$line" in
            "ok - "*) ok "$1: ${line#ok - }" ;;
            "not ok - "*) not_ok "$1: ${line#not ok - }" ;;
            *) echo "$line" ;;
        esac
    done
}
log_tail() {  # log_tail FILE [LINES]: shows the end of a log, prefixed with "#"
    local f=$1 n=${2:-25}
    if [ -s "$f" ]; then echo "# --- last lines of $f"; tail -n "$n" "$f" | sed 's/^/#   /'; fi
}
# Stops everything, prints the RESULT line, exits (1 when anything failed).
finish() {
    cleanup
    echo "RESULT passed=$PASSED failed=$FAILED skipped=$SKIPPED"
    trap - EXIT INT TERM
    [ "$FAILED" -eq 0 ] && exit 0
    exit 1
}
# A setup that cannot run at all: one failing test, the logs, and out.
bail() {  # bail MESSAGE [LOGFILE...]
    local msg=$1 f; shift
    not_ok "$msg"
    for f in "$@"; do log_tail "$f" 40; done
    finish
}

# ---------------------------------------------------------------- set-up

# Installs missing Debian packages (idempotent; keeps Debian from starting the services).
need_packages() {
    "$ROOT/tools/ensure-packages" "$@" || bail "${SETUP:-servers}: cannot install Debian packages: $*"
}

# Builds cgi-bin/folio.fcgi when it is missing or older than a source file.
need_folio() {
    if [ ! -x "$FOLIO_BIN" ] || [ -n "$(find "$TREE/src" -newer "$FOLIO_BIN" -name '*.[ch]*' 2>/dev/null | head -1)" ]; then
        make -C "$TREE" --no-print-directory cgi-bin/folio.fcgi >&2 || bail "cannot build cgi-bin/folio.fcgi"
    fi
}

# The temporary folder, traversable by www-data (servers started as root drop to it).
make_tmp() {
    TMP=$(mktemp -d /tmp/folio-servers.XXXXXX) || { echo "cannot make a temporary folder" >&2; exit 1; }
    chmod 755 "$TMP"
    trap 'finish' EXIT
    trap 'not_ok "interrupted"; finish' INT TERM
}

# make_deploy DIR [BASE_PATH]: lays out a site as `make install` / a shared-host upload does:
#   DIR/cgi-bin/folio.fcgi  DIR/cgi-bin/folio.ini  DIR/content/  DIR/templates/
# plus DIR/canary.txt beside content/ holding $CANARY, which no response may ever contain.
CANARY=""
make_deploy() {
    local dir=$1 base=${2:-}
    mkdir -p "$dir/cgi-bin"
    cp "$FOLIO_BIN" "$dir/cgi-bin/folio.fcgi"
    sed "s|^base_path *=.*|base_path = $base|" "$TREE/cgi-bin/folio.ini" > "$dir/cgi-bin/folio.ini"
    cp -R "$TREE/content" "$TREE/templates" "$dir/"
    CANARY="folio-canary-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
    echo "$CANARY" > "$dir/canary.txt"
    mkdir -p "$dir/content-private" && echo "$CANARY" > "$dir/content-private/about.md"
    chmod -R a+rX "$dir"
    chmod 755 "$dir/cgi-bin/folio.fcgi"
    grep -q "^base_path = $base\$" "$dir/cgi-bin/folio.ini" || bail "make_deploy: base_path not set in folio.ini"
}

# A folder that the server (dropping to www-data) may write: sockets, logs.
make_writable_dir() {
    mkdir -p "$1"
    [ "$(id -u)" -eq 0 ] && chown www-data:www-data "$1"
    return 0
}

# apache_conf_head PORT PIDFILE RUNDIR ERRORLOG MPM [MODULE...]: the start of a private
# httpd.conf (ServerRoot $TMP; Debian's /etc/apache2 is neither read nor touched), listening on
# 127.0.0.1:PORT only, with the PidFile that it is stopped by; loads mod_mpm_MPM (prefork,
# event), authz_core, mime and each MODULE (alias, rewrite, cgi, fcgid...) from Debian's
# module folder; User/Group www-data when run as root. Printed on stdout.
apache_conf_head() {
    local port=$1 pidfile=$2 run=$3 log=$4 mpm=$5 m modules=/usr/lib/apache2/modules
    shift 5
    cat <<CONF
ServerRoot "$TMP"
ServerName 127.0.0.1
Listen 127.0.0.1:$port
PidFile "$pidfile"
DefaultRuntimeDir "$run"
Mutex file:$run default
ErrorLog "$log"
LogLevel warn
LoadModule mpm_${mpm}_module $modules/mod_mpm_$mpm.so
LoadModule authz_core_module $modules/mod_authz_core.so
LoadModule mime_module $modules/mod_mime.so
CONF
    for m in "$@"; do echo "LoadModule ${m}_module $modules/mod_$m.so"; done
    if [ "$(id -u)" -eq 0 ]; then printf 'User www-data\nGroup www-data\n'; fi
    return 0
}

# apache_start NAME CONF PIDFILE ERRORLOG PORT: checks CONF (apache2 -t), starts apache2 with it,
# registers it to be stopped by the PID in PIDFILE and waits until it listens on 127.0.0.1:PORT;
# bails with the logs when any of that fails.
apache_start() {
    local name=$1 conf=$2 pidfile=$3 log=$4 port=$5
    apache2 -t -f "$conf" > "$TMP/configtest.log" 2>&1 || bail "$name: apache2 rejects its configuration" "$TMP/configtest.log"
    apache2 -f "$conf" -k start > "$TMP/start.log" 2>&1 || bail "$name: apache2 -k start failed" "$TMP/start.log" "$log"
    register_stop "$pidfile" "$name: apache2" "$log"
    wait_port "$port" "$pidfile" "$name: apache2" "$log"
}

# ---------------------------------------------------------------- processes

# register_stop PIDFILE NAME [LOG]: stop_all (and the exit trap) will stop this server.
register_stop() { STOPS+=("$1|$2|${3:-}"); }

# wait_gone PID SECONDS: true once the process has exited.
wait_gone() {
    local pid=$1 tenths=$(($2 * 10)) i
    for ((i = 0; i < tenths; i++)); do alive "$pid" || return 0; sleep 0.1; done
    ! alive "$pid"
}

# wait_port PORT PIDFILE NAME LOG: waits (10 s) until 127.0.0.1:PORT accepts connections and
# the server wrote its pid file; bails with the log tail when it does not come up.
wait_port() {
    local port=$1 pidfile=$2 name=$3 log=$4 i
    for i in $(seq 1 100); do
        if [ -s "$pidfile" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    bail "$name did not start listening on 127.0.0.1:$port within 10 s" "$log"
}

# stop_pidfile PIDFILE NAME [LOG] [SIGNAL]: signals the PID in the file and waits (10 s) for exit.
stop_pidfile() {
    local pidfile=$1 name=$2 log=${3:-} sig=${4:-TERM} pid
    [ -s "$pidfile" ] || return 0
    pid=$(tr -dc 0-9 < "$pidfile")
    [ -n "$pid" ] || return 0
    if alive "$pid"; then
        kill -"$sig" "$pid" 2>/dev/null
        if ! wait_gone "$pid" 10; then
            not_ok "$name (pid $pid) did not exit within 10 s of SIG$sig" && log_tail "$log"
            kill -KILL "$pid" 2>/dev/null
            wait_gone "$pid" 5
        fi
    fi
    rm -f "$pidfile"
}

# folio_check_running NAME BINARY: one test: at least one process of BINARY (the deploy's
# folio.fcgi) is running, as www-data when the tests run as root.
folio_check_running() {
    local name=$1 bin=$2 p pids="" users=""
    for p in $(leftovers); do
        [ "$(readlink "/proc/$p/exe")" = "$bin" ] || continue
        pids="$pids $p"; users="$users $(stat -c %U "/proc/$p")"
    done
    if [ -z "$pids" ]; then
        not_ok "$name: no persistent folio process is running (not run as FastCGI?)"
    elif [ "$(id -u)" -eq 0 ] && tr ' ' '\n' <<< "$users" | grep -v '^$' | grep -qvx www-data; then
        not_ok "$name: folio runs as$users, want www-data"
    else
        ok "$name: $(wc -w <<< "$pids") persistent folio FastCGI process(es) running, as$(tr ' ' '\n' <<< "$users" | sort -u | tr '\n' ' ')"
    fi
}

# Stops every registered server (newest first) and checks that nothing of this run is left.
stop_all() {
    local i entry pidfile name log rest pids
    for ((i = ${#STOPS[@]} - 1; i >= 0; i--)); do
        entry=${STOPS[$i]}
        pidfile=${entry%%|*}; rest=${entry#*|}; name=${rest%%|*}; log=${rest#*|}
        stop_pidfile "$pidfile" "$name" "$log"
    done
    STOPS=()
    sleep 0.2
    pids=$(leftovers)
    if [ -n "$pids" ]; then
        sleep 1; pids=$(leftovers)
    fi
    if [ -n "$pids" ]; then
        not_ok "${SETUP:-servers}: processes left running after the servers stopped" \
            "$(for p in $pids; do echo "$p: $(tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null)"; done)"
        # Ours by construction (they run from $TMP): end them one by one, by PID.
        for p in $pids; do kill -KILL "$p" 2>/dev/null; done
        return 1
    fi
    return 0
}

CLEANED=""
cleanup() {
    [ -n "$CLEANED" ] && return 0
    CLEANED=1
    stop_all
    # folio, run by a server as a user that does not own the program file, logs "no disk cache"
    # once and names the marker file in /tmp that remembers it: remove the markers of this run.
    local marker
    if [ -n "$TMP" ] && [ -d "$TMP" ]; then
        for marker in $(grep -rhoa '/tmp/folio-[0-9]*-said-[0-9a-f]*' "$TMP" 2>/dev/null | sort -u); do rm -f "$marker"; done
    fi
    [ -n "$TMP" ] && [ -d "$TMP" ] && [ -z "${KEEP_TMP:-}" ] && rm -rf "$TMP"
    return 0
}

# ---------------------------------------------------------------- the request table

# header_value FILE NAME: the value of the last such header line (case-insensitive name).
header_value() {
    awk -v name="$2" 'BEGIN { n = tolower(name) ":" }
        { sub(/\r$/, "") }
        tolower(substr($0, 1, length(n))) == n { v = substr($0, length(n) + 1); sub(/^[ \t]+/, "", v); found = 1 }
        END { if (found) print v; else exit 1 }' "$1"
}

# HTML links that escape the mount prefix: href/src/action values starting with "/" but not
# with "$base/".
stray_links() {  # stray_links BODYFILE BASE
    grep -oE '(href|src|action)="/[^"]*"' "$1" | grep -vF "=\"$2/" || true
}

# run_http_checks URL_PREFIX BASE: what the web server must let through of folio's HTTP
# caching: ETag + If-None-Match -> 304 without a body, Last-Modified + If-Modified-Since -> 304,
# Accept-Encoding: gzip -> a gzip body that inflates to the plain page.
run_http_checks() {
    local url="$1$2/" name="$SETUP: GET $2/" d="$TMP/resp/cond" etag lm code enc
    mkdir -p "$d"
    curl -s --max-time 15 -D "$d/h" -o "$d/plain" "$url"
    etag=$(header_value "$d/h" ETag) || etag=""
    lm=$(header_value "$d/h" Last-Modified) || lm=""
    if [ -z "$etag" ]; then
        not_ok "$name carries an ETag" "$(tr -d '\r' < "$d/h" | tr '\n' ' ')"
    else
        code=$(curl -s --max-time 15 -D "$d/h2" -o "$d/b2" -w '%{http_code}' -H "If-None-Match: $etag" "$url")
        if [ "$code" = 304 ] && [ ! -s "$d/b2" ]; then ok "$name with If-None-Match: its ETag -> 304, no body"
        else not_ok "$name with If-None-Match: $etag -> $code, $(wc -c < "$d/b2") body bytes, want 304 and none"; fi
    fi
    if [ -z "$lm" ]; then
        not_ok "$name carries Last-Modified" "$(tr -d '\r' < "$d/h" | tr '\n' ' ')"
    else
        code=$(curl -s --max-time 15 -o "$d/b3" -w '%{http_code}' -H "If-Modified-Since: $lm" "$url")
        if [ "$code" = 304 ] && [ ! -s "$d/b3" ]; then ok "$name with If-Modified-Since: its Last-Modified -> 304"
        else not_ok "$name with If-Modified-Since: $lm -> $code, want 304"; fi
    fi
    code=$(curl -s --max-time 15 -D "$d/h4" -o "$d/gz" -w '%{http_code}' -H 'Accept-Encoding: gzip' "$url")
    enc=$(header_value "$d/h4" Content-Encoding) || enc=""
    if [ "$code" = 200 ] && [ "$enc" = gzip ] && gzip -dc < "$d/gz" > "$d/inflated" 2>/dev/null &&
        cmp -s "$d/inflated" "$d/plain"; then
        ok "$name with Accept-Encoding: gzip -> a gzip body that inflates to the plain page"
    else
        not_ok "$name with Accept-Encoding: gzip -> $code, Content-Encoding '$enc'" \
            "$(wc -c < "$d/gz") bytes; inflated equals the plain page: $(cmp -s "$d/inflated" "$d/plain" && echo yes || echo no)"
    fi
}

# raw_request METHOD URL PATH HEADERFILE BODYFILE: one HTTP/1.1 request with "Connection: close"
# over bash's /dev/tcp, read to the end; prints the status code.
raw_request() {
    local method=$1 url=$2 path=$3 hdr=$4 bod=$5 hostport raw hsize
    hostport=${url#http://}; raw="$hdr.raw"
    # shellcheck disable=SC2016  # the inner script expands its own arguments
    timeout 15 bash -c 'exec 3<>"/dev/tcp/${1%:*}/${1#*:}" || exit 1
        printf "%s %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: folio-tests\r\nConnection: close\r\n\r\n" "$2" "$3" "$1" >&3
        cat <&3' _ "$hostport" "$method" "$path" > "$raw" || return 1
    sed -n '1,/^\r\{0,1\}$/p' "$raw" > "$hdr"
    hsize=$(wc -c < "$hdr")
    tail -c +$((hsize + 1)) "$raw" > "$bod"
    head -1 "$hdr" | cut -d' ' -f2
}

# run_table URL_PREFIX BASE [LOG...]: runs requests.tsv against http://127.0.0.1:PORT
# (URL_PREFIX), each path behind the mount prefix BASE ("" at the root); when a row fails, the
# end of each LOG (the server's error log) is shown after the table.
run_table() {
    local url=$1 base=$2 failed_before=$FAILED method path status headers body skips
    local name out hdr bod code fails chk want got hname op ctype ln stray
    out="$TMP/resp"; mkdir -p "$out"
    hdr="$out/headers"; bod="$out/body"
    while IFS=$'\t' read -r method path status headers body skips; do
        case "$method" in ''|'#'*) continue ;; esac
        name="$SETUP: $method $base$path -> $status"
        if [ -n "${skips:-}" ] && [ "$skips" != "-" ] && [[ ",$skips," == *",$SETUP,"* ]]; then
            skip "$name" "listed as skipped for $SETUP in requests.tsv"; continue
        fi
        rm -f "$hdr" "$bod"
        if [ "$method" = HEAD ]; then
            # curl --head never reads a body, so a body sent after the headers would go unseen:
            # read the raw answer of a "Connection: close" request instead.
            code=$(raw_request "$method" "$url" "$base$path" "$hdr" "$bod" 2>"$out/curl.err") || code=000
        else
            local -a args=(-s -o "$bod" -D "$hdr" -w '%{http_code}' --path-as-is --max-time 15)
            case "$method" in
                GET) ;;
                POST|PUT) args+=(-X "$method" --data-binary 'x=1') ;;
                *) args+=(-X "$method") ;;
            esac
            code=$(curl "${args[@]}" "$url$base$path" 2>"$out/curl.err") || true
        fi
        [ -f "$bod" ] || : > "$bod"
        [ -f "$hdr" ] || : > "$hdr"
        fails=()
        # status
        case "$status" in
            [1-5]xx) [[ "$code" == "${status:0:1}"?? ]] || fails+=("status $code, want $status") ;;
            *) [ "$code" = "$status" ] || fails+=("status $code, want $status") ;;
        esac
        [ "$code" = "000" ] && fails+=("curl: $(cat "$out/curl.err")")
        # headers
        if [ "$headers" != "-" ]; then
            IFS='|' read -r -a checks <<< "$headers"
            for chk in "${checks[@]}"; do
                if [[ "$chk" == '!'* ]]; then
                    hname=${chk#!}
                    got=$(header_value "$hdr" "$hname") && fails+=("header $hname present: $got")
                    continue
                fi
                if ! [[ "$chk" =~ ^([A-Za-z0-9-]+)([=^~])(.*)$ ]]; then
                    fails+=("requests.tsv: bad header check '$chk'"); continue
                fi
                hname=${BASH_REMATCH[1]} op=${BASH_REMATCH[2]} want=${BASH_REMATCH[3]}
                got=$(header_value "$hdr" "$hname") || got="(absent)"
                case "$op" in
                    =) [[ "$hname" == Location && "$want" == /* ]] && want="$base$want"
                       [ "$got" = "$want" ] || fails+=("header $hname: '$got', want '$want'") ;;
                    ^) [[ "$got" == "$want"* ]] || fails+=("header $hname: '$got', want '$want...'") ;;
                    ~) printf '%s' "$got" | grep -qE -- "$want" || fails+=("header $hname: '$got', want /$want/") ;;
                esac
            done
        fi
        # body
        if [ "$body" != "-" ]; then
            IFS='|' read -r -a checks <<< "$body"
            for chk in "${checks[@]}"; do
                case "$chk" in
                    empty) [ ! -s "$bod" ] || fails+=("body not empty ($(wc -c < "$bod") bytes)") ;;
                    +*) grep -qF -- "${chk#+}" "$bod" || fails+=("body lacks '${chk#+}'") ;;
                    -*) grep -qF -- "${chk#-}" "$bod" && fails+=("body contains '${chk#-}'") ;;
                    *) fails+=("requests.tsv: bad body check '$chk'") ;;
                esac
            done
        fi
        # every row: the canary never leaks
        if grep -qF -- "$CANARY" "$bod" "$hdr"; then fails+=("the canary file's text is in the response"); fi
        # every row under a prefix: links and Location stay under it
        if [ -n "$base" ]; then
            got=$(header_value "$hdr" Location) && [[ "$got" == /* ]] && [[ "$got" != "$base/"* ]] &&
                fails+=("Location '$got' is outside $base/")
            ctype=$(header_value "$hdr" Content-Type) || ctype=""
            if [[ "$ctype" == text/html* ]]; then
                stray=$(stray_links "$bod" "$base")
                [ -n "$stray" ] && fails+=("links outside $base/: $(echo "$stray" | sort -u | head -5 | tr '\n' ' ')")
            fi
        fi
        if [ ${#fails[@]} -eq 0 ]; then
            if [ "$code" != "$status" ]; then
                # Who answered: folio's pages carry its theme's masthead, a server's do not.
                if grep -qF 'class="masthead"' "$bod"; then got="folio"; else got="the web server"; fi
                ok "$name (got $code from $got)"
            else
                ok "$name"
            fi
        else
            ln=$(head -1 "$hdr" | tr -d '\r')
            not_ok "$name" "${fails[@]}" "response: $ln; $(wc -c < "$bod") body bytes; $(head -c 200 "$bod" | tr '\n\r' '  ')"
        fi
    done < "$TABLE"
    if [ "$FAILED" -gt "$failed_before" ]; then
        shift 2
        for chk in "$@"; do log_tail "$chk" 30; done
    fi
    return 0
}
