-- wrk script, "create" flow: POST /api/v2/passwords only, to fill a store
-- (bench/scale.sh measures Redis memory per stored secret with it).
-- done() prints one line: BENCH creates=N failed=N

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

creates, failed = 0, 0

function init(args)
  create = wrk.format("POST", "/api/v2/passwords",
    { ["Content-Type"] = "application/json", ["Accept"] = "application/json" },
    '{"password": "benchmark-secret-1234", "ttl": 3600}')
end

function request()
  return create
end

function response(status, headers, body)
  if status == 200 then creates = creates + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
  local c, f = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("creates")
    f = f + t:get("failed")
  end
  io.write(string.format("BENCH creates=%d failed=%d\n", c, f))
end
