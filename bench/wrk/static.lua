-- W0 peer (nginx static file) and W0 health: plain GETs, plus p95.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
done = common.done
