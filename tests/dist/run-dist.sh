#!/bin/bash
# `make dist` gives an upload that needs nothing from the host: its binary is fully static and
# answers from inside an empty chroot holding only the unpacked tarball.
set -u
cd "$(dirname "$0")/../.."
passed=0 failed=0 skipped=0
ok() { echo "ok $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok $1"; failed=$((failed + 1)); }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

jail=$(mktemp -d /tmp/folio-chroot-XXXXXX)
trap 'rm -rf "$jail"' EXIT
# make install honours PREFIX and DESTDIR (checked even when make dist fails). check's eval sees
# stage: bash's locals are visible to the functions a function calls.
check_install() {
    local stage
    stage=$(mktemp -d /tmp/folio-install-XXXXXX)
    make --no-print-directory install PREFIX=/opt/folio-test DESTDIR="$stage" >/dev/null 2>&1
    check "make install PREFIX=/opt/folio-test DESTDIR=... puts the binary, folio.ini, content/ and templates/ there" \
        '[ -x "$stage/opt/folio-test/lib/folio/cgi-bin/folio.fcgi" ] && [ -f "$stage/opt/folio-test/lib/folio/cgi-bin/folio.ini" ] && [ -f "$stage/opt/folio-test/lib/folio/content/about.md" ] && [ -d "$stage/opt/folio-test/lib/folio/templates/layouts" ]'
    check "the installed folio passes --check" '"$stage/opt/folio-test/lib/folio/cgi-bin/folio.fcgi" --check >/dev/null 2>&1'
    rm -rf "$stage"
}

make --no-print-directory dist >/dev/null 2>&1 || {
    not_ok "make dist"
    check_install
    echo "RESULT passed=$passed failed=$failed skipped=$skipped"
    exit 1
}
version=$(sed -n 's/^VERSION = //p' Makefile)
tarball=folio-$version.tar.gz
check "make dist wrote $tarball" '[ -s "$tarball" ]'
tar -xzf "$tarball" -C "$jail" --strip-components=1
bin=$jail/cgi-bin/folio.fcgi
desc=$(file -b "$bin")
echo "file: $desc"
check "file calls the binary statically linked" '[[ "$desc" == *"statically linked"* ]]'
check "the binary has no dynamic section" '! readelf -d "$bin" 2>/dev/null | grep -q NEEDED'
check "the tarball holds folio.ini, .htaccess, content/ and templates/" \
    '[ -f "$jail/cgi-bin/folio.ini" ] && [ -f "$jail/cgi-bin/.htaccess" ] && [ -f "$jail/content/about.md" ] && [ -d "$jail/templates/layouts" ]'
check "nothing but the tarball is in the chroot" '[ "$(ls -A "$jail" | sort | tr "\n" " ")" = "README.md cgi-bin content templates " ]'

if [ "$(id -u)" -ne 0 ]; then
    echo "skip: chroot needs root"; skipped=$((skipped + 2))
else
    out=$(chroot "$jail" /cgi-bin/folio.fcgi --check 2>&1); rc=$?
    echo "$out" | tail -1
    check "--check passes inside the empty chroot" '[ $rc -eq 0 ]'
    resp=$(env -i REQUEST_METHOD=GET REQUEST_URI=/ "$(command -v chroot)" "$jail" /cgi-bin/folio.fcgi </dev/null 2>&1)
    check "GET / answers 200 as a CGI inside the empty chroot" \
        '[[ "$resp" == "Status: 200 OK"* ]] && [[ "$resp" == *"Hello! I am a first-year PhD student"* ]]'
fi
check_install
echo "RESULT passed=$passed failed=$failed skipped=$skipped"
[ $failed -eq 0 ]
