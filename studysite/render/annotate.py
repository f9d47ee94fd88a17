"""Place data-driven blocks under the section they belong to, without editing the notes:
Correction boxes and inline calculators are inserted right after their heading."""

from __future__ import annotations

from studysite.markdown.lines import classify, heading
from studysite.model.page_anchors import HEADING_ID_RE


def insert_after_headings(markdown: str, blocks: dict[str, list[str]]) -> str:
    """blocks: {anchor: [markdown, ...]} inserted after the heading with that {#anchor}."""
    if not blocks:
        return markdown
    lines = markdown.split("\n")
    out: list[str] = []
    for ln in classify(lines):
        out.append(ln.text)
        h = heading(ln)
        if h and (m := HEADING_ID_RE.search(h[1])) and m.group("id") in blocks:
            for block in blocks[m.group("id")]:
                out += ["", block, ""]
    return "\n".join(out)
