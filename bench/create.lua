-- wrk script, "create" flow: POST /api/v2/passwords only, to fill a store
-- (bench/scale.sh measures Redis memory per stored secret with it).
-- done() prints one line: BENCH creates=N failed=N

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

creates, failed = 0, 0

-- BENCH_CREATE_TTL (seconds, default 3600) and BENCH_CREATE_BYTES (secret
-- size, default: the 21-byte benchmark secret) shape what is stored.
function init(args)
  local ttl = tonumber(os.getenv("BENCH_CREATE_TTL") or "") or 3600
  local bytes = tonumber(os.getenv("BENCH_CREATE_BYTES") or "")
  local secret = bytes and string.rep("s", bytes) or "benchmark-secret-1234"
  create = wrk.format("POST", "/api/v2/passwords",
    { ["Content-Type"] = "application/json", ["Accept"] = "application/json" },
    string.format('{"password": "%s", "ttl": %d}', secret, ttl))
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
