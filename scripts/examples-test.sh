#!/usr/bin/env bash
# Tests the bootstrap examples against a real server:
#   scripts/examples-test.sh <path to hushlink binary>
#
# 1. examples/shell/bootstrap.sh, twice (the second run must change nothing),
#    then the CI key it saved must create a secret;
# 2. examples/ansible/bootstrap.yml on a fresh server, twice (the second run
#    must report changed=0), then the same check of the CI key.
#
# Installs curl and jq if missing, and ansible-core into target/examples-venv.
# Each server runs on a free loopback port with its data in a temporary
# directory, removed at the end. Every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "examples-test: FAIL: $*" >&2; exit 1; }
step() { echo "==> $*"; }

[ $# -eq 1 ] || { echo "usage: $0 <path to hushlink binary>" >&2; exit 2; }
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[ -x "$bin" ] || fail "$1 is not an executable"

source scripts/need.sh
need_cmd curl
need_cmd jq
need_if "! python3 -c 'import venv, ensurepip'" python3-venv
install_needed
command -v python3 >/dev/null 2>&1 || fail "python3 is required"

tmp="$(mktemp -d)"
server_pid=""
server_log=""

stop_server() {
  [ -n "$server_pid" ] || return 0
  if kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 150); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

cleanup() {
  local rc=$?
  stop_server
  if [ "$rc" -ne 0 ] && [ -n "$server_log" ] && [ -f "$server_log" ]; then
    echo "--- last lines of the server log ($server_log) ---" >&2
    tail -n 30 "$server_log" >&2 || true
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# start_server NAME: a fresh server with its own data dir, port and token;
# sets url, token_file, server_pid, server_log.
start_server() {
  local name="$1" dir="$tmp/$1" port
  mkdir -p "$dir"
  port="$(free_port)"
  token_file="$dir/bootstrap-token"
  (umask 077; python3 -c 'import secrets; print(secrets.token_hex(32))' >"$token_file")
  server_log="$dir/server.log"
  url="http://127.0.0.1:$port"
  env -u REDIS_URL -u REDIS_HOST -u REDIS_PORT -u REDIS_PASSWORD \
      -u HUSHLINK_BOOTSTRAP_TOKEN -u HUSHLINK_ADMIN_KEY_SHA256 \
      HUSHLINK_STORE=embedded \
      HUSHLINK_DATA_DIR="$dir/data" \
      HUSHLINK_BOOTSTRAP_TOKEN_FILE="$token_file" \
      HUSHLINK_API_AUTH=required \
      SNAPPASS_BIND_ADDRESS=127.0.0.1 \
      SNAPPASS_PORT="$port" \
      NO_SSL=true \
      "$bin" serve >"$server_log" 2>&1 &
  server_pid=$!
  step "started server '$name' (pid $server_pid) on $url"
  wait_health
}

wait_health() {
  local deadline=$((SECONDS + 60))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/_/_/health" || true)" = "200" ]; do
    kill -0 "$server_pid" 2>/dev/null || fail "server exited before it was healthy"
    [ "$SECONDS" -lt "$deadline" ] || fail "server not healthy after 60s"
    sleep 0.2
  done
}

# create_secret KEY_FILE: creates a secret with the key; prints the status.
create_secret() {
  local hdr="$tmp/auth-header"
  (umask 077; printf 'Authorization: Bearer %s\n' "$(tr -d '[:space:]' <"$1")" >"$hdr")
  curl -s -o "$tmp/created.json" -w '%{http_code}' --max-time 10 \
    -H "@$hdr" -H 'Content-Type: application/json' \
    --data-binary '{"password": "examples-test secret", "ttl": 3600}' \
    "$url/api/v2/passwords" || true
  rm -f "$hdr"
}

# check_keys STATE_DIR: both key files exist, are 0600, and the CI key can
# create a secret while no key cannot.
check_keys() {
  local dir="$1" f mode status
  for f in admin.key ci.key; do
    [ -s "$dir/$f" ] || fail "$dir/$f missing or empty"
    mode="$(stat -c %a "$dir/$f")"
    [ "$mode" = "600" ] || fail "$dir/$f has mode $mode, not 600"
  done
  status="$(create_secret "$dir/ci.key")"
  [ "$status" = "200" ] || fail "creating a secret with the ci key: HTTP $status $(cat "$tmp/created.json")"
  jq -e '(.token | length > 0) and ([.links[].rel] | index("web-view") != null)' \
    "$tmp/created.json" >/dev/null || fail "unexpected create answer: $(cat "$tmp/created.json")"
  status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
    --data-binary '{"password": "x"}' "$url/api/v2/passwords" || true)"
  [ "$status" = "401" ] || fail "creating a secret without a key: HTTP $status, expected 401"
  echo "ok: ci key creates secrets; no key gets 401"
}

# check_no_leak STATE_DIR FILE...: no key or token appears in the files.
check_no_leak() {
  local dir="$1" secret f; shift
  for secret in "$dir/admin.key" "$dir/ci.key" "$token_file"; do
    for f in "$@"; do
      # -f: the pattern comes from the file, not the command line.
      if grep -qFf "$secret" "$f"; then fail "a key or token appears in $f"; fi
    done
  done
  echo "ok: no key or token in the output or the server log"
}

# ---------------------------------------------------------------- shell ---
start_server shell
keys="$tmp/shell/keys"
run_shell() {
  HUSHLINK_URL="$url" HUSHLINK_BOOTSTRAP_TOKEN="$(cat "$token_file")" STATE_DIR="$keys" \
    timeout 120 bash examples/shell/bootstrap.sh >"$1" 2>&1 \
    || { cat "$1" >&2; fail "examples/shell/bootstrap.sh exited non-zero"; }
  cat "$1"
}

step "shell: first run"
run_shell "$tmp/shell/run1.out"
grep -q '^changed: bootstrapped' "$tmp/shell/run1.out" || fail "first run did not bootstrap"
grep -q '^changed: created API key ci' "$tmp/shell/run1.out" || fail "first run did not create the ci key"
cp "$keys/admin.key" "$tmp/shell/admin.key.1"
cp "$keys/ci.key" "$tmp/shell/ci.key.1"

step "shell: second run (must change nothing)"
run_shell "$tmp/shell/run2.out"
if grep -q '^changed:' "$tmp/shell/run2.out"; then fail "second run changed something"; fi
grep -q '^unchanged: already bootstrapped' "$tmp/shell/run2.out" || fail "second run did not say unchanged"
cmp -s "$keys/admin.key" "$tmp/shell/admin.key.1" || fail "second run replaced admin.key"
cmp -s "$keys/ci.key" "$tmp/shell/ci.key.1" || fail "second run replaced ci.key"

check_keys "$keys"

step "shell: bootstrapping again answers 409"
(umask 077; printf 'Authorization: Bearer %s\n' "$(cat "$token_file")" >"$tmp/auth-header")
status="$(curl -s -o "$tmp/again.json" -w '%{http_code}' --max-time 10 -X POST -H "@$tmp/auth-header" \
  -H 'Content-Type: application/json' --data-binary '{"name": "admin"}' "$url/api/v2/bootstrap" || true)"
rm -f "$tmp/auth-header"
[ "$status" = "409" ] || fail "second bootstrap: HTTP $status, expected 409"
jq -e '.type | endswith("already-bootstrapped")' "$tmp/again.json" >/dev/null \
  || fail "second bootstrap: unexpected problem type: $(cat "$tmp/again.json")"
echo "ok: 409 already-bootstrapped"

check_no_leak "$keys" "$tmp/shell/run1.out" "$tmp/shell/run2.out" "$server_log"
stop_server

# -------------------------------------------------------------- ansible ---
# A private venv, beside the build cache when there is one (CI reuses it).
venv="${CARGO_TARGET_DIR:-target}/examples-venv"
if [ ! -x "$venv/bin/ansible-playbook" ]; then
  step "installing ansible-core into $venv"
  python3 -m venv "$venv"
  timeout 600 "$venv/bin/pip" install --quiet --disable-pip-version-check ansible-core \
    || fail "pip install ansible-core failed"
  # An install cut short earlier can leave the package recorded without its
  # command scripts; reinstalling the package alone restores them.
  if [ ! -x "$venv/bin/ansible-playbook" ]; then
    timeout 600 "$venv/bin/pip" install --quiet --disable-pip-version-check \
      --force-reinstall --no-deps ansible-core || fail "pip reinstall ansible-core failed"
  fi
  [ -x "$venv/bin/ansible-playbook" ] || fail "ansible-playbook missing from $venv"
fi

start_server ansible
keys="$tmp/ansible/keys"
run_ansible() {
  HUSHLINK_URL="$url" HUSHLINK_BOOTSTRAP_TOKEN="$(cat "$token_file")" STATE_DIR="$keys" \
  ANSIBLE_HOME="$tmp/ansible/home" ANSIBLE_LOCAL_TEMP="$tmp/ansible/tmp" \
  ANSIBLE_REMOTE_TMP="$tmp/ansible/remote-tmp" \
  ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false \
  ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 \
    timeout 1500 "$venv/bin/ansible-playbook" examples/ansible/bootstrap.yml >"$1" 2>&1 \
    || { cat "$1" >&2; fail "ansible-playbook exited non-zero"; }
  sed -n '/PLAY RECAP/,$p' "$1"
}
recap_re='localhost +: ok=[0-9]+ +changed=%s +unreachable=0 +failed=0'

step "ansible: first run"
run_ansible "$tmp/ansible/run1.out"
# shellcheck disable=SC2059
grep -Eq "$(printf "$recap_re" '[1-9][0-9]*')" "$tmp/ansible/run1.out" || fail "first run: no change or a failure"
cp "$keys/admin.key" "$tmp/ansible/admin.key.1"
cp "$keys/ci.key" "$tmp/ansible/ci.key.1"

step "ansible: second run (must report changed=0)"
run_ansible "$tmp/ansible/run2.out"
# shellcheck disable=SC2059
grep -Eq "$(printf "$recap_re" 0)" "$tmp/ansible/run2.out" || fail "second run: changed is not 0, or a failure"
cmp -s "$keys/admin.key" "$tmp/ansible/admin.key.1" || fail "second run replaced admin.key"
cmp -s "$keys/ci.key" "$tmp/ansible/ci.key.1" || fail "second run replaced ci.key"

check_keys "$keys"
check_no_leak "$keys" "$tmp/ansible/run1.out" "$tmp/ansible/run2.out" "$server_log"
stop_server

echo "examples-test: all passed"
