#!/usr/bin/env bash
# The Firefox browser tests drive Debian's Firefox ESR (puppeteer-core never downloads a browser).
# On a fresh machine, install it from Debian's packages; everywhere else this does nothing.
set -euo pipefail
firefox_bin=${POLICY_LENS_FIREFOX:-/usr/bin/firefox-esr}
[ -x "$firefox_bin" ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Firefox ESR is missing: install Debian's package (sudo apt-get install -y firefox-esr)," >&2
  echo "or point POLICY_LENS_FIREFOX at a Firefox binary." >&2
  exit 1
fi
echo "Installing Debian's Firefox ESR (first run on this machine) …" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null
