"""Render contributor Markdown (quiz and data text) to HTML that cannot run script.

Markdown is rendered first, then every tag and attribute outside a small
allowlist is dropped or shown as text, so `<script>`, `onclick=` and
`javascript:` links arrive inert however they are written.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
from bs4 import BeautifulSoup, NavigableString
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


@lru_cache(maxsize=8192)
def render(text: str, inline: bool = False) -> Markup:
    html = _md.reset().convert(text or "")
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    # Without raw HTML or links the output holds only tags Markdown itself made, all safe.
    needs_check = "<" in text or "[" in text or "&" in text
    return Markup(_sanitise(html) if needs_check else html)
