#!/usr/bin/python3
"""Prints the benchmark's table from the results that tests/bench/run.sh wrote to OUT.

Usage: report.py OUT

Reads OUT/meta.txt, wrk.tsv, mem.tsv, cold.tsv, status.tsv and raw/cgi-*.json. Every target is
printed as MET or NOT MET. Exits 0 whatever the figures are; 1 only when a result is missing.
"""
import json
import os
import statistics
import sys

URLS = ["/", "/about/", "/nowhere/"]
URL_NAMES = {"/": "home page /", "/about/": "redirect /about/", "/nowhere/": "404 /nowhere/"}
SITES = [("default", "default site"), ("p1000", "1,000 pages"), ("p10000", "10,000 pages")]
MIB = 1024.0

verdicts = []  # (target text, met)


def verdict(text, met):
    verdicts.append((text, met))
    return "MET" if met else "NOT MET"


def kv(text):
    return dict(part.split("=", 1) for part in text.split() if "=" in part)


def read_tsv(path):
    with open(path) as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def main():
    out = sys.argv[1]
    meta = dict(line.rstrip("\n").split("=", 1) for line in open(os.path.join(out, "meta.txt")) if "=" in line)
    wrk = [(label, target, url, int(rnd), kv(rest)) for label, target, url, rnd, rest in read_tsv(os.path.join(out, "wrk.tsv"))]
    mem = {label: (server, int(hwm), int(rss)) for label, server, hwm, rss in read_tsv(os.path.join(out, "mem.tsv"))}
    cold = {site: kv(rest) for site, rest in read_tsv(os.path.join(out, "cold.tsv"))}
    status = read_tsv(os.path.join(out, "status.tsv"))
    cgi = {}        # (site, command) -> every time in seconds, all rounds pooled
    cgi_round = {}  # (site, command) -> [median of each round]
    for site, _ in SITES:
        for r in range(1, int(meta["cgi_rounds"]) + 1):
            for res in json.load(open(os.path.join(out, "raw", f"cgi-{site}-fast-{r}.json")))["results"]:
                cgi.setdefault((site, res["command"]), []).extend(res["times"])
                cgi_round.setdefault((site, res["command"]), []).append(res["median"])
        for res in json.load(open(os.path.join(out, "raw", f"cgi-{site}-cold.json")))["results"]:
            cgi[(site, res["command"])] = res["times"]

    rounds = int(meta["rounds"])
    print("folio benchmark")
    print("===============")
    print(f"binary     {meta['binary']} ({meta['linkage']}, {int(meta['binary_bytes']) / MIB / MIB:.1f} MiB), "
          f"commit {meta['commit']}")
    print(f"machine    {meta['cpus']} CPUs ({meta['cpu']}), Linux {meta['kernel']}; "
          f"{meta['lighttpd']}, wrk {meta['wrk']}, hyperfine {meta['hyperfine']}")
    print(f"load       wrk -t1 -c{meta['connections']} -d{meta['duration']}s on 127.0.0.1, {rounds} interleaved rounds "
          f"after one warm-up run each; wrk, lighttpd and the FastCGI program share the {meta['cpus']} CPUs")
    busy = [float(meta[k]) for k in ("busy_fastcgi", "busy_cgi", "busy_end")]
    print(f"others     CPU used by other processes while the benchmark was idle: {busy[0]:.2f} cores before the FastCGI")
    print(f"           runs, {busy[1]:.2f} before the CGI runs, {busy[2]:.2f} at the end"
          + ("" if max(busy) < 0.25 else "  <-- THE MACHINE WAS BUSY: figures are noisy"))
    print()

    # ------------------------------------------------------------------ 1. FastCGI
    print(f"1. FastCGI behind lighttpd (one worker, max-procs 1): requests/s, median of {rounds} rounds [min .. max];")
    print("   p99 latency, median of the rounds' p99s. floor = tests/bench/floor.c (libfcgi, folio's bytes from memory);")
    print("   static = lighttpd serving the folio --export folder (redirects by mod_redirect, 404 page by errorfile-prefix).")
    print()
    print(f"   {'path':<18} {'server':<7} {'req/s':>9}  {'[min .. max]':<19} {'p99 ms':>7}")
    med = {}
    for url in URLS:
        for target in ("folio", "floor", "static"):
            runs = [r for label, t, u, _, r in wrk if label == "main" and t == target and u == url]
            rps = [float(r["rps"]) for r in runs]
            p99 = [int(r["p99_us"]) / 1000 for r in runs]
            med[(target, url)] = statistics.median(rps)
            print(f"   {URL_NAMES[url] if target == 'folio' else '':<18} {target:<7} {statistics.median(rps):>9,.0f}  "
                  f"[{min(rps):>7,.0f} .. {max(rps):>7,.0f}] {statistics.median(p99):>7.2f}")
    print()
    print("   Ratios: the median over the rounds of each round's ratio (the two runs of a pair are seconds apart, so")
    print("   load from other processes hits both alike); in brackets the lowest and highest round, then the ratio")
    print("   of the medians above. The target is judged on the first figure.")
    print()
    print(f"   {'path':<18} {'folio/floor':>11} {'[min .. max]':<16} {'of medians':>10}  {'target':<8} {'':<8} {'folio/static':>12}")
    for url in URLS:
        def per_round(other):
            rps = {(t, rnd): float(r["rps"]) for label, t, u, rnd, r in wrk if label == "main" and u == url}
            return [rps[("folio", n)] / rps[(other, n)] for n in sorted({rnd for (_, rnd) in rps})]
        floor_r, static_r = per_round("floor"), per_round("static")
        ratio = statistics.median(floor_r)
        v = verdict(f"FastCGI {URL_NAMES[url]}: folio >= 0.9 x floor (is {ratio:.3f}x)", ratio >= 0.9)
        print(f"   {URL_NAMES[url]:<18} {ratio:>10.3f}x [{min(floor_r):.3f} .. {max(floor_r):.3f}]"
              f"{med[('folio', url)] / med[('floor', url)]:>9.3f}x  {'>= 0.90x':<8} {v:<8} {statistics.median(static_r):>11.3f}x")
    p10k = [(u, r) for label, t, u, _, r in wrk if label == "p10000"]
    if p10k:
        print()
        print("   10,000-page site, folio only, one run each (for information, no target):")
        for url, r in p10k:
            print(f"   {URL_NAMES[url]:<18} folio   {float(r['rps']):>9,.0f}  {'':<19} {int(r['p99_us']) / 1000:>7.2f}")
    print()

    # Errors and statuses.
    socket_errors = sum(int(r[k]) for _, _, _, _, r in wrk for k in ("connect", "read", "write", "timeout"))
    total_runs = len(wrk)
    bad_status = []
    for label, target, url, rnd, r in wrk:
        want = int(r["requests"]) if url == "/nowhere/" else 0
        if int(r["status"]) != want:
            bad_status.append(f"{label} {target} {url} round {rnd}: {r['status']} non-2xx/3xx of {r['requests']}")
    logged = {}
    unexpected = []
    for server, url, code, count in status:
        want = "404" if url == "/nowhere/" else "301" if url in ("/about/", "/about.html") else "200"
        logged[(server, url, code)] = int(count)
        if code != want:
            unexpected.append(f"{server}: {count} x {code} for {url} (want {want})")
    print("   Errors over all wrk runs (warm-up, rounds and the 10,000-page runs):")
    print(f"   - socket errors (connect, read, write, timeout) in {total_runs} runs: {socket_errors}")
    print(f"   - non-2xx/3xx responses: {'0 outside the 404 runs; every 404-run response was non-2xx/3xx' if not bad_status else '; '.join(bad_status[:5])}")
    n404 = sum(int(c) for s, u, code, c in status if u == "/nowhere/" and code == "404")
    not404 = sum(int(c) for s, u, code, c in status if u == "/nowhere/" and code != "404")
    print(f"   - lighttpd's access logs: {sum(int(c) for *_, c in status):,} responses logged; to /nowhere/: "
          f"{n404:,} x 404, {not404} other; unexpected statuses anywhere: {len(unexpected)}")
    for line in unexpected[:10]:
        print(f"     {line}")
    no_errors = socket_errors == 0 and not bad_status and not unexpected
    print(f"   target: no socket errors, no non-2xx/3xx except the 404 runs, which are all 404: "
          f"{verdict('no socket errors or unexpected statuses in any run', no_errors)}")
    if meta.get("static_same") != "yes":
        print("   note: the static server's home page is NOT byte-identical to folio's (the export differs)")
    print()

    # ------------------------------------------------------------------ 2. CGI
    print("2. CGI, one request of / (hyperfine -N: fork, exec, answer, exit; wall time).")
    print("   trivial = tests/bench/trivial_cgi.c, static, prints the same bytes from memory.")
    print("   warm = folio with its disk cache hit (the normal case: fingerprint every input file, read the entry);")
    print("   edit = the first request after an edit, cache on: fingerprint, miss, the index cache gives every page")
    print("          but the edited one without parsing it, render, store (hyperfine --prepare touches a page each run);")
    print("   cold = folio with cache = off (parse every page, render): a site's first request ever.")
    print(f"   trivial and warm: {meta['cgi_rounds']} rounds of {meta['cgi_runs']} runs each, their order swapped each round; the")
    print("   warm ratio is the median of the rounds' ratios (each of medians), edit and cold ratios are to trivial's median.")
    print()
    print(f"   {'site':<13} {'request':<11} {'median ms':>9} {'mean ± sd ms':>16} {'runs':>5}  {'ratio':>9}  {'target':<8}")
    targets = {"default": 1.5, "p1000": 2.0}
    for site, name in SITES:
        triv = statistics.median(cgi[(site, "trivial")])
        for cmd in ("trivial", "folio-warm", "folio-edit", "folio-cold"):
            times = cgi[(site, cmd)]
            sd = statistics.stdev(times) if len(times) > 1 else 0.0
            line = (f"   {name if cmd == 'trivial' else '':<13} {cmd:<11} {statistics.median(times) * 1000:>9.3f} "
                    f"{statistics.mean(times) * 1000:>8.3f} ± {sd * 1000:<6.3f} {len(times):>5}")
            if cmd != "trivial":
                if cmd == "folio-warm":
                    ratio = statistics.median(w / t for w, t in zip(cgi_round[(site, cmd)], cgi_round[(site, "trivial")]))
                else:
                    ratio = statistics.median(times) / triv
                line += f"  {ratio:>8.3f}x"
                if site in targets:
                    t = targets[site]
                    line += f"  <= {t:.1f}x  {verdict(f'CGI {name}, {cmd}: <= {t}x trivial (is {ratio:.3f}x)', ratio <= t)}"
                else:
                    line += "  (no target)"
            print(line)
    print()

    # ------------------------------------------------------------------ 3. memory
    print("3. Memory per FastCGI worker: VmHWM (peak resident set) from /proc/PID/status; VmRSS (now) beside it.")
    print()
    print(f"   {'site':<13} {'when':<50} {'VmHWM MiB':>9} {'VmRSS MiB':>9}  {'target':<9}")
    crawl_d = meta.get("crawl_default", "").replace("crawl: ", "")
    crawl_k = meta.get("crawl_p10000", "").replace("crawl: ", "")
    rows = [
        ("default:after-wrk", "default site", "after the warm-up and the wrk rounds", 4),
        ("default:after-crawl", "", f"then after a crawl of its sitemap ({crawl_d.split(',')[0]})", 4),
        ("floor:after-wrk", "floor (ref.)", "after the same wrk rounds", None),
        ("p10000:after-first-request", "10,000 pages", "after its first request (the index is loaded)", None),
        ("p10000:after-wrk", "", "then after wrk on /, /about/, /nowhere/", 32),
        ("p10000:after-crawl", "", f"then after a crawl of its sitemap ({crawl_k.split(',')[0]})", 32),
    ]
    for label, site, when, target in rows:
        _, hwm, rss = mem[label]
        line = f"   {site:<13} {when:<50} {hwm / MIB:>9.1f} {rss / MIB:>9.1f}"
        if target:
            line += f"  <= {target} MiB {verdict(f'memory {label}: VmHWM <= {target} MiB (is {hwm / MIB:.1f})', hwm / MIB <= target)}"
        print(line)
    print("   The targets apply after the wrk runs (the figure asked for) and, stricter, after the crawl: VmHWM never")
    print("   goes down, so the last row of a site is the worker's peak over the whole benchmark. The worker keeps")
    print("   rendered responses in memory up to 4 MiB; a crawl of every page is what fills that cache.")
    print()

    # ------------------------------------------------------------------ 4. index load
    print("4. Index load time: a cold FastCGI worker (started as lighttpd starts it), time from spawn to the end of")
    print("   its first answer to GET / (exec + read folio.ini + fingerprint and parse every file + render /),")
    print("   and a second GET / on the same worker; load = first - second. Median of the runs; files in the page cache.")
    print()
    print(f"   {'site':<13} {'first answer ms':>15} {'second ms':>10} {'load ms':>9} {'VmHWM MiB':>10} {'runs':>5}")
    for site, name in SITES:
        c = cold[site]
        print(f"   {name:<13} {float(c['cold_ms']):>15.1f} {float(c['warm_ms']):>10.3f} {float(c['load_ms']):>9.1f} "
              f"{int(c['hwm_kib']) / MIB:>10.1f} {c['runs']:>5}")
    print("   (no target; the cold CGI row of the same site in section 2 is the same work plus process exit)")
    print()

    # ------------------------------------------------------------------ summary
    met = sum(1 for _, m in verdicts if m)
    print(f"Targets: {met} of {len(verdicts)} met.")
    for text, m in verdicts:
        if not m:
            print(f"  NOT MET: {text}")
    print(f"(benchmark took {meta['seconds']} s; lighttpd error-log lines other than start/stop: {meta['lighttpd_errors']}"
          f"{', see raw/lighttpd-errors.txt' if meta['lighttpd_errors'] != '0' else ''})")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, KeyError, ValueError, IndexError, statistics.StatisticsError) as e:
        print(f"report.py: cannot read the results: {e!r}", file=sys.stderr)
        sys.exit(1)
