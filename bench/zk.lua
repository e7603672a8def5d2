-- wrk script, "zk" flow (zero-knowledge links, docs/FORMAT.md):
--   create: POST /api/v2/secrets {"envelope","verifier","key_check","ttl"} -> {"id", "links":[{"rel":"self",...}], ...}
--   reveal: POST <self path>/reveal {"proof"}                                -> 200 {"envelope","views_left"}, 404 once gone
-- The client's work (sealing, deriving the proof) is not the server's, so
-- every create sends the same envelope, sealed once: test vector 0 of
-- tests/vectors/zk-v1.json ("correct horse battery staple", no passphrase),
-- and every reveal its proof. Each create still gets its own id and record.
-- Same bookkeeping as api.lua: a per-thread queue of self links; a create
-- answer is told from a reveal answer by its body (only it has "id").

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local create, headers, queue, head, tail = nil, nil, {}, 1, 0
local reveal_body = '{"proof": "Lsul4X4AxDfLbLKg-4CjqTNM9JRyOURPd3S0Huwar-0"}'
creates, reveals, failed = 0, 0, {}

function init(args)
  headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
  local create_headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
  local key = os.getenv("BENCH_API_KEY")
  if key and key ~= "" then create_headers["Authorization"] = "Bearer " .. key end
  create = wrk.format("POST", "/api/v2/secrets", create_headers,
    '{"envelope": "AQEAoKGio6SlpqeoqaqrDXaJLuQ4sYdH5FjZu8abyiOFV-Bcw9KWOhr1w_8xUgRygBbmM0SY7nAbOVo4_Jo",'
    .. ' "verifier": "yvLNtGxgI9-qzuSBCfyhC2u40dptovdZ2Hwk1Q013dw", "key_check": "hpK9l0J42NRaf3nFYALP7Q", "ttl": 3600}')
end

function request()
  if head <= tail then
    local path = queue[head]
    queue[head] = nil
    head = head + 1
    return wrk.format("POST", path .. "/reveal", headers, reveal_body)
  end
  return create
end

function response(status, headers, body)
  local path = nil
  if status == 200 and body:find('"id"', 1, true) then
    for link in body:gmatch("{[^{}]*}") do
      if link:find('"rel"%s*:%s*"self"') then
        path = link:match('"href"%s*:%s*"https?://[^/"]+(/[^"]*)"')
      end
    end
  end
  if path then
    creates = creates + 1
    tail = tail + 1
    queue[tail] = path
  elseif status == 200 then
    reveals = reveals + 1
  else
    failed[status] = (failed[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local c, r, f, per, by = 0, 0, 0, {}, {}
  for _, t in ipairs(threads) do
    c = c + t:get("creates")
    r = r + t:get("reveals")
    for status, n in pairs(t:get("failed")) do
      f, per[status] = f + n, (per[status] or 0) + n
    end
  end
  for status, n in pairs(per) do table.insert(by, status .. "×" .. n) end
  local detail = #by > 0 and " (" .. table.concat(by, ", ") .. ")" or ""
  io.write(string.format("BENCH creates=%d reveals=%d failed=%d%s\n", c, r, f, detail))
end
