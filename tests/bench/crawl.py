#!/usr/bin/python3
"""Requests every path of a list once, in order, over one keep-alive connection.

Usage: crawl.py PORT LIST_FILE

LIST_FILE has one site path a line (the <loc> entries of the site's sitemap.xml). Every answer
must be a 200. Prints "crawl: N paths, N answered 200, N bytes, S s". Exits 1 otherwise.
"""
import http.client
import sys
import time


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    port, paths = int(sys.argv[1]), [p.strip() for p in open(sys.argv[2]) if p.strip()]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    ok, size, bad = 0, 0, []
    t0 = time.perf_counter()
    for path in paths:
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
        size += len(body)
        if r.status == 200:
            ok += 1
        else:
            bad.append(f"{r.status} {path}")
        if r.getheader("Connection", "").lower() == "close":
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    print(f"crawl: {len(paths)} paths, {ok} answered 200, {size} bytes, {time.perf_counter() - t0:.1f} s")
    for line in bad[:10]:
        print(f"crawl: not 200: {line}", file=sys.stderr)
    return 0 if ok == len(paths) and paths else 1


if __name__ == "__main__":
    sys.exit(main())
