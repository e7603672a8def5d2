#!/usr/bin/env bash
# Scale benchmark (see docs/SCALING.md): hushlink's API flow (create, then
# reveal) with wrk, on free loopback ports, over
#   - one Redis, one instance (the baseline);
#   - one Redis, two instances (two wrk processes, half the connections each);
#   - a Redis Cluster of 3 masters, one instance (no replicas, as the single
#     Redis has none: the cost of clustering alone);
#   - 3 masters and 3 replicas, without and with replica-acknowledged creates
#     (HUSHLINK_REDIS_WAIT_REPLICAS=1): the cost of replication on top;
# then counts Redis commands per create and per reveal (INFO commandstats)
# and Redis memory per stored secret (INFO memory over a store filled by
# creates). Everything runs on the same cores as wrk; nothing it did not
# start is touched.
#   BENCH_DURATION=10s BENCH_CONNECTIONS=32 bash bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${BENCH_DURATION:-10s}
CONNS=${BENCH_CONNECTIONS:-32}
WARMUP=${BENCH_WARMUP:-3s}
OUT=bench/results/scale.md

source scripts/need.sh
need_cmd wrk
need_cmd redis-server
need_cmd redis-cli redis-tools
need_cmd curl
install_needed
cargo build --release
HUSHLINK=${CARGO_TARGET_DIR:-$PWD/target}/release/hushlink
source bench/lib.sh

# One load generator is one client address: the create rate limit is off.
start_hushlink() { # port, VAR=value...: a hushlink over the given store; sets PID
  local port=$1; shift
  env SNAPPASS_BIND_ADDRESS=127.0.0.1 SNAPPASS_PORT="$port" NO_SSL=true HUSHLINK_CREATE_RATE=0 "$@" \
    "$HUSHLINK" serve >"$TMP/hushlink-$port.log" 2>&1 &
  PID=$!; PIDS+=("$PID")
  wait_until "hushlink on $port" curl -fsS "http://127.0.0.1:$port/_/_/health"
}

cluster_ports() { # n: free ports whose cluster bus port (+10000) is free too
  local ports=() p
  while [ ${#ports[@]} -lt "$1" ]; do
    p=$(free_port)
    if [ $((p + 10000)) -le 65535 ] && python3 -c "import socket; socket.socket().bind(('127.0.0.1', $((p + 10000))))" 2>/dev/null; then
      ports+=("$p")
    fi
  done
  echo "${ports[@]}"
}

start_cluster() { # replicas per master (0 or 1): 3 masters; sets SEEDS and NODES
  local ports p
  read -r -a ports <<<"$(cluster_ports $((3 * ($1 + 1))))"
  NODES=()
  for p in "${ports[@]}"; do
    mkdir -p "$TMP/node-$p"
    redis-server --port "$p" --bind 127.0.0.1 --cluster-enabled yes --cluster-node-timeout 2000 \
      --cluster-config-file "$TMP/node-$p/nodes.conf" --dir "$TMP/node-$p" --save '' --appendonly no \
      >"$TMP/node-$p.log" 2>&1 &
    PIDS+=($!); NODES+=($!)
    wait_until "cluster node $p" bash -c "[ \"\$(redis-cli -p $p ping)\" = PONG ]"
  done
  redis-cli --cluster create $(printf '127.0.0.1:%s ' "${ports[@]}") --cluster-replicas "$1" --cluster-yes \
    >"$TMP/cluster-create.log"
  for p in "${ports[@]}"; do
    wait_until "cluster state on $p" bash -c "redis-cli -p $p cluster info | grep -q cluster_state:ok"
    if [ "$1" -gt 0 ]; then
      wait_until "replica of $p" bash -c "redis-cli -p $p info replication | grep -q -e role:slave -e 'slave0:.*state=online'"
    fi
  done
  SEEDS=$(printf 'redis://127.0.0.1:%s,' "${ports[@]}"); SEEDS=${SEEDS%,}
}

ROWS=()
BASE_RPS=""
# run name, [port conns]...: one wrk per port (threads: 2 for one, 1 each for two), at once
run() {
  local name=$1; shift
  local logs=() pids=() threads=$((2 / ($# / 2)))
  echo "=== $name"
  local args=("$@")
  while [ $# -gt 0 ]; do
    wrk -t"$threads" -c"$2" -d"$WARMUP" -s bench/api.lua "http://127.0.0.1:$1" >/dev/null &
    pids+=($!); shift 2
  done
  wait "${pids[@]}"; pids=()
  set -- "${args[@]}"
  while [ $# -gt 0 ]; do
    local log="$TMP/wrk-$name-$1.txt"; logs+=("$log")
    wrk -t"$threads" -c"$2" -d"$DURATION" --timeout 10s --latency -s bench/api.lua "http://127.0.0.1:$1" >"$log" &
    pids+=($!); shift 2
  done
  wait "${pids[@]}"
  cat "${logs[@]}" | grep -E "Requests/sec|BENCH|99%"
  local rps p99 failed ratio="—"
  rps=$(awk '/^Requests\/sec:/ { s += $2 } END { printf "%.0f", s }' "${logs[@]}")
  p99=$(for l in "${logs[@]}"; do ms "$(awk '$1 == "99%" { print $2 }' "$l")"; echo; done | sort -n | tail -1)
  failed=$(sed -n 's/^BENCH .* failed=\([0-9]*\).*$/\1/p' "${logs[@]}" | awk '{ s += $1 } END { print s + 0 }')
  if [ -z "$BASE_RPS" ]; then BASE_RPS=$rps
  else ratio=$(awk -v a="$rps" -v b="$BASE_RPS" 'BEGIN { printf "%.0f%%", 100 * a / b }'); fi
  ROWS+=("| $name | $rps | $p99 | $failed | $ratio |")
}

LOAD=$(cut -d' ' -f1 /proc/loadavg); read -r TICKS0 STEAL0 < <(cpu_ticks)

# --- one Redis: one instance, then two ---------------------------------------
REDIS=$(free_port); start_redis "$REDIS"
R=(HUSHLINK_STORE=redis REDIS_URL="redis://127.0.0.1:$REDIS/0")
A=$(free_port); start_hushlink "$A" "${R[@]}"; PID_A=$PID
run "one instance, one Redis" "$A" "$CONNS"
B=$(free_port); start_hushlink "$B" "${R[@]}"; PID_B=$PID
run "two instances, one Redis" "$A" $((CONNS / 2)) "$B" $((CONNS / 2))
stop "$PID_B"

# Redis commands per create and per reveal: 200 of each, one at a time.
stats() { # calls per command, sorted by name (the probes themselves left out)
  redis-cli -p "$REDIS" info commandstats | tr -d '\r' \
    | sed -n 's/^cmdstat_\([a-z|]*\):calls=\([0-9]*\).*/\1 \2/p' | grep -v -e '^info ' -e '^config ' | sort
}
per_op() { # before-file, after-file, count: "cmd×n.n, ..." per operation
  join -a2 -e0 -o '0,1.2,2.2' "$1" "$2" | awk -v n="$3" '$3 - $2 > 0 { printf "%s%s ×%.2f", sep, $1, ($3 - $2) / n; sep = ", " }'
}
redis-cli -p "$REDIS" config resetstat >/dev/null
N=200; stats >"$TMP/s0"
for _ in $(seq $N); do
  curl -fsS -H 'Content-Type: application/json' -d '{"password":"ops"}' "http://127.0.0.1:$A/api/v2/passwords" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["links"][0]["href"])' >>"$TMP/links"
done
stats >"$TMP/s1"
while read -r link; do curl -fsS -o /dev/null "$link"; done <"$TMP/links"
stats >"$TMP/s2"
OPS_CREATE=$(per_op "$TMP/s0" "$TMP/s1" $N); OPS_REVEAL=$(per_op "$TMP/s1" "$TMP/s2" $N)

# Redis memory per stored secret: fill with creates (1-hour secrets).
redis-cli -p "$REDIS" flushall >/dev/null
MEM0=$(redis-cli -p "$REDIS" info memory | tr -d '\r' | sed -n 's/^used_memory://p')
wrk -t2 -c"$CONNS" -d5s -s bench/create.lua "http://127.0.0.1:$A" | grep BENCH
KEYS=$(redis-cli -p "$REDIS" dbsize)
MEM1=$(redis-cli -p "$REDIS" info memory | tr -d '\r' | sed -n 's/^used_memory://p')
PER_SECRET=$(awk -v a="$MEM0" -v b="$MEM1" -v k="$KEYS" 'BEGIN { printf "%.0f", (b - a) / k }')
stop "$PID_A"

# --- Redis Cluster: 3 masters (as the single Redis: no replicas), then 3+3 ----
start_cluster 0
C=$(free_port); start_hushlink "$C" HUSHLINK_REDIS_CLUSTER="$SEEDS"
run "one instance, Redis Cluster (3 masters)" "$C" "$CONNS"; stop "$PID"
for node in "${NODES[@]}"; do stop "$node"; done
start_cluster 1
C=$(free_port); start_hushlink "$C" HUSHLINK_REDIS_CLUSTER="$SEEDS"
run "one instance, Redis Cluster (3 masters + 3 replicas)" "$C" "$CONNS"; stop "$PID"
C=$(free_port); start_hushlink "$C" HUSHLINK_REDIS_CLUSTER="$SEEDS" HUSHLINK_REDIS_WAIT_REPLICAS=1
run "one instance, Redis Cluster (3 masters + 3 replicas), WAIT 1 on creates" "$C" "$CONNS"; stop "$PID"

read -r TICKS1 STEAL1 < <(cpu_ticks)
STEAL=$(awk -v s=$((STEAL1 - STEAL0)) -v t=$((TICKS1 - TICKS0)) 'BEGIN { printf "%.0f", 100 * s / (t ? t : 1) }')
mkdir -p "$(dirname "$OUT")"
{
  echo "# hushlink at scale"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), hushlink $(git describe --always --dirty 2>/dev/null || echo '(no commit)'), $(nproc) cores shared by wrk, hushlink and Redis;"
  echo "Redis $(redis-server --version | grep -o "v=[0-9.]*" | cut -d= -f2). Load average $LOAD at the start; CPU stolen by the hypervisor: $STEAL%."
  echo "API flow (create, then reveal), wrk $CONNS connections in all, $DURATION per run after a $WARMUP warm-up; p99 in ms (the worse of two wrk processes)."
  echo
  echo "| run | req/s | p99 | failed reveals | vs one instance, one Redis |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Redis commands per create: $OPS_CREATE (one round trip)."
  echo "Redis commands per reveal: $OPS_REVEAL (two round trips: peek, then the take script)."
  echo "Redis memory per stored secret: $PER_SECRET bytes ($KEYS secrets of 21 characters, 1-hour TTL)."
} >"$OUT"
echo; cat "$OUT"; echo; echo "written to $OUT"
