"""Measure the practice exam: bank size on the wire, and time to interactive and to the first question.

    python -m benchmarks.exam [--site site] [--runs 5]

Builds nothing: run `mkdocs build` first. Serves the site on loopback and drives
Debian's Chromium with Playwright, with a fresh profile (cold cache) for each run.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
from pathlib import Path

from studysite import browser
from studysite.paths import ROOT


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    parts = sorted((args.site / "assets" / "bank").glob("*.js"))
    if not parts:
        print(f"benchmarks.exam: error: {args.site}/assets/bank/ is empty; run `mkdocs build` first", file=sys.stderr)
        return 1
    try:
        chromium = browser.find_chromium()
    except browser.ChromiumMissing as exc:
        print(f"benchmarks.exam: error: {exc}", file=sys.stderr)
        return 1
    sizes = [(len(p.read_bytes()), len(gzip.compress(p.read_bytes(), 9))) for p in parts]
    print(
        f"bank: {len(parts)} chapter files, {sum(r for r, _ in sizes) / 1024:.0f} KiB raw, {sum(g for _, g in sizes) / 1024:.0f} KiB gzipped in all;"
        f" largest {max(g for _, g in sizes) / 1024:.0f} KiB gzipped"
    )

    from playwright.sync_api import sync_playwright

    ready, first = [], []
    with browser.serve(args.site) as base, sync_playwright() as pw:
        chrome = pw.chromium.launch(executable_path=chromium, args=browser.CHROMIUM_ARGS)
        for _ in range(args.runs):
            context = chrome.new_context()
            page = context.new_page()
            page.goto(f"{base}/exam/")
            page.wait_for_selector(".saa-start")
            ready.append(page.evaluate("performance.now()"))
            page.check("#saa-size-full")
            t0 = page.evaluate("performance.now()")
            page.click(".saa-start")
            page.wait_for_selector(".saa-question")
            first.append(page.evaluate("performance.now()") - t0)
            context.close()
        chrome.close()
    print(
        f"page load to exam ready (cold): median {statistics.median(ready):.0f} ms over {args.runs} runs (min {min(ready):.0f}, max {max(ready):.0f})"
    )
    print(f"Start click to first question (65-question draw): median {statistics.median(first):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
