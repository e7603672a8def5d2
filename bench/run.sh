#!/usr/bin/env bash
# Load benchmark: hushlink (embedded store, Redis store) against the reference
# SnapPass 1.6.2 (gunicorn, 5 sync workers), all on loopback, with wrk.
# Every server runs on a free port and is stopped on exit; nothing else is
# touched. See bench/README.md.
#   BENCH_DURATION=10s BENCH_CONNECTIONS=32 bash bench/run.sh
#   BENCH_RUNS=3 bash bench/run.sh   # the whole comparison three times: ratios per run, and the spread
#   BENCH_FLOWS="api zk api zk" BENCH_SNAPPASS=0 bash bench/run.sh   # a subset; a flow may repeat,
#   and each zk run is compared with the api run before it on the same store
#   BENCH_FLOOR=0 bash bench/run.sh   # without the floor (bench/floor: the form flow against a
#   server on hushlink's stack that does no work, what wrk and this host allow any server)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${BENCH_DURATION:-10s}
CONNS=${BENCH_CONNECTIONS:-32}
WARMUP=${BENCH_WARMUP:-3s} # an unmeasured run first: workers load code, compile templates, fill pools
THREADS=2
# hushlink's flows: form, api (server-side encryption), api+key, zk
# (zero-knowledge links: the client encrypts, the server checks a proof).
FLOWS=${BENCH_FLOWS:-form api api+key zk}
RUNS=${BENCH_RUNS:-1}
RUN_SNAPPASS=${BENCH_SNAPPASS:-1}
RUN_FLOOR=${BENCH_FLOOR:-1}
VENV=bench/.venv
OUT=bench/results/latest.md

# --- what it needs ------------------------------------------------------
source scripts/need.sh
for tool in wrk redis-server curl; do need_cmd "$tool"; done
install_needed
if [ "$RUN_SNAPPASS" = 1 ] && ! "$VENV/bin/python" -c 'import importlib.metadata as m, gunicorn; assert m.version("snappass") == "1.6.2"' 2>/dev/null; then
  echo "creating $VENV with snappass 1.6.2 and gunicorn"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q 'snappass==1.6.2' gunicorn
fi
cargo build --release
HUSHLINK=${CARGO_TARGET_DIR:-$PWD/target}/release/hushlink
if [ "$RUN_FLOOR" = 1 ]; then
  cargo build --quiet --release --locked --manifest-path bench/floor/Cargo.toml
  FLOOR=bench/floor/target/release/floor
fi

# Process bookkeeping (everything started here is stopped on exit) and the
# helpers both benchmark scripts share.
source bench/lib.sh

ROWS=()
SNAPPASS_RPS=""
API_RPS=""
RUN=1
RAW="$TMP/raw.tsv" # one line per measured run, for the summary over runs
bench() { # target, flow, port, pid, rss-kind (hwm|sum)[, pid of the Redis it uses]
  local target=$1 flow=$2 port=$3 pid=$4 log="$TMP/wrk-$1-$2.txt" sampler rss script=${2%+key} redis=${6:-}
  echo "=== $target, $flow flow: wrk -t$THREADS -c$CONNS -d$DURATION (after a $WARMUP warm-up)"
  wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -s "bench/$script.lua" "http://127.0.0.1:$port" >/dev/null
  echo 0 >"$TMP/rss"
  sample_rss "$pid" "$TMP/rss" & sampler=$!
  local ticks0 all0 idle0 all1 idle1 wrk0 redis0=0 redis_ticks=""
  ticks0=$(proc_ticks "$pid"); read -r all0 idle0 < <(idle_ticks); wrk0=$(child_ticks)
  [ -n "$redis" ] && redis0=$(proc_ticks "$redis")
  wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout 10s --latency -s "bench/$script.lua" "http://127.0.0.1:$port" | tee "$log"
  local ticks=$(($(proc_ticks "$pid") - ticks0)) wrk_ticks=$(($(child_ticks) - wrk0)); read -r all1 idle1 < <(idle_ticks)
  [ -n "$redis" ] && redis_ticks=$(($(proc_ticks "$redis") - redis0))
  # The machine's idle share during the run: with every request answered by
  # then, what neither wrk nor the servers used (see bench/README.md).
  local idle; idle=$(awk -v i=$((idle1 - idle0)) -v t=$((all1 - all0)) 'BEGIN { printf "%.0f", 100 * i / (t ? t : 1) }')
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  if [ "$5" = hwm ]; then rss=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
  else rss=$(printf '%s\n' "$(cat "$TMP/rss")" "$(rss_kb "$pid")" | sort -n | tail -1); fi

  local rps p50 p99 counts sock ratio="—"
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$log"); rps=${rps:-0}
  p50=$(ms "$(awk '$1 == "50%" { print $2 }' "$log")")
  p99=$(ms "$(awk '$1 == "99%" { print $2 }' "$log")")
  counts=$(sed -n 's/^BENCH creates=\([0-9]*\) reveals=\([0-9]*\) failed=\(.*\)$/\1 | \2 | \3/p' "$log")
  sock=$(awk '/Socket errors:/ { gsub(/[^0-9]+/, " "); print $1 + $2 + $3 + $4 }' "$log")
  if [ "$target" = snappass-1.6.2 ]; then SNAPPASS_RPS=$rps
  elif [ "$flow" = form ] && [ -n "$SNAPPASS_RPS" ]; then ratio=$(awk -v a="$rps" -v b="$SNAPPASS_RPS" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "—" }')
  elif [ "$flow" = api ]; then API_RPS=$rps
  elif [ "$flow" = zk ]; then ratio=$(awk -v a="$rps" -v b="$API_RPS" 'BEGIN { if (b > 0) printf "vs api: %+.1f%%", 100 * (a - b) / b; else print "—" }')
  elif [ "$flow" = api+key ]; then ratio=$(awk -v a="$rps" -v b="$API_RPS" 'BEGIN { if (b > 0) printf "key check: %+.1f%%", 100 * (a - b) / b; else print "—" }'); fi
  # Server CPU per request: what the server spends, however busy the machine
  # (throughput on a shared machine moves with the neighbours' load). For
  # SnapPass only the gunicorn master is measured, so it is left out.
  local cpu="—" requests per_request
  requests=$(awk '/requests in/ { print $1 }' "$log")
  per_request() { # ticks -> µs per request of this run ("—" without requests)
    if [ -n "$1" ] && [ "${requests:-0}" -gt 0 ]; then
      awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.1f", 1e6 * t / hz / n }'
    else echo "—"; fi
  }
  [ "$5" = hwm ] && cpu=$(per_request "$ticks")
  # What the other two share the cores with: wrk (the load generator, its
  # Lua scripts included) and the Redis the server uses. bench/summary.py
  # turns them into the CPU a request could cost at issue 14's ratios.
  local wrk_cpu redis_cpu; wrk_cpu=$(per_request "$wrk_ticks"); redis_cpu=$(per_request "$redis_ticks")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$RUN" "$target" "$flow" "$rps" "$p99" "$cpu" \
    "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')" "${ratio%×}" "$(awk -F' [|] ' -v s="${sock:-0}" '{ print ($1 > 0 && $3 == "0" && s == 0) ? "ok" : "failed" }' <<<"${counts:-0 | 0 | ?}")" \
    "$idle" "$wrk_cpu" "$redis_cpu" >>"$RAW"
  whole() { if [ "$1" = "—" ]; then echo "—"; else printf '%.0f' "$1"; fi; } # rounded for the table
  ROWS+=("| $RUN | $target | $flow | $(printf '%.0f' "$rps") | $p50 | $p99 | ${counts:-? | ? | ?} | ${sock:-0} | $(whole "$cpu") | $(whole "$wrk_cpu") | $(whole "$redis_cpu") | $idle | $(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }') | $ratio |")
}

LOAD=$(cut -d' ' -f1 /proc/loadavg); read -r TICKS0 STEAL0 < <(cpu_ticks)
HL_REDIS=$(free_port); start_redis "$HL_REDIS"; HL_REDIS_PID=${PIDS[-1]}
# The "api+key" run: keys required, every create carries an admin key (known
# to the server only by its hash), to measure what checking a key costs.
read -r -d '' BENCH_KEY BENCH_KEY_SHA < <("$HUSHLINK" api-key generate; printf '\0') || true
RUN_NOTES=()

for RUN in $(seq "$RUNS"); do
echo "##### run $RUN of $RUNS"
RUN_LOAD=$(cut -d' ' -f1 /proc/loadavg); read -r RUN_TICKS0 RUN_STEAL0 < <(cpu_ticks)
SNAPPASS_RPS=""

# --- SnapPass 1.6.2 on its own Redis --------------------------------------
if [ "$RUN_SNAPPASS" = 1 ]; then
SP_REDIS=$(free_port); start_redis "$SP_REDIS"; SP_REDIS_PID=${PIDS[-1]}
SP_PORT=$(free_port)
env REDIS_HOST=127.0.0.1 REDIS_PORT="$SP_REDIS" NO_SSL=true \
  "$VENV/bin/gunicorn" -w 5 -b "127.0.0.1:$SP_PORT" snappass.main:app >"$TMP/snappass.log" 2>&1 &
SP_PID=$!; PIDS+=("$SP_PID")
wait_until "snappass" curl -fsS "http://127.0.0.1:$SP_PORT/"
sleep 1 # let all five workers boot
bench snappass-1.6.2 form "$SP_PORT" "$SP_PID" sum "$SP_REDIS_PID"
stop "$SP_PID"
fi

# --- the floor: the same stack doing no work (bench/floor) --------------------
# What wrk, the loopback and hyper leave to any server on this host: a ratio
# to SnapPass that the floor itself does not reach is out of reach here.
if [ "$RUN_FLOOR" = 1 ]; then
FLOOR_PORT=$(free_port)
"$FLOOR" "127.0.0.1:$FLOOR_PORT" >"$TMP/floor.log" 2>&1 &
FLOOR_PID=$!; PIDS+=("$FLOOR_PID")
wait_until "floor" curl -fsS -X POST "http://127.0.0.1:$FLOOR_PORT/"
bench floor form "$FLOOR_PORT" "$FLOOR_PID" hwm
stop "$FLOOR_PID"
fi

# --- hushlink: a fresh server (and empty store) for each run ---------------
for store in embedded redis; do
  API_RPS="" # ratios compare flows of one store only
  for flow in $FLOWS; do
    # A new directory for each run too: with BENCH_RUNS > 1, runs 2 and 3
    # opened run 1's data, so their peak memory measured a restart on a
    # full store (before 2d173f0 the write-ahead log's file, up to 16 MiB,
    # read whole at open: 21 MiB before the first request, against 13),
    # not the flow: peak RSS 17-18 MiB in run 1 and about 25 in runs 2-3.
    auth=(); key=""
    if [ "$flow" = api+key ]; then
      auth=(HUSHLINK_API_AUTH=required HUSHLINK_ADMIN_KEY_SHA256="$BENCH_KEY_SHA"); key=$BENCH_KEY
    fi
    start_hushlink "$HUSHLINK" "$store" "$HL_REDIS" "${auth[@]}"
    port=$PORT pid=$PID data="$TMP/data-$PORT"
    export BENCH_API_KEY=$key
    redis_pid=""; [ "$store" = redis ] && redis_pid=$HL_REDIS_PID
    bench "hushlink-$store" "$flow" "$port" "$pid" hwm "$redis_pid"
    stop "$pid"
    rm -rf "$data"
  done
done
read -r RUN_TICKS1 RUN_STEAL1 < <(cpu_ticks)
RUN_NOTES+=("run $RUN: load average $RUN_LOAD at its start, steal $(awk -v s=$((RUN_STEAL1 - RUN_STEAL0)) -v t=$((RUN_TICKS1 - RUN_TICKS0)) 'BEGIN { printf "%.0f", 100 * s / (t ? t : 1) }')%")
done

# --- summary ----------------------------------------------------------------
read -r TICKS1 STEAL1 < <(cpu_ticks)
STEAL=$(awk -v s=$((STEAL1 - STEAL0)) -v t=$((TICKS1 - TICKS0)) 'BEGIN { printf "%.0f", 100 * s / (t ? t : 1) }')
mkdir -p "$(dirname "$OUT")"
{
  echo "# hushlink vs SnapPass 1.6.2"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), hushlink $(git describe --always --dirty 2>/dev/null || echo '(no commit)'), $(nproc) cores shared by wrk and the servers;"
  if [ "$RUN_SNAPPASS" = 1 ]; then
    echo "SnapPass 1.6.2 on gunicorn $("$VENV/bin/python" -c 'import gunicorn; print(gunicorn.__version__)') (5 sync workers), Redis $(redis-server --version | grep -o "v=[0-9.]*" | cut -d= -f2)."
  else
    echo "SnapPass not run (BENCH_SNAPPASS=0); flows: $FLOWS; Redis $(redis-server --version | grep -o "v=[0-9.]*" | cut -d= -f2)."
  fi
  echo "Machine: load average $LOAD at the start; CPU stolen by the hypervisor during the runs: $STEAL%."
  echo "wrk -t$THREADS -c$CONNS -d$DURATION per run, after a $WARMUP warm-up. Latencies in ms; RSS in MiB (hushlink: VmHWM; SnapPass: gunicorn master + workers)."
  echo
  printf '%s.\n' "${RUN_NOTES[@]}"
  echo
  echo "| run | target | flow | req/s | p50 | p99 | creates | reveals | failed reveals | socket errors | server CPU µs/request | wrk CPU µs/request | Redis CPU µs/request | machine idle % | peak RSS MiB | vs SnapPass (form) / vs no key (api+key) / vs api (zk) |"
  echo "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${ROWS[@]}"
  echo
  python3 bench/summary.py "$RAW" "$RUNS"
} >"$OUT"
echo; cat "$OUT"; echo; echo "written to $OUT"
