-- Cancel through the page and undo, as a person without JavaScript does it, each connection a signed-in visitor of
-- its own with one subscription: GET /account, press the first cancel button (the Faces postback, 302), GET the
-- receipt, press undo (postback, 302), GET the receipt that says it was undone. "done" counts whole cycles.
local report = dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local cookies = report.sessions()
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("cookie", cookies[(#threads - 1) % #cookies + 1])
end

function init(args)
  wrong = 0
  finished = 0
  state = "account"
  headers = { ["Cookie"] = "JSESSIONID=" .. cookie, ["X-Forwarded-Proto"] = "https" }
  posting = { ["Cookie"] = "JSESSIONID=" .. cookie, ["X-Forwarded-Proto"] = "https",
              ["Content-Type"] = "application/x-www-form-urlencoded" }
end

function request()
  if state == "cancel" or state == "undo" then
    return wrk.format("POST", target, posting, form)
  end
  return wrk.format("GET", state == "account" and "/account" or target, headers)
end

local function view_state(body)
  return body:match('name="jakarta.faces.ViewState"[^>]-value="([^"]*)"')
end

local function restart()
  wrong = wrong + 1
  state = "account"
end

function response(status, headers_in, body)
  if state == "account" then
    local id = body:match('<form id="([^"]*:cancel)"')
    if not id then
      -- cancelled but not undone (an earlier cycle went wrong): undo through the receipt the page links to
      local receipt = body:match('<a href="(/receipt%?ref=[^"]+)"')
      if not receipt then return restart() end
      wrong = wrong + 1
      target = receipt:gsub("&amp;", "&")
      state = "receipt"
      return
    end
    local button = body:match('<input id="(' .. id:gsub("%p", "%%%0") .. ':[^"]+)" name="[^"]+" type="submit"')
    local vs = view_state(body)
    if not button or not vs then return restart() end
    target = "/account"
    form = report.urlencode(id .. "_SUBMIT") .. "=1&" .. report.urlencode(button) .. "=x&jakarta.faces.ViewState="
      .. report.urlencode(vs)
    state = "cancel"
  elseif state == "cancel" or state == "undo" then
    if status ~= 302 then return restart() end
    target = report.path(headers_in["Location"])
    state = state == "cancel" and "receipt" or "undone"
  elseif state == "receipt" then
    local action = body:match('<form id="undo" name="undo" method="post" action="([^"]+)"')
    local vs = view_state(body)
    if not action or not vs then return restart() end
    target = action:gsub("&amp;", "&")
    form = "undo_SUBMIT=1&undo%3Asubmit=x&jakarta.faces.ViewState=" .. report.urlencode(vs)
    state = "undo"
  else -- undone
    if status == 200 and target:find("done=undone", 1, true) then
      finished = finished + 1
    else
      wrong = wrong + 1
    end
    state = "account"
  end
end

function done(summary, latency, requests)
  report.write(summary, latency, threads)
end
