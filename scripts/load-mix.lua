-- wrk script for bench-load.sh and bench.sh: GET the addresses of a file (one per line, given after --) in turn, each thread from
-- its own starting point; count every answer that is not a 2xx, and print the figures the benchmark reads.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  urls = {}
  for line in io.lines(args[1]) do
    urls[#urls + 1] = line
  end
  next_url = (id * 7919) % #urls + 1
  non2xx = 0
end

function request()
  local url = urls[next_url]
  next_url = next_url % #urls + 1
  return wrk.format("GET", url)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("result requests=%d rps=%.0f p50=%.1f p90=%.1f p95=%.1f p99=%.1f max=%.1f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    bad, errors))
end
