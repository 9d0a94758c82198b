-- Shared by the load scripts: one JSON line per run, appended to $BENCH_RESULTS, with wrk's figures and what each
-- thread counted itself ("wrong": an answer the script did not expect; "done": finished actions, e.g. cancel cycles).
local report = {}

function report.write(summary, latency, threads)
  local wrong, finished = 0, 0
  for _, thread in ipairs(threads) do
    wrong = wrong + (thread:get("wrong") or 0)
    finished = finished + (thread:get("finished") or 0)
  end
  local e = summary.errors
  local failed = e.connect + e.read + e.write + e.timeout + e.status
  local seconds = summary.duration / 1e6
  -- Threads that stop early (each-once.lua) note when they started and stopped: count their time, not wrk's.
  local first_start, last_stop
  for _, thread in ipairs(threads) do
    local started, stopped = thread:get("started_at"), thread:get("stopped_at")
    if started then
      first_start = math.min(first_start or started, started)
      last_stop = math.max(last_stop or 0, stopped or (started + summary.duration * 1000))
    end
  end
  if first_start then
    seconds = (last_stop - first_start) / 1e9
  end
  local line = string.format('{"name":"%s","requests":%d,"seconds":%.3f,"per_second":%.1f,"done":%d,'
    .. '"done_per_second":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,"wrong":%d,"failed":%d}\n',
    os.getenv("BENCH_NAME"), summary.requests, seconds, summary.requests / seconds, finished, finished / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, wrong, failed)
  local file = assert(io.open(os.getenv("BENCH_RESULTS"), "a"))
  file:write(line)
  file:close()
  io.write(line)
end

-- The signed-in sessions, one cookie a line; thread n gets session n, so each connection is one visitor.
function report.sessions()
  local cookies = {}
  for line in io.lines(os.getenv("BENCH_COOKIES")) do
    table.insert(cookies, line)
  end
  return cookies
end

function report.urlencode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- Nanoseconds since the epoch (LuaJIT has no clock finer than a second).
function report.now()
  local date = io.popen("date +%s%N")
  local now = tonumber(date:read("*l"))
  date:close()
  return now
end

-- The path and query of a Location header, which may be absolute.
function report.path(location)
  return (location or ""):gsub("^https?://[^/]+", "")
end

return report
