#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests
# need (a redis-server binary), then runs every test. Tests start their own
# servers on free loopback ports and touch no data they did not create.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
  # The package may start a system Redis on 6379; the tests never use it.
fi

cargo test --all-targets --locked "$@"
