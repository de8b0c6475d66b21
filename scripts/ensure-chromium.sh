#!/usr/bin/env bash
# The demo and the browser tests drive Debian's Chromium (playwright-core never downloads a browser here).
# On a fresh machine, install it from Debian's packages; everywhere else this does nothing.
set -euo pipefail
chromium_bin=${POLICY_LENS_CHROMIUM:-/usr/lib/chromium/chromium}
[ -x "$chromium_bin" ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: install Debian's package (sudo apt-get install -y chromium)," >&2
  echo "or point POLICY_LENS_CHROMIUM at a Chromium binary." >&2
  exit 1
fi
echo "Installing Debian's Chromium (first run on this machine) …" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
