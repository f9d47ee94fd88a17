"""Export the whole study guide as one book-like PDF.

    python -m studysite export-pdf [--out site/pdf/saa-c03-study-guide.pdf]

Builds the site with mkdocs-print-site-plugin's combined page (PDF=true), serves
it on loopback and prints it with headless Chromium (Debian's `chromium`, driven
by Playwright): A4, page numbers, a PDF outline of every chapter and section,
clickable internal links, and tags for screen readers (--untagged drops them,
which saves about a third of the size). The PDF is written to a temporary file and moved into
place only when complete, so a failed run never leaves a partial or empty file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

from studysite import browser
from studysite.cli.site_build import BuildFailed, build_site
from studysite.paths import ROOT

DEFAULT_OUT = ROOT / "site" / "pdf" / "saa-c03-study-guide.pdf"


class ExportError(Exception):
    pass


def build_print_site(dest: Path) -> None:
    try:
        build_site(dest, PDF="true", DOWNLOADS="false", BUILD_DATE=dt.date.today().isoformat())
    except BuildFailed as exc:
        raise ExportError(str(exc)) from None


def print_pdf(site: Path, out: Path, chromium: str, tagged: bool = True) -> None:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with browser.serve(site) as base, sync_playwright() as pw:
        try:
            chrome = pw.chromium.launch(executable_path=chromium, args=browser.CHROMIUM_ARGS)
        except PlaywrightError as exc:
            raise ExportError(f"Chromium at {chromium} would not start: {str(exc).splitlines()[0]}") from None
        page = chrome.new_page()
        page.goto(f"{base}/print_page/", wait_until="networkidle")
        # print-site.js builds the table of contents in the browser.
        try:
            page.wait_for_selector("#print-page-toc a", state="attached", timeout=60_000)
        except PlaywrightError:
            raise ExportError("the combined print page never built its table of contents") from None
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        page.emulate_media(media="print")
        page.pdf(
            path=str(out),
            format="A4",
            print_background=True,
            prefer_css_page_size=True,  # margins and page numbers come from docs/stylesheets/print.css
            outline=True,
            tagged=tagged,
        )
        chrome.close()


def export(out: Path, tagged: bool = True) -> tuple[float, int]:
    chromium = browser.find_chromium()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="saa-pdf-") as tmp:
        site = Path(tmp) / "site"
        build_print_site(site)
        partial = Path(tmp) / "guide.pdf"
        print_pdf(site, partial, chromium, tagged)
        if not partial.is_file() or partial.stat().st_size < 10_000:
            raise ExportError("Chromium produced no PDF or an empty one")
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(partial), str(out))
    return time.perf_counter() - start, out.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--untagged", action="store_true", help="skip the accessibility structure tree (about a third smaller)")
    args = parser.parse_args(argv)
    try:
        seconds, size = export(args.out, tagged=not args.untagged)
    except (ExportError, browser.ChromiumMissing) as exc:
        print(f"export_pdf: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"export_pdf: error: cannot write {args.out} ({exc.strerror})", file=sys.stderr)
        return 1
    print(f"export_pdf: wrote {args.out} ({size / 1_048_576:.1f} MB) in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
