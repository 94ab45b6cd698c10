-- wrk script for bench/spike_bench.sh: requests the paths of a precomputed list, in order.
-- ZIPF_PATHS   the file, one path a line (written by spike_bench.sh from a seeded Zipf draw)
-- ZIPF_OFFSET  where in the list this run starts (the list wraps around); the same offset
--              for zwgk and nginx gives both the same sequence
-- With -t1 (as the bench runs it) the sequence is exactly the file's; with more threads each
-- thread starts at its own offset (OFFSET + thread number * 100003).
local file = os.getenv("ZIPF_PATHS") or error("ZIPF_PATHS is not set")
local offset = tonumber(os.getenv("ZIPF_OFFSET") or "0")
local paths = {}
local n = 0
local i = 0

local next_thread = 0
function setup(thread)
  thread:set("thread_number", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  for line in io.lines(file) do
    n = n + 1
    paths[n] = line
  end
  if n == 0 then error("no paths in " .. file) end
  i = (offset + (thread_number or 0) * 100003) % n
end

function request()
  i = i + 1
  if i > n then i = 1 end
  return wrk.format("GET", paths[i])
end
