#!/usr/bin/env python3
"""jekyll-urls.py BUILD CORPUS [SOURCE]

Makes the URL lists of a Jekyll build folder (`jekyll build -d BUILD`) in the format of the
shared corpora, so that content_parity.py and the forks' measure script run on any site:
  CORPUS/expected/urls.txt       url TAB output_file TAB kind TAB source
  CORPUS/expected/redirects.tsv  from_url TAB to_url TAB mechanism
  CORPUS/expected/sitemap-urls.txt  the <loc> values of BUILD/sitemap.xml
Every .html file is a URL: a folder's index.html is the folder's URL (/a/b/), any other file its
own path (/a/b.html). kind is `redirect_from-stub` for jekyll-redirect-from's stubs (a meta
refresh page), `static` for a file copied as is (SOURCE has the same path without front matter),
else `page`. The source column stays empty: a build does not say which file made a page.
A site with a `baseurl` in SOURCE/_config.yml is served under it (GitHub Pages serves
owner.github.io/NAME/ from the build's top folder): its URLs carry it, as do the build's own
redirect targets and sitemap.
"""
import os, re, sys
from html import unescape

build, corpus = sys.argv[1], sys.argv[2]
source = sys.argv[3] if len(sys.argv) > 3 else None
exp = os.path.join(corpus, 'expected')
os.makedirs(exp, exist_ok=True)
baseurl = ''
if source and os.path.exists(os.path.join(source, '_config.yml')):
    import yaml
    cfg = yaml.safe_load(open(os.path.join(source, '_config.yml'), encoding='utf-8')) or {}
    baseurl = str(cfg.get('baseurl') or '').rstrip('/')
REFRESH = re.compile(r'<meta\s+http-equiv="refresh"\s+content="0;\s*url=([^"]*)"', re.I)

rows, redirects = [], []
for top, dirs, files in os.walk(build):
    dirs.sort()
    for name in sorted(files):
        if not name.endswith('.html'): continue
        out = os.path.relpath(os.path.join(top, name), build).replace(os.sep, '/')
        url = baseurl + '/' + (out[:-len('index.html')] if name == 'index.html' else out)
        head = open(os.path.join(build, out), encoding='utf-8', errors='replace').read(4000)
        m = REFRESH.search(head)
        kind = 'page'
        if m and 'Redirecting' in head:
            kind = 'redirect_from-stub'
            redirects.append((url, unescape(m.group(1)), 'redirect_from'))
        elif source:
            src = os.path.join(source, out)
            if os.path.isfile(src) and not open(src, 'rb').read(3) == b'---':
                kind = 'static'
        rows.append((url, out, kind, ''))
rows.sort()
with open(os.path.join(exp, 'urls.txt'), 'w') as f:
    f.write('# url\toutput_file_relative_to__site\tkind\tsource_file(s)\n')
    for r in rows: f.write('\t'.join(r) + '\n')
with open(os.path.join(exp, 'redirects.tsv'), 'w') as f:
    f.write('# from_url\tto_url\tmechanism\n')
    for r in sorted(redirects): f.write('\t'.join(r) + '\n')
locs = []
sm = os.path.join(build, 'sitemap.xml')
if os.path.exists(sm):
    locs = [unescape(l) for l in re.findall(r'<loc>([^<]*)</loc>', open(sm, encoding='utf-8').read())]
with open(os.path.join(exp, 'sitemap-urls.txt'), 'w') as f:
    for l in locs: f.write(l + '\n')
print('%d URLs (%d redirect stubs), %d sitemap URLs' % (len(rows), len(redirects), len(locs)))
