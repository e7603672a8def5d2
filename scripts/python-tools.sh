#!/usr/bin/env bash
# Installs the Python tools the tests run (tests/python/requirements.txt)
# into a private venv beside the build cache, and prints its path. Runs
# before `cargo test` so no test waits on pip. A stamp of the requirements
# file makes a second run a no-op; a lock keeps two runs from racing.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${CARGO_TARGET_DIR:-$PWD/target}/python-tools"
REQS=tests/python/requirements.txt
mkdir -p "$(dirname "$VENV")"
exec 9>"$VENV.lock"
flock 9

want=$(sha256sum "$REQS" | cut -d' ' -f1)
if [ -x "$VENV/bin/gunicorn" ] && [ "$(cat "$VENV/.stamp" 2>/dev/null)" = "$want" ]; then
  echo "$VENV"
  exit 0
fi
[ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV" >&2
"$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQS" >&2
echo "$want" >"$VENV/.stamp"
echo "$VENV"
