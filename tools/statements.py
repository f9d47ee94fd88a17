"""Find the one line of a section that states a fact, so its correction can stand beside it.

Shared by the data loaders (which fail the build with file, line and fix when a quote is
missing or ambiguous) and the renderer that marks the line (macros/inline_fixes.py)."""

from __future__ import annotations

from pathlib import Path

from tools.markdown_lines import classify, heading
from tools.site_anchors import HEADING_ID_RE, plain


def page_text(docs_dir: str, page: str) -> str:
    return (Path(docs_dir) / f"{page}.md").read_text(encoding="utf-8")


def statement_lines(markdown: str, anchor: str, quote: str) -> list[int]:
    """0-based indices of the body lines of section `anchor` whose text, as a reader sees it,
    contains `quote`. Headings and code never count."""
    want = plain(quote)
    found: list[int] = []
    level = None
    for i, ln in enumerate(classify(markdown.split("\n"))):
        h = heading(ln)
        if h:
            if level is not None and h[0] <= level:
                break
            if level is None and (m := HEADING_ID_RE.search(h[1])) and m.group("id") == anchor:
                level = h[0]
            continue
        if level is not None and not ln.in_code and want and want in plain(ln.text):
            found.append(i)
    return found


def locate_problem(markdown: str, anchor: str, quote: str) -> tuple[str, str] | None:
    """None when the quote stands on exactly one line of the section, else (problem, fix)."""
    hits = statement_lines(markdown, anchor, quote)
    if len(hits) == 1:
        return None
    if not hits:
        return (
            f"the quote is not on any one line of section #{anchor}",
            "copy 5-25 words from a single line of that section, exactly as the page shows them",
        )
    return (
        f"the quote is on {len(hits)} lines of section #{anchor} (lines {', '.join(str(i + 1) for i in hits)} of the page)",
        "quote more words, so that only the line you mean matches",
    )
