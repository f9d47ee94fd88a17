"""Finished HTML into a page without Python-Markdown reading it again.

Macros render quizzes, tables, boxes and calculators to HTML. Written into the page as raw
HTML, it would be parsed once more by Python-Markdown (md_in_html walks every tag of it)
only to come out unchanged. Instead a macro writes `block(html)`, a token on a line of its
own, and this extension hands the HTML to Python-Markdown's own stash, which puts it back
after rendering, as it does for any raw HTML block. A token whose HTML this build did not
register fails the build. Blocks are keyed by their content, so a rebuild under `mkdocs
serve` reuses them (and rendered HTML the macros memoise keeps its tokens valid).
"""

from __future__ import annotations

import hashlib
import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

MARK = "§saa-html:"
TOKEN_RE = re.compile(r"^(?P<indent>[ \t]*)§saa-html:(?P<key>[0-9a-f]{20})§[ \t]*$", re.M)
_blocks: dict[str, str] = {}
_unsearched: set[str] = set()


class UnknownBlock(Exception):
    pass


def block(html: str, searchable: bool = True) -> str:
    """The token that stands for html in a page's Markdown; put it on a line of its own.
    searchable=False: HTML the search index leaves out (see studysite/hooks/search_skip.py)."""
    key = hashlib.sha1(html.encode("utf-8")).hexdigest()[:20]
    _blocks[key] = html
    if not searchable:
        _unsearched.add(key)
    return f"{MARK}{key}§"


def unsearched() -> dict[str, str]:
    """{key: HTML} of the blocks rendered with searchable=False."""
    return {key: _blocks[key] for key in _unsearched}


def expand(markdown: str) -> str:
    """The Markdown with each token replaced by its HTML, as if the macro had written it inline."""
    return TOKEN_RE.sub(lambda m: m.group("indent") + _blocks[m.group("key")], markdown)


class _Stash(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        for line in lines:
            m = TOKEN_RE.match(line) if MARK in line else None
            if m is None:
                out.append(line)
                continue
            if m.group("key") not in _blocks:
                raise UnknownBlock(f"{line.strip()} stands for HTML no macro rendered in this process; only macros write these tokens")
            out += ["", m.group("indent") + self.md.htmlStash.store(_blocks[m.group("key")]), ""]
        return out


class HtmlBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace normalising (30), before raw HTML blocks are parsed (20).
        md.preprocessors.register(_Stash(md), "saa_html_blocks", 25)


def makeExtension(**kwargs) -> HtmlBlocksExtension:
    return HtmlBlocksExtension(**kwargs)
