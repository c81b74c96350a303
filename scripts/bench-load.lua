-- wrk script of scripts/bench.sh: the benchmark's queries in turn, then one summary line in the bench tool's format.
-- wrk -t2 -c16 -d15s --timeout 30s -s scripts/bench-load.lua http://127.0.0.1:PORT -- PATHS
-- PATHS holds one request path a line (`NewsArchive.Bench paths scripts/bench-queries.txt`).
local paths = {}
local current = 0
local threads = 0

-- Each thread starts at another place in the list, so that they do not send the same query at the same moment.
function setup(thread)
  threads = threads + 1
  thread:set("start", threads * 17)
end

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  current = start % #paths
end

function request()
  current = current % #paths + 1
  return wrk.format("GET", paths[current])
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("summary: seconds=%.1f requests=%d rps=%.1f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f failed=%d\n",
    seconds, summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.status + e.connect + e.read + e.write + e.timeout))
end
