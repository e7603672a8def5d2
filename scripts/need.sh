# Sourced by the scripts that set up a fresh machine (the test command, the
# examples and container tests, the benchmarks): one way to install what is
# missing from Debian's packages, so each script only lists what it needs.
#
#   source scripts/need.sh
#   need_cmd jq                  # package named like the command
#   need_cmd redis-cli redis-tools
#   need_if '! python3 -c "import venv, ensurepip"' python3-venv
#   install_needed               # one apt-get run for everything listed
#
# Nothing is installed when everything is there; apt-get runs as root, or
# through sudo for a user.

NEED_APT=()

# need_cmd COMMAND [PACKAGE...]: the packages (default: COMMAND) when
# COMMAND is not on the PATH.
need_cmd() {
  local cmd=$1; shift
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [ $# -eq 0 ]; then NEED_APT+=("$cmd"); else NEED_APT+=("$@"); fi
}

# need_if CONDITION PACKAGE...: the packages when the shell CONDITION holds.
need_if() {
  local condition=$1; shift
  if eval "$condition" >/dev/null 2>&1; then NEED_APT+=("$@"); fi
}

# install_needed: installs every package listed so far, once.
install_needed() {
  [ ${#NEED_APT[@]} -gt 0 ] || return 0
  echo "installing: ${NEED_APT[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${NEED_APT[@]}" >/dev/null
  NEED_APT=()
}
