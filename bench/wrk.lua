-- wrk script for the benchmark (bench/load.py): requests random paths from a file and prints
-- the result as one JSON line, with the whole latency histogram so that runs can be merged.
-- Usage: wrk --script=bench/wrk.lua http://127.0.0.1:8000 -- paths-file

local paths = {}

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  math.randomseed(os.time())
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], {["Accept"] = "application/json"})
end

function done(summary, latency, requests)
  local histogram = {}
  for index = 1, #latency do
    local value, count = latency(index)
    histogram[#histogram + 1] = string.format("[%d,%d]", value, count)
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,'
      .. '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},'
      .. '"latency":[%s]}\n',
    summary.requests, summary.duration, summary.bytes,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    table.concat(histogram, ",")
  ))
end
