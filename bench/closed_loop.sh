#!/usr/bin/env bash
# wrk's latency figures checked with a second client: for each store, a fresh
# hushlink runs the API flow under wrk (bench/api.lua), then a fresh one
# under bench/closed-loop (the same flow in Rust: 32 connections, one
# request at a time each, on two threads, timed from the first byte written
# to the last byte read). The closed-loop client also says when its slowest
# 1% happened, per 100 ms, to match with the writer's timing line
# (`RUST_LOG=hushlink::store::embedded=debug`).
#
#   bash bench/closed_loop.sh
#   BENCH_STORES=embedded BENCH_DURATION=12 bash bench/closed_loop.sh
#
# Settings (environment): BENCH_STORES (embedded redis), BENCH_DURATION
# (seconds, 12), BENCH_CONNECTIONS (32), BENCH_BIN (target/release/hushlink,
# built when missing). Loopback only; everything it starts is stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
STORES=${BENCH_STORES:-embedded redis}
SECS=${BENCH_DURATION:-12}
CONNS=${BENCH_CONNECTIONS:-32}
BIN=${BENCH_BIN:-target/release/hushlink}
for tool in wrk redis-server curl python3; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
[ -x "$BIN" ] || cargo build --release --locked
cargo build --quiet --release --locked --manifest-path bench/closed-loop/Cargo.toml
CLIENT=bench/closed-loop/target/release/closed-loop
source bench/lib.sh

REDIS=$(free_port); start_redis "$REDIS"
echo "$(realpath "$BIN") ($(git rev-parse --short HEAD 2>/dev/null || echo ?)), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for store in $STORES; do
  start_hushlink "$BIN" "$store" "$REDIS"
  wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s bench/api.lua "http://127.0.0.1:$PORT" >"$TMP/wrk.txt"
  stop "$PID"
  echo "=== $store, api flow, $CONNS connections, ${SECS} s each"
  echo "wrk, $(awk '/Requests\/sec/ { printf "%.0f req/s", $2 }' "$TMP/wrk.txt"): p50 $(awk '$1 == "50%" { print $2 }' "$TMP/wrk.txt"), p90 $(awk '$1 == "90%" { print $2 }' "$TMP/wrk.txt"), p99 $(awk '$1 == "99%" { print $2 }' "$TMP/wrk.txt")"
  start_hushlink "$BIN" "$store" "$REDIS"
  "$CLIENT" "127.0.0.1:$PORT" "$SECS" "$CONNS" "$((SECS / 2))"
  stop "$PID"
done
