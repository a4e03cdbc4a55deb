-- wrk script: the 3-hop path question H20 -> NdPr, for the name-vs-id comparison of issue 19.
--   wrk -t2 -c8 -d60s --latency -s docs/load/path.lua http://127.0.0.1:8080 -- name          (or: id)
--   wrk ... -s docs/load/path.lua http://127.0.0.1:8080 -- name fresh
-- "fresh" gives each request another negligible minConfidence (below 0.06; every hop's confidence is above 0.5), so
-- no path answer comes from the cache while name resolution does: what resolving names costs once it is cached.
local ends = { name = "from=H20&to=NdPr", id = "from=product:nvidia-h20&to=mineral:ndpr" }
local path, fresh, i
init = function(args)
  path = "/api/paths?" .. assert(ends[args[1]], "first argument: name or id") .. "&maxDepth=3"
  fresh = args[2] == "fresh"
  -- Each thread, and each run, starts at its own random offset, so no two fresh requests share a key.
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100003)
  i = math.random(1, 50000000) * 1000
end
request = function()
  if not fresh then
    return wrk.format("GET", path)
  end
  i = i + 1
  return wrk.format("GET", string.format("%s&minConfidence=%.12f", path, i * 1e-12))
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx/3xx %d, req/s %.1f, p50 %.2f ms, p99 %.2f ms\n", summary.requests,
    summary.errors.status, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
