#!/usr/bin/python3
"""A stylesheet's compile and its cached answer in a FastCGI worker (issue 14).

Usage: sass_timing.py FOLIO_BINARY FOLIO_INI URI RUNS

Each run starts a worker as lighttpd does (fcgi_cold.py), asks "/" (which loads the site), then
times URI once (the first answer compiles: Liquid, then libsass) and 20 times more (from the
response cache, until a source changes). Prints "compile_ms=MEDIAN compile_cpu_ms=MEDIAN
cached_ms=MEDIAN cached_cpu_ms=MEDIAN": wall time, and the worker's own CPU time for the request
(/proc/PID/schedstat). Exits 1 when an answer is not a 200.
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


def timed(path, pid, uri):
    c0, t0 = cpu_ns(pid), time.perf_counter()
    out = ask(path, uri)
    t1, c1 = time.perf_counter(), cpu_ns(pid)
    if not out.startswith(b"Status: 200"):
        raise RuntimeError(f"the answer to {uri} is not a 200: {out[:80]!r}")
    return (t1 - t0) * 1000, (c1 - c0) / 1e6


def one_run(binary, ini, uri, workdir):
    path = os.path.join(workdir, "sass.sock")
    listener, proc = spawn(binary, ini, path, subprocess.DEVNULL)
    try:
        timed(path, proc.pid, "/")
        first = timed(path, proc.pid, uri)
        cached = [timed(path, proc.pid, uri) for _ in range(20)]
    finally:
        listener.close()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)
    return first, cached


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    binary, ini, uri, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    with tempfile.TemporaryDirectory(prefix="folio-sass.") as workdir:
        try:
            results = [one_run(binary, ini, uri, workdir) for _ in range(runs)]
        except Exception as e:
            print(f"sass_timing.py: {e}", file=sys.stderr)
            return 1
    med = statistics.median
    print(f"compile_ms={med(f[0] for f, _ in results):.1f} compile_cpu_ms={med(f[1] for f, _ in results):.1f} "
          f"cached_ms={med(c[0] for _, cs in results for c in cs):.2f} "
          f"cached_cpu_ms={med(c[1] for _, cs in results for c in cs):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
