#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine. Installs what the tests need
# when missing (redis-server; Chromium, curl and jq for the browser and
# example tests; npm packages and Python tools in private folders), then
# runs: the Rust unit and integration tests (the client among them, against
# hushlink and a real SnapPass 1.6.2 from PyPI; sign-in against a real OpenID
# Provider from npm), the headless-Chromium browser
# test, the bootstrap examples (shell and Ansible) against a real server, and
# the Docker image and both compose files, built and run (tests/containers/).
# Tests start their own servers on free loopback ports and touch no data they
# did not create.
#   ./scripts/test.sh            everything
#   ./scripts/test.sh <filter>   only the Rust tests matching <filter>
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/need.sh
need_cmd redis-server
need_cmd chromium
need_cmd curl
need_cmd jq
need_cmd node nodejs npm
need_if "! python3 -c 'import venv, ensurepip'" python3 python3-venv
# The redis package may start a system Redis on 6379; the tests never use it.
install_needed

# Python tools (a real SnapPass for the client test) before the Rust tests,
# so no test waits on pip.
./scripts/python-tools.sh >/dev/null
# The OpenID Provider of the sign-in tests (panva's oidc-provider, from npm).
if [ ! -d tests/oidc/node_modules/oidc-provider ]; then
  (cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error)
fi

cargo test --all-targets --locked "$@"
if [ $# -gt 0 ]; then
  exit 0 # a filtered run: the Rust tests only
fi

# The binary the integration tests just used.
BIN="${CARGO_TARGET_DIR:-$PWD/target}/debug/hushlink"

echo "--- zero-knowledge format vectors through the page's module (Node WebCrypto)"
timeout 600 node --test tests/js/

echo "--- browser test (headless Chromium)"
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
# Chromium needs minutes on a small shared machine (about 10 s a navigation
# on the 2-core CI box); the bound only stops a hang.
HUSHLINK_BIN="$BIN" timeout 1800 node --test --test-timeout=1500000 tests/browser/

echo "--- bootstrap examples (shell, Ansible) against a real server"
# Ansible takes 10 to 15 minutes a run on the 2-core CI box; the bound only
# stops a hang.
timeout 2700 bash scripts/examples-test.sh "$BIN"

echo "--- containers: the Dockerfile and both compose files, built and run"
# Starts dockerd when none answers. About 5 minutes cold (the image's
# release build is most of it), 2 minutes with the build cache; the bound
# only stops a hang.
timeout 2400 bash tests/containers/run.sh

echo "all tests passed"
