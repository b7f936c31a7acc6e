-- wrk script for the soak test: a mix of pages, redirects, 404s, static files, conditional and
-- compressed requests and hostile paths, in turn. Counts statuses by class for the report.
local requests = {
  {"/", nil}, {"/publications/", nil}, {"/publications/2025-dsp/", nil}, {"/publications/2025-dsp.bib", nil},
  {"/about/", nil}, {"/about.html?utm=x", nil}, {"/publications", nil}, {"/nowhere/", nil},
  {"/images/avatar.svg", nil}, {"/assets/folio.css", nil}, {"/sitemap.xml", nil}, {"/feed.xml", nil},
  {"/", {["Accept-Encoding"] = "gzip"}}, {"/publications/", {["If-None-Match"] = "\"0000000000000000\""}},
  {"/", {["If-Modified-Since"] = "Thu, 01 Jan 2037 00:00:00 GMT"}},
  {"/%2e%2e/%2e%2e/etc/passwd", nil}, {"/a%5cb/", nil}, {"/.git/config", nil}, {"/%252e%252e/x", nil},
  {"/%c0%ae%c0%ae/", nil}, {"/x%0d%0aSet-Cookie:a", nil}, {"/" .. string.rep("a/", 300), nil},
}
local i = 0
request = function()
  i = i % #requests + 1
  local r = requests[i]
  return wrk.format("GET", r[1], r[2])
end
local counts = {}
response = function(status, headers, body)
  local class = math.floor(status / 100)
  counts[class] = (counts[class] or 0) + 1
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("SOAK requests=%d connect=%d read=%d write=%d timeout=%d status_errors=%d p99_ms=%.2f\n",
    summary.requests, e.connect, e.read, e.write, e.timeout, e.status, latency:percentile(99) / 1000))
end
