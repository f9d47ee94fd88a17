"""Time the full site build against rendering the same pages with Python-Markdown alone.

    python -m tools.benchmark_build [--runs 3]

Both are measured in this one process, warm and best of N, so the ratio is
comparable across machines. The bare render uses the same Markdown extensions
as mkdocs.yml, so the ratio is the cost of MkDocs, Material, macros, hooks and
search. A cold `mkdocs build` (new process, imports included) is reported too.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown
import yaml

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 2.5


def _extensions() -> tuple[list[str], dict]:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold !!python/name tags; the benchmark only needs extension names.
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)
    names, configs = [], {}
    for item in config.get("markdown_extensions", []):
        if isinstance(item, dict):
            name, cfg = next(iter(item.items()))
            names.append(name)
            configs[name] = cfg or {}
        else:
            names.append(item)
    return names, configs


def bare_render() -> float:
    names, configs = _extensions()
    pages = sorted((ROOT / "docs").glob("*.md"))
    start = time.perf_counter()
    for page in pages:
        markdown.Markdown(extensions=names, extension_configs=configs).convert(page.read_text(encoding="utf-8"))
    return time.perf_counter() - start


def site_build() -> float:
    """Warm, in-process: config load, plugins and the whole build."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=out)
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        config.plugins.on_shutdown()
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
    bare = min(bare_render() for _ in range(args.runs))
    build = min(site_build() for _ in range(args.runs))
    cold = min(cold_build() for _ in range(args.runs))
    ratio = build / bare
    print(f"pages: {len(list((ROOT / 'docs').glob('*.md')))}")
    print(f"bare Python-Markdown render: {bare:.2f} s (best of {args.runs})")
    print(f"full mkdocs build:           {build:.2f} s (best of {args.runs}, warm, in process)")
    print(f"cold `mkdocs build`:         {cold:.2f} s (best of {args.runs}, new process with imports)")
    print(f"ratio: {ratio:.2f}x (target under {TARGET_RATIO}x) -> {'OK' if ratio < TARGET_RATIO else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
