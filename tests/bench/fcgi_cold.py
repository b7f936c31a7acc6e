#!/usr/bin/python3
"""Time to a cold FastCGI worker's first answer: the cost of loading a site's index.

Usage: fcgi_cold.py FOLIO_BINARY FOLIO_INI RUNS

Each run starts FOLIO_BINARY the way lighttpd's mod_fastcgi does (standard input is a listening
Unix socket; FOLIO_CONFIG=FOLIO_INI), connects at once and sends GET / (the connection waits in
the socket's backlog while folio starts), and measures:
  cold   from just before the spawn to the end of the first response: exec, reading folio.ini,
         fingerprinting and parsing every content and template file (the index), rendering /;
  warm   a second GET / on the same worker (served from its in-memory response cache);
  hwm    the worker's VmHWM (peak resident memory) after those two requests, in KiB.
The worker is then stopped with SIGTERM (and must exit with status 0).
Prints one line: "cold_ms=MEDIAN warm_ms=MEDIAN load_ms=MEDIAN(cold-warm) hwm_kib=MAX runs=N
cold_all=a,b,c". Exits 1 if a response is not a 200 or the worker misbehaves.
"""
import os
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time

BEGIN_REQUEST, END_REQUEST, PARAMS, STDIN, STDOUT = 1, 3, 4, 5, 6


def record(rtype, content):
    return struct.pack(">BBHHBx", 1, rtype, 1, len(content), 0) + content


def name_value(name, value):
    name, value = name.encode(), value.encode()
    return struct.pack(">BB", len(name), len(value)) + name + value


def request(uri):
    params = b"".join(name_value(k, v) for k, v in [
        ("REQUEST_METHOD", "GET"), ("REQUEST_URI", uri), ("QUERY_STRING", ""), ("SCRIPT_NAME", ""),
        ("PATH_INFO", uri), ("SERVER_PROTOCOL", "HTTP/1.1"), ("GATEWAY_INTERFACE", "CGI/1.1"),
        ("SERVER_NAME", "127.0.0.1"), ("SERVER_PORT", "80"), ("REMOTE_ADDR", "127.0.0.1")])
    return (record(BEGIN_REQUEST, struct.pack(">HB5x", 1, 0)) + record(PARAMS, params) + record(PARAMS, b"")
            + record(STDIN, b""))


def read_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise EOFError("connection closed early")
        data += chunk
    return data


def ask(path, uri):
    """One request on a new connection; returns the stdout bytes."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
        c.connect(path)
        c.sendall(request(uri))
        out = b""
        while True:
            _, rtype, _, clen, plen = struct.unpack(">BBHHBx", read_exact(c, 8))
            content = read_exact(c, clen)
            read_exact(c, plen)
            if rtype == STDOUT:
                out += content
            elif rtype == END_REQUEST:
                return out


def hwm_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def spawn(binary, ini, path, stderr):
    """Starts binary as lighttpd's mod_fastcgi does: its standard input a Unix socket listening
    at path (made anew). Returns (listener, process)."""
    if os.path.exists(path):
        os.unlink(path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(16)
    proc = subprocess.Popen([binary], stdin=listener.fileno(), stdout=subprocess.DEVNULL, stderr=stderr,
                            env={"PATH": "/usr/bin:/bin", "FOLIO_CONFIG": ini}, close_fds=True)
    return listener, proc


def one_run(binary, ini, workdir):
    path = os.path.join(workdir, "cold.sock")
    t0 = time.perf_counter()
    listener, proc = spawn(binary, ini, path, open(os.path.join(workdir, "cold.log"), "ab"))
    try:
        first = ask(path, "/")
        t1 = time.perf_counter()
        second = ask(path, "/")
        t2 = time.perf_counter()
        for name, out in (("first", first), ("second", second)):
            if not out.startswith(b"Status: 200"):
                raise RuntimeError(f"{name} answer to GET / is not a 200: {out[:80]!r}")
        hwm = hwm_kib(proc.pid)
    finally:
        listener.close()
        proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise RuntimeError("the worker did not exit within 10 s of SIGTERM")
    if code != 0:
        raise RuntimeError(f"the worker exited with status {code}")
    return (t1 - t0) * 1000, (t2 - t1) * 1000, hwm


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, ini, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    cold, warm, hwm = [], [], []
    with tempfile.TemporaryDirectory(prefix="folio-cold.") as workdir:
        try:
            for _ in range(runs):
                c, w, h = one_run(binary, ini, workdir)
                cold.append(c)
                warm.append(w)
                hwm.append(h)
        except Exception as e:  # the bench broke: say why, exit 1
            log = os.path.join(workdir, "cold.log")
            detail = open(log, errors="replace").read()[-2000:] if os.path.exists(log) else ""
            print(f"fcgi_cold.py: {e}\n{detail}", file=sys.stderr)
            return 1
    load = [c - w for c, w in zip(cold, warm)]
    print(f"cold_ms={statistics.median(cold):.2f} warm_ms={statistics.median(warm):.3f} "
          f"load_ms={statistics.median(load):.2f} hwm_kib={max(hwm)} runs={runs} "
          f"cold_all={','.join(f'{c:.1f}' for c in cold)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
