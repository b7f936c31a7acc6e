#!/bin/bash
# Jekyll as the oracle for its own filters and tags: each snippet in tests/jekyll_oracle/snippets/
# is rendered by folio (tests/jekyll_oracle/runner.cpp, through page_content, in a copy of the
# fixed site tests/jekyll_oracle/site) and compared with the expected.html that the real Jekyll
# made of it (make-expected.sh; Jekyll is not needed here). The counts line gives the snippets,
# how many match, and the known differences (known-differences.txt, each with its reason), which
# are not passes. One check per snippet: a match passes; a listed known difference is counted as
# skipped, with its reason printed above the RESULT line; an unlisted difference fails, and so
# does a listed one that matches now (the list must say only what is true).
set -u
cd "$(dirname "$0")/../.."
make --no-print-directory build/jekyll_oracle_runner >/dev/null || { echo "RESULT passed=0 failed=1 skipped=0"; exit 1; }
work=build/jekyll_oracle/site
rm -rf "$work" && mkdir -p "$(dirname "$work")" && cp -r tests/jekyll_oracle/site "$work"
for dir in tests/jekyll_oracle/snippets/*/; do
    name=$(basename "$dir")
    target=$name.html
    [ "$name" = paginator ] && target=index.html  # Jekyll's paginator exists only on index.html
    cp "$dir/template.html" "$work/$target"
done
out=$(build/jekyll_oracle_runner ${JEKYLL_ORACLE_ARGS:-} "$work" tests/jekyll_oracle/snippets tests/jekyll_oracle/known-differences.txt)
status=$?
echo "$out"
stale=$(echo "$out" | grep -c '^ok - .*listed as a known difference')
passed=$(( $(echo "$out" | grep -c '^ok - ') - stale ))
known=$(echo "$out" | grep -c '^known difference - ')
differ=$(echo "$out" | grep -c '^not ok - ')
echo "RESULT passed=$passed failed=$((differ + stale)) skipped=$known"
[ $status -eq 0 ] && [ $((differ + stale)) -eq 0 ]
