-- Shared by the bench/run wrk scripts (loaded with dofile from each):
-- the signed-in session's headers, a per-thread random seed, and done(),
-- which adds p95 to wrk's own summary (wrk --latency prints 50/75/90/99).
-- Environment: BENCH_COOKIE ("fazhi_session=…"), BENCH_CSRF (CSRF token).
local common = {}

function common.headers(extra)
  local h = { ["Cookie"] = os.getenv("BENCH_COOKIE") or "", ["X-CSRF-Token"] = os.getenv("BENCH_CSRF") or "" }
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

-- setup() runs in the main state once per thread: number the threads.
local threads = 0
function common.setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function common.seed()
  math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
end

function common.done(summary, latency, requests)
  io.write(string.format("p95_us %d\n", latency:percentile(95)))
  local e = summary.errors
  io.write(string.format("socket_errors %d\n", e.connect + e.read + e.write + e.timeout))
end

return common
