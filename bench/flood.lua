-- wrk script for bench/flood_bench.sh: a search flood. FLOOD_DISTINCT=1 makes every query
-- different (nothing can come from the page cache); otherwise one query, over and over;
-- FLOOD_STATIC=1 fetches wrk's own URL.
-- Counts the answers by status; done() prints "statuses 200=n 429=n ...".
local distinct = os.getenv("FLOOD_DISTINCT") == "1"
local static = os.getenv("FLOOD_STATIC") == "1"  -- the URL given to wrk, as it is (nginx reference)
local words = {"政务公开", "低保", "教育", "医疗", "住房", "交通", "环境", "预算", "招聘", "补贴"}
local n = 0
counts = {}

local function encode(s)
  return (string.gsub(s, "[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function request()
  if static then return wrk.request() end
  if distinct then
    n = n + 1
    return wrk.format("GET", "/search/?q=" .. encode(words[(n % #words) + 1] .. " " .. n))
  end
  return wrk.format("GET", "/search/?q=" .. encode("政务公开"))
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for status, c in pairs(t:get("counts")) do total[status] = (total[status] or 0) + c end
  end
  local parts = {}
  for status, c in pairs(total) do table.insert(parts, status .. "=" .. c) end
  table.sort(parts)
  io.write("statuses " .. table.concat(parts, " ") .. "\n")
end
