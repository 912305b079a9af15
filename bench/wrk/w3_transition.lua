-- W3 durable transition: POST request_extension (stays in its state, may
-- repeat) with note 压测 on matters the clerk may act on. BENCH_W3 is a Lua
-- file returning {{id = "…", v = version}, …}; thread t of BENCH_THREADS
-- owns entries t+1, t+1+T, … and never sends two requests for one matter at
-- a time. The new version comes back in the ETag of each response; the
-- matter's id is read from the response body (a 200 carries the matter).
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local matters = dofile(os.getenv("BENCH_W3"))
local threads = tonumber(os.getenv("BENCH_THREADS"))
local body = '{"note":"压测"}'
local free, inflight = {}, {}

setup = common.setup
function init(args)
  common.seed()
  for i = tid + 1, #matters, threads do table.insert(free, matters[i]) end
end

function request()
  local m = table.remove(free, 1)
  if m == nil then
    -- Every owned matter is in flight (too few matters): a cheap request
    -- keeps the connection busy; bench/run sizes the pool so this is rare.
    return wrk.format("GET", "/api/v1/health")
  end
  inflight[m.id] = m
  local h = common.headers({ ["Content-Type"] = "application/json", ["If-Match"] = '"' .. m.v .. '"' })
  return wrk.format("POST", "/api/v1/matters/" .. m.id .. "/actions/request_extension", h, body)
end

function response(status, headers, body)
  local id = body and body:match('"id":"(%d+)"')
  local m = id and inflight[id]
  if m == nil then return end
  inflight[id] = nil
  local etag = headers["ETag"] or headers["Etag"] or headers["etag"]
  if status == 200 and etag then m.v = tonumber(etag:match("(%d+)")) end
  table.insert(free, m)
end

done = common.done
