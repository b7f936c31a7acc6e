#!/usr/bin/python3
"""A page's first render after an edit, in a FastCGI worker that has the site loaded.

Usage: fcgi_edit_render.py FOLIO_BINARY FOLIO_INI SITE_DIR ROUNDS URI=FILE [URI=FILE ...]

One worker is started as lighttpd does (fcgi_cold.py) on the site of FOLIO_INI, whose content
folder is SITE_DIR (a scratch copy: it is edited). For every URI, ROUNDS times: the page is asked
twice (in the response cache), 1.1 s pass (a worker looks at the site's files at most once a
second), a line with a fresh marker is appended to FILE (relative to SITE_DIR), and the next
request for URI is timed: the worker notices the edit, reloads what changed and renders the page.
That is the time a reader waits after an edit. Wall time, and the worker's own CPU time for the
request from /proc/PID/schedstat (which other processes on a busy machine do not inflate).
Prints one line per URI: "URI wall_ms=MEDIAN cpu_ms=MEDIAN max_wall_ms=MAX marker_seen=K/ROUNDS".
Exits 1 when an answer is not a 200 or the worker fails.
"""
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fcgi_cold import ask, spawn  # noqa: E402


def cpu_ns(pid):
    with open(f"/proc/{pid}/schedstat") as f:
        return int(f.read().split()[0])


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    binary, ini, site, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    pages = [a.split("=", 1) for a in sys.argv[5:]]
    with tempfile.TemporaryDirectory(prefix="folio-edit-render.") as workdir:
        path = os.path.join(workdir, "worker.sock")
        listener, proc = spawn(binary, ini, path, subprocess.DEVNULL)
        try:
            for uri, rel in pages:
                wall, cpu, seen = [], [], 0
                for r in range(rounds):
                    for _ in range(2):
                        if not ask(path, uri).startswith(b"Status: 200"):
                            raise RuntimeError(f"the answer to {uri} is not a 200")
                    time.sleep(1.1)
                    marker = f"foliobench{os.getpid()}x{r}x{len(wall)}"
                    with open(os.path.join(site, rel), "a") as f:
                        f.write(f"\n{marker}\n")
                    c0, t0 = cpu_ns(proc.pid), time.perf_counter()
                    out = ask(path, uri)
                    t1, c1 = time.perf_counter(), cpu_ns(proc.pid)
                    if not out.startswith(b"Status: 200"):
                        raise RuntimeError(f"the answer to {uri} after an edit of {rel} is not a 200: {out[:80]!r}")
                    seen += marker.encode() in out
                    wall.append((t1 - t0) * 1000)
                    cpu.append((c1 - c0) / 1e6)
                print(f"{uri} wall_ms={statistics.median(wall):.1f} cpu_ms={statistics.median(cpu):.1f} "
                      f"max_wall_ms={max(wall):.1f} marker_seen={seen}/{rounds}", flush=True)
        except Exception as e:
            print(f"fcgi_edit_render.py: {e}", file=sys.stderr)
            return 1
        finally:
            listener.close()
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
