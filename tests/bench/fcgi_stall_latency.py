#!/usr/bin/python3
"""The latency of a normal FastCGI request while stalling clients are connected.

Usage: fcgi_stall_latency.py FOLIO_BINARY FOLIO_INI WORKDIR [STALLERS [HOLD_SECONDS]]

Starts FOLIO_BINARY --listen WORKDIR/folio.sock --config FOLIO_INI, times 20 normal requests
(GET /publications/) with no other client, then connects STALLERS (default 8) clients that
each send part of a request (half a record header, a BEGIN_REQUEST alone, a short PARAMS
record, or nothing) and hold their connection HOLD_SECONDS (default 20), and times 20 normal
requests again. Prints median and max of each run. Traffic: the Unix socket only.
"""
import os
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "servers"))
from fcgi_signals import connect  # noqa: E402
from fcgi_stall import staller, timed_get  # noqa: E402

KINDS = ["half a record header", "BEGIN_REQUEST alone", "a short PARAMS record", "an idle connection"]


def measure(address, timeout, pause=0.0):
    times, errors = [], []
    for _ in range(20):
        time.sleep(pause)
        status, took = timed_get(address, timeout=timeout)
        times.append(took * 1000)
        if status != "Status: 200 OK":
            errors.append(status)
    return "median %.1f ms, max %.1f ms%s" % (statistics.median(times), max(times),
                                              ", %d failed (%s)" % (len(errors), errors[0]) if errors else "")


def main():
    binary, ini, work = sys.argv[1], sys.argv[2], sys.argv[3]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 8
    hold = float(sys.argv[5]) if len(sys.argv) > 5 else 20.0
    sock = os.path.join(work, "folio.sock")
    proc = subprocess.Popen([binary, "--listen", sock, "--config", ini], stdin=subprocess.DEVNULL,
                            stderr=open(os.path.join(work, "folio.log"), "ab"))
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                connect(sock).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    sys.exit("folio did not start")
                time.sleep(0.05)
        print("without stallers: " + measure(sock, hold * n + 10))
        stallers = [staller(KINDS[i % len(KINDS)], sock) for i in range(n)]
        # Each leaves after HOLD_SECONDS (an unfixed folio serves nothing else until then).
        leave = threading.Timer(hold, lambda: [s.close() for s in stallers])
        leave.start()
        time.sleep(0.3)  # folio has accepted them
        t0 = time.monotonic()
        # 50 ms apart: the 20 requests span a second, while folio still holds every staller
        # (it drops one that has not sent its whole request 2 s after accepting it).
        result = measure(sock, hold * n + 10, 0.05)
        print("with %d stallers (holding %.0f s): %s (the 20 requests took %.2f s from the first to the last)" % (n, hold, result, time.monotonic() - t0))
        leave.cancel()
        for s in stallers:
            s.close()
    finally:
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    main()
