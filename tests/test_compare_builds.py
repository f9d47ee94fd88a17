"""python -m studysite compare-builds: the MkDocs-vs-Zensical report the Zensical job prints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PAGE = '<html><body><a id="__skip"></a><div class="md-content__inner"><a class="md-content__button" href="e">edit</a>{}</div></body></html>'


def site(root: Path, pages: dict[str, str]) -> Path:
    for name, body in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(body), encoding="utf-8")
    return root


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "studysite", "compare-builds", *args], cwd=ROOT, capture_output=True, text=True)


def test_same_articles_different_chrome_and_differences_located(tmp_path: Path):
    a = site(
        tmp_path / "a",
        {"index.html": "<p data-search-exclude>Hi</p>", "x/index.html": "<h1 id='t'>T</h1><p>one</p>", "gone/index.html": "<p>g</p>"},
    )
    b = site(tmp_path / "b", {"index.html": "<p>\n  Hi</p>", "x/index.html": "<h1 id='t'>T</h1><p>two</p>"})
    result = run(str(a), str(b), "--report", str(tmp_path / "r.txt"))
    assert result.returncode == 0, "report only, unless --strict"
    lines = result.stdout.splitlines()
    assert "same     index.html" in lines, "whitespace and theme chrome do not count"
    assert any(line.startswith("differs  x/index.html") for line in lines)
    assert any(line.endswith(": one") for line in lines) and any(line.endswith(": two") for line in lines)
    assert any(line.startswith("missing  gone/index.html") for line in lines)
    assert lines[-1] == "1 of 3 pages have the same article HTML"
    assert (tmp_path / "r.txt").read_text() == result.stdout
    assert run(str(a), str(b), "--strict").returncode == 1


def test_a_folder_that_is_no_site_is_named_with_the_fix(tmp_path: Path):
    a = site(tmp_path / "a", {"index.html": "<p>Hi</p>"})
    result = run(str(a), str(tmp_path / "nothing"))
    assert result.returncode == 2
    assert "is not a built site" in result.stderr and "Fix: build it first" in result.stderr
    assert "Traceback" not in result.stderr
