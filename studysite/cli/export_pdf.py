"""Export the whole study guide as one PDF book.

    python -m studysite export-pdf [--out site/pdf/saa-c03-study-guide.pdf]

Builds the site with mkdocs-print-site-plugin's combined page (PDF=true) and rearranges it into a
book (studysite/book/assemble.py): cover, contents, the chapters, the answer keys, appendices.
Headless Chromium (Debian's `chromium`, driven by Playwright) prints it twice: the first print
shows where every contents entry landed, the second prints those page numbers, and the export
checks that they still hold. pikepdf then writes the outline from the same tree and packs the
tagged file. The PDF is written to a temporary file and moved into place only when complete, so
a failed run never leaves a partial or empty file.
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
from studysite.book.assemble import PAGE_REF, Book, BookError, OnlinePage, assemble
from studysite.book.pdf import destinations, finish
from studysite.cli.site_build import BuildFailed, build_site
from studysite.model.chapters import load_chapters
from studysite.model.validation import DataError
from studysite.paths import ROOT
from studysite.render.chapters import read_page

DEFAULT_OUT = ROOT / "site" / "pdf" / "saa-c03-study-guide.pdf"


class ExportError(Exception):
    pass


PASSES = 3  # prints before giving up on page numbers that keep moving
FILL_PAGES = """([selector, pages]) => {
  for (const ref of document.querySelectorAll(selector)) ref.textContent = String(pages[ref.dataset.for]);
}"""


def build_book(site: Path) -> tuple[Book, str]:
    """Build the print page, rearrange it into the book, and write the book over it. Returns the
    book and its title (print-site's print_page_title in mkdocs.yml)."""
    from mkdocs.config import load_config

    today = dt.date.today().isoformat()
    try:
        build_site(site, PDF="true", DOWNLOADS="false", BUILD_DATE=today)
    except BuildFailed as exc:
        raise ExportError(str(exc)) from None
    config = load_config(str(ROOT / "mkdocs.yml"))
    site_url = config["site_url"]
    online = []
    for name in config["plugins"]["print-site"].config["exclude"]:
        meta, _ = read_page(ROOT / "docs" / name)
        stem = Path(name).stem
        online.append(OnlinePage(stem, f"{site_url}{stem}/", meta["title"], meta["description"]))
    meta = {
        "site_name": config["site_name"],
        "site_description": config["site_description"],
        "site_url": site_url,
        "repo_url": config["repo_url"],
        "build_date": today,
    }
    page = site / "print_page" / "index.html"
    try:
        book = assemble(page.read_text(encoding="utf-8"), load_chapters(), online, meta)
    except (BookError, DataError) as exc:
        raise ExportError(str(exc)) from None
    page.write_text(book.html, encoding="utf-8")
    return book, config["plugins"]["print-site"].config["print_page_title"]


def print_book(site: Path, book: Book, out: Path, chromium: str, title: str, tagged: bool = True) -> None:
    """Print until the contents' page numbers are where their entries landed, then finish."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    wanted = [e.target for e in book.walk()]
    with browser.serve(site) as base, sync_playwright() as pw:
        try:
            chrome = pw.chromium.launch(executable_path=chromium, args=browser.CHROMIUM_ARGS)
        except PlaywrightError as exc:
            raise ExportError(f"Chromium at {chromium} would not start: {str(exc).splitlines()[0]}") from None
        page = chrome.new_page()
        page.goto(f"{base}/print_page/", wait_until="networkidle")
        page.emulate_media(media="print")
        printed = out.with_suffix(".printed.pdf")
        filled: dict[str, int] = {}
        for _ in range(PASSES):
            # margins and page numbers come from docs/stylesheets/print.css
            page.pdf(path=str(printed), format="A4", print_background=True, prefer_css_page_size=True, tagged=tagged)
            landed = destinations(printed)
            missing = [t for t in wanted if t not in landed]
            if missing:
                raise ExportError(f"Chromium wrote no destination for {len(missing)} contents entries, e.g. #{missing[0]}")
            if filled and all(landed[t] == filled[t] for t in filled):
                break
            filled = {t: landed[t] for t in page.eval_on_selector_all(f"span.{PAGE_REF}", "refs => refs.map(r => r.dataset.for)")}
            page.evaluate(FILL_PAGES, [f"span.{PAGE_REF}", filled])
        else:
            raise ExportError(f"the contents' page numbers still moved after {PASSES} prints")
        chrome.close()
    finish(printed, out, book.entries, title)
    printed.unlink()


def export(out: Path, tagged: bool = True) -> tuple[float, int]:
    chromium = browser.find_chromium()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="saa-pdf-") as tmp:
        site = Path(tmp) / "site"
        book, title = build_book(site)
        partial = Path(tmp) / "guide.pdf"
        print_book(site, book, partial, chromium, title, tagged)
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
