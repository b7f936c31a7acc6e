#!/bin/bash
# export.sh GIT_DIR COMMIT DEST: writes the tree of COMMIT into DEST (a work tree without .git).
# A mirror may lack its largest blobs; each missing one is named on stderr and left out, so that
# the rest of the site still builds (git archive stops at the first missing blob).
set -u
g=$1 commit=$2 dest=$3
mkdir -p "$dest" || exit 1
git --git-dir="$g" ls-tree -r -z "$commit" | while IFS= read -r -d '' line; do
    meta=${line%%$'\t'*} path=${line#*$'\t'}
    set -- $meta
    case $2 in blob) ;; *) continue ;; esac
    mkdir -p "$dest/$(dirname "$path")"
    if [ "$1" = 120000 ]; then
        ln -sfn "$(git --git-dir="$g" cat-file blob "$3")" "$dest/$path"
    elif ! git --git-dir="$g" cat-file blob "$3" > "$dest/$path" 2>/dev/null; then
        rm -f "$dest/$path"; echo "missing in the mirror, left out: $path" >&2
    fi
done
