"""folio against Jekyll's own build of the academicpages template.

Runs the real folio binary as a CGI for every URL Jekyll produced and compares: status, <title>,
redirect targets, the sitemap's page URLs; and that no Liquid ({% or {{) reaches a page.
Prints "ok"/"not ok" lines, the coverage figures, and a RESULT line for tests/run.
"""
import os
import re
import subprocess
import sys
import tempfile
from html import unescape

binary, corpus, templates = sys.argv[1:4]
expected = os.path.join(corpus, "expected")
passed = failed = skipped = 0


def ok(msg):
    global passed
    passed += 1
    print("ok " + msg)


def not_ok(msg):
    global failed
    failed += 1
    print("not ok " + msg)


def check(cond, msg):
    (ok if cond else not_ok)(msg)


work = tempfile.mkdtemp(prefix="folio-jekyll-")
ini = os.path.join(work, "folio.ini")
with open(ini, "w") as f:
    f.write(f"[paths]\ncontent = {corpus}\ntemplates = {templates}\ncache = off\n")


def get(path):
    env = {"REQUEST_METHOD": "GET", "REQUEST_URI": path, "FOLIO_CONFIG": ini, "PATH": "/usr/bin:/bin"}
    out = subprocess.run([binary], env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=30).stdout
    head, _, body = out.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and lines[0].startswith("Status:") else 0
    headers = dict(l.split(": ", 1) for l in lines[1:] if ": " in l)
    return status, headers, body.decode("utf-8", "replace")


def rows(name):
    with open(os.path.join(expected, name)) as f:
        return [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]


def front_title(rel):
    """The title in a source file's front matter, as Jekyll reads it (YAML quotes removed)."""
    with open(os.path.join(corpus, rel), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^title:\s*(.*)$", text.split("\n---", 1)[0], re.M)
    if not m:
        return None
    t = m.group(1).strip()
    if len(t) >= 2 and t[0] == t[-1] and t[0] in "'\"":
        t = t[1:-1]
    return t


site_url = "https://academicpages.github.io"
winners = {}  # url -> the source Jekyll wrote last (expected/conflicts.tsv)
for r in rows("conflicts.tsv"):
    winners[r[0]] = r[3].split("=", 1)[1]

pages = served = titled = 0
not_produced = []
bodies = {}
for url, _out, kind, sources in (r + [""] * (4 - len(r)) for r in rows("urls.txt")):
    if kind in ("redirect_from-stub", "static"):
        continue
    pages += 1
    srcs = [s.strip() for s in sources.split("|") if s.strip()]
    src = winners.get(url, srcs[0] if srcs else "")
    in_corpus = src and os.path.exists(os.path.join(corpus, src))
    status, headers, body = get(url)
    if status == 200:
        served += 1
        bodies[url] = body
    if not in_corpus:
        # Made by Jekyll from the theme's HTML, which is not part of the corpus.
        note = "served by folio's own listing" if status == 200 else "not produced"
        not_produced.append(f"{url} ({src or 'theme'}: {note})")
        if status == 200:
            skipped += 1
            print(f"skip {url}: 200 from folio's listing; Jekyll's title is in theme HTML not in the corpus")
        else:
            skipped += 1
            print(f"skip {url}: source {src} is theme HTML, not in the corpus")
        continue
    title = front_title(src)
    m = re.search(r"<title>(.*?)</title>", body, re.S)
    got = unescape(m.group(1)).strip() if m else ""
    good = status == 200 and title is not None and got.startswith(title)
    titled += good
    check(good, f"{url} answers 200 with the title of {src} (status {status}, <title>{got[:80]}</title>)")

redirects = redirected = 0
for src_url, target, _mech in rows("redirects.tsv"):
    redirects += 1
    status, headers, _ = get(src_url)
    want = target[len(site_url):] if target.startswith(site_url) else target
    got = headers.get("Location", "")
    good = status == 301 and got == want
    redirected += good
    check(good, f"redirect {src_url} -> {want} (got {status} {got})")

# Sitemap: the same page URLs (files under /files/ are PDFs that are not in the corpus).
status, _, sitemap = get("/sitemap.xml")
mine = {u[len(site_url):] for u in re.findall(r"<loc>(.*?)</loc>", sitemap)}
theirs = set()
with open(os.path.join(expected, "sitemap-urls.txt")) as f:
    for line in f:
        u = line.strip()
        if u and not u.startswith("#"):
            theirs.add(u[len(site_url):] if u.startswith(site_url) else u)
missing_files = {u for u in theirs if u.startswith("/files/") or u == "/talkmap/map.html"}
theme_only = {u.split(" ")[0] for u in not_produced if "not produced" in u}
compare = theirs - missing_files - theme_only
check(compare <= mine, f"sitemap has every page URL of Jekyll's sitemap (missing: {sorted(compare - mine)})")
extra = mine - theirs
check(not extra, f"sitemap has no URL Jekyll's lacks (extra: {sorted(extra)})")

leaks = [u for u, b in bodies.items() if "{%" in b or "{{" in b]
check(not leaks, f"no raw Liquid ({{% or {{{{) in any served page (leaking: {leaks})")

print()
print(f"coverage: pages and documents served 200: {served}/{pages}; with Jekyll's title: {titled}/{pages - len(not_produced)} from corpus sources")
print(f"coverage: redirects to the same place: {redirected}/{redirects}")
print(f"coverage: sitemap page URLs matched: {len(compare & mine)}/{len(compare)} (not compared: {len(missing_files)} files absent from the corpus, {len(theme_only)} theme-only pages)")
for n in not_produced:
    print(f"theme page: {n}")
print(f"RESULT passed={passed} failed={failed} skipped={skipped}")
sys.exit(1 if failed else 0)
