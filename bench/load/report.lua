-- Shared by every measurement: wrk's done hook prints one JSON line with the rate, the latency percentiles (ms)
-- and the errors (non-2xx/3xx statuses, plus socket errors and timeouts).
local M = {}

function M.json(summary, latency, extra_errors)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local errors = e.status + e.connect + e.read + e.write + e.timeout + (extra_errors or 0)
  return string.format(
    '{"requests":%d,"rps":%.1f,"p50_ms":%.2f,"p95_ms":%.2f,"p99_ms":%.2f,"errors":%d,"bytes":%d}',
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, summary.bytes)
end

return M
