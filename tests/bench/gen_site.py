#!/usr/bin/python3
"""Writes a generated folio site of N pages, for the benchmark.

Usage: gen_site.py OUT_DIR PAGES TEMPLATES_DIR [PUBLICATIONS]

OUT_DIR/content/      PAGES Markdown files in all:
                        index.md (/, author_profile, redirect_from /about/ and /about.html),
                        404.md, publications.md (list: publications, grouped by category),
                        talks.md (list: talks), blog/index.md (links to the newest posts),
                        _publications/ (PUBLICATIONS items, default 300),
                        _talks/ (about 5 % of the pages),
                        blog/YEAR/SLUG.md (the rest: dated posts of a few paragraphs; about 30 %
                        with a permalink, about 20 % with redirect_from, some with tags,
                        lists, code, tables and internal links),
                      images/avatar.svg (the author's avatar the folio.ini names)
OUT_DIR/cgi-bin/folio.ini   content = ../content, templates = TEMPLATES_DIR (absolute)

The output is deterministic (fixed seed): the same arguments give the same files.
"""
import os
import random
import sys

WORDS = """model training inference memory parallelism pipeline tensor gradient optimizer kernel
scheduling compiler graph operator fusion cluster node accelerator throughput latency bandwidth
communication collective allreduce sharding checkpoint activation attention transformer
sequence video diffusion token batch cache partition placement offloading quantization sparse
dense precision benchmark workload profile trace runtime system distributed scalable efficient
heterogeneous dynamic static adaptive hierarchical overlap recompute chunk layer block
expert mixture routing replica shard stage microbatch bubble frontier estimate bound analysis
experiment baseline speedup evaluation dataset protein folding structure alignment search""".split()
FIRST = "Ada Alan Barbara Chen Dana Edsger Fei Grace Hui Ivan Jia Ken Li Ming Nadia Omar Priya Qiang Rui Sara Tian Uma Wei Xin Yang Zoe".split()
LAST = "Zhao Cheng Lu Fang Zheng Wu Zhang Peng You Liu Yang Chen Wang Li Huang Sun Gao Lin Xu Ma Hopper Lovelace Turing Liskov Knuth".split()
VENUES = [("ICML", "conference"), ("NeurIPS", "conference"), ("ICLR", "conference"), ("PPoPP", "conference"),
          ("SC", "conference"), ("MLSys", "conference"), ("OSDI", "conference"), ("TPDS", "journal"),
          ("JMLR", "journal"), ("arXiv", "preprint")]


def sentence(rng, lo=8, hi=22):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def paragraph(rng, links):
    parts = []
    for _ in range(rng.randint(3, 6)):
        s = sentence(rng)
        r = rng.random()
        if r < 0.15 and links:
            url = rng.choice(links)
            s = s[:-1] + f", as discussed in [an earlier note]({url})."
        elif r < 0.25:
            w = rng.choice(WORDS)
            s = s.replace(f" {w} ", f" **{w}** ", 1)
        elif r < 0.35:
            w = rng.choice(WORDS)
            s = s.replace(f" {w} ", f" `{w}_{rng.randint(1, 9)}()` ", 1)
        elif r < 0.4:
            s = s[:-1] + " ([paper](https://example.org/papers/" + str(rng.randint(1000, 9999)) + ".pdf))."
        parts.append(s)
    return " ".join(parts)


def body(rng, links, paragraphs=(3, 5)):
    out = []
    for i in range(rng.randint(*paragraphs)):
        if i == 1 and rng.random() < 0.5:
            out.append("## " + sentence(rng, 2, 5)[:-1])
        out.append(paragraph(rng, links))
        r = rng.random()
        if r < 0.15:
            out.append("\n".join("- " + sentence(rng, 4, 10) for _ in range(rng.randint(3, 5))))
        elif r < 0.22:
            out.append("```python\nfor step, batch in enumerate(loader):\n    loss = model(batch).mean()\n"
                       "    loss.backward()\n    optimizer.step()\n```")
        elif r < 0.27:
            rows = ["| setting | throughput | memory |", "|---|---:|---:|"]
            rows += [f"| {rng.choice(WORDS)} | {rng.randint(100, 9999)} | {rng.randint(1, 80)} GB |" for _ in range(4)]
            out.append("\n".join(rows))
    return "\n\n".join(out) + "\n"


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    out, pages, templates = sys.argv[1], int(sys.argv[2]), os.path.abspath(sys.argv[3])
    n_pubs = int(sys.argv[4]) if len(sys.argv) == 5 else 300
    fixed = 5  # index, 404, publications, talks, blog/index
    n_talks = max(1, pages // 20)
    n_posts = pages - fixed - n_pubs - n_talks
    if n_posts < 1:
        sys.exit("gen_site.py: too few pages for %d publications" % n_pubs)
    rng = random.Random(20241127 + pages)
    content = os.path.join(out, "content")

    # Blog posts first: their URLs are the targets of internal links everywhere.
    posts = []  # (path, url, date, title)
    for i in range(n_posts):
        year = 2010 + i * 15 // max(1, n_posts)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        slug = f"{'-'.join(rng.choice(WORDS) for _ in range(3))}-{i}"
        title = sentence(rng, 3, 8)[:-1]
        path = f"blog/{year}/{slug}.md"
        fm = [f"title: {quote(title)}", f"date: {year}-{month:02d}-{day:02d}"]
        if rng.random() < 0.3:
            url = f"/blog/{year}/{month:02d}/{day:02d}/{slug}/"
            fm.append(f"permalink: {url}")
        else:
            url = f"/blog/{year}/{slug}/"
        if rng.random() < 0.2:
            fm.append("redirect_from:")
            fm.append(f"  - /{year}/{month:02d}/{day:02d}/{slug}.html")
            if rng.random() < 0.3:
                fm.append(f"  - /posts/{i}/")
        if rng.random() < 0.4:
            fm.append("tags: [" + ", ".join(sorted({rng.choice(WORDS) for _ in range(3)})) + "]")
        if rng.random() < 0.3:
            fm.append(f"excerpt: {quote(sentence(rng, 8, 14))}")
        posts.append((path, url, fm))
    links = [p[1] for p in posts] + ["/publications/", "/talks/", "/"]
    for path, url, fm in posts:
        write(os.path.join(content, path), "---\n" + "\n".join(fm) + "\n---\n\n" + body(rng, links))

    for i in range(n_pubs):
        year = 2012 + i * 14 // n_pubs
        venue, category = rng.choice(VENUES)
        name = f"{year}-{rng.choice(WORDS)}{rng.choice(WORDS)}-{i}"
        authors = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(2, 9))]
        if rng.random() < 0.6:
            authors[rng.randrange(len(authors))] = "Xuanlei Zhao"
        fm = [f"title: {quote(sentence(rng, 6, 14)[:-1])}", f"id: P{i}", "authors:"]
        fm += [f"  - {quote(a)}" for a in authors]
        fm += [f"venue: {quote(venue)}", f"year: {year}", f"date: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
               f"category: {category}", "layout: single", f"paperurl: \"https://arxiv.org/abs/{year % 100:02d}{rng.randint(1, 12):02d}.{rng.randint(10000, 99999)}\""]
        if rng.random() < 0.5:
            fm.append(f"codeurl: \"https://github.com/example/{name}\"")
        if rng.random() < 0.2:
            fm.append(f"permalink: /papers/{name}/")
        if rng.random() < 0.15:
            fm.append(f"redirect_from: /pubs/{name}.html")
        write(os.path.join(content, "_publications", name + ".md"),
              "---\n" + "\n".join(fm) + "\n---\n\n" + f"Published at {venue} {year}. " + sentence(rng) + "\n")

    for i in range(n_talks):
        year = 2015 + i * 10 // n_talks
        fm = [f"title: {quote(sentence(rng, 3, 7)[:-1])}", f"date: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
              f"venue: {quote(rng.choice(['Workshop', 'Seminar', 'Invited talk', 'Tutorial']) + ' on ' + rng.choice(WORDS))}",
              f"location: {quote(rng.choice(['Singapore', 'Vancouver', 'Vienna', 'Beijing', 'Online']))}"]
        write(os.path.join(content, "_talks", f"talk-{i}.md"), "---\n" + "\n".join(fm) + "\n---\n\n" + paragraph(rng, links) + "\n")

    write(os.path.join(content, "index.md"),
          "---\npermalink: /\ntitle: \"About\"\nauthor_profile: true\nredirect_from:\n  - /about/\n  - /about.html\n---\n\n"
          + body(rng, links[:50], (4, 5)))
    write(os.path.join(content, "404.md"),
          "---\ntitle: \"Page not found\"\npermalink: /404.html\nsitemap: false\n---\n\n"
          "Sorry, there is nothing at this address. You could start again from the [home page](/).\n")
    write(os.path.join(content, "publications.md"),
          "---\ntitle: \"Publications\"\npermalink: /publications/\nauthor_profile: true\nlist: publications\n"
          "group_by: category\nsort: date\norder: desc\n---\n\nAuthors marked with * contributed equally.\n")
    write(os.path.join(content, "talks.md"),
          "---\ntitle: \"Talks\"\npermalink: /talks/\nlist: talks\n---\n\nTalks and tutorials.\n")
    newest = sorted(posts, key=lambda p: p[0], reverse=True)[:30]
    write(os.path.join(content, "blog", "index.md"),
          "---\ntitle: \"Blog\"\n---\n\nThe newest posts:\n\n" + "\n".join(f"- [{p[0]}]({p[1]})" for p in newest) + "\n")

    write(os.path.join(out, "cgi-bin", "folio.ini"), f"""; generated by tests/bench/gen_site.py: {pages} pages
[site]
title = Xuanlei Zhao
url = https://bench.example.org
base_path =
description = A generated site of {pages} pages for folio's benchmark.
language = en

[author]
name = Xuanlei Zhao
avatar = /images/avatar.svg
bio = PhD student in Computer Science, National University of Singapore
location = Singapore
employer = National University of Singapore
github = oahzxl
scholar = I5NBOacAAAAJ

[nav]
About = /
Publications = /publications/
Talks = /talks/
Blog = /blog/

[redirects]
/old-home/ = /

[paths]
content = ../content
templates = {templates}
""")
    write(os.path.join(content, "images", "avatar.svg"),
          '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">'
          '<circle cx="32" cy="32" r="30" fill="#4a6fa5"/></svg>\n')
    count = sum(1 for _, _, files in os.walk(content) for f in files if f.endswith(".md"))
    print(f"gen_site.py: wrote {count} pages ({n_posts} posts, {n_pubs} publications, {n_talks} talks) to {content}")


if __name__ == "__main__":
    main()
