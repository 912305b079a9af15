-- W2 detail with timeline: a random matter the clerk may read
-- (BENCH_IDS: a Lua file returning a list of id strings), then its events;
-- every second request is the timeline of the matter just shown.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local headers = common.headers()
local ids = dofile(os.getenv("BENCH_IDS"))
local current = nil

setup = common.setup
function init(args) common.seed() end
function request()
  if current then
    local path = "/api/v1/matters/" .. current .. "/events"
    current = nil
    return wrk.format("GET", path, headers)
  end
  current = ids[math.random(1, #ids)]
  return wrk.format("GET", "/api/v1/matters/" .. current, headers)
end
done = common.done
