-- wrk script: the mixed.lua rotation, counting responses by status code across all threads, for the outage run.
-- wrk -t2 -c8 -d90s -s docs/load/statuses.lua http://127.0.0.1:8080
local requests = {
  "/api/paths?from=H20&to=NdPr&maxDepth=3",
  "/api/paths?from=Lutnick&to=H20&maxDepth=3&mode=shortest",
  "/api/entities?q=magnet",
  "/api/entities/mineral:ndpr",
  "/api/entities/product:nvidia-h20/neighbors?depth=2",
  "/api/entities/product:nvidia-h20/timeline",
  "/api/info",
}
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
local i = 0
local counts = {}
function request()
  i = i + 1
  return wrk.format("GET", requests[(i % #requests) + 1])
end
function response(status, headers, body)
  local key = tostring(status)
  if status >= 400 and not string.find(headers["Content-Type"] or "", "application/problem+json", 1, true) then
    key = key .. "-not-problem-json"
  end
  counts[key] = (counts[key] or 0) + 1
  tally = ""
  for k, v in pairs(counts) do tally = tally .. k .. "=" .. v .. " " end
end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for k, v in string.gmatch(thread:get("tally") or "", "(%S+)=(%d+)") do
      total[k] = (total[k] or 0) + tonumber(v)
    end
  end
  local line = "statuses:"
  for k, v in pairs(total) do line = line .. " " .. k .. "=" .. v end
  io.write(line .. string.format("\nrequests %d, socket errors %d, p50 %.1f ms, p99 %.1f ms\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
