#!/usr/bin/env bash
# Bootstraps a hushlink server and makes sure a CI API key exists.
#
#   HUSHLINK_URL=https://hushlink.example.com \
#   HUSHLINK_BOOTSTRAP_TOKEN=... \
#   STATE_DIR=./hushlink-keys \
#     examples/shell/bootstrap.sh
#
# Inputs (environment):
#   HUSHLINK_URL                  base URL of the server (required)
#   HUSHLINK_BOOTSTRAP_TOKEN      the server's bootstrap token (or
#   HUSHLINK_BOOTSTRAP_TOKEN_FILE a file holding it); only needed while the
#                                 server is not bootstrapped yet
#   STATE_DIR                     where the keys are kept (default ./hushlink-keys)
#   HEALTH_TIMEOUT                seconds to wait for the server (default 60)
#
# Results: $STATE_DIR/admin.key (the first admin key) and $STATE_DIR/ci.key
# (a key named "ci" with the `create` scope), both mode 0600.
#
# Idempotent: every step prints "changed: ..." or "unchanged: ...", and a
# second run changes nothing. No key or token is ever printed, and none is
# put on a command line: curl reads the Authorization header from a 0600
# file in a private temporary directory.
set -euo pipefail

die() { echo "bootstrap.sh: error: $*" >&2; exit 1; }

: "${HUSHLINK_URL:?set HUSHLINK_URL, e.g. http://127.0.0.1:5000}"
url="${HUSHLINK_URL%/}"
state_dir="${STATE_DIR:-./hushlink-keys}"
health_timeout="${HEALTH_TIMEOUT:-60}"
admin_name="admin"
ci_name="ci"

for tool in curl jq; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is required"
done

umask 077
mkdir -p "$state_dir"
admin_file="$state_dir/admin.key"
ci_file="$state_dir/ci.key"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
body="$work/body"
headers="$work/headers"
auth="$work/auth"

# request METHOD PATH SECRET_FILE [JSON]: prints the HTTP status ("000" when
# the server cannot be reached); the response body lands in $body. The
# secret (bootstrap token or API key) is read from SECRET_FILE, or none is
# sent when SECRET_FILE is "-".
request() {
  local method="$1" path="$2" secret_file="$3" data="${4:-}"
  local args=(-sS -o "$body" -D "$headers" -w '%{http_code}' --connect-timeout 5
              --max-time 20 -X "$method" -H 'Accept: application/json')
  : >"$auth"
  if [ "$secret_file" != "-" ]; then
    # printf is a shell builtin: the secret never appears in a process list.
    printf 'Authorization: Bearer %s\n' "$(tr -d '[:space:]' <"$secret_file")" >"$auth"
    args+=(-H "@$auth")
  fi
  if [ -n "$data" ]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$data")
  fi
  : >"$body"
  curl "${args[@]}" "$url$path" 2>"$work/curl.err" || true
  : >"$auth"
}

# A problem answer's title, safe to print (it never holds a key).
problem() {
  jq -r '[.title, .detail] | map(select(. != null)) | join(": ")' <"$body" 2>/dev/null || true
}

# save_key FILE: writes the "key" of the last answer to FILE, atomically.
save_key() {
  local dest="$1" tmp
  tmp="$(mktemp "$dest.XXXXXX")"
  if ! jq -er '.key' <"$body" >"$tmp"; then
    rm -f "$tmp"
    die "the answer holds no key"
  fi
  mv -f "$tmp" "$dest"
}

unexpected() {
  local what="$1" status="$2"
  if [ "$status" = "000" ]; then
    die "$what: cannot reach $url ($(cat "$work/curl.err"))"
  fi
  die "$what: HTTP $status $(problem)"
}

# 1. Wait for the server (bounded).
deadline=$((SECONDS + health_timeout))
while :; do
  status="$(request GET /_/_/health -)"
  [ "$status" = "200" ] && break
  if [ "$SECONDS" -ge "$deadline" ]; then
    die "server at $url not healthy after ${health_timeout}s (last status $status)"
  fi
  sleep 1
done
bootstrapped="$(jq -r '.bootstrapped' <"$body" 2>/dev/null)" || die "unexpected health answer from $url"

# 2. Bootstrap: the first admin key.
bootstrap_now=false
if [ "$bootstrapped" = "false" ]; then
  token_file="$work/token"
  if [ -n "${HUSHLINK_BOOTSTRAP_TOKEN:-}" ]; then
    printf '%s' "$HUSHLINK_BOOTSTRAP_TOKEN" >"$token_file"
  elif [ -n "${HUSHLINK_BOOTSTRAP_TOKEN_FILE:-}" ]; then
    [ -r "$HUSHLINK_BOOTSTRAP_TOKEN_FILE" ] || die "cannot read HUSHLINK_BOOTSTRAP_TOKEN_FILE"
    cat "$HUSHLINK_BOOTSTRAP_TOKEN_FILE" >"$token_file"
  else
    die "the server is not bootstrapped: set HUSHLINK_BOOTSTRAP_TOKEN"
  fi
  status="$(request POST /api/v2/bootstrap "$token_file" "$(jq -nc --arg n "$admin_name" '{name: $n}')")"
  rm -f "$token_file"
  case "$status" in
    201)
      save_key "$admin_file"
      bootstrap_now=true
      echo "changed: bootstrapped; admin key saved to $admin_file"
      ;;
    409)
      # Someone else bootstrapped between the health check and now.
      echo "unchanged: already bootstrapped"
      ;;
    401) die "bootstrap token rejected (HTTP 401)" ;;
    429)
      wait_secs="$(sed -n 's/^[Rr]etry-[Aa]fter: *\([0-9]*\).*/\1/p' "$headers")"
      die "too many failed bootstrap attempts from this address; retry in ${wait_secs:-60}s"
      ;;
    *) unexpected "bootstrap" "$status" ;;
  esac
else
  echo "unchanged: already bootstrapped"
fi

if [ "$bootstrap_now" = false ] && [ ! -s "$admin_file" ]; then
  die "the server is already bootstrapped but $admin_file is missing; put an admin key there" \
      "(on the server host: hushlink api-key create --name NAME --scope admin)"
fi

# 3. The CI key: name "ci", scope "create".
status="$(request GET "/api/v2/keys/$ci_name" "$admin_file")"
case "$status" in
  200)
    key_status="$(jq -r '.status' <"$body")"
    if [ "$key_status" != "active" ]; then
      echo "bootstrap.sh: warning: API key $ci_name is $key_status on the server" >&2
    fi
    if [ -s "$ci_file" ]; then
      echo "unchanged: API key $ci_name exists; saved in $ci_file"
    else
      # It exists but we have no copy of it: only a rotation yields a key.
      status="$(request POST "/api/v2/keys/$ci_name/rotate" "$admin_file")"
      [ "$status" = "200" ] || unexpected "rotate API key $ci_name" "$status"
      save_key "$ci_file"
      echo "changed: rotated API key $ci_name (no local copy); saved to $ci_file"
    fi
    ;;
  404)
    data="$(jq -nc --arg n "$ci_name" \
      '{name: $n, scopes: ["create"], description: "CI: creates secrets (made by bootstrap.sh)"}')"
    status="$(request POST /api/v2/keys "$admin_file" "$data")"
    case "$status" in
      201)
        save_key "$ci_file"
        echo "changed: created API key $ci_name; saved to $ci_file"
        ;;
      409)
        # Made by someone else since our look-up: take it over by rotating.
        status="$(request POST "/api/v2/keys/$ci_name/rotate" "$admin_file")"
        [ "$status" = "200" ] || unexpected "rotate API key $ci_name" "$status"
        save_key "$ci_file"
        echo "changed: rotated API key $ci_name (no local copy); saved to $ci_file"
        ;;
      *) unexpected "create API key $ci_name" "$status" ;;
    esac
    ;;
  401) die "the admin key in $admin_file is not accepted (HTTP 401: wrong server, rotated, disabled or expired?)" ;;
  403) die "the key in $admin_file lacks the admin scope (HTTP 403)" ;;
  *) unexpected "look up API key $ci_name" "$status" ;;
esac
