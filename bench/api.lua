-- wrk script, "api" flow (hushlink's JSON API v2):
--   create: POST /api/v2/passwords {"password","ttl"} -> {"token", "links":[{"rel":"self","href":...}], "ttl"}
--   reveal: GET <path of the self href>                -> 200 {"password"}, 404 once gone
-- Each thread keeps a queue of created self links and reveals one whenever it
-- has one queued, else creates. Responses of one thread's connections
-- interleave, so each response's kind is read from its body: only a create
-- answer has "token".
-- done() prints one line: BENCH creates=N reveals=N failed=N [(status×N, ...)]
-- (failed = a response that is no create answer and not 200; normally a
-- reveal that found nothing, but a failed create would also land here).

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local create, queue, head, tail = nil, {}, 1, 0
creates, reveals, failed = 0, 0, {} -- failed: count by status

function init(args)
  local headers = {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
  }
  -- BENCH_API_KEY set: every create carries it (HUSHLINK_API_AUTH=required runs).
  local key = os.getenv("BENCH_API_KEY")
  if key and key ~= "" then headers["Authorization"] = "Bearer " .. key end
  create = wrk.format("POST", "/api/v2/passwords", headers,
    '{"password": "benchmark-secret-1234", "ttl": 3600}')
end

function request()
  if head <= tail then
    local path = queue[head]
    queue[head] = nil
    head = head + 1
    return wrk.format("GET", path, { ["Accept"] = "application/json" })
  end
  return create
end

function response(status, headers, body)
  local path = nil
  if status == 200 and body:find('"token"', 1, true) then
    for link in body:gmatch("{[^{}]*}") do        -- each object of "links"
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
