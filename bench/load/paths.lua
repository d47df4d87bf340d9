-- GET requests over a list of paths (one per line in $LOAD_PATHS), in turn; prints report.lua's JSON at the end.
local dir = os.getenv("LOAD_DIR")
local report = dofile(dir .. "/report.lua")
local paths = {}
for line in io.lines(os.getenv("LOAD_PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local i = 0

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

done = function(summary, latency, requests)
  io.write(report.json(summary, latency) .. "\n")
end
