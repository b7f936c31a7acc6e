#!/usr/bin/env python3
"""served.py INI CORPUS JEKYLL_SITE [--verbose]

With FOLIO_BIN and the folio.ini INI pointed at a Jekyll site, counts against Jekyll's build of the
same site (JEKYLL_SITE, the build folder; CORPUS/expected its lists from tools/jekyll-urls.py):
  - URLs of the build that folio answers: a page or a copied file with 200, a jekyll-redirect-from
    stub with 301 to the stub's target (or 200 with the same refresh page, as Jekyll serves it);
  - redirects: stubs folio answers with 301 to the same target;
  - sitemap: whether folio's /sitemap.xml lists the same set of paths as Jekyll's (hosts left
    out: the build was made with url "");
  - heading ids: how many of the ids on Jekyll's headings folio's page has too (in-page links
    and tables of contents point at them).
"""
import os, re, subprocess, sys
from html import unescape
from urllib.parse import urlsplit

ini, corpus, site = sys.argv[1:4]
verbose = '--verbose' in sys.argv
binary = os.environ['FOLIO_BIN']
exp = os.path.join(corpus, 'expected')


def folio(uri):
    env = dict(PATH='/usr/bin:/bin', REQUEST_METHOD='GET', REQUEST_URI=uri, QUERY_STRING='',
               SCRIPT_NAME='/cgi-bin/folio.fcgi', SERVER_NAME='localhost', SERVER_PORT='80',
               SERVER_PROTOCOL='HTTP/1.1', GATEWAY_INTERFACE='CGI/1.1', HTTP_HOST='localhost', FOLIO_CONFIG=ini)
    r = subprocess.run([binary], env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=30)
    head, _, body = r.stdout.decode('utf-8', 'replace').replace('\r\n', '\n').partition('\n\n')
    st = re.search(r'^Status:\s*(\d+)', head, re.M)
    loc = re.search(r'^Location:\s*(\S+)', head, re.M)
    return (st.group(1) if st else '200'), (loc.group(1) if loc else ''), body


def path_of(u):
    """A URL without scheme and host: what the build (url "") and folio (its own host) share."""
    s = urlsplit(u)
    return (s.path or '/') + ('?' + s.query if s.query else '')


targets = {}
for ln in open(os.path.join(exp, 'redirects.tsv')):
    if ln.startswith('#') or not ln.strip(): continue
    f = ln.rstrip('\n').split('\t'); targets[f[0]] = f[1]

HEADING_ID = re.compile(r'<h[1-6][^>]*\sid="([^"]*)"')
ids_total = ids_found = 0
n = served = nred = redok = 0; misses = []; sitemap_url = '/sitemap.xml'
for ln in open(os.path.join(exp, 'urls.txt')):
    if ln.startswith('#') or not ln.strip(): continue
    url, out, kind = ln.rstrip('\n').split('\t')[:3]
    if out == 'index.html': sitemap_url = url + 'sitemap.xml'  # under the site's baseurl
    n += 1
    st, loc, body = folio(url)
    if kind == 'redirect_from-stub':
        nred += 1
        good = st == '301' and path_of(loc) == path_of(targets[url])
        redok += good
        ok = good or (st == '200' and 'http-equiv="refresh"' in body)
        why = '%s -> %s (Jekyll: -> %s)' % (st, loc, targets[url])
    else:
        ok = st == '200'
        why = '%s %s' % (st, loc)
        if kind == 'page':
            jids = set(HEADING_ID.findall(open(os.path.join(site, out), encoding='utf-8', errors='replace').read()))
            lost = jids - set(HEADING_ID.findall(body))
            ids_total += len(jids); ids_found += len(jids) - len(lost)
            if lost and verbose: misses.append('  %-50s heading ids only in Jekyll\'s: %s' % (url, ' '.join(sorted(lost)[:5])))
    served += ok
    if not ok: misses.append('  %-50s %-20s folio %s' % (url, kind, why))

jl = [path_of(l.strip()) for l in open(os.path.join(exp, 'sitemap-urls.txt')) if l.strip()]
st, _, body = folio(sitemap_url)
fl = [path_of(unescape(l)) for l in re.findall(r'<loc>([^<]*)</loc>', body)] if st == '200' else []
only_j, only_f = sorted(set(jl) - set(fl)), sorted(set(fl) - set(jl))
if verbose:
    for m in misses: print(m)
    for u in only_j: print('  sitemap: only Jekyll lists %s' % u)
    for u in only_f: print('  sitemap: only folio lists %s' % u)
print('served %s: %d/%d URLs of Jekyll\'s build, redirects %d/%d, sitemap %s (Jekyll %d, folio %d URLs; %d only in Jekyll\'s, %d only in folio\'s), heading ids %d/%d'
      % (os.path.basename(os.path.normpath(corpus)), served, n, redok, nred,
         'equal' if set(jl) == set(fl) else 'differs', len(jl), len(fl), len(only_j), len(only_f), ids_found, ids_total))
