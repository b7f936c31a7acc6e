#!/usr/bin/env python3
"""prepare-site.py SITE_COPY

Makes a scratch copy of a Jekyll site buildable by Debian's Jekyll, as the corpora's expected
builds were made: `url: ""` (every link stays on the host that serves the build), plugins that
this machine's Ruby cannot load (jemoji, jekyll-scholar, ...) dropped from `plugins:`/`gems:`, and
the site's own `_plugins/` left out (its Ruby code is not run). Works on the copy in place and
prints what it dropped.
"""
import os, re, shutil, subprocess, sys

site = sys.argv[1]
loadable = {}


def can_load(lib):
    # Jekyll requires a plugin after itself, and some plugins assume it is loaded.
    if lib not in loadable:
        r = subprocess.run(['ruby', '-e', 'require "jekyll"; require %r' % lib], capture_output=True,
                           env=dict(os.environ, JEKYLL_NO_BUNDLER_REQUIRE='true'))
        loadable[lib] = r.returncode == 0
    return loadable[lib]


cfg = os.path.join(site, '_config.yml')
out, in_list = [], False
for ln in open(cfg, encoding='utf-8', errors='replace').read().split('\n'):
    if re.match(r'^url\s*:', ln):
        out.append('url: ""'); continue
    m = re.match(r'^(plugins|gems)\s*:', ln)
    if m:
        # Sites of 2017-2018 list their plugins under `gems:`, which Jekyll 3 (GitHub Pages' then)
        # honoured and Jekyll 4 ignores: named `plugins:` here, the build loads them as theirs did.
        if m.group(1) == 'gems':
            ln = 'plugins' + ln[len('gems'):]; print('gems: renamed plugins: in _config.yml')
        in_list = True; out.append(ln); continue
    if in_list:
        item = re.match(r'^\s*-\s*["\']?([\w./-]+)', ln)
        if item:
            if not can_load(item.group(1)):
                print('dropped plugin %s from _config.yml' % item.group(1)); continue
        elif ln.strip() and not ln.lstrip().startswith('#'):
            in_list = False
    out.append(ln)
open(cfg, 'w', encoding='utf-8').write('\n'.join(out))

# A site's own _plugins/*.rb is Ruby code from whoever wrote the site: it is not run here. GitHub
# Pages does not run it either (it builds with --safe), and folio cannot.
plugdir = os.path.join(site, '_plugins')
if os.path.isdir(plugdir):
    shutil.rmtree(plugdir)
    print('dropped _plugins/ (the site\'s own Ruby code is not run)')
