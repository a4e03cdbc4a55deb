-- wrk script: the same 3-hop path question asked by ids, the baseline of the name-vs-id comparison.
-- wrk -t2 -c8 -d60s --latency -s docs/load/path-by-id.lua http://127.0.0.1:8080
request = function()
  return wrk.format("GET", "/api/paths?from=product:nvidia-h20&to=mineral:ndpr&maxDepth=3")
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx/3xx %d, req/s %.1f, p50 %.2f ms, p99 %.2f ms\n", summary.requests,
    summary.errors.status, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
