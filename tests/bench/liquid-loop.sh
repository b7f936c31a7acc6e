#!/bin/bash
# The academicpages listing loop, timed through the real binary (issue 13):
#   {% for post in site.publications %}{% include archive-single.html %}{% endfor %}
# on a Jekyll site of N publications, for each N given (default 250 500 1000 5000). Prints, as
# a CGI, the time of the whole request for the listing page and, to subtract the rest of the
# request (building the site), for a page of the same site without the loop; and in a FastCGI
# worker that has loaded the site, the listing page's first render (fcgi_first_render.py: the
# figure the 50 ms target is about). Usage: tests/bench/liquid-loop.sh [BIN] [N...]
set -eu
cd "$(dirname "$0")/../.."
bin=${1:-cgi-bin/folio.fcgi}
shift || true
sizes=${*:-250 500 1000 5000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R templates "$work/templates"
printf '[paths]\ncontent = site\ntemplates = templates\ncache = off\n' > "$work/folio.ini"

request() {  # $1 = path; prints seconds for one CGI request (the best of 3)
    local best=999 t
    for _ in 1 2 3; do
        t=$( { /usr/bin/time -f %e env -i REQUEST_METHOD=GET REQUEST_URI="$1" GATEWAY_INTERFACE=CGI/1.1 \
               QUERY_STRING= FOLIO_CONFIG="$work/folio.ini" PATH=/usr/bin:/bin "$bin" > "$work/out.html"; } 2>&1 )
        best=$(echo "$t $best" | awk '{print ($1 < $2) ? $1 : $2}')
    done
    echo "$best"
}

for n in $sizes; do
    rm -rf "$work/site"
    mkdir -p "$work/site/_publications" "$work/site/_pages"
    printf 'title: Bench\nurl: https://bench.example.org\nbaseurl: ""\ninclude: [_pages]\ncollections:\n  publications:\n    output: true\n    permalink: /:collection/:path/\n' \
        > "$work/site/_config.yml"
    for i in $(seq 1 "$n"); do
        printf -- '---\ntitle: "Paper %d"\nvenue: "Journal %d"\ndate: 2010-01-01\nexcerpt: "About paper %d."\n---\nAbout paper %d.\n' \
            "$i" "$i" "$i" "$i" > "$work/site/_publications/paper-$i.md"
    done
    printf -- '---\ntitle: Publications\npermalink: /publications/\n---\n{%% include base_path %%}\n{%% for post in site.publications %%}\n  {%% include archive-single.html %%}\n{%% endfor %%}\n' \
        > "$work/site/_pages/publications.md"
    printf -- '---\ntitle: Plain\npermalink: /plain/\n---\nNo loop here.\n' > "$work/site/_pages/plain.md"
    loop=$(request /publications/)
    items=$(grep -c 'Paper [0-9]' "$work/out.html" || true)
    plain=$(request /plain/)
    fcgi=$(/usr/bin/python3 tests/bench/fcgi_first_render.py "$bin" "$work/folio.ini" /plain/ /publications/ 5)
    echo "publications=$n cgi_listing=${loop}s cgi_plain=${plain}s items_shown=$items fastcgi_$(echo "$fcgi" | cut -d" " -f1,2)"
done
