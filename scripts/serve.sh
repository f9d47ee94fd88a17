#!/usr/bin/env bash
# Set up and preview the site at http://127.0.0.1:8000 (or `scripts/serve.sh build` to build into site/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup_env.sh
export NO_MKDOCS_2_WARNING=1
if [ "${1:-serve}" = "build" ]; then
  exec .venv/bin/mkdocs build --strict
fi
exec .venv/bin/mkdocs serve
