#!/usr/bin/python3
"""SIGTERM tests for folio's FastCGI loop, driven by a minimal FastCGI client.

Usage: fcgi_signals.py FOLIO_BINARY WORKDIR TCP_PORT LAST_LINE_OF_/big/

folio is started with --listen (a Unix socket in WORKDIR, or 127.0.0.1:TCP_PORT) so that this
client alone decides when the request's bytes are sent and read; that makes "SIGTERM while a
request is in progress" deterministic instead of a race:

  idle      SIGTERM to a folio blocked in accept() -> it exits (status 0) within 1 s.
  response  folio answers /big/ (a ~2 MB page that run-signals.sh writes) over a Unix socket
            while the client reads nothing (its SO_RCVBUF shrunk): the socket buffers hold
            ~200 KB, so once bytes are waiting and folio sleeps, folio is provably in the middle
            of the request, blocked in write(): it cannot finish without the client reading.
            SIGTERM then, then read to the end: the response must be whole (FCGI_END_REQUEST,
            Content-Length = body size, the page's last line present) and folio must exit
            within 1 s after it.
  params    the client sends FCGI_BEGIN_REQUEST and only half of the FCGI_PARAMS, SIGTERM, then
            the rest: the request must still be answered (200) and folio exit afterwards.

Prints one line per test: "ok - NAME" or "not ok - NAME", details on "# " lines after it.
"""
import os
import select
import signal
import socket
import struct
import subprocess
import sys
import time

FCGI_VERSION = 1
BEGIN_REQUEST, END_REQUEST, PARAMS, STDIN, STDOUT, STDERR = 1, 3, 4, 5, 6, 7
RESPONDER = 1


def record(rtype, content, request_id=1):
    return struct.pack(">BBHHBx", FCGI_VERSION, rtype, request_id, len(content), 0) + content


def name_value(name, value):
    def length(n):
        return struct.pack(">B", n) if n < 128 else struct.pack(">I", n | 0x80000000)
    name, value = name.encode(), value.encode()
    return length(len(name)) + length(len(value)) + name + value


def request_bytes(uri, method="GET"):
    """(begin record, params payload, closing records) of one responder request."""
    path, _, query = uri.partition("?")
    params = b"".join(name_value(k, v) for k, v in [
        ("REQUEST_METHOD", method), ("REQUEST_URI", uri), ("QUERY_STRING", query),
        ("SCRIPT_NAME", ""), ("PATH_INFO", path), ("SERVER_PROTOCOL", "HTTP/1.1"),
        ("GATEWAY_INTERFACE", "CGI/1.1"), ("SERVER_NAME", "127.0.0.1"), ("SERVER_PORT", "80"),
        ("REMOTE_ADDR", "127.0.0.1"), ("HTTP_HOST", "127.0.0.1")])
    begin = record(BEGIN_REQUEST, struct.pack(">HB5x", RESPONDER, 0))
    closing = record(PARAMS, b"") + record(STDIN, b"")
    return begin, params, closing


def read_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise EOFError("connection closed after %d of %d bytes" % (len(data), n))
        data += chunk
    return data


def read_response(sock):
    """Reads records to FCGI_END_REQUEST: (stdout, stderr, app_status, protocol_status)."""
    out, err = [], []
    while True:
        header = read_exact(sock, 8)
        _, rtype, _, clen, plen = struct.unpack(">BBHHBx", header)
        content = read_exact(sock, clen)
        read_exact(sock, plen)
        if rtype == STDOUT:
            out.append(content)
        elif rtype == STDERR:
            err.append(content)
        elif rtype == END_REQUEST:
            app_status, proto = struct.unpack(">IB3x", content)
            return b"".join(out), b"".join(err), app_status, proto


def split_http(stdout):
    head, _, body = stdout.partition(b"\r\n\r\n")
    headers = {}
    lines = head.decode("latin-1").split("\r\n")
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return headers, body


class Results:
    def __init__(self):
        self.failed = 0

    def check(self, name, good, *details):
        print(("ok - " if good else "not ok - ") + name)
        if not good:
            self.failed += 1
            for d in details:
                for line in str(d).splitlines():
                    if line.strip():
                        print("#   " + line)
        sys.stdout.flush()
        return good

    def run_all(self, tests):
        """Runs each test; one that raises is a failed check and the others still run. The exit
        status: 1 when any check failed."""
        for t in tests:
            try:
                t()
            except Exception as e:  # one broken test must not hide the others
                self.check("test crashed: %s: %s" % (type(e).__name__, e), False)
        return 1 if self.failed else 0


def connect(address, rcvbuf=None):
    if address.startswith("/"):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    else:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(20)
    if address.startswith("/"):
        s.connect(address)
    else:
        host, port = address.rsplit(":", 1)
        s.connect((host, int(port)))
    return s


class Folio:
    """folio --listen ADDRESS as a child process, its stderr in a log file."""

    def __init__(self, binary, address, log):
        self.address, self.log = address, log
        self.logf = open(log, "ab")
        self.proc = subprocess.Popen([binary, "--listen", address], stdin=subprocess.DEVNULL,
                                     stdout=self.logf, stderr=self.logf)
        deadline = time.monotonic() + 10
        while True:
            try:
                connect(address).close()
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("folio --listen %s did not start (exit %s): %s"
                                       % (address, self.proc.poll(), self.log_tail()))
                time.sleep(0.05)

    def log_tail(self):
        try:
            with open(self.log, "rb") as f:
                return f.read()[-2000:].decode("utf-8", "replace")
        except OSError:
            return ""

    def state(self):
        """The process state letter from /proc (R, S, Z...), or None once reaped."""
        try:
            with open("/proc/%d/stat" % self.proc.pid) as f:
                return f.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            return None

    def wait_exit(self, seconds):
        """Exit status, or None when still running after SECONDS."""
        try:
            return self.proc.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            return None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            if self.wait_exit(5) is None:
                self.proc.kill()
                self.proc.wait()
        self.logf.close()


def whole_response(stdout, app_status, proto, last_line):
    """Problems found in a response that must be a complete 200 (empty list when fine)."""
    problems = []
    headers, body = split_http(stdout)
    if proto != 0 or app_status != 0:
        problems.append("FCGI_END_REQUEST app_status=%d protocol_status=%d" % (app_status, proto))
    if not headers.get("status", "").startswith("200"):
        problems.append("Status: %r" % headers.get("status"))
    length = headers.get("content-length")
    if length is None or int(length) != len(body):
        problems.append("Content-Length %s but %d body bytes" % (length, len(body)))
    if last_line and last_line.encode() not in body:
        problems.append("the page's last line %r is missing" % last_line)
    return problems


def tcp_listeners(port):
    """The IPv4 addresses with a listening TCP socket on PORT, from /proc/net/tcp."""
    found = []
    with open("/proc/net/tcp") as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            addr, hexport = fields[1].split(":")
            if int(hexport, 16) == port and fields[3] == "0A":
                found.append(socket.inet_ntoa(struct.pack("<I", int(addr, 16))))
    return found


def test_idle(r, binary, address, log):
    name = "idle folio --listen %s exits within 1 s of SIGTERM" % address
    f = Folio(binary, address, log)
    try:
        s = connect(address)
        begin, params, closing = request_bytes("/")
        s.sendall(begin + record(PARAMS, params) + closing)
        out, _, app, proto = read_response(s)
        s.close()
        r.check("folio --listen %s answers GET /" % address, out.startswith(b"Status: 200"),
                out[:200])
        if not address.startswith("/"):
            bound = tcp_listeners(int(address.rsplit(":", 1)[1]))
            r.check("folio --listen %s listens on 127.0.0.1 only (%s)" % (address, ", ".join(bound)),
                    bound == ["127.0.0.1"])
        if address.startswith("/"):
            mode = os.stat(address).st_mode & 0o777
            r.check("folio --listen makes its Unix socket mode 0660 (%o)" % mode, mode == 0o660)
        time.sleep(0.2)  # back in accept()
        t0 = time.monotonic()
        f.proc.send_signal(signal.SIGTERM)
        status = f.wait_exit(1.0)
        took = time.monotonic() - t0
        r.check(name + " (%.2f s, exit %s)" % (took, status), status == 0,
                "still running after 1 s" if status is None else "exit status %s" % status,
                f.log_tail())
    finally:
        f.stop()


def wait_sleeping(f, polls=5):
    """Waits (5 s at most) until folio has been asleep (blocked in a system call) for POLLS
    consecutive looks 20 ms apart."""
    deadline = time.monotonic() + 5
    sleeping = 0
    while time.monotonic() < deadline and sleeping < polls:
        sleeping = sleeping + 1 if f.state() == "S" else 0
        time.sleep(0.02)


def test_response(r, binary, address, log, last_line):
    name = "SIGTERM while folio writes a large response: the response is still whole"
    f = Folio(binary, address, log)
    try:
        s = connect(address, rcvbuf=4096)
        begin, params, closing = request_bytes("/big/")
        s.sendall(begin + record(PARAMS, params) + closing)
        # Nothing is read until after the signal. Once bytes are waiting folio has begun its
        # answer; the answer is far larger than the socket buffers, so folio cannot finish it
        # and soon sleeps in write().
        readable, _, _ = select.select([s], [], [], 10)
        wait_sleeping(f)
        busy = bool(readable) and f.proc.poll() is None
        f.proc.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        alive_after = f.proc.poll() is None
        r.check("folio is in the middle of the request when SIGTERM comes (the test's premise)",
                busy, "no answer began" if not readable else "folio had already exited")
        problems = []
        got = Counted(s)
        try:
            out, _, app, proto = read_response(got)
            problems = whole_response(out, app, proto, last_line)
        except (OSError, EOFError) as e:
            problems = ["the FastCGI answer stops after %d bytes: %s" % (got.count, e)]
        s.close()
        r.check(name, not problems, *problems,
                "folio %s 0.3 s after SIGTERM" % ("was still running" if alive_after else "had exited"),
                f.log_tail())
        status = f.wait_exit(1.0)
        r.check("folio exits within 1 s after that request (exit %s)" % status, status == 0,
                f.log_tail())
    finally:
        f.stop()


class Counted:
    """A socket's recv() that counts the bytes received."""

    def __init__(self, sock):
        self.sock, self.count = sock, 0

    def recv(self, n):
        data = self.sock.recv(n)
        self.count += len(data)
        return data


def test_params(r, binary, address, log):
    name = "SIGTERM while the request's parameters arrive: the request is still answered"
    f = Folio(binary, address, log)
    try:
        s = connect(address)
        begin, params, closing = request_bytes("/publications/")
        half = len(params) // 2
        s.sendall(begin + record(PARAMS, params[:half]))
        # folio has accepted and now waits in read() for the rest of the parameters.
        wait_sleeping(f)
        f.proc.send_signal(signal.SIGTERM)
        time.sleep(0.2)
        problems = []
        try:
            s.sendall(record(PARAMS, params[half:]) + closing)
            out, _, app, proto = read_response(s)
            problems = whole_response(out, app, proto, 'id="DSP"')
        except (OSError, EOFError) as e:
            problems = ["no answer: %s: %s" % (type(e).__name__, e)]
        s.close()
        r.check(name, not problems, *problems, f.log_tail())
        status = f.wait_exit(1.0)
        r.check("folio exits within 1 s after that request (exit %s)" % status, status == 0,
                f.log_tail())
    finally:
        f.stop()


def main():
    binary, workdir, port = sys.argv[1], sys.argv[2], sys.argv[3]
    last_line = sys.argv[4] if len(sys.argv) > 4 else ""
    r = Results()
    log = os.path.join(workdir, "folio.log")
    sock = os.path.join(workdir, "folio.sock")
    tests = [
        lambda: test_idle(r, binary, "127.0.0.1:%s" % port, log),
        lambda: test_idle(r, binary, sock, log),
        lambda: test_response(r, binary, sock, log, last_line),
        lambda: test_params(r, binary, sock, log),
    ]
    return r.run_all(tests)


if __name__ == "__main__":
    sys.exit(main())
