#!/usr/bin/env python3
"""Render time of every page of the fuzz corpora, with the real binary.

Each file of tests/fuzz/corpus/{page,front_matter,kramdown,liquid}/ (and of the same targets'
named regression inputs, tests/fuzz/regressions/) becomes the only page of a temporary site (content/x.md), once on a plain folio site and once on a Jekyll site (a
content/_config.yml, so the body also goes through Liquid and kramdown). `folio.fcgi --export`
then renders the site: with one page, that is one render of it plus a fixed cost (start-up,
templates, sitemap), which the empty site's own export measures and which is subtracted.

Times are CPU seconds (user + system) of the folio process, from getrusage: on a shared machine
the wall clock mostly measures the other processes. Prints the slowest pages and the maximum.

usage: tests/bench/render_corpus.py [BINARY] [--top N]
"""
import os
import resource
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPORA = ["page", "front_matter", "kramdown", "liquid"]


def cpu_of(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def make_site(base, jekyll):
    content = os.path.join(base, "content")
    os.makedirs(content)
    with open(os.path.join(base, "folio.ini"), "w") as f:
        f.write("[site]\ntitle = Corpus\nurl = https://example.org\n\n[paths]\ncontent = content\n"
                "templates = %s\ncache = off\n" % os.path.join(ROOT, "templates"))
    if jekyll:
        with open(os.path.join(content, "_config.yml"), "w") as f:
            f.write("title: Corpus\n")
    return content


def export_cpu(binary, base):
    out = os.path.join(base, "out")
    shutil.rmtree(out, ignore_errors=True)
    return cpu_of([binary, "--config", os.path.join(base, "folio.ini"), "--export", out])


def main():
    args = sys.argv[1:]
    top = 10
    if "--top" in args:
        i = args.index("--top")
        top = int(args[i + 1])
        del args[i:i + 2]
    binary = os.path.abspath(args[0] if args else os.path.join(ROOT, "cgi-bin", "folio.fcgi"))
    results = []
    with tempfile.TemporaryDirectory(prefix="folio-render-") as tmp:
        for jekyll in (False, True):
            base = os.path.join(tmp, "jekyll" if jekyll else "plain")
            content = make_site(base, jekyll)
            # The fixed cost: the same export with no page (the best of three runs).
            fixed = min(export_cpu(binary, base) for _ in range(3))
            folders = [(kind, corpus) for corpus in CORPORA for kind in ("corpus", "regressions")]
            for kind, corpus in folders:
                folder = os.path.join(ROOT, "tests", "fuzz", kind, corpus)
                if not os.path.isdir(folder):
                    continue
                for name in sorted(os.listdir(folder)):
                    shutil.copyfile(os.path.join(folder, name), os.path.join(content, "x.md"))
                    t = export_cpu(binary, base) - fixed
                    results.append((t, ("jekyll " if jekyll else "plain  ") + kind + "/" + corpus + "/" + name))
                    os.unlink(os.path.join(content, "x.md"))
    results.sort(reverse=True)
    print("binary: %s; %d renders (each corpus page on a plain and on a Jekyll site)" % (binary, len(results)))
    print("slowest renders (CPU seconds, start-up subtracted):")
    for t, what in results[:top]:
        print("  %8.3f  %s" % (t, what))
    print("max %.3f s; median %.4f s" % (results[0][0], results[len(results) // 2][0]))


if __name__ == "__main__":
    main()
