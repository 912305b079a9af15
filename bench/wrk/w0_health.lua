-- W0: GET /api/v1/health (no session).
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
function request() return wrk.format("GET", "/api/v1/health") end
done = common.done
