"""Time the full site build against rendering the same pages with Python-Markdown alone.

    python -m benchmarks.build [--runs 3]

The target (issue #17) compares whole processes, best of N, run here alternately:
a cold `mkdocs build` (new process: imports, data, diagrams from their cache, every page,
search index) against a new process that imports Python-Markdown with the extensions of
mkdocs.yml and renders the same pages. "The same pages" are the pages as Python-Markdown
receives them in the build, after macros have expanded the quizzes and tables, so the
ratio is the cost of MkDocs, Material, macros, hooks and search. The warm in-process build
and the render of the unexpanded sources are reported too.
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown
from mkdocs.plugins import BasePlugin, event_priority

from studysite.markdown.html_blocks import expand
from studysite.paths import ROOT

TARGET_RATIO = 2.5


def _extensions() -> tuple[list, dict]:
    """The Markdown extensions exactly as MkDocs configures them from mkdocs.yml."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return config["markdown_extensions"], config["mdx_configs"]


class _Capture(BasePlugin):
    """Keeps each page's Markdown as the build renders it: after macros and hooks, with what the
    page inserts add (studysite/markdown/page_inserts.py), and every HTML block inline."""

    def __init__(self):
        self.pages: dict[str, str] = {}

    @event_priority(-1000)
    def on_page_markdown(self, markdown, page, config, files):
        from studysite.render import site as site_model

        ctx = site_model.PageContext(
            page=Path(page.file.src_uri).stem,
            url=page.file.url,
            link_base=page.file.url,
            repo_url=config["repo_url"],
            directory_urls=config["use_directory_urls"],
            downloads=False,
        )
        full = site_model.add_to_page(site_model.load(config["docs_dir"]), ctx, markdown)
        self.pages[page.file.src_uri] = expand(full)  # HTML inline, not as tokens
        return markdown


def site_build(capture: _Capture | None = None) -> float:
    """Warm, in-process: config load, plugins and the whole build."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=out)
        if capture is not None:
            config.plugins["benchmark-capture"] = capture
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        config.plugins.on_shutdown()
        return time.perf_counter() - start


def bare_render(pages: dict[str, str]) -> float:
    names, configs = _extensions()
    start = time.perf_counter()
    for text in pages.values():
        markdown.Markdown(extensions=names, extension_configs=configs).convert(text)
    return time.perf_counter() - start


BARE_PROCESS = """
import pickle, sys, markdown
names, configs, pages = pickle.load(open(sys.argv[1], "rb"))
for text in pages:
    markdown.Markdown(extensions=names, extension_configs=configs).convert(text)
"""


def bare_process(pages: dict[str, str]) -> float:
    """A new Python that imports Python-Markdown and the extensions and renders the pages."""
    names, configs = _extensions()
    with tempfile.TemporaryDirectory() as tmp:
        job = Path(tmp) / "pages.pickle"
        job.write_bytes(pickle.dumps((names, configs, list(pages.values()))))
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", BARE_PROCESS, str(job)], check=True)
        return time.perf_counter() - start


def cold_build() -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", out],
            cwd=ROOT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            check=True,
        )
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    capture = _Capture()
    site_build(capture)  # warm up, and capture the expanded pages
    sources = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))}
    bare = min(bare_render(capture.pages) for _ in range(args.runs))
    bare_sources = min(bare_render(sources) for _ in range(args.runs))
    build = min(site_build() for _ in range(args.runs))
    # Interleaved, so a machine whose speed drifts (a shared VM) slows both sides alike.
    pairs = [(bare_process(capture.pages), cold_build()) for _ in range(args.runs)]
    bare_proc, cold = min(b for b, _ in pairs), min(c for _, c in pairs)
    ratio = cold / bare_proc
    mb = sum(map(len, capture.pages.values())) / 1e6
    print(f"pages: {len(sources)}, {mb:.1f} MB of Markdown after macros ({sum(map(len, sources.values())) / 1e6:.1f} MB before)")
    print(f"whole processes, best of {args.runs}:")
    print(f"  bare Python-Markdown render, new process: {bare_proc:.2f} s")
    print(f"  cold `mkdocs build`, new process:         {cold:.2f} s")
    print(f"in this process, warm, best of {args.runs}:")
    print(f"  bare render of the expanded pages:        {bare:.2f} s  (of the sources before macros: {bare_sources:.2f} s)")
    print(f"  full mkdocs build:                        {build:.2f} s  ({build / bare:.2f}x the bare render)")
    print(f"ratio, cold build to bare process: {ratio:.2f}x (target under {TARGET_RATIO}x) -> {'OK' if ratio < TARGET_RATIO else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
