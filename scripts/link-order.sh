#!/usr/bin/env bash
# Writes `link-order.txt`: the functions of the release binary that a server
# runs (start-up, the pages, the benchmark's flows on both stores, shutdown),
# most executed first, for the linker to place together (`build.rs`).
#
# Why: the kernel maps a file-backed page with the 64 KiB around it
# (fault-around), so code touched once, scattered over 11 MB of text, kept
# about 8.7 MiB of the binary resident; placed together it is a few MiB.
#
#   bash scripts/link-order.sh BINARY...          # profile each, write the list
#   bash scripts/link-order.sh --check [BINARY]   # how much of the list a build has
#
# Names are the symbol table's mangled names. Their hashes come from each
# crate's build metadata, not its source: they survive edits to the code, but
# not a new version of a dependency or of Rust, nor a change of build
# settings. cargo counts `RUSTC_WORKSPACE_WRAPPER` among hushlink's own (CI
# and the benchmarks build through clippy-driver, the container and a plain
# `cargo build --release` do not), so profile one release build of each kind;
# the list holds the names of both, and a build uses the ones it has:
#
#   RUSTC_WORKSPACE_WRAPPER="$(rustup which clippy-driver)" cargo build --release
#   cp target/release/hushlink /tmp/hushlink-clippy
#   env -u RUSTC_WORKSPACE_WRAPPER cargo build --release
#   bash scripts/link-order.sh /tmp/hushlink-clippy target/release/hushlink
#
# A list that has gone stale only leaves the code it no longer names where
# the linker puts it by default, it never breaks the link; `--check` tells
# how much still matches. Needs valgrind (callgrind), wrk, curl,
# redis-server; each store runs for a few seconds under callgrind
# (single-threaded, ~50x slower): a profile of which functions run, not of
# how fast.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --check ]; then
  BIN=${2:-${CARGO_TARGET_DIR:-target}/release/hushlink}
  found=$(nm --defined-only "$BIN" | awk 'NR == FNR { want[$1]; next } $3 in want { n++ } END { print n + 0 }' link-order.txt -)
  echo "$found of $(wc -l <link-order.txt) functions of link-order.txt are in $BIN"
  exit 0
fi
[ $# -ge 1 ] || { echo "usage: $0 BINARY... | --check [BINARY]" >&2; exit 2; }
for tool in valgrind wrk curl redis-server; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
source bench/lib.sh

REDIS=$(free_port); start_redis "$REDIS"
profile() { # binary, store: one server under callgrind, driven through every page and flow
  local bin=$1 store=$2 port url out="$TMP/callgrind.$2" pid link
  port=$(free_port); url="http://127.0.0.1:$port"
  redis-cli -h 127.0.0.1 -p "$REDIS" flushall >/dev/null
  env SNAPPASS_BIND_ADDRESS=127.0.0.1 SNAPPASS_PORT="$port" NO_SSL=true HUSHLINK_CREATE_RATE=0 \
    HUSHLINK_STORE="$store" HUSHLINK_DATA_DIR="$TMP/data-$port" REDIS_URL="redis://127.0.0.1:$REDIS/0" \
    valgrind --tool=callgrind --demangle=no --compress-strings=no --compress-pos=no \
    --callgrind-out-file="$out" "$bin" serve >"$TMP/hushlink-$store.log" 2>&1 &
  pid=$!; PIDS+=("$pid")
  wait_until "hushlink under callgrind ($store)" curl -fsS "$url/_/_/health"
  # The pages a person sees (form, link, preview, reveal, receipt, the
  # zero-knowledge reader, an error page), in English and another language.
  curl -fsS -o /dev/null "$url/" && curl -fsS -o /dev/null -H 'Accept-Language: de' "$url/"
  link=$(curl -fsS -d 'password=order&ttl=Hour' "$url/" | grep -o "$url/[^\"<]*~[^\"<]*" | head -1 || true)
  [ -n "$link" ] && curl -fsS -o /dev/null "$link" && curl -fsS -o /dev/null -X POST "$link"
  curl -sS -o /dev/null "$url/nothing-here" && curl -sS -o /dev/null "$url/s/0123456789abcdef0123456789abcdef"
  curl -fsS -o /dev/null "$url/api/openapi.json"
  for flow in form api zk; do wrk -t1 -c4 -d3s -s "bench/$flow.lua" "$url" >/dev/null; done
  stop "$pid" # SIGTERM: the graceful shutdown runs too; callgrind writes its file at exit
  cat "$out"* >>"$TMP/profile"; rm -f "$out"*
}

: >"$TMP/list"
for bin in "$@"; do
  bin=$(realpath "$bin"); : >"$TMP/profile"
  profile "$bin" embedded
  profile "$bin" redis
  # Self cost (Ir) per function of this binary. In a callgrind file, `ob=`
  # names the object, `fn=` the function, and the cost line after a `calls=`
  # line is the call's inclusive cost, not the function's own; `'2` after a
  # name is callgrind's mark for a recursion level, not part of the symbol.
  # Each binary's functions follow the earlier binaries' (those it shares
  # with them, the dependencies', are listed once).
  awk -v bin="$bin" '
    /^ob=/ { ours = (substr($0, 4) == bin) }
    /^fn=/ { fn = substr($0, 4); sub(/\047[0-9]+$/, "", fn); infn = ours; next }
    /^c(ob|fi|fe|fn)=/ { next }
    /^calls=/ { skip = 1; next }
    /^[0-9+-]/ { if (skip) { skip = 0; next } if (infn) ir[fn] += $2 }
    END { for (f in ir) if (f !~ /^(0x|\()/) print ir[f], f }' "$TMP/profile" \
    | sort -k1,1nr | awk 'FILENAME == ARGV[1] { seen[$1]; next } !($2 in seen) { print $2 }' "$TMP/list" - >>"$TMP/list"
done
cp "$TMP/list" link-order.txt
echo "link-order.txt: $(wc -l <link-order.txt) functions"
