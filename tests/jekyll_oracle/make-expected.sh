#!/bin/bash
# Makes tests/jekyll_oracle/snippets/*/expected.html with the real Jekyll (Debian's jekyll 4.3 and
# ruby-jekyll-paginate): each snippet's template.html becomes a page NAME.html at the top of a copy
# of tests/jekyll_oracle/site (the snippet named "paginator" becomes index.html: Jekyll's paginator
# exists only there), `jekyll build` renders them all, and each page's output is written next to
# its template. `make test` does not need Jekyll: run-jekyll-oracle.sh compares with these files.
#   tests/jekyll_oracle/make-expected.sh [NAME...]
set -eu
cd "$(dirname "$0")"
command -v jekyll >/dev/null || { echo "make-expected: jekyll not found (apt-get install jekyll ruby-jekyll-paginate)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r site "$work/site"
names=("$@")
[ ${#names[@]} -gt 0 ] || names=($(ls snippets))
for name in "${names[@]}"; do
    target=$name.html
    [ "$name" = paginator ] && target=index.html
    cp "snippets/$name/template.html" "$work/site/$target"
done
# JEKYLL_ENV unset: `jekyll build` says "development", as a site built by hand does.
(cd "$work/site" && env -u JEKYLL_ENV jekyll build --quiet -d "$work/out" ) >&2
for name in "${names[@]}"; do
    target=$name.html
    [ "$name" = paginator ] && target=index.html
    cp "$work/out/$target" "snippets/$name/expected.html"
done
echo "make-expected: ${#names[@]} snippets rendered by $(jekyll --version)"
