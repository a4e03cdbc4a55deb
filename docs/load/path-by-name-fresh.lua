-- wrk script: the 3-hop path question by names, each request with another negligible minConfidence (below 0.06; every
-- hop's confidence is above 0.5), so no path answer comes from the cache while name resolution does: what resolving
-- names costs once it is cached, the comparison issue 19 asks for.
-- Each thread, and each run, starts at its own random offset, so no two requests share a key.
local i = 0
init = function(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100003)
  i = math.random(1, 50000000) * 1000
end
request = function()
  i = i + 1
  return wrk.format("GET", string.format("/api/paths?from=H20&to=NdPr&maxDepth=3&minConfidence=%.12f", i * 1e-12))
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx/3xx %d, req/s %.1f, p50 %.2f ms, p99 %.2f ms\n", summary.requests,
    summary.errors.status, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
