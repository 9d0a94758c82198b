-- GET one path (argument 1, default /account) again and again, each connection with a session of its own:
-- wrk -t50 -c50 gives 50 signed-in visitors (BENCH_COOKIES; none for /dev/null). BENCH_AUTH: an Authorization
-- header. Any answer but 200 counts as wrong.
local report = dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local cookies = report.sessions()
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  if #cookies > 0 then
    thread:set("cookie", cookies[(#threads - 1) % #cookies + 1])
  end
end

function init(args)
  wrong = 0
  finished = 0
  local headers = { ["X-Forwarded-Proto"] = "https" }
  if cookie then headers["Cookie"] = "JSESSIONID=" .. cookie end
  if os.getenv("BENCH_AUTH") then headers["Authorization"] = os.getenv("BENCH_AUTH") end
  req = wrk.format("GET", args[1] or "/account", headers)
end

function request()
  return req
end

function response(status, headers, body)
  if status == 200 then
    finished = finished + 1
  else
    wrong = wrong + 1
  end
end

function done(summary, latency, requests)
  report.write(summary, latency, threads)
end
