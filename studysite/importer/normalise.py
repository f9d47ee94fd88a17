"""Rewrite GitHub-flavoured Markdown so Python-Markdown renders it the same way.

Each pass fixes one measured hazard of the notes and never touches fenced
code. Passes only add blank lines, change indentation, drop empty `>` lines,
strip bold markers from headings, add `{#id}` to headings and repair link
syntax, so the words of every line survive (tests/test_conservation.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from studysite.markdown.heading_slugs import AnchorBook
from studysite.markdown.lines import HEADING_RE, HR_RE, LIST_RE, QUOTE_RE, TABLE_RE, classify, heading, heading_title

NOTION_AUTOLINK_RE = re.compile(r"\[(?P<text>[^\]\s]+)\]\((?P<url>https?://(?:www\.)?[^)\s]+?)/?\)")
REF_LINK_RE = re.compile(r"\[(?P<text>[^\]]+)\]\[(?P<ref>[^\]]*)\]")
REF_DEF_RE = re.compile(r"^[ ]{0,3}\[(?P<ref>[^\]]+)\]:\s")
IMG_CASE_RE = re.compile(r"(!\[[^\]]*\]\()Img/")


@dataclass
class Stats:
    """How many times each pass changed something, for the import report."""

    image_case: int = 0
    notion_autolinks: int = 0
    broken_ref_links: int = 0
    indented_headings: int = 0
    list_reindents: int = 0
    list_blank_before: int = 0
    empty_items: int = 0
    quote_ends: int = 0
    quote_breaks: int = 0
    table_blank_before: int = 0
    table_blank_after: int = 0
    hr_blanks: int = 0
    heading_bold: int = 0
    heading_ids: int = 0
    heading_gaps: int = 0
    anchor_collisions: int = 0

    def add(self, other: Stats) -> None:
        for key, value in vars(other).items():
            setattr(self, key, getattr(self, key) + value)


def _outside_code(lines: list[str]):
    return [(i, ln) for i, ln in enumerate(classify(lines)) if not ln.in_code]


def fix_links(lines: list[str], stats: Stats) -> list[str]:
    """Image path case, Notion auto-links to bare domains, dangling [text][n] refs."""
    defined = {m.group("ref").lower() for ln in lines if (m := REF_DEF_RE.match(ln))}
    out = list(lines)
    for i, ln in _outside_code(lines):
        text = ln.text
        text, n = IMG_CASE_RE.subn(r"\1img/", text)
        stats.image_case += n

        def unlink(m: re.Match) -> str:
            bare = re.sub(r"^https?://", "", m.group("url")).rstrip("/")
            if bare.lower() == m.group("text").lower().rstrip("/"):
                stats.notion_autolinks += 1
                return m.group("text")
            return m.group(0)

        text = NOTION_AUTOLINK_RE.sub(unlink, text)

        def unref(m: re.Match) -> str:
            ref = (m.group("ref") or m.group("text")).lower()
            if ref in defined:
                return m.group(0)
            stats.broken_ref_links += 1
            return m.group("text")

        text = REF_LINK_RE.sub(unref, text)
        out[i] = text
    return out


def dedent_indented_headings(lines: list[str], stats: Stats) -> list[str]:
    """Notion nests sections inside list items; lift the heading and its section out."""
    while True:
        cls = classify(lines)
        start = next((ln for ln in cls if heading(ln) and ln.indent > 0), None)
        if start is None:
            return lines
        stats.indented_headings += 1
        depth = start.indent
        out = lines[: start.number - 1]
        ended = False
        for ln in cls[start.number - 1 :]:
            if not ended and not ln.blank and ln.indent < depth and not ln.in_code:
                ended = True
            if ended or ln.blank:
                out.append(ln.text if not ln.blank else "")
            else:
                out.append(ln.text[min(depth, ln.indent) :])
        lines = out


@dataclass
class _Item:
    indent: int  # original column of the marker
    content: int  # original column where the item's text starts


def reindent_lists(lines: list[str], stats: Stats) -> list[str]:
    """Python-Markdown nests only at 4 spaces; the notes nest at 2, 3 or 4."""
    out: list[str] = []
    stack: list[_Item] = []
    shift = 0  # applied to fenced code that belongs to a list item
    prev_blank = True
    prev_kind = "blank"
    cls = classify(lines)
    for ln in cls:
        text = ln.text
        if ln.in_code:
            if ln.fence == "open":
                shift = _content_indent(stack, ln.indent) - ln.indent if stack else 0
            out.append(_shift(text, shift))
            prev_blank, prev_kind = False, "code"
            continue
        if ln.blank:
            out.append("")
            prev_blank = True
            continue
        m = LIST_RE.match(text)
        if m and not HR_RE.match(text) and not text[m.end() :].strip():
            # An empty item: GitHub shows a bare bullet, Python-Markdown a setext heading.
            stats.empty_items += 1
            continue
        if m and not HR_RE.match(text):
            n = len(m.group("indent"))
            while stack and n < stack[-1].content:
                stack.pop()
            if not stack and not prev_blank and prev_kind == "para":
                out.append("")
                stats.list_blank_before += 1
            new = 4 * len(stack)
            gap = m.group("gap")
            stack.append(_Item(n, n + len(m.group("marker")) + len(gap.replace("\t", " ")) if gap else n + 2))
            if new != n:
                stats.list_reindents += 1
            out.append(" " * new + text[n:])
            prev_kind = "item"
        elif ln.indent == 0:
            if prev_blank or heading(ln) or HR_RE.match(text) or TABLE_RE.match(text):
                stack.clear()
            out.append(text)
            prev_kind = "heading" if heading(ln) else "quote" if QUOTE_RE.match(text) else "para"
        elif stack:
            new = _content_indent(stack, ln.indent)
            if new != ln.indent:
                stats.list_reindents += 1
            out.append(" " * new + text.lstrip(" "))
            prev_kind = "cont"
        else:
            out.append(text)
            prev_kind = "para"
        prev_blank = False
    return out


def _content_indent(stack: list[_Item], indent: int) -> int:
    """New indent for a continuation line at `indent`: inside the deepest item it falls under."""
    level = 0
    for depth, item in enumerate(stack, start=1):
        if indent > item.indent:
            level = depth
    return 4 * level


def _shift(text: str, shift: int) -> str:
    if shift >= 0:
        return " " * shift + text if text.strip() else text
    strip = min(-shift, len(text) - len(text.lstrip(" ")))
    return text[strip:]


def fix_quotes(lines: list[str], stats: Stats) -> list[str]:
    """End blockquotes where GitHub ends them.

    Python-Markdown keeps a quote open until a blank line, so a trailing bare
    `>` followed by a list swallows the list. GitHub also ends a quote at a
    list, heading, table or rule that lacks the `>` marker.
    """
    cls = classify(lines)
    out: list[str] = []
    for idx, ln in enumerate(cls):
        nxt = cls[idx + 1] if idx + 1 < len(cls) else None
        if not ln.in_code and QUOTE_RE.match(ln.text):
            bare = ln.text.strip() == ">"
            follows_unquoted = nxt is not None and not nxt.blank and not QUOTE_RE.match(nxt.text)
            if bare and (nxt is None or nxt.blank or follows_unquoted):
                out.append("")
                stats.quote_ends += 1
                continue
            out.append(ln.text)
            if follows_unquoted and not nxt.in_code and _starts_block(nxt.text):
                out.append("")
                stats.quote_breaks += 1
            continue
        if not ln.in_code and not ln.blank and out and _lazy_run_in_quote(out) and _starts_block(ln.text):
            out.append("")
            stats.quote_breaks += 1
        out.append(ln.text)
    return out


def _starts_block(text: str) -> bool:
    return bool(LIST_RE.match(text) or HEADING_RE.match(text) or TABLE_RE.match(text) or HR_RE.match(text))


def _lazy_run_in_quote(out: list[str]) -> bool:
    """True if the previous lines are a quote plus its lazy continuation lines."""
    for text in reversed(out):
        if not text.strip():
            return False
        if QUOTE_RE.match(text):
            return True
        if _starts_block(text):
            return False
    return False


def separate_blocks(lines: list[str], stats: Stats) -> list[str]:
    """Blank lines around tables and thematic breaks.

    Without them a table eats the lines after it (headings included) and a
    line followed by `---` becomes a heading by accident.
    """
    cls = classify(lines)
    out: list[str] = []
    for idx, ln in enumerate(cls):
        prev = cls[idx - 1] if idx else None
        prev_text = out[-1] if out else ""
        if not ln.in_code and not ln.blank:
            is_table = bool(TABLE_RE.match(ln.text))
            is_hr = bool(HR_RE.match(ln.text)) and not is_table
            prev_table = prev is not None and not prev.in_code and bool(TABLE_RE.match(prev.text))
            if prev_text.strip() and prev is not None and not prev.blank:
                if is_hr:
                    out.append("")
                    stats.hr_blanks += 1
                elif is_table and not prev_table:
                    out.append("")
                    stats.table_blank_before += 1
                elif prev_table and not is_table:
                    out.append("")
                    stats.table_blank_after += 1
                elif prev is not None and not prev.in_code and HR_RE.match(prev.text) and not TABLE_RE.match(prev.text):
                    out.append("")
                    stats.hr_blanks += 1
        out.append(ln.text)
    return out


def anchor_headings(lines: list[str], stats: Stats, book: AnchorBook, level_shift: int = 0) -> list[str]:
    """Strip bold markers from headings, close skipped levels (a ### right under a # becomes
    ##, for screen readers' heading lists), and give each heading a stable, unique {#id}."""
    out = list(lines)
    open_levels: list[tuple[int, int]] = []  # (level in the notes, level written) of the enclosing headings
    for i, ln in enumerate(classify(lines)):
        h = heading(ln)
        if not h:
            continue
        level, raw = h
        title = heading_title(raw)
        if title != raw.strip():
            stats.heading_bold += "*" in raw
        level = max(1, level - level_shift)
        while open_levels and open_levels[-1][0] >= level:
            open_levels.pop()
        written = min(level, open_levels[-1][1] + 1) if open_levels else level
        stats.heading_gaps += written != level
        open_levels.append((level, written))
        level = written
        anchor, collided = book.claim(title, level)
        stats.anchor_collisions += collided
        stats.heading_ids += 1
        out[i] = f"{'#' * level} {title} {{#{anchor}}}"
    return out


def normalise(lines: list[str], book: AnchorBook, level_shift: int = 0) -> tuple[list[str], Stats]:
    stats = Stats()
    lines = fix_links(lines, stats)
    lines = dedent_indented_headings(lines, stats)
    lines = reindent_lists(lines, stats)
    lines = fix_quotes(lines, stats)
    lines = separate_blocks(lines, stats)
    lines = anchor_headings(lines, stats, book, level_shift)
    return lines, stats
