"""Which `page#anchor` targets exist in the notes, read from the heading ids the importer wrote into docs/ (heading_slugs makes them)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from studysite.markdown.lines import classify, heading
from studysite.model.stamps import pages_stamp

HEADING_ID_RE = re.compile(r"\{#(?P<id>[A-Za-z0-9_-]+)\}\s*$")
REF_RE = re.compile(r"^(?P<page>[0-9]{2}-[a-z0-9-]+)#(?P<anchor>[A-Za-z0-9_-]+)$")


def anchors(docs_dir: str) -> dict[str, dict[str, str]]:
    """{page: {anchor: heading title}} for every Markdown page in docs_dir."""
    return _anchors(str(docs_dir), pages_stamp(docs_dir))


@lru_cache(maxsize=8)
def _anchors(docs_dir: str, _stamp: tuple) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for path in sorted(Path(docs_dir).glob("*.md")):
        page = found.setdefault(path.stem, {})
        for ln in classify(path.read_text(encoding="utf-8").split("\n")):
            h = heading(ln)
            if h and (m := HEADING_ID_RE.search(h[1])):
                page[m.group("id")] = HEADING_ID_RE.sub("", h[1]).strip()
    return found


def check_ref(ref: str, docs_dir: str | Path | dict) -> tuple[str, str] | None:
    """None if `page#anchor` resolves, else (problem, fix) naming the closest match.
    docs_dir may be anchors(docs_dir) already, for loaders that check hundreds of refs."""
    import difflib

    m = REF_RE.match(ref or "")
    if not m:
        return (
            f"'{ref}' is not a page#anchor reference",
            "write it like 05-s3#s3-replication (page file name without .md, then # and a heading id)",
        )
    pages = docs_dir if isinstance(docs_dir, dict) else anchors(docs_dir)
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


_MARKUP_RE = [
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!~|>])"), r"\1"),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\{#[^}]*\}"), ""),
    (re.compile(r"[*`]|~~|__"), ""),
    (re.compile(r"^\s*(?:>\s*)*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)?", re.M), ""),
    (re.compile(r"\s*\|\s*"), " "),
    (re.compile(r"\s+"), " "),
]


def plain(text: str) -> str:
    """Text as a reader sees it: no emphasis, code or link markup, whitespace collapsed."""
    for pattern, repl in _MARKUP_RE:
        text = pattern.sub(repl, text)
    return text.strip()


def section_text(docs_dir: str, page: str, anchor: str) -> str:
    """Plain text of a section: its heading down to the next heading of the same or a higher level."""
    path = Path(docs_dir) / f"{page}.md"
    st = path.stat()
    return _section_text(str(path), st.st_mtime_ns, anchor)


@lru_cache(maxsize=512)
def _section_text(path: str, _mtime: int, anchor: str) -> str:
    lines, spans = _sections(path, _mtime)
    if anchor not in spans:
        return ""
    start, end = spans[anchor]
    return plain("\n".join(lines[start:end]))


@lru_cache(maxsize=64)
def _sections(path: str, _mtime: int) -> tuple[list[str], dict[str, tuple[int, int]]]:
    """The page's lines, and each heading id's span of them: its heading down to the next
    heading of the same or a higher level. One pass per page, not one per section asked."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    heads = [
        (ln.number - 1, h[0], m.group("id") if (m := HEADING_ID_RE.search(h[1])) else None) for ln in classify(lines) if (h := heading(ln))
    ]
    spans: dict[str, tuple[int, int]] = {}
    for i, (start, level, anchor) in enumerate(heads):
        if anchor is None or anchor in spans:
            continue
        end = next((s for s, lv, _ in heads[i + 1 :] if lv <= level), len(lines))
        spans[anchor] = (start, end)
    return lines, spans
