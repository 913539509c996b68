-- wrk script for every HTTP row of bench/run. Configured by environment variables:
--   BENCH_PATHS   file with one request path a line; requests cycle through them (e.g. 64 registration ids)
--   BENCH_TOKENS  file with one bearer token a line; requests cycle through them (empty or unset: anonymous)
--   BENCH_SUBMIT  set to a run id: POST /registrations with a new server name and endpoint each request
-- At the end it prints one line that bench/run reads:
--   RESULT requests=… duration_us=… errors=… p50_us=… p99_us=…
-- errors counts non-2xx/3xx answers and socket errors; a row with errors is reported as failed.

local function lines(name)
  local list = {}
  local path = os.getenv(name)
  if path == nil or path == "" then
    return list
  end
  for line in io.lines(path) do
    if line ~= "" then
      list[#list + 1] = line
    end
  end
  return list
end

local paths = {}
local tokens = {}
local submit = os.getenv("BENCH_SUBMIT")
local counter = 0
local thread_id = 0

local body_template = '{"server_name":"com.bench.post-%s/t%d-%d","version":"1.0.0",'
  .. '"title":"Submitted by the benchmark","description":"Reads and books ledger entries",'
  .. '"endpoint_url":"https://post-%s-t%d-%d.bench.example/mcp","transport":"streamable-http",'
  .. '"owner_contact":"bench@bench.example","tags":["bench"]}'

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  paths = lines("BENCH_PATHS")
  tokens = lines("BENCH_TOKENS")
  thread_id = id or 1
  if #paths == 0 then
    paths = { wrk.path }
  end
end

function request()
  counter = counter + 1
  local headers = {}
  if #tokens > 0 then
    headers["Authorization"] = "Bearer " .. tokens[counter % #tokens + 1]
  end
  if submit ~= nil and submit ~= "" then
    headers["Content-Type"] = "application/json"
    local body = string.format(body_template, submit, thread_id, counter, submit, thread_id, counter)
    return wrk.format("POST", "/registrations", headers, body)
  end
  return wrk.format("GET", paths[counter % #paths + 1], headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d errors=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, e.status + e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
