#!/usr/bin/env bash
# Builds hushlink's Docker image and runs it, docker-compose.yml and
# docker-compose.cluster.yml for real, as an operator would:
#   tests/containers/run.sh
#
# 1. The image: built from the Dockerfile unchanged; it runs as 65532 with no
#    shell; its HEALTHCHECK turns healthy; a secret stored in the /data
#    volume survives a restart of the container and is revealed once;
#    `docker stop` ends it cleanly.
# 2. docker-compose.yml (hushlink + Redis): a secret made through the API is
#    revealed after Redis is restarted, once; the web form answers.
# 3. docker-compose.cluster.yml (3 instances behind nginx, 3+3 Redis
#    Cluster): secrets made through nginx are each revealed once, spread
#    over all three instances, whose metrics (on a port not published) add
#    up; with one hushlink instance and one Redis master killed, every secret
#    is still revealed, exactly once.
#
# Base images: when rust:1-bookworm, gcr.io/distroless/cc-debian12:nonroot,
# redis:7 and nginx:1-alpine cannot be pulled (this project's test machine
# reaches Debian's archive but no image registry), stand-ins are built from
# Debian 12 packages (tests/containers/standins/) and passed through the
# Dockerfile's and compose files' image variables, which exist for mirrors
# and air-gapped builds. HUSHLINK_CT_STANDINS=always|never forces a choice.
#
# Installs docker.io (when no engine answers), docker-compose, debootstrap,
# curl and jq with apt when missing, and starts dockerd when no engine
# answers (stopping it at the end).
# Everything it creates is named hushlink-ct-* and removed at the end, but
# for images kept as build cache (hushlink-ci/*, hushlink-ct:test). Host
# ports are free loopback ports. Every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"
standins="$repo/tests/containers/standins"
cache="${HUSHLINK_CT_CACHE:-$HOME/.cache/hushlink/containers}"

fail() { echo "containers-test: FAIL: $*" >&2; exit 1; }
step() { echo "==> $*"; }

# --- tools -----------------------------------------------------------------
source "$repo/scripts/need.sh"
need_if '! docker info && ! command -v dockerd' docker.io
need_if '! command -v docker-compose && ! docker compose version' docker-compose
need_cmd debootstrap
need_cmd curl
need_cmd jq
install_needed
compose=(docker-compose)
docker compose version >/dev/null 2>&1 && compose=(docker compose)

tmp="$(mktemp -d)"
dockerd_pid=""
projects=()
containers=()
volumes=()

cleanup() {
  local status=$?
  set +e
  if [ $status -ne 0 ]; then
    for p in "${projects[@]}"; do
      echo "--- logs of ${p%%:*} (last lines)" >&2
      "${compose[@]}" -p "${p%%:*}" -f "${p#*:}" logs --no-color --tail 30 >&2 2>&1
    done
    for c in "${containers[@]}"; do
      echo "--- logs of $c" >&2
      docker logs --tail 30 "$c" >&2 2>&1
    done
  fi
  for p in "${projects[@]}"; do
    "${compose[@]}" -p "${p%%:*}" -f "${p#*:}" down -v --remove-orphans >/dev/null 2>&1
  done
  for c in "${containers[@]}"; do docker rm -f "$c" >/dev/null 2>&1; done
  for v in "${volumes[@]}"; do docker volume rm -f "$v" >/dev/null 2>&1; done
  if [ -n "$dockerd_pid" ]; then
    kill "$dockerd_pid" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 1; done
  fi
  rm -rf "$tmp"
  exit $status
}
trap cleanup EXIT

# --- engine ----------------------------------------------------------------
if ! docker info >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || fail "no Docker engine answers, and starting one needs root"
  step "starting dockerd (log: $tmp/dockerd.log)"
  dockerd >"$tmp/dockerd.log" 2>&1 &
  dockerd_pid=$!
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { tail -20 "$tmp/dockerd.log" >&2; fail "dockerd did not start in 60 s"; }
fi

# A run that was killed (so its trap never ran) leaves containers, which
# dockerd restarts (restart: unless-stopped), and a network whose fixed
# subnet would stop this run's cluster: remove what earlier runs left. All
# of it is named hushlink-ct-*, this script's prefix.
stale=$(docker ps -aq --filter name=hushlink-ct-)
[ -z "$stale" ] || { step "removing containers an interrupted run left"; docker rm -f -v $stale >/dev/null; }
stale=$(docker network ls -q --filter name=hushlink-ct-)
[ -z "$stale" ] || docker network rm $stale >/dev/null
stale=$(docker volume ls -q --filter name=hushlink-ct-)
[ -z "$stale" ] || docker volume rm $stale >/dev/null

# --- base images -----------------------------------------------------------
can_pull() { timeout 60 docker pull -q "$1" >/dev/null 2>&1; }

use_standins="${HUSHLINK_CT_STANDINS:-auto}"
if [ "$use_standins" = auto ]; then
  use_standins=never
  for image in rust:1-bookworm gcr.io/distroless/cc-debian12:nonroot redis:7 nginx:1-alpine; do
    can_pull "$image" || { use_standins=always; break; }
  done
fi

if [ "$use_standins" = always ]; then
  step "building stand-in base images from Debian 12 packages (no registry reachable)"
  # A Debian 12 root file system, made once and kept: the stand-ins' common base.
  mkdir -p "$cache"
  if ! docker image inspect hushlink-ci/debian:bookworm >/dev/null 2>&1; then
    if [ ! -s "$cache/debian-bookworm.tar" ]; then
      rm -rf "$tmp/rootfs"
      timeout 900 debootstrap --variant=minbase bookworm "$tmp/rootfs" http://deb.debian.org/debian \
        >"$tmp/debootstrap.log" 2>&1 || { tail -20 "$tmp/debootstrap.log" >&2; fail "debootstrap failed"; }
      # As Debian's own images: packages installed in a build start no services.
      printf '#!/bin/sh\nexit 101\n' >"$tmp/rootfs/usr/sbin/policy-rc.d"
      chmod +x "$tmp/rootfs/usr/sbin/policy-rc.d"
      tar -C "$tmp/rootfs" -cf "$cache/debian-bookworm.tar.part" .
      mv "$cache/debian-bookworm.tar.part" "$cache/debian-bookworm.tar"
      rm -rf "$tmp/rootfs"
    fi
    docker import --change 'CMD ["bash"]' "$cache/debian-bookworm.tar" hushlink-ci/debian:bookworm >/dev/null
  fi
  build_quiet() { # <tag> <dockerfile> <context>
    timeout 1200 docker build -q -t "$1" -f "$2" "$3" >"$tmp/build.log" 2>&1 \
      || { tail -30 "$tmp/build.log" >&2; fail "building $1"; }
  }
  build_quiet hushlink-ci/distroless-cc:nonroot "$standins/distroless-cc.Dockerfile" "$standins"
  build_quiet hushlink-ci/redis:7 "$standins/redis.Dockerfile" "$standins"
  build_quiet hushlink-ci/nginx:1 "$standins/nginx.Dockerfile" "$standins"
  # The build image carries this machine's Rust toolchain (hard links, no
  # copy) and the certificate authorities this machine trusts.
  sysroot="$(rustc --print sysroot)"
  mkdir -p "$tmp/rust/toolchain"
  for part in bin lib libexec etc; do
    [ -e "$sysroot/$part" ] && { cp -al "$sysroot/$part" "$tmp/rust/toolchain/" 2>/dev/null || cp -a "$sysroot/$part" "$tmp/rust/toolchain/"; }
  done
  cp /etc/ssl/certs/ca-certificates.crt "$tmp/rust/"
  build_quiet hushlink-ci/rust:bookworm "$standins/rust.Dockerfile" "$tmp/rust"
  rm -rf "$tmp/rust"
  export BUILD_IMAGE=hushlink-ci/rust:bookworm RUNTIME_IMAGE=hushlink-ci/distroless-cc:nonroot
  export REDIS_IMAGE=hushlink-ci/redis:7 NGINX_IMAGE=hushlink-ci/nginx:1
else
  export BUILD_IMAGE=rust:1-bookworm RUNTIME_IMAGE=gcr.io/distroless/cc-debian12:nonroot
  export REDIS_IMAGE=redis:7 NGINX_IMAGE=nginx:1-alpine
fi
export HUSHLINK_IMAGE=hushlink-ct:test

# --- helpers ---------------------------------------------------------------
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_for <seconds> <what> <command...>: runs the command each second until it succeeds.
wait_for() {
  local seconds=$1 what=$2; shift 2
  for _ in $(seq 1 "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  fail "$what: not after $seconds s"
}

health_of() { docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$1"; }
is_healthy() { [ "$(health_of "$1")" = healthy ]; }

# create <base> <secret> [views]: prints the API self link of a new secret.
create() {
  local body
  body="$(jq -cn --arg p "$2" --argjson v "${3:-1}" '{password: $p, views: $v}')"
  curl -sf --max-time 10 -H 'Content-Type: application/json' -d "$body" "$1/api/v2/passwords" \
    | jq -er '.links[] | select(.rel == "self") | .href'
}

# reveal <self link>: prints the secret, or fails (404 and every other error).
reveal() { curl -sf --max-time 10 "$1" | jq -er .password; }

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }

# no_leak <container> <secret> <self link>: the container's whole log holds
# neither the secret nor its link's token (read from a file: a pipe into
# `grep -q` would hide a match behind pipefail).
no_leak() {
  local token="${3##*/}"
  docker logs "$1" >"$tmp/container.log" 2>&1
  grep -qF -- "$2" "$tmp/container.log" && fail "a secret is in the logs of $1"
  grep -qF -- "${token%%~*}" "$tmp/container.log" && fail "a token is in the logs of $1"
  return 0
}

expect_revealed_once() { # <self link> <secret>
  local got
  got="$(reveal "$1")" || fail "reveal of $1 failed"
  [ "$got" = "$2" ] || fail "revealed a different secret"
  [ "$(status_of "$1")" = 404 ] || fail "a second reveal did not get 404"
}

# --- 1. the image ----------------------------------------------------------
step "building the image from the Dockerfile (BUILD_IMAGE=$BUILD_IMAGE, RUNTIME_IMAGE=$RUNTIME_IMAGE)"
started=$SECONDS
timeout 3000 docker build -t "$HUSHLINK_IMAGE" \
  --build-arg BUILD_IMAGE="$BUILD_IMAGE" --build-arg RUNTIME_IMAGE="$RUNTIME_IMAGE" . \
  >"$tmp/image-build.log" 2>&1 || { tail -40 "$tmp/image-build.log" >&2; fail "docker build"; }
size=$(docker image inspect -f '{{.Size}}' "$HUSHLINK_IMAGE")
echo "    built in $((SECONDS - started)) s; $((size / 1024 / 1024)) MiB"

[ "$(docker image inspect -f '{{.Config.User}}' "$HUSHLINK_IMAGE")" = 65532:65532 ] || fail "the image does not run as 65532"
[ -n "$(docker image inspect -f '{{.Config.Healthcheck}}' "$HUSHLINK_IMAGE")" ] || fail "the image has no HEALTHCHECK"
[ "$(docker image inspect -f '{{index .Config.Labels "org.opencontainers.image.title"}}' "$HUSHLINK_IMAGE")" = hushlink ] \
  || fail "the image has no OCI title label"
if docker run --rm --entrypoint /bin/sh "$HUSHLINK_IMAGE" -c true >/dev/null 2>&1; then
  fail "the image has a shell"
fi

step "image: embedded store in a volume, health, restart, reveal once, stop"
run_id="hushlink-ct-$$"
containers+=("$run_id"); volumes+=("$run_id-data")
port=$(free_port)
docker run -d --name "$run_id" -p "127.0.0.1:$port:5000" -v "$run_id-data:/data" \
  -e NO_SSL=true "$HUSHLINK_IMAGE" >/dev/null
base="http://127.0.0.1:$port"
wait_for 60 "image: health check healthy" is_healthy "$run_id"
[ "$(docker top "$run_id" -o pid,uid | awk 'NR > 1 { print $2 }' | sort -u)" = 65532 ] || fail "the server does not run as uid 65532"
link=$(create "$base" "kept in the volume") || fail "image: create"
docker restart -t 10 "$run_id" >/dev/null
wait_for 60 "image: healthy after restart" is_healthy "$run_id"
expect_revealed_once "$link" "kept in the volume"
no_leak "$run_id" "kept in the volume" "$link"
jq -e . "$tmp/container.log" >/dev/null || fail "the image's logs are not JSON lines"
started=$SECONDS
docker stop -t 20 "$run_id" >/dev/null
[ "$(docker inspect -f '{{.State.ExitCode}}' "$run_id")" = 0 ] || fail "image: exit code after docker stop"
[ $((SECONDS - started)) -lt 10 ] || fail "image: docker stop took $((SECONDS - started)) s"

# --- 2. docker-compose.yml -------------------------------------------------
step "docker-compose.yml: hushlink and Redis"
project="hushlink-ct-$$-single"
projects+=("$project:docker-compose.yml")
port=$(free_port)
base="http://127.0.0.1:$port"
HUSHLINK_PUBLISH="127.0.0.1:$port" timeout 600 "${compose[@]}" -p "$project" -f docker-compose.yml up -d \
  >"$tmp/compose.log" 2>&1 || { cat "$tmp/compose.log" >&2; fail "compose up"; }
hushlink_c=$("${compose[@]}" -p "$project" -f docker-compose.yml ps -q hushlink)
wait_for 90 "compose: hushlink healthy" is_healthy "$hushlink_c"
[ "$(status_of "$base/")" = 200 ] || fail "compose: the web form"
link=$(create "$base" "survives a Redis restart") || fail "compose: create"
"${compose[@]}" -p "$project" -f docker-compose.yml restart redis >/dev/null 2>&1
wait_for 60 "compose: ready after the Redis restart" curl -sf --max-time 5 "$base/_/_/ready"
expect_revealed_once "$link" "survives a Redis restart"
no_leak "$hushlink_c" "survives a Redis restart" "$link"
HUSHLINK_PUBLISH="127.0.0.1:$port" "${compose[@]}" -p "$project" -f docker-compose.yml down -v >/dev/null 2>&1

# --- 3. docker-compose.cluster.yml -----------------------------------------
step "docker-compose.cluster.yml: three instances behind nginx over a 3+3 Redis Cluster"
project="hushlink-ct-$$-cluster"
projects+=("$project:docker-compose.cluster.yml")
port=$(free_port)
base="http://127.0.0.1:$port"
export HUSHLINK_PUBLISH="127.0.0.1:$port"
cluster() { "${compose[@]}" -p "$project" -f docker-compose.cluster.yml "$@"; }
timeout 900 "${compose[@]}" -p "$project" -f docker-compose.cluster.yml up -d >"$tmp/compose.log" 2>&1 || { cat "$tmp/compose.log" >&2; fail "cluster compose up"; }
for n in 1 2 3; do
  wait_for 90 "cluster: hushlink-$n healthy" is_healthy "$(cluster ps -q hushlink-$n)"
done
wait_for 60 "cluster: nginx answers" curl -sf --max-time 5 "$base/_/_/ready"
cluster_ok() { cluster exec -T redis-2 redis-cli cluster info | grep -q cluster_state:ok; }
cluster_ok || fail "cluster: cluster_state is not ok"

links=()
for i in $(seq 1 30); do
  link=$(create "$base" "cluster secret $i") || fail "cluster: create $i"
  links+=("$link")
done
# Half are revealed now, through nginx's round robin over the three instances.
for i in $(seq 1 15); do expect_revealed_once "${links[$((i - 1))]}" "cluster secret $i"; done

# Metrics: each instance's own listener, reachable inside the compose network
# only. Round robin gave every instance a share, and the counts add up.
for n in 1 2 3; do
  [ -z "$(docker port "$(cluster ps -q hushlink-$n)")" ] || fail "cluster: hushlink-$n publishes a port"
  docker run --rm --network "${project}_hushlink" --entrypoint bash "$REDIS_IMAGE" -c \
    'exec 3<>"/dev/tcp/$0/9090" && printf "GET /metrics HTTP/1.0\r\nHost: %s\r\n\r\n" "$0" >&3 && cat <&3' \
    "hushlink-$n" >"$tmp/metrics-$n" || fail "cluster: metrics of hushlink-$n"
done
metric_sum() { # <series>: its value summed over the three instances, each of which must have it
  local total=0 n value
  for n in 1 2 3; do
    value=$(awk -v series="$1" '$1 == series { print $2 }' "$tmp/metrics-$n")
    [ -n "$value" ] && [ "$value" -gt 0 ] || fail "cluster: hushlink-$n has no $1"
    total=$((total + value))
  done
  echo "$total"
}
[ "$(metric_sum 'hushlink_secrets_created_total{via="api"}')" = 30 ] || fail "cluster: created count"
[ "$(metric_sum 'hushlink_secrets_revealed_total{via="api"}')" = 15 ] || fail "cluster: revealed count"
[ "$(metric_sum 'hushlink_reveal_failures_total{via="api",reason="not_found"}')" = 15 ] || fail "cluster: not-found count"
echo "    creates per instance (metrics): $(for n in 1 2 3; do
  awk '$1 == "hushlink_secrets_created_total{via=\"api\"}" { printf "%s ", $2 }' "$tmp/metrics-$n"
done)"

# Faults: one instance and one master are killed; the rest are revealed.
cluster kill hushlink-1 >/dev/null 2>&1
cluster kill redis-1 >/dev/null 2>&1
# Failed over: the killed master is marked failed (not only suspected), three
# masters are up, and the cluster says it is whole.
promoted() {
  local nodes
  nodes="$(cluster exec -T redis-2 redis-cli cluster nodes)"
  echo "$nodes" | awk '$2 ~ /^10\.77\.0\.11:/ && $3 ~ /(^|,)fail(,|$)/' | grep -q . || return 1
  [ "$(echo "$nodes" | awk '$3 ~ /master/ && $3 !~ /fail/' | wc -l)" -eq 3 ] && cluster_ok
}
wait_for 60 "cluster: a replica promoted in place of redis-1" promoted
# Until every instance's cluster client has found the promoted replica, a
# request for a secret on the lost master may get 503 (nothing consumed; the
# client retries) or nginx's 502/504. settled_status retries those, for at
# most 90 s after the failover, and prints the first other status (the body
# is left in $tmp/answer). A reveal must then give the secret, once: never
# 404 first, never the wrong secret, never a second time.
failed_over=$SECONDS
settled_status() {
  local code
  while :; do
    code=$(curl -s -o "$tmp/answer" -w '%{http_code}' --max-time 10 "$1") || true
    case "$code" in
      503 | 502 | 504 | 000) [ $((SECONDS - failed_over)) -lt 90 ] || { echo "$code"; return; }; sleep 1 ;;
      *) echo "$code"; return ;;
    esac
  done
}
for i in $(seq 16 30); do
  link="${links[$((i - 1))]}"
  code=$(settled_status "$link")
  [ "$code" = 200 ] || fail "cluster: secret $i after the failover: $code"
  [ "$(jq -r .password "$tmp/answer")" = "cluster secret $i" ] || fail "cluster: revealed a different secret"
  code=$(settled_status "$link")
  [ "$code" = 404 ] || fail "cluster: a second reveal of secret $i got $code, not 404"
done
echo "    all 15 revealed after the failover, the last $((SECONDS - failed_over)) s after it"
for c in $(cluster ps -q hushlink-1 hushlink-2 hushlink-3); do
  for i in $(seq 1 30); do no_leak "$c" "cluster secret $i" "${links[$((i - 1))]}"; done
done
cluster down -v >/dev/null 2>&1

echo "containers-test: all passed"
