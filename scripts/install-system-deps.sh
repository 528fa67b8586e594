#!/usr/bin/env bash
# The Debian packages the test suite needs, installed only when missing:
#   chromium          real-browser tests (vitest browser mode, Storybook story tests) through
#                     playwright with executablePath /usr/bin/chromium; we never download a browser
#   fonts-liberation  a known font, so text metrics (ellipsis, layout) match across machines
#   redis-server and the python3-* Django Channels stack
#                     the real reference backends (run them with /usr/bin/python3)
# Quiet and idempotent when everything is there. Installs with apt-get when run as root;
# otherwise (or if apt fails) exits non-zero naming what is missing and the command to run.
set -euo pipefail

packages=(
  chromium
  fonts-liberation
  redis-server
  python3-django
  python3-django-channels
  python3-daphne
  python3-channels-redis
  python3-djangorestframework
  python3-djangorestframework-simplejwt
  python3-jwt
)

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

missing() {
  local out=()
  for pkg in "${packages[@]}"; do
    is_installed "$pkg" || out+=("$pkg")
  done
  # dpkg may say chromium is installed while the binary the tests launch is gone.
  if [[ ! -x /usr/bin/chromium ]] && [[ " ${out[*]} " != *" chromium "* ]]; then
    out+=(chromium)
  fi
  echo "${out[@]}"
}

read -r -a todo <<<"$(missing)"
if [[ ${#todo[@]} -eq 0 ]]; then
  exit 0
fi

install_cmd="apt-get update && apt-get install -y --no-install-recommends ${todo[*]}"

fail() {
  echo "install-system-deps: missing Debian packages: ${todo[*]}" >&2
  echo "install-system-deps: $1" >&2
  echo "install-system-deps: run as root:  $install_cmd" >&2
  exit 1
}

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  fail "this script needs a Debian/Ubuntu system (dpkg and apt-get)."
fi
if [[ $(id -u) -ne 0 ]]; then
  fail "not running as root, so nothing was installed."
fi

echo "install-system-deps: installing ${todo[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${todo[@]}"; } >&2; then
  fail "apt-get failed (see above)."
fi

read -r -a todo <<<"$(missing)"
if [[ ${#todo[@]} -ne 0 ]]; then
  fail "still missing after apt-get install."
fi
echo "install-system-deps: done" >&2
