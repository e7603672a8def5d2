#!/usr/bin/env bash
# A/B of two hushlink binaries, interleaved (A, B, A, B, ...) so that both
# meet the same neighbours: for finding a regression on a shared machine,
# where requests/s moves with the other load far more than what the server
# itself spends. No SnapPass; see bench/README.md.
#   bash bench/ab.sh OLD_BINARY NEW_BINARY
#   BENCH_ROUNDS=3 BENCH_STORES="embedded redis" BENCH_FLOWS="form api" BENCH_DURATION=5s bash bench/ab.sh A B
# Build an old commit with `git worktree add ../old <commit>` and
# `cargo build --release` there (with its own CARGO_TARGET_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 OLD_BINARY NEW_BINARY" >&2; exit 2; }
A=$(realpath "$1") B=$(realpath "$2")
ROUNDS=${BENCH_ROUNDS:-3}
STORES=${BENCH_STORES:-embedded redis}
FLOWS=${BENCH_FLOWS:-form api}
DURATION=${BENCH_DURATION:-5s}
WARMUP=${BENCH_WARMUP:-2s}
CONNS=${BENCH_CONNECTIONS:-32}
for tool in wrk redis-server curl; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
source bench/lib.sh

REDIS=$(free_port); start_redis "$REDIS"; REDIS_PID=${PIDS[-1]}
RESULTS="$TMP/results"
run() { # label, binary, store, flow: one fresh server, one measured wrk run
  local label=$1 bin=$2 store=$3 flow=$4 port pid log="$TMP/wrk.txt" t0 w0 t1 w1 r0 r1 n
  start_hushlink "$bin" "$store" "$REDIS"
  port=$PORT pid=$PID
  wrk -t2 -c"$CONNS" -d"$WARMUP" -s "bench/$flow.lua" "http://127.0.0.1:$port" >/dev/null
  t0=$(proc_ticks "$pid"); w0=$(awk '/^wchar:/ { print $2 }' "/proc/$pid/io"); r0=$(proc_ticks "$REDIS_PID")
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency -s "bench/$flow.lua" "http://127.0.0.1:$port" >"$log"
  t1=$(proc_ticks "$pid"); w1=$(awk '/^wchar:/ { print $2 }' "/proc/$pid/io"); r1=$(proc_ticks "$REDIS_PID")
  n=$(awk '/requests in/ { print $1 }' "$log")
  # label store flow req/s cpu-µs/request bytes-written/request peak-RSS-MiB p99 load redis-cpu-µs/request
  awk -v l="$label" -v s="$store" -v f="$flow" -v t=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v n="$n" -v r=$((r1 - r0)) \
    -v w=$((w1 - w0)) -v hwm="$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")" \
    -v rps="$(awk '/^Requests\/sec:/ { print $2 }' "$log")" -v p99="$(ms "$(awk '$1 == "99%" { print $2 }' "$log")")" \
    -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "%s %s %s %.0f %.0f %.0f %.1f %s %s %.0f\n", l, s, f, rps, 1e6 * t / hz / n, w / n, hwm / 1024, p99, load, 1e6 * r / hz / n }' \
    | tee -a "$RESULTS"
  stop "$pid"; rm -rf "$TMP/data-$port"
}

echo "label store flow req/s cpu_us/req bytes_written/req peak_rss_MiB p99_ms load redis_cpu_us/req"
for _ in $(seq "$ROUNDS"); do
  for store in $STORES; do
    for flow in $FLOWS; do
      run A "$A" "$store" "$flow"
      run B "$B" "$store" "$flow"
    done
  done
done
echo
echo "Means over $ROUNDS rounds (A: $1, B: $2). Bytes written count every write(2) of the server:"
echo "its answers and, on the embedded store, the pages each commit writes. Redis CPU: the private"
echo "redis-server's CPU time over the requests (Redis store only)."
echo
echo "| build | store | flow | req/s | server CPU µs/request | Redis CPU µs/request | bytes written/request | peak RSS MiB | p99 ms |"
echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
awk '{ k = $1 " | " $2 " | " $3; n[k]++; r[k] += $4; c[k] += $5; w[k] += $6; if ($7 > m[k]) m[k] = $7; p[k] += $8; d[k] += $10
    redis[k] = $2 == "redis" }
  END { for (k in n) printf "| %s | %.0f | %.0f | %s | %.0f | %.1f | %.2f |\n", k, r[k] / n[k], c[k] / n[k],
    redis[k] ? sprintf("%.0f", d[k] / n[k]) : "—", w[k] / n[k], m[k], p[k] / n[k] }' \
  "$RESULTS" | sort -t'|' -k3,3 -k4,4 -k2,2
