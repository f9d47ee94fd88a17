"""Compare the article HTML of two builds of the site, page by page: MkDocs against Zensical.

    python -m studysite compare-builds SITE_A SITE_B [--report FILE] [--strict]

Only each page's article (Material's `.md-content__inner`) is compared: the theme around it
differs between the two engines by design. Whitespace is collapsed and trimmed, attributes are
sorted and the search engines' own build-time hints (data-search-*) are left out, so only what
a reader or a script would notice counts. Prints one line per page and, for a
differing page, the first place it differs. Exit code 0 unless --strict and a page differs or
is missing.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

ARTICLE = ".md-content__inner"
# Theme chrome inside the article, which each engine draws its own way.
CHROME = "a.md-content__button, a#__skip, aside.md-source-file, form.md-feedback, nav.md-tags"


def article(path: Path) -> list[str]:
    """The page's article as normalised lines, one tag or text run each."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    node = soup.select_one(ARTICLE)
    if node is None:
        return []
    for chrome in node.select(CHROME):
        chrome.decompose()
    for tag in node.find_all(True):
        # data-search-*: hints each engine's search consumes at build time (Zensical drops them).
        tag.attrs = {
            k: (" ".join(v) if isinstance(v, list) else v) for k, v in sorted(tag.attrs.items()) if not k.startswith("data-search-")
        }
    # Tags and text runs apart, whitespace collapsed and trimmed (a space next to a tag is not
    # compared: the engines differ there without a visible difference).
    html = re.sub(r"\s+", " ", str(node))
    return [part.strip() for part in re.split(r"(<[^>]+>)", html) if part.strip()]


def pages(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*.html") if p.name != "404.html" and "print_page" not in p.parts}


def compare(a: Path, b: Path) -> tuple[list[str], int]:
    """(report lines, number of pages that differ or are missing)."""
    lines, bad = [], 0
    only_a, only_b = sorted(pages(a) - pages(b)), sorted(pages(b) - pages(a))
    for name in sorted(pages(a) & pages(b)):
        left, right = article(a / name), article(b / name)
        if left == right:
            lines.append(f"same     {name}")
            continue
        bad += 1
        first = next((i for i, (x, y) in enumerate(zip(left, right, strict=False)) if x != y), min(len(left), len(right)))
        changed = sum(1 for op in difflib.SequenceMatcher(None, left, right, autojunk=False).get_opcodes() if op[0] != "equal")
        lines.append(f"differs  {name}: {changed} change(s); first at element {first}:")
        lines.append(f"           {a.name}: {(left[first] if first < len(left) else '(end)')[:160]}")
        lines.append(f"           {b.name}: {(right[first] if first < len(right) else '(end)')[:160]}")
    for name in only_a:
        bad += 1
        lines.append(f"missing  {name} (only in {a})")
    for name in only_b:
        lines.append(f"extra    {name} (only in {b})")
    same = sum(1 for line in lines if line.startswith("same"))
    lines.append(f"{same} of {len(pages(a))} pages have the same article HTML")
    return lines, bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_a", type=Path)
    parser.add_argument("site_b", type=Path)
    parser.add_argument("--report", type=Path, help="also write the report to this file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a page differs or is missing")
    args = parser.parse_args(argv)
    for site in (args.site_a, args.site_b):
        if not (site / "index.html").is_file():
            print(f"compare-builds: {site} is not a built site (no index.html). Fix: build it first.", file=sys.stderr)
            return 2
    lines, bad = compare(args.site_a, args.site_b)
    text = "\n".join(lines) + "\n"
    print(text, end="")
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    return 1 if args.strict and bad else 0


if __name__ == "__main__":
    sys.exit(main())
