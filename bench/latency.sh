#!/usr/bin/env bash
# Where the latency tail comes from: the wire's percentiles (what wrk sees,
# from its send to its read) beside the server's own request durations (the
# `hushlink_http_request_duration_seconds` and `hushlink_store_duration_seconds`
# histograms, from the middleware's start to its answer), in the same run.
# On a machine where wrk shares the cores with the server (and Redis), the
# difference is time the request spent outside hushlink's handlers: in the
# kernel's socket queues, waiting for a tokio worker, or waiting for wrk's own
# thread to be scheduled and read the answer.
#
#   bash bench/latency.sh                                   # form flow, both stores
#   BENCH_STORES=embedded BENCH_FLOWS="form api" bash bench/latency.sh
#
# The histograms have fixed buckets (1, 2.5, 5, 10, 25 ms around the tail),
# so the server's side is given as the share of requests above each bound.
# Scraping turns the timing on, which costs the server about a tenth of its
# throughput (docs/metrics.md): req/s here is not bench/run.sh's figure.
# Settings (environment): BENCH_STORES (embedded redis), BENCH_FLOWS (form),
# BENCH_DURATION (10s), BENCH_WARMUP (2s), BENCH_CONNECTIONS (32), BENCH_BIN
# (target/release/hushlink, built when missing). Loopback only; everything it
# starts is stopped and its temp dir removed when it exits.
set -euo pipefail
cd "$(dirname "$0")/.."
STORES=${BENCH_STORES:-embedded redis}
FLOWS=${BENCH_FLOWS:-form}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-2s}
CONNS=${BENCH_CONNECTIONS:-32}
BIN=${BENCH_BIN:-target/release/hushlink}
for tool in wrk redis-server curl python3; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
[ -x "$BIN" ] || cargo build --release --locked
source bench/lib.sh

REDIS=$(free_port); start_redis "$REDIS"
echo "$(realpath "$BIN") ($(git rev-parse --short HEAD 2>/dev/null || echo ?)), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for store in $STORES; do
  for flow in $FLOWS; do
    metrics=$(free_port)
    start_hushlink "$BIN" "$store" "$REDIS" HUSHLINK_METRICS_ADDR="127.0.0.1:$metrics"
    port=$PORT pid=$PID
    wrk -t2 -c"$CONNS" -d"$WARMUP" -s "bench/${flow%+key}.lua" "http://127.0.0.1:$port" >/dev/null
    curl -fsS "http://127.0.0.1:$metrics/metrics" >"$TMP/before.txt"
    wrk -t2 -c"$CONNS" -d"$DURATION" --latency -s "bench/${flow%+key}.lua" "http://127.0.0.1:$port" >"$TMP/wrk.txt"
    curl -fsS "http://127.0.0.1:$metrics/metrics" >"$TMP/after.txt"
    stop "$pid"
    echo "=== $store, $flow flow, $CONNS connections: $(awk '/Requests\/sec/ { printf "%.0f req/s", $2 }' "$TMP/wrk.txt")"
    echo "wire (wrk):   p50 $(awk '$1 == "50%" { print $2 }' "$TMP/wrk.txt"), p90 $(awk '$1 == "90%" { print $2 }' "$TMP/wrk.txt"), p99 $(awk '$1 == "99%" { print $2 }' "$TMP/wrk.txt"), max $(awk '/Latency/ && !/Distribution/ { print $4 }' "$TMP/wrk.txt")"
    python3 - "$TMP/before.txt" "$TMP/after.txt" <<'PY'
import re, sys
from collections import defaultdict

def buckets(path):
    """(what, le) -> count, summed over routes; `what` is http or the store op."""
    out = defaultdict(float)
    for line in open(path):
        m = re.match(r'hushlink_(http_request|store)_duration_seconds_bucket\{(.*)\} (\S+)$', line)
        if not m:
            continue
        le = re.search(r'le="([^"]+)"', m.group(2)).group(1)
        op = re.search(r'op="([^"]+)"', m.group(2))
        what = "server, whole request" if m.group(1) == "http_request" else f"store {op.group(1) if op else '?'}"
        out[(what, le)] += float(m.group(3))
    return out

before, after = buckets(sys.argv[1]), buckets(sys.argv[2])
for what in sorted({w for w, _ in after}):
    total = after[(what, "+Inf")] - before[(what, "+Inf")]
    if total < 100:
        continue
    above = []
    for le in ("0.001", "0.0025", "0.005", "0.01", "0.025"):
        n = total - (after[(what, le)] - before[(what, le)])
        above.append(f">{float(le) * 1000:g} ms {100 * n / total:.2f}%")
    print(f"{what + ':':<24}{int(total):>8} timed, " + ", ".join(above))
PY
  done
done
