# Shared by the bench/*.sh scripts (sourced after `cd` to the
# repository root): process bookkeeping, so that everything a benchmark
# starts is stopped and its temp dir removed however it exits, and small
# helpers to start servers and read wrk's output.

TMP=$(mktemp -d -t hushlink-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_until() { # description, command...: retries for 30 s
  local what=$1; shift
  for _ in $(seq 300); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "$what did not become ready; its log:" >&2
  cat "$TMP"/*.log >&2 || true
  exit 1
}

stop() { # pid: stops one server started here, and forgets it
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  local keep=() p
  for p in "${PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  PIDS=("${keep[@]}")
}

# start_hushlink BINARY STORE REDIS_PORT [VAR=value...]: a fresh hushlink
# on a free port over STORE (the private Redis at REDIS_PORT, flushed first),
# its data in a new directory, $TMP/data-$PORT; the settings given are added
# to the benchmark's own (loopback, http links, no create rate limit: one
# load generator is one client address). Sets PORT and PID and returns once
# it answers its health check.
start_hushlink() {
  local bin=$1 store=$2 redis=$3; shift 3
  PORT=$(free_port)
  redis-cli -h 127.0.0.1 -p "$redis" flushall >/dev/null
  env SNAPPASS_BIND_ADDRESS=127.0.0.1 SNAPPASS_PORT="$PORT" NO_SSL=true HUSHLINK_CREATE_RATE=0 \
    HUSHLINK_STORE="$store" HUSHLINK_DATA_DIR="$TMP/data-$PORT" REDIS_URL="redis://127.0.0.1:$redis/0" \
    "$@" "$bin" serve >"$TMP/hushlink.log" 2>&1 &
  PID=$!; PIDS+=("$PID")
  wait_until "hushlink ($store)" curl -fsS "http://127.0.0.1:$PORT/_/_/health"
}

start_redis() { # port
  mkdir -p "$TMP/redis-$1"
  redis-server --bind 127.0.0.1 --port "$1" --save '' --appendonly no --dir "$TMP/redis-$1" \
    >"$TMP/redis-$1.log" 2>&1 &
  PIDS+=($!)
  wait_until "redis on $1" bash -c "[ \"\$(redis-cli -h 127.0.0.1 -p $1 ping)\" = PONG ]"
}

rss_kb() { # pid: summed VmRSS, in kB, of a process and its children
  (cd /proc && cat "$1/status" $(sed 's|[0-9]\+|&/status|g' "$1"/task/*/children 2>/dev/null) 2>/dev/null; true) \
    | awk '/^VmRSS:/ { s += $2 } END { print s + 0 }'
}

sample_rss() { # pid, file: keeps the max of rss_kb, sampled every 0.5 s, in the file
  local max=0 kb
  while [ -e "/proc/$1" ]; do
    kb=$(rss_kb "$1")
    if [ "$kb" -gt "$max" ]; then max=$kb; echo "$max" >"$2"; fi
    sleep 0.5
  done
}

# pid: CPU time (user + system, in clock ticks) the process has used so far.
proc_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# CPU time (clock ticks) of this shell's children that have ended and been
# waited for: read before and after a foreground command, what it used.
child_ticks() { awk '{ print $16 + $17 }' "/proc/$$/stat"; }
cpu_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $9 }' /proc/stat; } # total, steal
idle_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $5 + $6 }' /proc/stat; } # total, idle + iowait

ms() { # wrk duration (e.g. 812.00us, 1.23ms, 2.01s) -> milliseconds
  awk -v d="$1" 'BEGIN { v = d + 0; if (d ~ /us$/) v /= 1000; else if (d ~ /m$/) v *= 60000; else if (d ~ /[0-9]s$/) v *= 1000; printf "%.2f", v }'
}

