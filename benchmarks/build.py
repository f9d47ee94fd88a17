"""Time the full site build against rendering the same pages with Python-Markdown alone.

    python -m benchmarks.build [--runs 3]

Both are measured in this one process, warm and best of N, so the ratio is
comparable across machines. "The same pages" are the pages as Python-Markdown
receives them in the build, after macros have expanded the quizzes and tables,
rendered with the same extensions as mkdocs.yml; so the ratio is the cost of
MkDocs, Material, macros, hooks and search. A cold `mkdocs build` (new process,
imports included) and the render of the unexpanded sources are reported too.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

import markdown
from mkdocs.plugins import BasePlugin, event_priority

from studysite.paths import ROOT

TARGET_RATIO = 2.5


def _extensions() -> tuple[list, dict]:
    """The Markdown extensions exactly as MkDocs configures them from mkdocs.yml."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return config["markdown_extensions"], config["mdx_configs"]


class _Capture(BasePlugin):
    """Keeps each page's Markdown as Python-Markdown will see it: after macros and hooks."""

    def __init__(self):
        self.pages: dict[str, str] = {}

    @event_priority(-1000)
    def on_page_markdown(self, markdown, page, config, files):
        self.pages[page.file.src_uri] = markdown
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
    cold = min(cold_build() for _ in range(args.runs))
    ratio = build / bare
    print(f"pages: {len(list((ROOT / 'docs').glob('*.md')))}")
    print(
        f"bare Python-Markdown render of the expanded pages: {bare:.2f} s (best of {args.runs}; {sum(map(len, capture.pages.values())) / 1e6:.1f} MB of Markdown)"
    )
    print(f"  (of the docs/*.md sources before macros: {bare_sources:.2f} s, {sum(map(len, sources.values())) / 1e6:.1f} MB)")
    print(f"full mkdocs build:           {build:.2f} s (best of {args.runs}, warm, in process)")
    print(f"cold `mkdocs build`:         {cold:.2f} s (best of {args.runs}, new process with imports)")
    print(f"ratio: {ratio:.2f}x (target under {TARGET_RATIO}x) -> {'OK' if ratio < TARGET_RATIO else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
