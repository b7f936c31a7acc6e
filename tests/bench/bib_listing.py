#!/usr/bin/python3
"""The figures of issue 15 for a generated 2,000-entry .bib, through the real binary.

Usage: bib_listing.py FOLIO_BINARY [ENTRIES]

Lays out a copy of the default site (content/, templates/, cgi-bin/folio.ini of the current
folder) whose content/_publications/papers.bib holds ENTRIES (2000) generated entries, then:
  render_ms   `folio.fcgi --render /publications/`, whole process: read folio.ini, walk content,
              parse the .bib, build the index, render the listing (median of 5);
  first_ms    a FastCGI worker (spawned as lighttpd does: stdin is the listening socket) that has
              loaded the site: its first GET /publications/, i.e. the listing rendered (median of 5 workers);
  edit_ms     the same worker after one entry is appended to the .bib: from the write to the first
              response that lists the new entry (polled every 20 ms; the index is rechecked at
              most once a second);
  rebuild_ms  the time of that one request (re-read the .bib, rebuild, render).
Prints one line of these; exits 1 if an answer is not a 200 or a check fails.
"""
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fcgi_cold import ask  # noqa: E402


def entry(i):
    kind = ("inproceedings", "article", "misc")[i % 3]
    venue = ("booktitle = {Conference " + str(i % 40) + "}", "journal = {Journal " + str(i % 25) + "}",
             "eprint = {2401." + f"{i:05d}" + "}, archivePrefix = {arXiv}")[i % 3]
    return (f"@{kind}{{paper{i},\n  title = {{Paper {i}: On M{{\\\"u}}ller's Problem -- Part {i % 7}}},\n"
            f"  author = {{Zhao, Xuanlei and Author{i % 97}, Some and Other, Person{i % 13}}},\n"
            f"  {venue},\n  year = {{{2000 + i % 26}}},\n  url = {{https://example.org/p/{i}}},\n}}\n\n")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    with tempfile.TemporaryDirectory(prefix="folio-bib.") as d:
        for part in ("content", "templates", "cgi-bin"):
            shutil.copytree(part, os.path.join(d, part), symlinks=False,
                            ignore=shutil.ignore_patterns(".folio-cache", "folio.fcgi"))
        bib = os.path.join(d, "content/_publications/papers.bib")
        with open(bib, "w") as f:
            f.write("".join(entry(i) for i in range(n)))
        ini = os.path.join(d, "cgi-bin/folio.ini")
        with open(ini, "a") as f:
            f.write("\n[paths]\ncache = off\n")
        renders = []
        for _ in range(5):
            t0 = time.perf_counter()
            out = subprocess.run([binary, "--config", ini, "--render", "/publications/"], capture_output=True)
            renders.append((time.perf_counter() - t0) * 1000)
            if not out.stdout.startswith(b"Status: 200") or out.stdout.count(b'<li class="item"') != n:
                print("bib_listing.py: --render did not list every entry", out.stdout[:200], out.stderr[:500], file=sys.stderr)
                return 1
        firsts, edit_ms, rebuild_ms = [], None, None
        for run in range(5):
            path = os.path.join(d, "w.sock")
            if os.path.exists(path):
                os.unlink(path)
            listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            listener.bind(path)
            listener.listen(16)
            proc = subprocess.Popen([binary], stdin=listener.fileno(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    env={"PATH": "/usr/bin:/bin", "FOLIO_CONFIG": ini}, close_fds=True)
            try:
                ask(path, "/robots.txt")  # the site is loaded once this answers
                t0 = time.perf_counter()
                first = ask(path, "/publications/")
                firsts.append((time.perf_counter() - t0) * 1000)
                if not first.startswith(b"Status: 200"):
                    print("bib_listing.py: FastCGI answer is not a 200", first[:200], file=sys.stderr)
                    return 1
                if run == 0:
                    time.sleep(1.1)
                    with open(bib, "a") as f:
                        f.write(f"@misc{{edited, title = {{Edited}}, author = {{Zhao, Xuanlei}}, year = 2026}}\n")
                    written = time.perf_counter()
                    while time.perf_counter() - written < 5:
                        t0 = time.perf_counter()
                        out = ask(path, "/publications/")
                        took = (time.perf_counter() - t0) * 1000
                        if b'id="edited"' in out:
                            edit_ms, rebuild_ms = (time.perf_counter() - written) * 1000, took
                            break
                        time.sleep(0.02)
                    if edit_ms is None:
                        print("bib_listing.py: the edit never showed", file=sys.stderr)
                        return 1
            finally:
                listener.close()
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=10)
    print(f"entries={n} render_ms={statistics.median(renders):.1f} first_ms={statistics.median(firsts):.1f} "
          f"edit_ms={edit_ms:.0f} rebuild_ms={rebuild_ms:.1f} render_all={','.join(f'{r:.0f}' for r in renders)} "
          f"first_all={','.join(f'{r:.0f}' for r in firsts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
