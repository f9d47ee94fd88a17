"""One way to build the site into a folder for the exporters and benchmarks: strict, quiet,
with the given environment switches (PDF, OFFLINE, DOWNLOADS, ...)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from studysite.paths import ROOT


class BuildFailed(RuntimeError):
    pass


def build_site(dest: Path, **switches: str) -> None:
    """`mkdocs build --strict` into dest; raises BuildFailed with the end of MkDocs' output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **switches}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BuildFailed("mkdocs build failed:\n" + (result.stderr or result.stdout)[-3000:])
