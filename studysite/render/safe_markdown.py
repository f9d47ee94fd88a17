"""Render contributor Markdown (quiz and data text) to HTML that cannot run script.

Markdown is rendered first, then every tag and attribute outside a small
allowlist is dropped or shown as text, so `<script>`, `onclick=` and
`javascript:` links arrive inert however they are written.
"""

from __future__ import annotations

import re

import markdown
from markupsafe import Markup

ALLOWED_TAGS = {
    "p",
    "em",
    "strong",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "a",
    "br",
    "del",
    "sub",
    "sup",
    "kbd",
    "span",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
}
ALLOWED_ATTRS = {"a": {"href", "title"}, "code": {"class"}, "span": {"class"}, "th": {"align"}, "td": {"align"}}
SAFE_URL_RE = re.compile(r"^(https?://|mailto:|#|\.{0,2}/|[A-Za-z0-9_][A-Za-z0-9_./-]*(#[A-Za-z0-9_-]*)?$)", re.I)
EXTENSIONS = ["sane_lists", "tables", "pymdownx.tilde"]


def _sanitise(html: str) -> str:
    from bs4 import BeautifulSoup, NavigableString  # here: most builds sanitise one fragment, and bs4 costs 0.07 s to import

    soup = BeautifulSoup(html, "html.parser")
    for tag in list(soup.find_all(True)):
        if tag.name not in ALLOWED_TAGS:
            # Show the markup as text instead of running or hiding it.
            tag.replace_with(NavigableString(str(tag)))
            continue
        allowed = ALLOWED_ATTRS.get(tag.name, set())
        for attr in list(tag.attrs):
            if attr not in allowed:
                del tag[attr]
        href = tag.get("href")
        if href is not None:
            compact = re.sub(r"[\s\x00-\x1f]", "", href)
            if not SAFE_URL_RE.match(compact) or compact.lower().startswith(("javascript:", "data:", "vbscript:")):
                del tag["href"]
            elif compact.startswith("http"):
                tag["rel"] = "noopener noreferrer"
    return str(soup)


_md = markdown.Markdown(extensions=EXTENSIONS)
_cache: dict[tuple[str, bool], Markup] = {}
# Fragments rendered together are split on this; it cannot come out of Markdown otherwise.
SPLIT = "<!--saa-fragment-->"


def _finish(text: str, html: str, inline: bool) -> Markup:
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    # Without raw HTML or links the output holds only tags Markdown itself made, all safe.
    needs_check = "<" in text or "[" in text or "&" in text
    return Markup(_sanitise(html) if needs_check else html)


# Text with none of these is one paragraph of itself in Python-Markdown (no emphasis, code,
# links, HTML, entities, escapes, lists, headings, tables or breaks): 88% of the bank's
# fragments. tests/test_quiz_render.py checks the shortcut against Python-Markdown on all.
MARKUP_RE = re.compile(r"[`*_\[\]<>&\\#|~\n]|^[\s+=>\d-]|\s$|  ")


def _is_plain(text: str) -> bool:
    return bool(text) and not MARKUP_RE.search(text)


def _convert(text: str) -> str:
    return f"<p>{text}</p>" if _is_plain(text) else _md.reset().convert(text)


def render(text: str, inline: bool = False) -> Markup:
    key = (text or "", inline)
    if key not in _cache:
        _cache[key] = _finish(key[0], _convert(key[0]), inline)
    return _cache[key]


def _alone(text: str) -> bool:
    """Could this fragment reach into the next one if rendered in one document? (An open
    fence, a link reference definition or a comment could.) Those are rendered alone."""
    return "```" in text or "~~~" in text or "]:" in text or "<!--" in text


def render_many(fragments: list[tuple[str, bool]]) -> None:
    """Render fragments (text, inline) in one Markdown pass and keep them for render():
    the question bank is ~3,400 fragments, and one pass costs a fraction of 3,400."""
    todo = []
    for key in dict.fromkeys((t or "", i) for t, i in fragments):
        if key in _cache or _alone(key[0]):
            continue
        if _is_plain(key[0]):
            render(*key)
        else:
            todo.append(key)
    if not todo:
        return
    html = _md.reset().convert(f"\n\n{SPLIT}\n\n".join(text for text, _ in todo))
    parts = html.split(SPLIT)
    if len(parts) != len(todo):  # something joined two fragments after all: render one by one
        return
    for (text, inline), part in zip(todo, parts, strict=True):
        _cache[(text, inline)] = _finish(text, part.strip("\n"), inline)
