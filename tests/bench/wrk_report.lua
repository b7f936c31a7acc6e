-- wrk script for tests/bench/run.sh: no per-request hook (so wrk runs at full speed), one
-- machine-readable summary line at the end.
done = function(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        "BENCH requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
        summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
        latency:percentile(50), latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))
end
