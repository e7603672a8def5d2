#!/usr/bin/env bash
# Churn: does the embedded store stay the same size under create-and-reveal?
#
# Runs the API create-and-reveal flow (bench/api.lua: every secret is created
# and revealed once, so almost nothing is live at any time) against one
# `hushlink serve` on a fresh embedded store for CHURN_DURATION, and prints,
# every CHURN_EVERY seconds, the server's resident memory and the redb file's
# size (bytes the file spans, and bytes the disk holds for it). Then it stops
# the load and keeps sampling for CHURN_IDLE seconds, to show what an idle
# server gives back. A store that reuses freed space shows flat columns after
# the first minute.
#
# With CHURN_BURST=S, the churn is preceded by S seconds of creates only
# (bench/create.lua; CHURN_BURST_BYTES per secret, default 2048, expiring
# after CHURN_BURST_TTL seconds, default 60): a store that reuses the space
# expiry frees, and gives it back, shows the file shrink once the burst has
# expired and been purged (set HUSHLINK_PURGE_INTERVAL to purge sooner), and
# a bounded cache keeps resident memory from following the file.
#
#   bash bench/churn.sh                                  # 10 min, 32 connections
#   CHURN_DURATION=60 CHURN_EVERY=5 bash bench/churn.sh  # a quick look
#
# Settings (environment): CHURN_DURATION (s, 600), CHURN_EVERY (s, 10),
# CHURN_IDLE (s, 30), CHURN_CONNECTIONS (32), CHURN_THREADS (2), CHURN_BURST
# (s, 0), and any HUSHLINK_* setting, which the server inherits (e.g.
# HUSHLINK_STORE_CACHE_MB). Needs wrk and curl; uses target/release/hushlink
# (or CHURN_BIN), building it when missing (set CHURN_BUILD=1 to always rebuild). Loopback only; everything it starts
# is stopped and its temp dir removed when it exits.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

DURATION=${CHURN_DURATION:-600}
EVERY=${CHURN_EVERY:-10}
IDLE=${CHURN_IDLE:-30}
CONNS=${CHURN_CONNECTIONS:-32}
THREADS=${CHURN_THREADS:-2}
for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "churn.sh needs $tool (apt-get install $tool)" >&2; exit 1; }
done

BURST=${CHURN_BURST:-0}
HUSHLINK=${CHURN_BIN:-${CARGO_TARGET_DIR:-$PWD/target}/release/hushlink}
if [ -z "${CHURN_BIN:-}" ] && { [ ! -x "$HUSHLINK" ] || [ "${CHURN_BUILD:-0}" = 1 ]; }; then
  cargo build --release --locked
fi

port=$(free_port)
data="$TMP/data"
env SNAPPASS_BIND_ADDRESS=127.0.0.1 SNAPPASS_PORT="$port" NO_SSL=true HUSHLINK_CREATE_RATE=0 \
  HUSHLINK_STORE=embedded HUSHLINK_DATA_DIR="$data" \
  "$HUSHLINK" serve >"$TMP/hushlink.log" 2>&1 &
pid=$!
PIDS+=("$pid")
wait_until "hushlink" curl -fsS "http://127.0.0.1:$port/_/_/health"
file="$data/hushlink.redb"

sample() { # phase, elapsed seconds: one row
  local rss hwm size disk
  rss=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$pid/status")
  hwm=$(awk '/^VmHWM:/ { print int($2 / 1024) }' "/proc/$pid/status")
  size=$(stat -c %s "$file")
  disk=$(($(stat -c %b "$file") * $(stat -c %B "$file")))
  awk -v p="$1" -v t="$2" -v r="$rss" -v h="$hwm" -v s="$size" -v d="$disk" \
    'BEGIN { printf "%-5s %6s %8s %8s %10.1f %10.1f\n", p, t, r, h, s / 1048576, d / 1048576 }' 
}

echo "$HUSHLINK ($(git describe --always --dirty 2>/dev/null || echo '?')), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t$THREADS -c$CONNS: ${BURST}s of creates only, then ${DURATION}s of create-and-reveal, then ${IDLE}s idle"
echo "env: $(env | grep '^HUSHLINK_' | tr '\n' ' ')"
printf '%-5s %6s %8s %8s %10s %10s\n' phase t_s rss_MiB hwm_MiB file_MB disk_MB
sample start 0
if [ "$BURST" -gt 0 ]; then
  BENCH_CREATE_TTL=${CHURN_BURST_TTL:-60} BENCH_CREATE_BYTES=${CHURN_BURST_BYTES:-2048} \
    wrk -t"$THREADS" -c"$CONNS" -d"${BURST}s" -s bench/create.lua "http://127.0.0.1:$port" | grep BENCH
  sample burst "$BURST"
fi
wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 10s -s bench/api.lua "http://127.0.0.1:$port" >"$TMP/wrk.log" 2>&1 &
wrk_pid=$!
PIDS+=("$wrk_pid")
start=$SECONDS
while [ -e "/proc/$wrk_pid" ] && [ "$(awk '{ print $3 }' "/proc/$wrk_pid/stat" 2>/dev/null)" != Z ]; do
  sleep "$EVERY"
  [ -e "/proc/$wrk_pid" ] || break
  sample load $((SECONDS - start + BURST))
done
wait "$wrk_pid" || true
idle_start=$SECONDS
while [ $((SECONDS - idle_start)) -lt "$IDLE" ]; do
  sleep "$EVERY"
  sample idle $((SECONDS - start + BURST))
done
grep -E 'Requests/sec|BENCH|Socket errors' "$TMP/wrk.log" || cat "$TMP/wrk.log"
