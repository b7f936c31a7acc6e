#!/bin/bash
# Renders site paths through a folio binary (--render) into a folder, one file per path, so two
# builds or two contents can be compared with diff -r. Used to check that the default site's
# publications read from content/_publications/papers.bib render as the Markdown items did.
#   tools/render-pages.sh BINARY CONFIG OUTDIR PATH...
set -u
bin=$1 config=$2 out=$3
shift 3
mkdir -p "$out"
for path in "$@"; do
    name=$(printf '%s' "$path" | tr '/' '_')
    "$bin" --config "$config" --render "$path" > "$out/$name" 2>&1
done
