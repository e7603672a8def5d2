#!/usr/bin/env bash
# Redis's own CPU per store operation, as hushlink sends them on one Redis:
# a create as one script (`CREATE_BODY`, used with a quota) or as a `MULTI`
# pipeline (without), and a reveal: in one call (the verified take script,
# for a secret hushlink made) and in two (`MGET` peek, then the conditional
# take script, for a secret without a key verifier, as SnapPass writes). N
# operations of each kind are piped into a private redis-server with
# `redis-cli --pipe`; its CPU time (user + system) is divided by N. No
# hushlink, no wrk: what Redis spends, apart from the network round trips.
#   bash bench/redis_ops.sh                 # N=40000, 3 rounds
#   BENCH_OPS=100000 BENCH_ROUNDS=5 bash bench/redis_ops.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${BENCH_OPS:-40000}
ROUNDS=${BENCH_ROUNDS:-3}
for tool in redis-server redis-cli python3; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
source bench/lib.sh
PORT=$(free_port); start_redis "$PORT"; RP=${PIDS[-1]}
for what in load create_script create_multi take verified; do python3 bench/redis_ops.py "$what" "$N" "$TMP/$what.resp"; done
cli() { redis-cli -h 127.0.0.1 -p "$PORT" "$@"; }
cli --pipe <"$TMP/load.resp" >/dev/null
hz=$(getconf CLK_TCK)
echo "| round | create as script µs | create as MULTI µs | reveal (MGET + take script) µs | reveal (verified take script) µs |"
echo "| ---: | ---: | ---: | ---: | ---: |"
for round in $(seq "$ROUNDS"); do
  row="| $round"
  for pair in "create_script" "create_multi take" "create_multi verified"; do
    cli flushall >/dev/null
    for what in $pair; do
      t0=$(proc_ticks "$RP"); cli --pipe <"$TMP/$what.resp" >/dev/null; t1=$(proc_ticks "$RP")
      # The creates before the one-call reveals only give it secrets to take.
      [[ $pair == "create_multi verified" && $what == create_multi ]] && continue
      row="$row | $(awk -v t=$((t1 - t0)) -v hz="$hz" -v n="$N" 'BEGIN { printf "%.1f", 1e6 * t / hz / n }')"
    done
  done
  echo "$row |"
done
