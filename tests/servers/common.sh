# Helpers shared by tests/servers/lib.sh (so every tests/servers/run-*.sh), tests/bench/run.sh
# and tests/browser/run-browser.sh. Sourcing this file only defines functions: it sets no shell
# option, trap or variable, so a script that sources it keeps its own (and may redefine any of
# these after sourcing).
# shellcheck shell=bash

# ---------------------------------------------------------------- processes and ports

alive() {  # alive PID: running and not a zombie
    local state
    [ -r "/proc/$1/stat" ] || return 1
    state=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)
    [ -n "$state" ] && [ "$state" != Z ]
}

# Processes of this run still alive: an executable or a command line inside $TMP (folio
# backends from the deploy, a Chromium whose profile lives there). Never the shell itself ($$).
leftovers() {
    local p exe
    [ -n "$TMP" ] || return 0
    for p in /proc/[0-9]*; do
        [ "${p#/proc/}" = "$$" ] && continue
        exe=$(readlink "$p/exe" 2>/dev/null) || continue
        if [[ "$exe" == "$TMP/"* ]] || tr '\0' ' ' < "$p/cmdline" 2>/dev/null | grep -qF "$TMP/"; then
            alive "${p#/proc/}" && echo "${p#/proc/}"
        fi
    done
}

# A free TCP port on 127.0.0.1: below the kernel's ephemeral range (so no outgoing connection
# can hold it between this check and the server's bind), and used by no socket at all.
pick_port() {
    local low i p hex
    low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null | tr -dc 0-9)
    [ -n "$low" ] && [ "$low" -gt 12000 ] || low=32768
    for i in $(seq 1 200); do
        p=$((10000 + (RANDOM * 32768 + RANDOM) % (low - 10000)))
        hex=$(printf ':%04X ' "$p")
        if ! cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk '{ print $2 " " $3 }' | grep -qF "$hex" &&
            ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"; return 0
        fi
    done
    return 1
}

# ---------------------------------------------------------------- lighttpd.conf pieces
# Printed on stdout, to be put together in a { ...; } > lighttpd.conf block.

# lighttpd_conf_head MODULES PORT DOCROOT ERRORLOG PIDFILE: the first lines of a lighttpd.conf
# listening on 127.0.0.1:PORT only. MODULES is what goes inside server.modules = (...), e.g.
# '"mod_fastcgi"'. The pid file is how the server is stopped (by its PID, never by name).
lighttpd_conf_head() {
    echo "server.modules = ($1)"
    echo 'server.bind = "127.0.0.1"'
    echo "server.port = $2"
    echo "server.document-root = \"$3\""
    echo "server.errorlog = \"$4\""
    echo "server.pid-file = \"$5\""
}

# lighttpd_conf_user: run as root, lighttpd drops to www-data (nothing otherwise).
lighttpd_conf_user() {
    if [ "$(id -u)" -eq 0 ]; then
        echo 'server.username = "www-data"'
        echo 'server.groupname = "www-data"'
    fi
    return 0
}

# lighttpd_conf_fastcgi MOUNT BINARY SOCKET MAX_PROCS: mod_fastcgi spawns BINARY (folio) itself
# on SOCKET-N and passes every path under MOUNT to it, as tools/serve and HACKING.md, server fact 3 do.
lighttpd_conf_fastcgi() {
    cat <<CONF
fastcgi.server = ("$1" => ((
    "bin-path" => "$2",
    "socket" => "$3",
    "check-local" => "disable",
    "fix-root-scriptname" => "enable",
    "max-procs" => $4
)))
CONF
}
