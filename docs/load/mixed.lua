-- wrk script: a mix of Lodestone reads, a third of them 3-hop path queries.
-- wrk -t2 -c8 -d60s --latency -s docs/load/mixed.lua http://127.0.0.1:8080
local requests = {
  "/api/paths?from=H20&to=NdPr&maxDepth=3",
  "/api/paths?from=Lutnick&to=H20&maxDepth=3&mode=shortest",
  "/api/paths?from=H20&to=China&maxDepth=3&asOf=2025-09-01",
  "/api/entities?q=magnet",
  "/api/entities/mineral:ndpr",
  "/api/entities/product:nvidia-h20/neighbors?depth=2",
  "/api/entities/product:nvidia-h20/timeline",
  "/api/info",
  "/actuator/health",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", requests[(i % #requests) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx/3xx %d, socket errors %d, req/s %.1f, p50 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
