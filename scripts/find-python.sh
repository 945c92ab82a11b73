#!/usr/bin/env bash
# Print the path of a Python 3.12+ interpreter, or explain what to install.
# Looks at PYTHON (if set), python3.12+ on PATH and in pyenv, then python3.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
# Prefer 3.12 (what the lock file is tested with), then newer ones.
root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for minor in 12 13 14; do
  p=$(command -v "python3.$minor" 2>/dev/null) && candidates+=("$p")
  for p in $(ls -d "$root"/versions/3.$minor*/bin/python3 2>/dev/null | sort -rV); do candidates+=("$p"); done
done
p=$(command -v python3 2>/dev/null) && candidates+=("$p")
for p in "${candidates[@]}"; do
  if ok "$p"; then echo "$p"; exit 0; fi
done
echo "No Python 3.12 or newer found. Django 6.1 needs Python 3.12+." >&2
echo "Install one (for example 'pyenv install 3.12' or 'apt-get install python3.12'), or run: make PYTHON=/path/to/python3.12 ..." >&2
exit 1
