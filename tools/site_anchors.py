"""Which `page#anchor` targets exist in the notes, read from the heading ids in docs/."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from tools.markdown_lines import classify, heading

HEADING_ID_RE = re.compile(r"\{#(?P<id>[A-Za-z0-9_-]+)\}\s*$")
REF_RE = re.compile(r"^(?P<page>[0-9]{2}-[a-z0-9-]+)#(?P<anchor>[A-Za-z0-9_-]+)$")


@lru_cache(maxsize=8)
def anchors(docs_dir: str) -> dict[str, dict[str, str]]:
    """{page: {anchor: heading title}} for every Markdown page in docs_dir."""
    found: dict[str, dict[str, str]] = {}
    for path in sorted(Path(docs_dir).glob("*.md")):
        page = found.setdefault(path.stem, {})
        for ln in classify(path.read_text(encoding="utf-8").split("\n")):
            h = heading(ln)
            if h and (m := HEADING_ID_RE.search(h[1])):
                page[m.group("id")] = HEADING_ID_RE.sub("", h[1]).strip()
    return found


def check_ref(ref: str, docs_dir: str) -> tuple[str, str] | None:
    """None if `page#anchor` resolves, else (problem, fix) naming the closest match."""
    import difflib

    m = REF_RE.match(ref or "")
    if not m:
        return (
            f"'{ref}' is not a page#anchor reference",
            "write it like 05-s3#s3-replication (page file name without .md, then # and a heading id)",
        )
    pages = anchors(docs_dir)
    page, anchor = m.group("page"), m.group("anchor")
    if page not in pages:
        close = difflib.get_close_matches(page, pages, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "use a page file name from docs/ without .md"
        return f"there is no page '{page}' in docs/", hint
    if anchor not in pages[page]:
        close = difflib.get_close_matches(anchor, pages[page], n=1, cutoff=0.5)
        hint = f"did you mean '{page}#{close[0]}'?" if close else f"copy one of the {{#...}} ids at the end of a heading in docs/{page}.md"
        return f"page '{page}' has no heading with anchor '{anchor}'", hint
    return None
