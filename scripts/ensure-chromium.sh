#!/usr/bin/env bash
# Browser tests drive Debian's Chromium. Install it when missing and we are root.
set -eu
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
else
  echo "The browser tests need Debian's Chromium at /usr/bin/chromium." >&2
  echo "Install it with: sudo apt-get install chromium" >&2
  exit 1
fi
