-- W1 list: the signed-in clerk's matters of the test kind in one state
-- (BENCH_STATE), sorted by due date, a random page 1–5 of 20.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local headers = common.headers()
local prefix = "/api/v1/matters?kind=test_case&state=" .. os.getenv("BENCH_STATE") ..
  "&sort=due_on&order=asc&pageSize=20&page="

setup = common.setup
function init(args) common.seed() end
function request() return wrk.format("GET", prefix .. math.random(1, 5), headers) end
done = common.done
