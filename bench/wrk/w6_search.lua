-- W6 Chinese full-text search: GET /api/v1/matters?q=<2–4 characters>
-- (BENCH_QUERIES: a Lua file returning a list of URL-encoded queries cut
-- from generated titles). p95 is the figure QUALITY.md sets a goal for.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
local headers = common.headers()
local queries = dofile(os.getenv("BENCH_QUERIES"))

setup = common.setup
function init(args) common.seed() end
function request()
  return wrk.format("GET", "/api/v1/matters?q=" .. queries[math.random(1, #queries)], headers)
end
done = common.done
