"""folio's jekyll-sitemap and jekyll-feed output against Jekyll's own build of a whole site.

Runs the real folio binary as a CGI for /sitemap.xml, /robots.txt and /feed.xml of the site and
compares them with Jekyll's files. Jekyll's build was made with `url: ""` (relative URLs), so the
site's public URL is taken off folio's before comparing. Masked, because they differ by build or
by copy: the feed's <updated> (site.time), a sitemap <lastmod> that is site.time (a document
without a date) or a static file's modification time. Prints "ok"/"not ok" lines, the figures,
and a RESULT line for tests/run.
"""
import os
import re
import subprocess
import sys
import tempfile

binary, site, expected, templates = sys.argv[1:5]
passed = failed = 0


def check(cond, msg):
    global passed, failed
    if cond:
        passed += 1
        print("ok " + msg)
    else:
        failed += 1
        print("not ok " + msg)


work = tempfile.mkdtemp(prefix="folio-plugins-")
ini = os.path.join(work, "folio.ini")
with open(ini, "w") as f:
    f.write(f"[paths]\ncontent = {site}\ntemplates = {templates}\ncache = off\n")


def get(path):
    env = {"REQUEST_METHOD": "GET", "REQUEST_URI": path, "FOLIO_CONFIG": ini, "PATH": "/usr/bin:/bin"}
    out = subprocess.run([binary], env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=60).stdout
    head, _, body = out.partition(b"\r\n\r\n")
    status = re.match(rb"Status: (\d+)", head)
    return (int(status.group(1)) if status else 0), body.decode("utf-8", "replace")


def site_url():
    with open(os.path.join(site, "_config.yml"), encoding="utf-8") as f:
        m = re.search(r"^url\s*:\s*\"?([^\"#\s]*)", f.read(), re.M)
    return m.group(1).rstrip("/") if m else ""


url = site_url()


def relative(text):
    return text.replace(url, "") if url else text


def read(name):
    with open(os.path.join(expected, name), encoding="utf-8") as f:
        return f.read()


def urls(sitemap):
    return re.findall(r"<url>\s*<loc>(.*?)</loc>\s*(?:<lastmod>(.*?)</lastmod>\s*)?</url>", sitemap, re.S)


theirs_feed = read("feed.xml")
site_time = re.search(r"<updated>(.*?)</updated>", theirs_feed).group(1)

# Sitemap: the same URLs in the same order, and the same lastmod where it comes from the site.
status, mine_map = get("/sitemap.xml")
mine, theirs = urls(relative(mine_map)), urls(read("sitemap.xml"))
left = [loc for loc, _ in mine]
matched = 0
for loc, _ in theirs:
    if loc in left:
        left.remove(loc)
        matched += 1
print(f"figure: sitemap URLs matched {matched}/{len(theirs)} (folio lists {len(mine)})")
check(status == 200 and [l for l, _ in mine] == [l for l, _ in theirs],
      "sitemap lists Jekyll's URLs in Jekyll's order"
      + ("" if [l for l, _ in mine] == [l for l, _ in theirs] else f" (missing: {sorted(set(l for l, _ in theirs) - set(l for l, _ in mine))}, extra: {sorted(set(l for l, _ in mine) - set(l for l, _ in theirs))})"))
masked = same = compared = 0
for (loc, lm), (loc2, lm2) in zip(theirs, mine):
    static = not loc.endswith("/") and os.path.isfile(os.path.join(site, loc.lstrip("/")))
    if lm == site_time or static:
        masked += 1
        same += bool(lm) == bool(lm2)
        continue
    compared += 1
    same += lm == lm2
    if lm != lm2:
        print(f"  lastmod of {loc}: Jekyll {lm!r}, folio {lm2!r}")
print(f"figure: sitemap lastmod equal {same}/{len(theirs)} ({masked} masked to present/absent: site.time or a file's mtime)")
check(len(mine) == len(theirs) and same == len(theirs), "sitemap lastmod as Jekyll's")
check(mine_map.startswith(read("sitemap.xml").split("<url>")[0]), "sitemap's XML head as jekyll-sitemap's")

status, robots = get("/robots.txt")
check(status == 200 and relative(robots) == read("robots.txt"), f"robots.txt as jekyll-sitemap's ({relative(robots)!r})")

# Feed: the head (site.time masked), then entry by entry.
status, mine_feed = get("/feed.xml")
mine_feed = relative(mine_feed)


def split_feed(text):
    text = re.sub(r"<updated>[^<]*</updated><id>", "<updated>(site.time)</updated><id>", text, count=1)
    head = text.split("<entry>")[0]
    return head, re.findall(r"<entry>.*?</entry>", text, re.S)


mine_head, mine_entries = split_feed(mine_feed)
their_head, their_entries = split_feed(theirs_feed)
check(status == 200 and mine_head == their_head, "feed head as jekyll-feed's (site.time masked)")
if mine_head != their_head:
    print(f"  folio:  {mine_head[:600]}\n  Jekyll: {their_head[:600]}")
check(len(mine_entries) == len(their_entries), f"feed has {len(their_entries)} entries (folio {len(mine_entries)})")


def without_content(e):
    return re.sub(r"<content[^>]*><!\[CDATA\[.*?\]\]></content>", "<content/>", e, flags=re.S)


def content(e):
    m = re.search(r"<content[^>]*><!\[CDATA\[(.*?)\]\]></content>", e, re.S)
    return m.group(1) if m else None


def blocks_joined(e):
    """kramdown puts a blank line between block elements, cmark (folio's Markdown) a newline."""
    return re.sub(r">\n\n+<", ">\n<", e)


exact = fields = joined = 0
for i, (m, t) in enumerate(zip(mine_entries, their_entries)):
    exact += m == t
    joined += blocks_joined(m) == blocks_joined(t)
    fields += without_content(m) == without_content(t)
    if without_content(m) != without_content(t):
        print(f"  entry {i + 1} differs outside its content:\n    folio:  {without_content(m)[:700]}\n    Jekyll: {without_content(t)[:700]}")
    elif m != t:
        a, b = content(m) or "", content(t) or ""
        at = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
        print(f"  entry {i + 1}: content differs at byte {at}: folio {a[max(0, at - 40):at + 60]!r} / Jekyll {b[max(0, at - 40):at + 60]!r}")
print(f"figure: feed entries identical {exact}/{len(their_entries)}; identical but for blank lines between blocks {joined}/{len(their_entries)}; "
      f"identical but for the content HTML {fields}/{len(their_entries)}")
check(fields == len(their_entries) == len(mine_entries), "feed entries as jekyll-feed's but for the content HTML (title, link, dates, id, author, categories, summary)")
print(f"RESULT passed={passed} failed={failed} skipped=0")
sys.exit(1 if failed else 0)
