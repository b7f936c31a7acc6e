#!/usr/bin/env python3
"""Writes the seed corpora tests/fuzz/corpus/<target>/ (kept in the repository; run again only
to refresh them). Sources: tests/servers/requests.tsv, content/, cgi-bin/folio.ini, and
/work/shared/corpora/academicpages-template (or $ACADEMICPAGES): its _config.yml and
navigation.yml as they are, front matter blocks, and short excerpts of Liquid and kramdown
syntax only, never its prose wholesale.

Seed formats: fuzz_request takes METHOD NUL URI NUL QUERY NUL IF-NONE-MATCH NUL
IF-MODIFIED-SINCE NUL ACCEPT-ENCODING; fuzz_jekyll takes _config.yml NUL navigation.yml; every
other target takes its text as is."""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
AP = os.environ.get("ACADEMICPAGES", "/work/shared/corpora/academicpages-template")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def put(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-")[:60] or "seed"
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def request_paths():
    paths = []
    for line in open(os.path.join(ROOT, "tests/servers/requests.tsv"), encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) >= 2:
            paths.append((cols[0], cols[1]))
    extra = ["/publications/2025-dsp/", "/notes/", "/files/a.txt", "/old/?p=12", "/legacy/?page=2", "/ext/",
             "/withq/", "/moved/", "/feed.xml", "/sitemap.xml", "/robots.txt", "/publications/2025-dsp.bib",
             "/leak.txt", "/up/canary.txt", "/private/secret/", "/secret/", "/_drafts/draft/", "/.hidden.txt",
             "/%2e%2e/%2e%2e/etc/passwd", "/%252e%252e/canary.txt", "/images/..%5c..%5ccanary.txt", "/%c0%ae%c0%ae/",
             "/%ff/", "/%e0%80%af/", "/%ed%a0%80/", "http://evil.example/%2e%2e/canary.txt", "https://evil.example",
             "//evil.example/x", "/~u", "/~u/", "/~u/publications", "/~u/about/?x=1", "/index.html", "/notes",
             "/notes.html", "/a%0d%0aSet-Cookie:%20x=1/", "/publications/#DSP", "/?a=1#frag?b", "/%",
             "/" + "a/" * 70, "/" + "x" * 2100]
    return paths + [("GET", p) for p in extra]


def seeds_url_path_and_request():
    seen = set()
    for method, path in request_paths():
        if path not in seen:
            seen.add(path)
            put("url_path", "path-" + path, path)
        q = path.split("?", 1)[1].split("#")[0] if "?" in path else ""
        put("request", method + "-" + path, "\0".join([method, path, q, "", "", ""]))
    put("request", "conditional-etag", "GET\0/\0\0\"0123456789abcdef\"\0\0")
    put("request", "conditional-ims", "GET\0/publications/\0\0\0Thu, 01 Jan 2037 00:00:00 GMT\0")
    put("request", "conditional-ims-garbage", "GET\0/\0\0\0Mon, 99 Foo 1970 25:61:61 XYZ\0")
    put("request", "gzip", "GET\0/publications/\0\0\0\0gzip, deflate, br")
    put("request", "gzip-q0", "GET\0/\0\0\0\0gzip;q=0, *;q=1")
    put("request", "head-gzip-inm", "HEAD\0/notes/\0\0W/\"x\", *\0\0gzip")
    put("request", "query-crlf", "GET\0/about/\0a\r\nSet-Cookie: x=1\0\0\0")
    put("request", "query-from-uri", "GET\0/about/?utm=1&b=2\0\0\0\0")
    put("request", "jekyll-wordpress", "GET\0/wordpress/?p=12\0p=12\0\0\0")


def front_matter_blocks():
    out = []
    for d in ["_pages", "_publications", "_talks", "_posts", "_teaching", "_portfolio"]:
        folder = os.path.join(AP, d)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            text = read(os.path.join(folder, name)).decode("utf-8", "replace")
            m = re.match(r"---\n.*?\n---\n", text, re.S)
            if m:
                out.append((d + "-" + name, m.group(0)))
    return out


def syntax_excerpts():
    """Lines of academicpages content that carry Liquid or kramdown syntax, a few at a time."""
    out = []
    folder = os.path.join(AP, "_pages")
    if not os.path.isdir(folder):
        return out
    for name in sorted(os.listdir(folder)):
        lines = read(os.path.join(folder, name)).decode("utf-8", "replace").split("\n")
        for i, line in enumerate(lines):
            if re.search(r"\{[%{:]|\$\$|^\*\[|^: ", line):
                out.append((name, i, "\n".join(lines[max(0, i - 1): i + 3]) + "\n"))
    return out[:60]


LIQUID = {
    "for-reversed": "{% for post in site.publications reversed %}\n  {% include archive-single.html %}\n{% endfor %}\n",
    "for-limit-offset": "{% for p in site.pages limit:2 offset:1 %}{{ forloop.index }}/{{ forloop.length }} {{ p.title }}{% else %}none{% endfor %}",
    "range": "{% for i in (1..5) %}{{ i }}{% unless forloop.last %},{% endunless %}{% endfor %}",
    "if-elsif": "{% if page.count > 2 and site.flag %}big{% elsif page.count == 2 %}two{% else %}small{% endif %}",
    "contains": "{% if page.tags contains 'x' %}tagged{% endif %}{% if site.title contains \"Ada\" %}A{% endif %}",
    "assign-filters": "{% assign n = site.posts | size %}{{ n }} {{ site.title | upcase | append: '!' | prepend: '> ' }}",
    "capture": "{% capture g %}Hi {{ site.author.name | escape }}{% endcapture %}{{ g | strip | downcase }}",
    "date": "{{ page.date | date: \"%B %-d, %Y\" }} {{ 'now' | date: '%Y-%m-%d %H:%M:%S %j %a %A %p %%' }}",
    "default-jsonify": "{{ site.nothing | default: 'x' }} {{ page.tags | jsonify }} {{ page.tags | join: ', ' }}",
    "urls": "{{ '/cv/' | relative_url }} {{ '/cv/' | absolute_url }} {{ base_path }}/files/x.pdf",
    "raw-comment": "{% raw %}{{ kept }}{% endraw %}{% comment %}{{ hidden }}{% endcomment %}",
    "whitespace": "a  {%- if true -%}  b  {%- endif -%}  c {{- 'd' -}} e",
    "index-access": "{{ site.publications[0].title }} {{ site.nested['a'].b.c }} {{ page.tags.first }} {{ page.tags.size }}",
    "include-params": "{% include archive-single.html type=\"grid\" %}{% include unknown.html %}",
    "unsupported": "{% tablerow x in site.numbers %}{{ x }}{% endtablerow %}{{ x | nosuchfilter }}",
    "unclosed": "{% if true %}open {% for x in site.numbers %}{{ x }}",
    "nested": "{% for a in site.numbers %}{% for b in site.numbers %}{% if a < b %}{{ a }}{{ b }} {% endif %}{% endfor %}{% endfor %}",
    "replace-slugify": "{{ 'Hello World & More' | slugify }} {{ site.title | replace: 'Ada', 'Bo' | remove: 's' }}",
    "map-iteration": "{% for kv in site.author %}{{ kv[0] }}={{ kv[1] }};{% endfor %}",
    "empty-compare": "{% if site.pages != empty %}pages{% endif %}{% if '' == empty %}e{% endif %}",
}

KRAMDOWN = {
    "block-ial": "A notice.\n{: .notice}\n\n{: #intro .lead}\nNext paragraph.\n",
    "span-ial": "[link](https://example.org){:target=\"_blank\"} and ![img](/i.png){: .c width=\"10\"} *em*{: .x}\n",
    "ald": "{:ref: .a #b}\nPara\n{: ref}\n",
    "toc": "* toc\n{:toc}\n\n## One\n\n### Two\n{: .no_toc}\n",
    "math-block": "$$\na_1 * b_2\n$$\n\nInline $$x_i$$ and \\\\(y\\\\) and \\\\[z\\\\].\n",
    "definition-list": "Term\n: Definition\n: Second\n\nTerm 2\n\n: Wrapped in p\n",
    "abbreviation": "The CSS and HTML specs.\n\n*[CSS]: Cascading Style Sheets\n*[HTML]: Hyper Text Markup Language\n",
    "table-sections": "| a | b |\n|---|---|\n| 1 | 2 |\n|---|---|\n| 3 | 4 |\n|===|===|\n| f | g |\n",
    "code-untouched": "```\n{: .notice}\n$$x$$\n```\n\n    {: .x}\n\n`{: .y}`\n",
    "hostile-attrs": "x\n{: onclick=\"alert(1)\" href=\"javascript:x\" style=\"color:red\" title='a\" onmouseover=\"b'}\n",
    "raw-html-block": "<div markdown=\"1\">\nCSS here\n</div>\n{: .box}\n\n*[CSS]: Cascading\n",
    "markers-in-input": "\uFDD0" + "1" + "\uFDD1 and \uFDE0\uFDEF text\n",
    "footnote": "Text[^1].\n\n[^1]: Note.\n",
}


def packed_yaml(value, line=0):
    """src/yaml_pack.cpp's bytes for a value of dicts, lists and strings (plain scalars, tag "?")."""
    def num(n):
        out = b""
        while n >= 0x80:
            out += bytes([(n & 0x7F) | 0x80])
            n >>= 7
        return out + bytes([n])
    text = lambda b: num(len(b)) + b
    if isinstance(value, dict):
        return b"M" + text(b"?") + num(line) + num(len(value)) + b"".join(
            packed_yaml(k, line + i) + packed_yaml(v, line + i) for i, (k, v) in enumerate(value.items()))
    if isinstance(value, list):
        return b"L" + text(b"?") + num(line) + num(len(value)) + b"".join(packed_yaml(v, line) for v in value)
    return b"S" + text(b"?") + num(line) + text(str(value).encode())


def index_payload(pages):
    """What follows the tag and context in src/index_cache.cpp's format: a page count, then each
    page's fields in the encoder's order (integers as 8 little-endian bytes, strings as a length
    and their bytes)."""
    import struct
    num = lambda v: struct.pack("<Q", v & 0xFFFFFFFFFFFFFFFF)
    text = lambda s: num(len(s.encode())) + s.encode()
    text_bytes = lambda b: num(len(b)) + b
    out = num(len(pages))
    for p in pages:
        out += num(p.get("mtime_ns", 1700000000000000000)) + num(p.get("size", 100)) + num(p.get("ino", 42))
        for k in ("source", "rel", "collection", "url"):
            out += text(p.get(k, ""))
        out += text_bytes(packed_yaml(p["front"], 2) if "front" in p else b"")
        l4 = lambda s: struct.pack("<I", len(s.encode())) + s.encode()
        out += text_bytes(b"".join(l4(k) + l4(v) for k, v in p.get("fields", [])))
        out += num(p.get("body_offset", 0)) + num(p.get("body_line", 1)) + text(p.get("error", ""))
        out += num(p.get("mtime", 1700000000)) + text(p.get("type", "pages"))
        for k in ("html", "output", "has_permalink", "author_profile", "published", "in_sitemap"):
            out += num(1 if p.get(k, k in ("output", "published", "in_sitemap")) else 0)
        for k in ("title", "layout", "date", "list", "redirect_to", "excerpt"):
            out += text(p.get(k, ""))
        out += num(p.get("redirect_to_line", 0))
        froms = p.get("redirect_from", [])
        out += num(len(froms)) + b"".join(text(f) + num(line) for f, line in froms)
    return out


def seeds_index_cache():
    about = {"source": "content/about.md", "rel": "about.md", "stem": "about", "url": "/",
             "front": {"title": "About", "permalink": "/"}, "fields": [("title", "About"), ("permalink", "/")],
             "title": "About", "layout": "page", "anchor": "about", "has_permalink": True,
             "redirect_from": [("/about/", 4), ("/about.html", 5)]}
    pub = {"source": "content/_publications/2025-dsp.md", "rel": "_publications/2025-dsp.md",
           "collection": "publications", "stem": "2025-dsp", "url": "/publications/2025-dsp/",
           "front": {"title": "DSP", "id": "DSP", "authors": ["A", "B"]}, "fields": [("title", "DSP"), ("id", "DSP"), ("authors", "")],
           "type": "publications", "title": "DSP", "layout": "single", "date": "2025-01-01", "anchor": "DSP"}
    moved = {"source": "content/moved.md", "rel": "moved.md", "stem": "moved", "url": "/moved/",
             "redirect_to": "https://example.org/x?a=1", "redirect_to_line": 3, "title": "moved", "layout": "page"}
    put("index_cache", "empty", index_payload([]))
    put("index_cache", "about", index_payload([about]))
    put("index_cache", "three-pages", index_payload([about, pub, moved]))
    put("index_cache", "same-rel-twice", index_payload([about, about]))


def main():
    seeds_url_path_and_request()
    seeds_index_cache()

    content = os.path.join(ROOT, "content")
    for dirpath, _, files in os.walk(content):
        for f in sorted(files):
            if f.endswith(".md"):
                rel = os.path.relpath(os.path.join(dirpath, f), content)
                put("front_matter", "content-" + rel, read(os.path.join(dirpath, f)))
                put("page", "content-" + rel, read(os.path.join(dirpath, f)))
    for name, block in front_matter_blocks():
        put("front_matter", "ap-" + name, block)
        put("page", "ap-" + name, block + "\nA short body.\n")
    put("front_matter", "no-front-matter", "Just a body.\n")
    put("front_matter", "bom-crlf", "\ufeff---\r\ntitle: x\r\n...\r\nbody\r\n")
    put("front_matter", "unclosed", "---\ntitle: x\npermalink: /x/\n")
    put("front_matter", "not-a-map", "---\n- a\n- b\n---\n")
    put("front_matter", "redirects", "---\nredirect_from:\n  - /old/\n  - \"/wordpress/?p=12\"\nredirect_to: https://example.org/x?a=1\n---\n")
    put("front_matter", "anchors", "---\na: &x [1, 2]\nb: *x\nc: {k: *x}\n---\n")

    for name, i, text in syntax_excerpts():
        put("liquid" if "{%" in text or "{{" in text else "kramdown", "ap-%s-%d" % (name, i), text)
        put("page", "ap-excerpt-%s-%d" % (name, i), "---\ntitle: Excerpt\n---\n" + text)
    for name, text in LIQUID.items():
        put("liquid", name, text)
        put("page", "liquid-" + name, "---\ntitle: Liquid\n---\n" + text + "\n")
    for name, text in KRAMDOWN.items():
        put("kramdown", name, text)
        put("page", "kramdown-" + name, "---\ntitle: kramdown\ntoc: true\n---\n" + text)
    put("page", "list-publications", "---\ntitle: Pubs\nlist: publications\ngroup_by: category\nsort: title\norder: asc\n---\n")
    put("page", "publication", read(os.path.join(ROOT, "content/_publications/2025-dsp.md")))

    ini = read(os.path.join(ROOT, "cgi-bin/folio.ini")).decode()
    put("config", "folio.ini", ini)
    put("config", "prefix", ini.replace("base_path =", "base_path = /~user"))
    put("config", "redirects", "[redirects]\n/old/?p=12 = /post/\n/a: b/ = https://example.org/x?y=1\n/c/ = /d/?e=f#g\n")
    put("config", "author-links", "[author]\nname = A\naliases = A. B, Ab\nemail = a@b.c\norcid = 0000-0001\n"
        "homepage = https://a.example\nmastodon = https://m.example/@a\n")
    put("config", "bad-section", "[site]\ntitle = x\n\n[sight]\nurl = https://a\n")
    put("config", "quotes-semicolons", "[site]\ntitle = \"Quoted; kept\"\ndescription = 'single'\n[nav]\nA = /a/\nB = https://b.example/\n")

    cfg = os.path.join(AP, "_config.yml")
    nav = os.path.join(AP, "_data/navigation.yml")
    if os.path.exists(cfg):
        put("jekyll", "academicpages", read(cfg) + b"\0" + (read(nav) if os.path.exists(nav) else b""))
    put("jekyll", "small", "title: \"Ada's site\"\nurl: https://ada.example.org\nbaseurl: \"/~ada\"\n"
        "permalink: /:categories/:year/:month/:title/\nauthor:\n  name: Ada\n  github: ada\n"
        "include: [_pages]\nexclude: [Gemfile, \"*.txt\"]\ncollections:\n  publications:\n    output: true\n"
        "    permalink: /:collection/:path/\ndefaults:\n  - scope: {path: \"\", type: pages}\n    values: {author_profile: true}\n"
        "\0main:\n  - title: Publications\n    url: /publications/\n  - title: Ext\n    url: https://x.example/\n")
    put("jekyll", "no-author", "title: x\n\0")
    put("jekyll", "pretty", "permalink: pretty\nfuture: true\ncollections: {talks: {output: false}}\n\0main: []\n")
    print("seeds written under", os.path.join(HERE, "corpus"), file=sys.stderr)


if __name__ == "__main__":
    main()
