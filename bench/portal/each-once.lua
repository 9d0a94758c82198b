-- One request per id, each id once: thread n takes the n-th slice of BENCH_COUNT ids from BENCH_FIRST and stops when
-- it is through (so a run is at most a fixed amount of work, the same at every size; wrk still waits
-- for its duration, so the throughput is counted from the threads' own clocks). BENCH_PATH is the path with %d for the
-- id, BENCH_METHOD the method (POST), BENCH_BODY an optional body with %d, BENCH_AUTH an optional Authorization
-- header; each request carries Idempotency-Key bench-<id>. 200 and 201 are right, anything else wrong.
local report = dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local threads = {}
local first = tonumber(os.getenv("BENCH_FIRST"))
local count = tonumber(os.getenv("BENCH_COUNT"))

function setup(thread)
  table.insert(threads, thread)
  thread:set("slice", #threads - 1)
end

function init(args)
  wrong = 0
  finished = 0
  started_at = report.now()
  local per = math.floor(count / tonumber(args[1])) -- argument 1: the number of threads
  next_id = first + slice * per
  last_id = next_id + per - 1
  method = os.getenv("BENCH_METHOD") or "POST"
  path = os.getenv("BENCH_PATH")
  body = os.getenv("BENCH_BODY")
  auth = os.getenv("BENCH_AUTH")
  repeat_id = os.getenv("BENCH_REPEAT") -- the same id again and again, one per thread, for a run's whole duration
end

function request()
  local id = next_id
  local headers = { ["Idempotency-Key"] = "bench-" .. id, ["X-Forwarded-Proto"] = "https" }
  if auth then headers["Authorization"] = auth end
  if body then headers["Content-Type"] = "application/json" end
  -- BENCH_BODY may name the id up to three times; a subscription upsert names an existing subscriber (id - SIZE)
  local body_id = tonumber(os.getenv("BENCH_BODY_OFFSET") or 0)
  return wrk.format(method, string.format(path, id), headers,
    body and string.format(body, id - body_id, id - body_id, id - body_id) or nil)
end

function response(status, headers, response_body)
  if status == 200 or status == 201 then
    finished = finished + 1
  else
    wrong = wrong + 1
  end
  if repeat_id then
    return
  end
  next_id = next_id + 1
  if next_id > last_id then
    stopped_at = report.now()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  report.write(summary, latency, threads)
end
