#!/usr/bin/env bash
# The reverse-proxy test (tests/deploy/test_nginx.py) runs Debian's nginx in front of
# gunicorn. Install it when missing and we are root, like ensure-chromium.sh.
set -eu
if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's nginx for the reverse-proxy test..."
  apt-get update -qq
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null
  fi
else
  echo "The reverse-proxy test needs Debian's nginx (/usr/sbin/nginx)." >&2
  echo "Install it with: sudo apt-get install nginx-light (or nginx)" >&2
  exit 1
fi
