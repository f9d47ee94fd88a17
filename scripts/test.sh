#!/usr/bin/env bash
# Set up and run the whole test suite (browser tests use Debian's chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup_env.sh
if ! { command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM:-}" ]; } || ! command -v java >/dev/null 2>&1; then
  bash scripts/install_system_deps.sh
fi
.venv/bin/ruff check .
npx --no-install eslint .
exec .venv/bin/python -m pytest -n auto --dist loadgroup "$@"
