-- wrk script: cycles through the request paths listed in a file (one per line), so a run exercises many
-- different requests rather than one hot URL. Each thread starts at a different place in the list.
--   wrk -t2 -c32 -d10s --latency -s bench/wrk/cycle.lua http://127.0.0.1:PORT -- PATHS_FILE
-- Prints one machine-readable line, WRK_RESULT key=value ..., for `VehicleImages.Benchmarks wrk-compare`.

local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("no request paths in " .. tostring(args[1]))
  end
  index = (id * 7919) % #paths
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
