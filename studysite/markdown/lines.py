"""Fence-aware view of Markdown lines, shared by the importer, hooks and tests.

Everything that rewrites Markdown must skip fenced code, or a `# comment`
in a shell script becomes a chapter and `{{ x }}` in YAML becomes Jinja.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Optional blockquote markers and indentation, then ``` or ~~~ (3+).
FENCE_RE = re.compile(r"^(?P<prefix>[ \t]*(?:>[ \t]?)*[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
HEADING_RE = re.compile(r"^(?P<indent>[ ]*)(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$")
LIST_RE = re.compile(r"^(?P<indent>[ ]*)(?P<marker>[-*+]|\d{1,9}[.)])(?P<gap>[ \t]+|$)")
HR_RE = re.compile(r"^[ ]*(?:-[ \t]*){3,}$|^[ ]*(?:\*[ \t]*){3,}$|^[ ]*(?:_[ \t]*){3,}$")
TABLE_RE = re.compile(r"^[ ]*\|")
QUOTE_RE = re.compile(r"^(?P<indent>[ ]*)>")
ID_ATTR_RE = re.compile(r"[ \t]*\{#[^}]*\}[ \t]*$")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, in the text it came from
    text: str
    in_code: bool  # fence delimiter lines count as code
    fence: str = ""  # "open" or "close" on a fence delimiter line

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def classify(lines: list[str]) -> list[Line]:
    """Mark each line as inside fenced code or not (CommonMark closing rules)."""
    out: list[Line] = []
    open_fence: str | None = None
    for number, text in enumerate(lines, start=1):
        m = FENCE_RE.match(text)
        if open_fence is None:
            if m and not (m.group("fence")[0] == "`" and "`" in m.group("info")):
                open_fence = m.group("fence")
                out.append(Line(number, text, True, "open"))
                continue
            out.append(Line(number, text, False))
        else:
            fence = m.group("fence") if m else ""
            closes = bool(m) and fence[0] == open_fence[0] and len(fence) >= len(open_fence) and not m.group("info").strip()
            out.append(Line(number, text, True, "close" if closes else ""))
            if closes:
                open_fence = None
    return out


def heading(line: Line) -> tuple[int, str] | None:
    """(level, text) for an ATX heading outside code, else None."""
    if line.in_code:
        return None
    m = HEADING_RE.match(line.text)
    if not m:
        return None
    return len(m.group("hashes")), m.group("text")


def heading_title(text: str) -> str:
    """Heading text as a reader sees it: no {#id}, no bold or stray asterisks."""
    text = ID_ATTR_RE.sub("", text)
    text = text.replace("*", "")
    return re.sub(r"\s+", " ", text).strip()
