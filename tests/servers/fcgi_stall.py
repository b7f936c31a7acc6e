#!/usr/bin/python3
"""Stalling FastCGI clients against folio --listen, driven by raw sockets.

Usage: fcgi_stall.py FOLIO_BINARY WORKDIR TCP_PORT

A FastCGI peer that connects and then sends only part of a request (or nothing, or keeps a
connection open after its answer) must cost other requests nothing: folio reads a request head
only once it has arrived whole, drops connections that miss the read deadline, and SIGTERM ends
it promptly even while such peers are connected. Each stalling kind below is tested the same way:

  1. the staller connects and sends its bytes, then stays (it would stay 20 s and more);
  2. a normal request on another connection must be answered (200) within 1 s;
  3. folio must close the staller itself within 3 s (the head deadline is 2 s);
  4. with a fresh staller of the same kind connected, SIGTERM must end folio within 2.5 s.

Then 8 stallers at once (the figure: a normal request's latency with 8 of them connected), a
request head larger than the bound, a PARAMS length far beyond the bytes sent (libfcgi would
try to allocate it and abort), and keep-alive still working.

Prints one line per check: "ok - NAME" or "not ok - NAME", details on "# " lines after it.
"""
import os
import signal
import socket
import statistics
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fcgi_signals import (BEGIN_REQUEST, PARAMS, RESPONDER, Folio, Results,  # noqa: E402
                          connect, read_response, record, request_bytes, name_value)

FCGI_KEEP_CONN = 1


def begin_record(flags=0):
    return record(BEGIN_REQUEST, struct.pack(">HB5x", RESPONDER, flags))


def full_request(uri="/publications/", flags=0):
    _, params, closing = request_bytes(uri)
    return begin_record(flags) + record(PARAMS, params) + closing


def timed_get(address, uri="/publications/", timeout=3.0):
    """(status line or error text, seconds) of one normal request on a new connection."""
    t0 = time.monotonic()
    try:
        s = connect(address)
        s.settimeout(timeout)
        s.sendall(full_request(uri))
        out, _, _, _ = read_response(s)
        s.close()
        return out.split(b"\r\n", 1)[0].decode("latin-1"), time.monotonic() - t0
    except (OSError, EOFError) as e:
        return "%s: %s" % (type(e).__name__, e), time.monotonic() - t0


def staller(kind, address):
    """A connected socket in the stalling state KIND."""
    s = connect(address)
    begin, params, closing = request_bytes("/")
    if kind == "half a record header":
        s.sendall(begin[:4])
    elif kind == "BEGIN_REQUEST alone":
        s.sendall(begin)
    elif kind == "a short PARAMS record":
        header = struct.pack(">BBHHBx", 1, PARAMS, 1, len(params), 0)
        s.sendall(begin + header + params[: len(params) // 2])
    elif kind == "an idle connection":
        pass
    elif kind == "a kept-alive connection left idle":
        s.sendall(full_request("/", FCGI_KEEP_CONN))
        out, _, _, _ = read_response(s)
        if not out.startswith(b"Status: 200"):
            raise RuntimeError("the keep-alive request was not answered: %r" % out[:100])
    elif kind == "a client that stays after its answer":
        s.sendall(full_request("/"))
        read_response(s)
    else:
        raise ValueError(kind)
    return s


def closed_by_peer(s, seconds):
    """True when the peer closes S (EOF or reset) within SECONDS."""
    s.settimeout(seconds)
    try:
        while True:
            if not s.recv(4096):
                return True
    except ConnectionResetError:
        return True
    except OSError:
        return False


def test_kind(r, binary, address, log, kind, drop_check=True):
    f = Folio(binary, address, log)
    stallers = []
    try:
        s = staller(kind, address)
        stallers.append(s)
        time.sleep(0.3)  # folio has seen the staller (and, unfixed, is stuck on it)
        status, took = timed_get(address)
        r.check("%s: with %s connected, a normal request is answered within 1 s (%s, %.2f s)"
                % (address, kind, status, took), status == "Status: 200 OK" and took < 1.0,
                f.log_tail())
        if drop_check:
            t0 = time.monotonic()
            gone = closed_by_peer(s, 3.5)
            r.check("%s: folio closes %s within 3 s (%.2f s)" % (address, kind, time.monotonic() - t0),
                    gone)
        stallers.append(staller(kind, address))
        time.sleep(0.3)
        t0 = time.monotonic()
        f.proc.send_signal(signal.SIGTERM)
        code = f.wait_exit(2.5)
        r.check("%s: with %s connected, SIGTERM ends folio within 2.5 s (%.2f s, exit %s)"
                % (address, kind, time.monotonic() - t0, code), code == 0, f.log_tail())
    finally:
        for s in stallers:
            s.close()
        f.stop()


def test_eight(r, binary, address, log):
    """The figure: a normal request's latency with 8 stallers connected, and without."""
    kinds = ["half a record header", "BEGIN_REQUEST alone", "a short PARAMS record",
             "an idle connection", "a kept-alive connection left idle",
             "a client that stays after its answer", "half a record header", "BEGIN_REQUEST alone"]
    f = Folio(binary, address, log)
    stallers = []
    try:
        quiet = [timed_get(address) for _ in range(20)]
        stallers = [staller(k, address) for k in kinds]
        time.sleep(0.3)
        loaded = []
        for _ in range(20):
            loaded.append(timed_get(address, timeout=2.0))
            if loaded[-1][0] != "Status: 200 OK":
                break
        bad = [st for st, _ in loaded if st != "Status: 200 OK"]

        def ms(rs):
            t = [x * 1000 for _, x in rs]
            return "median %.1f ms, max %.1f ms" % (statistics.median(t), max(t))
        print("# latency of a normal request, 20 requests: without stallers %s; with 8 stallers %s"
              % (ms(quiet), ms(loaded)))
        r.check("%s: with 8 stallers connected, 20 normal requests are answered, each within 1 s (%s)"
                % (address, ms(loaded)), not bad and len(loaded) == 20 and max(x for _, x in loaded) < 1.0,
                *bad[:1])
    finally:
        for s in stallers:
            s.close()
        f.stop()


def test_limits(r, binary, address, log):
    f = Folio(binary, address, log)
    try:
        # A request head beyond the 64 KiB bound: dropped unanswered, folio goes on.
        s = connect(address)
        big = name_value("HTTP_X_BIG", "x" * 70000)
        params = b""
        _, normal, closing = request_bytes("/")
        body = normal + big
        for i in range(0, len(body), 65535):
            params += record(PARAMS, body[i:i + 65535])
        try:
            s.sendall(begin_record() + params + closing)
            out, _, _, _ = read_response(s)
            answered = out[:40]
        except (OSError, EOFError):
            answered = None
        s.close()
        r.check("a request head over 64 KiB is dropped unanswered (answer: %r)" % answered, answered is None)
        status, took = timed_get(address)
        r.check("folio answers the next request (%s)" % status, status == "Status: 200 OK", f.log_tail())

        # A PARAMS pair that declares a value of 0x7ffffffe bytes but sends 10: libfcgi would
        # allocate the declared size before reading (and abort when that fails).
        s = connect(address)
        lie = b"\x04" + struct.pack(">I", 0x7ffffffe | 0x80000000) + b"NAME" + b"v" * 10
        try:
            s.sendall(begin_record() + record(PARAMS, normal + lie) + closing)
            gone = closed_by_peer(s, 3.0)
        except OSError:
            gone = True
        s.close()
        r.check("a PARAMS length beyond the record is dropped", gone)
        time.sleep(0.2)
        status, took = timed_get(address)
        r.check("folio is alive and answers after a PARAMS length of 0x7ffffffe (%s, exit %s)"
                % (status, f.proc.poll()), status == "Status: 200 OK" and f.proc.poll() is None, f.log_tail())

        # Keep-alive: three requests on one connection, another connection's request between.
        s = connect(address)
        statuses = []
        for i in range(3):
            s.sendall(full_request("/", FCGI_KEEP_CONN))
            out, _, _, _ = read_response(s)
            statuses.append(out.split(b"\r\n", 1)[0].decode("latin-1"))
            other, _ = timed_get(address)
            statuses.append(other)
        s.close()
        r.check("keep-alive: 3 requests on one connection, 3 on others between them, all answered (%s)"
                % ", ".join(sorted(set(statuses))), statuses == ["Status: 200 OK"] * 6, f.log_tail())

        # A client that sends its whole request and then shuts down its sending side.
        s = connect(address)
        s.sendall(full_request("/"))
        s.shutdown(socket.SHUT_WR)
        try:
            out, _, _, _ = read_response(s)
        except (OSError, EOFError) as e:
            out = str(e).encode()
        s.close()
        r.check("a request whose client shut down its sending side after it is answered (%r)" % out[:20],
                out.startswith(b"Status: 200"))
    finally:
        f.stop()


KINDS = ["half a record header", "BEGIN_REQUEST alone", "a short PARAMS record", "an idle connection",
         "a kept-alive connection left idle", "a client that stays after its answer"]


def main():
    binary, workdir, port = sys.argv[1], sys.argv[2], sys.argv[3]
    r = Results()
    log = os.path.join(workdir, "folio.log")
    sock = os.path.join(workdir, "folio.sock")
    tcp = "127.0.0.1:%s" % port
    tests = [lambda k=k: test_kind(r, binary, sock, log, k,
                                   drop_check=k not in ("a kept-alive connection left idle",))
             for k in KINDS]
    tests.append(lambda: test_kind(r, binary, tcp, log, "an idle connection"))
    tests.append(lambda: test_kind(r, binary, tcp, log, "a short PARAMS record"))
    tests.append(lambda: test_eight(r, binary, sock, log))
    tests.append(lambda: test_limits(r, binary, sock, log))
    return r.run_all(tests)


if __name__ == "__main__":
    sys.exit(main())
