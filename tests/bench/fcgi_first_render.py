#!/usr/bin/python3
"""A page's first render in a FastCGI worker that has the site loaded already.

Usage: fcgi_first_render.py FOLIO_BINARY FOLIO_INI WARM_URI URI RUNS

Each run starts a worker as lighttpd does (fcgi_cold.py), asks WARM_URI (which loads the site),
then times URI: its first answer is a render (the response cache does not have it yet), so this
is the time a reader waits after an edit, without the site's loading. Prints
"first_render_ms=MEDIAN cpu_ms=MEDIAN all=a,b,c": wall time, and the worker's own CPU time for
the request (from /proc/PID/schedstat, which other processes on a busy machine do not inflate).
Exits 1 when an answer is not a 200.
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


def one_run(binary, ini, warm_uri, uri, workdir):
    path = os.path.join(workdir, "render.sock")
    listener, proc = spawn(binary, ini, path, subprocess.DEVNULL)
    try:
        warm = ask(path, warm_uri)
        c0, t0 = cpu_ns(proc.pid), time.perf_counter()
        out = ask(path, uri)
        t1, c1 = time.perf_counter(), cpu_ns(proc.pid)
        for name, o in ((warm_uri, warm), (uri, out)):
            if not o.startswith(b"Status: 200"):
                raise RuntimeError(f"the answer to {name} is not a 200: {o[:80]!r}")
    finally:
        listener.close()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)
    return (t1 - t0) * 1000, (c1 - c0) / 1e6


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    binary, ini, warm_uri, uri, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
    with tempfile.TemporaryDirectory(prefix="folio-render.") as workdir:
        try:
            runs_out = [one_run(binary, ini, warm_uri, uri, workdir) for _ in range(runs)]
        except Exception as e:
            print(f"fcgi_first_render.py: {e}", file=sys.stderr)
            return 1
    wall, cpu = [w for w, _ in runs_out], [c for _, c in runs_out]
    print(f"first_render_ms={statistics.median(wall):.1f} cpu_ms={statistics.median(cpu):.1f} "
          f"all={','.join(f'{t:.1f}' for t in wall)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
