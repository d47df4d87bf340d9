-- Concurrent self-assessment saves: run with as many threads as connections (-t N -c N), so each thread is one
-- connection and one writer: writer k (line k of $LOAD_WRITERS: "token assessmentId unitCode") saves its own draft
-- with its own token. Request n of a writer sends variant n of all the framework's values ($LOAD_INDICATORS:
-- "code kind maxPoints" per line); the variant of the last answered 200 is written to $LOAD_WRITES so that run.sh
-- can read the drafts back and check that no write was lost.
local dir = os.getenv("LOAD_DIR")
local report = dofile(dir .. "/report.lua")
local writers, indicators = {}, {}
for line in io.lines(os.getenv("LOAD_WRITERS")) do
  local token, id, unit = line:match("^(%S+)%s+(%d+)%s+(%S+)")
  if token then writers[#writers + 1] = { token = token, id = id, unit = unit } end
end
for line in io.lines(os.getenv("LOAD_INDICATORS")) do
  local code, kind, max = line:match("^(%S+)%s+(%S+)%s+(%S+)")
  if code then indicators[#indicators + 1] = { code = code, kind = kind, max = tonumber(max) } end
end

local threads = {}
local next_writer = 0
setup = function(thread)
  next_writer = next_writer + 1
  thread:set("writer", next_writer)
  threads[#threads + 1] = thread
end

-- The value of indicator n in variant v, valid for its rule kind.
function value(ind, n, v)
  local k = v + n
  if ind.kind == "boolean" then return (k % 2 == 0) and "true" or "false"
  elseif ind.kind == "ratio" or ind.kind == "index" then return string.format("%.2f", (k % 101) / 100)
  elseif ind.kind == "steps" then return tostring(k % 25)
  elseif ind.kind == "goalposts" then return tostring(k % 101)
  elseif ind.kind == "choice" then return '"' .. ({ "A", "B", "C" })[(k % 3) + 1] .. '"'
  else return string.format("%.1f", (k % (ind.max * 2 + 1)) / 2) end
end

function body(v)
  local parts = {}
  for n, ind in ipairs(indicators) do
    parts[n] = '{"indicatorCode":"' .. ind.code .. '","value":' .. value(ind, n, v) .. '}'
  end
  return "[" .. table.concat(parts, ",") .. "]"
end

-- Globals, not locals: done() reads them from each thread with thread:get.
me, variant, last_ok, failed = nil, 0, -1, 0
init = function(args)
  me = writers[writer]
end

request = function()
  variant = variant + 1
  return wrk.format("PUT", "/api/v1/assessments/" .. me.id .. "/values",
    { ["Authorization"] = "Bearer " .. me.token, ["Content-Type"] = "application/json" }, body(variant))
end

response = function(status, headers, body)
  if status == 200 then last_ok = variant else failed = failed + 1 end
end

done = function(summary, latency, requests)
  local out = io.open(os.getenv("LOAD_WRITES"), "w")
  local failures = 0
  for _, t in ipairs(threads) do
    local w = writers[t:get("writer")]
    local f = t:get("failed")
    failures = failures + f
    -- writer id, unit, the variant last answered 200, the one still in flight when wrk stopped, failures
    out:write(string.format("%s %s %d %d %d\n", w.id, w.unit, t:get("last_ok"), t:get("variant"), f))
  end
  out:close()
  io.write(report.json(summary, latency, failures - summary.errors.status) .. "\n")
end
