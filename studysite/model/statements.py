"""Find the one line of a section that states a fact, so its correction can stand beside it.

Shared by the data loaders (which fail the build with file, line and fix when a quote is
missing or ambiguous) and the renderer that marks the line (studysite/render/inline_fixes.py)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from studysite.markdown.lines import classify, heading
from studysite.model.page_anchors import HEADING_ID_RE, plain


def page_text(docs_dir: str, page: str) -> str:
    return (Path(docs_dir) / f"{page}.md").read_text(encoding="utf-8")


@lru_cache(maxsize=64)
def _outline(markdown: str) -> tuple[tuple[int | None, str | None, str], ...]:
    """Per line: (heading level, heading id, "") for a heading, (None, None, plain text) for
    body text, (None, None, "") for code. Built once per text: every fix on a page reuses it."""
    out = []
    for ln in classify(markdown.split("\n")):
        h = heading(ln)
        if h:
            m = HEADING_ID_RE.search(h[1])
            out.append((h[0], m.group("id") if m else None, ""))
        else:
            out.append((None, None, "" if ln.in_code else plain(ln.text)))
    return tuple(out)


def statement_lines(markdown: str, anchor: str, quote: str) -> list[int]:
    """0-based indices of the body lines of section `anchor` whose text, as a reader sees it,
    contains `quote`. Headings and code never count."""
    want = plain(quote)
    found: list[int] = []
    level = None
    for i, (h_level, h_id, text) in enumerate(_outline(markdown)):
        if h_level:
            if level is not None and h_level <= level:
                break
            if level is None and h_id == anchor:
                level = h_level
            continue
        if level is not None and want and want in text:
            found.append(i)
    return found


def body_lines_with(markdown: str, text: str) -> list[int]:
    """0-based indices of the body lines (not headings, not code) whose text, as a reader sees it, contains `text`."""
    want = plain(text)
    return [i for i, (h_level, _, body) in enumerate(_outline(markdown)) if not h_level and want and want in body]


def nearest_heading(markdown: str, line: int) -> str | None:
    """The id of the last heading above `line`: where a note about that line can stand."""
    return next((h_id for h_level, h_id, _ in reversed(_outline(markdown)[:line]) if h_level and h_id), None)


def statement_line(markdown: str, anchor: str, quote: str) -> str:
    """The line that states it; call only once locate_problem() has found none."""
    return markdown.split("\n")[statement_lines(markdown, anchor, quote)[0]]


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
