"""Lighthouse on every page type, as a learner's phone and desktop see them.

    python -m benchmarks.pages [--site site] [--preset mobile|desktop|both] [--pages home,exam] [--runs 1]

Builds the site (unless --site is given), serves it on loopback with gzip as GitHub Pages
does, runs Lighthouse 12.2.3 (pinned in package-lock.json; `npm ci` installs it) on
Debian's Chromium, and prints performance, accessibility, LCP, TBT, CLS and the bytes
transferred per page. With several runs it reports the median run. Targets: mobile
performance >= 90, accessibility 100, CLS <= 0.05, TBT <= 200 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from studysite import browser
from studysite.cli.site_build import BuildFailed, build_site
from studysite.paths import ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# One page of each type a learner meets.
PAGES = {
    "home": "",
    "chapter-largest": "14-serverless/",
    "chapter-small": "12-network-storage/",
    "exam": "exam/",
    "review": "review/",
    "progress": "progress/",
    "limits": "limits/",
    "calculators": "calculators/",
    "changes": "changes/",
    "diagrams": "diagrams/",
}


# Chrome keeps only the last --disable-features, so this repeats chrome-launcher's list (its
# DEFAULT_FLAGS, which Lighthouse passes first) with two changes, because on Debian's Chromium
# they held back the first paint of a cold load at random, by about 1 or 2 s (exam page, 3
# Lighthouse runs each; first paint at): the default list 1.24, 0.25 and 1.23 s; the default
# plus PaintHolding 0.23, 1.24 and 2.21 s; PaintHolding alone 0.33, 0.32 and 0.34 s.
# - PaintHolding is added: it keeps a same-origin navigation's old pixels up (Lighthouse comes
#   from about:blank); a learner arriving from a search engine or a bookmark never meets it.
# - RenderDocument is left enabled, as in the browser learners use.
DISABLED_FEATURES = ",".join(
    [
        "Translate",
        "OptimizationHints",
        "MediaRouter",
        "DialMediaRouteProvider",
        "CalculateNativeWinOcclusion",
        "InterestFeedContentSuggestions",
        "CertificateTransparencyComponentUpdater",
        "AutofillServerCommunication",
        "PrivacySandboxSettings4",
        "PaintHolding",
    ]
)


def lighthouse(url: str, preset: str, chromium: str) -> dict:
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--only-categories=performance,accessibility",
        f"--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-features={DISABLED_FEATURES}",
    ]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    run = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium}, timeout=300)
    if run.returncode:
        raise SystemExit(f"benchmarks.pages: lighthouse failed on {url}:\n{run.stderr[-2000:]}")
    report = json.loads(run.stdout)
    audits = report["audits"]
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
        "a11y_failures": sorted(
            k
            for k, a in audits.items()
            if a.get("score") == 0 and k in {r["id"] for r in report["categories"]["accessibility"]["auditRefs"]}
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    parser.add_argument("--preset", choices=["mobile", "desktop", "both"], default="both")
    parser.add_argument("--pages", default=",".join(PAGES), help=f"comma-separated, from: {', '.join(PAGES)}")
    parser.add_argument("--runs", type=int, default=1, help="runs per page and preset; the median-performance run is shown")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("benchmarks.pages: error: Lighthouse is not installed; run `npm ci` (it is pinned in package-lock.json)", file=sys.stderr)
        return 1
    if not shutil.which("node"):
        print("benchmarks.pages: error: node is not installed (Lighthouse 12.2.3 needs Node 18.20 or later)", file=sys.stderr)
        return 1
    try:
        chromium = browser.find_chromium()
    except browser.ChromiumMissing as exc:
        print(f"benchmarks.pages: error: {exc}", file=sys.stderr)
        return 1
    pages = [p for p in args.pages.split(",") if p]
    unknown = [p for p in pages if p not in PAGES]
    if unknown:
        print(f"benchmarks.pages: error: unknown page type(s) {', '.join(unknown)}; use: {', '.join(PAGES)}", file=sys.stderr)
        return 1
    presets = ["mobile", "desktop"] if args.preset == "both" else [args.preset]
    with tempfile.TemporaryDirectory(prefix="saa-bench-") as tmp:
        site = args.site or Path(tmp) / "site"
        if not args.site:
            try:
                build_site(site)
            except BuildFailed as exc:
                print(f"benchmarks.pages: error: {exc}", file=sys.stderr)
                return 1
        rows = []
        with browser.serve(site, compress=True) as base:
            for preset in presets:
                for name in pages:
                    runs = [lighthouse(f"{base}/{PAGES[name]}", preset, chromium) for _ in range(args.runs)]
                    runs.sort(key=lambda r: r["performance"])
                    rows.append(
                        {
                            "page": name,
                            "preset": preset,
                            **runs[len(runs) // 2],
                            "all_performance": [r["performance"] for r in runs],
                            "all_tbt_ms": sorted(round(r["tbt_ms"]) for r in runs),
                        }
                    )
    print(f"{'page':<16} {'preset':<8} {'perf':>4} {'a11y':>4} {'LCP ms':>7} {'TBT ms':>7} {'CLS':>6} {'KiB':>6}  a11y failures")
    for r in rows:
        print(
            f"{r['page']:<16} {r['preset']:<8} {r['performance']:>4} {r['accessibility']:>4} {r['lcp_ms']:>7.0f} {r['tbt_ms']:>7.0f} "
            f"{r['cls']:>6.3f} {r['kib']:>6.0f}  {', '.join(r['a11y_failures']) or '-'}"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    if args.runs > 1:
        print("performance per run: " + "; ".join(f"{r['page']}/{r['preset']}: {r['all_performance']}" for r in rows))
        print("TBT ms per run, sorted: " + "; ".join(f"{r['page']}/{r['preset']}: {r['all_tbt_ms']}" for r in rows))
        print(f"median of medians: {statistics.median(r['performance'] for r in rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
