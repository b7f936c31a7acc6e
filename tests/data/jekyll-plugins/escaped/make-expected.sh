#!/bin/sh
# Rebuilds expected/ from site/ with Debian's Jekyll 4.3.1, ruby-jekyll-sitemap 1.4.0 and
# ruby-jekyll-feed 0.17.0 (apt-get install jekyll ruby-jekyll-sitemap ruby-jekyll-feed).
# Only the plugins' files are kept: sitemap.xml, robots.txt, feed.xml.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$here/site"
# The static files' lastmod is their modification time: a fixed one, which the test gives its copy too.
find . -type f -exec touch -d "2024-06-07 08:09:10 UTC" {} +
JEKYLL_NO_BUNDLER_REQUIRE=true JEKYLL_ENV=production jekyll build -q -s . -d "$out/_site"
mkdir -p "$here/expected"
for f in sitemap.xml robots.txt feed.xml; do cp "$out/_site/$f" "$here/expected/$f"; done
rm -rf "$here/site/.jekyll-cache"
