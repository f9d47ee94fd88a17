"""The Nu HTML checker (vnu, pinned in package-lock.json) finds no error of ours on any page type.

Two errors come from Material's base.html, outside any block an override can replace: its two
hidden toggles carry autocomplete="off" on a checkbox, on purpose (browsers must not restore
them). They are the only ones allowed."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import ROOT

from benchmarks.pages import PAGES

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
THEME = ('data-md-toggle="drawer"', 'data-md-toggle="search"')


def test_no_html_errors_of_ours(built_site):
    java = shutil.which("java")
    if not java or not VNU.exists():
        pytest.fail("the Nu HTML checker needs Java (apt-get install default-jre-headless) and `npm ci` (vnu-jar)")
    files = [str(built_site / path / "index.html") for path in PAGES.values()]
    run = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *files], capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr)["messages"]
    ours = [
        m for m in messages if not (m["message"].startswith("Attribute “autocomplete”") and any(t in m.get("extract", "") for t in THEME))
    ]
    assert ours == [], json.dumps(ours[:10], indent=1, ensure_ascii=False)
    assert len(messages) - len(ours) <= 2 * len(files), "only the two theme toggles per page may be reported"
