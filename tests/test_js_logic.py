"""The pure JavaScript logic (draw, scoring, stored-state migration, import and merge,
calculator number handling) runs under `node --test`, against the bank this build writes."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from conftest import ROOT


def test_node_suite_passes_on_the_built_bank(built_site):
    node = shutil.which("node")
    if not node:
        pytest.fail("node is not installed; install Node.js 20 (Debian: apt-get install nodejs)")
    env = {**os.environ, "SAA_BANK_DIR": str(built_site / "assets" / "bank")}
    run = subprocess.run([node, "--test", str(ROOT / "tests" / "js")], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout and "# pass 0" not in run.stdout


def test_the_vendored_scheduler_is_the_pinned_package():
    """docs/javascripts/vendor/ts-fsrs.umd.js is ts-fsrs's own UMD build, as package-lock.json pins it."""
    import json

    lock = json.loads((ROOT / "package-lock.json").read_text())
    pinned = lock["packages"]["node_modules/ts-fsrs"]
    installed = ROOT / "node_modules" / "ts-fsrs" / "dist" / "index.umd.js"
    assert (ROOT / "docs" / "javascripts" / "vendor" / "ts-fsrs.umd.js").read_bytes() == installed.read_bytes()
    assert json.loads((ROOT / "node_modules" / "ts-fsrs" / "package.json").read_text())["version"] == pinned["version"]
    assert json.loads((ROOT / "package.json").read_text())["dependencies"]["ts-fsrs"] == pinned["version"]
