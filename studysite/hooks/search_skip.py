"""Keep the chapter quizzes out of Material's search parser.

The index leaves a quiz out anyway (its section carries data-search-exclude), but the parser
still reads every tag of it first: half of the search plugin's time, a fifth of a second per
build. So the quiz steps out of the page just before search indexes it and back in right
after, byte for byte. Blocks opt in with `block(html, searchable=False)` (html_blocks).
"""

from __future__ import annotations

import re
from functools import lru_cache

from mkdocs.plugins import event_priority

from studysite.markdown.html_blocks import unsearched

MARK = "<!--saa-unsearched:{}-->"
MARK_RE = re.compile(r"<!--saa-unsearched:(?P<key>[0-9a-f]+)-->")


@lru_cache(maxsize=4)
def _heads(keys: frozenset) -> tuple[re.Pattern, dict[str, list[str]]]:
    """One pattern for the first lines of all the blocks, so each page is scanned once, not once
    per block (22 quizzes x 29 pages of substring searches took 0.07 s a build)."""
    blocks = unsearched()
    heads: dict[str, list[str]] = {}
    for key in sorted(keys):
        heads.setdefault(blocks[key].split("\n", 1)[0], []).append(key)
    return re.compile("|".join(map(re.escape, heads))), heads


@event_priority(-100)  # after every other on_page_content: the page is final
def on_page_content(html: str, page, config, files) -> str:
    blocks = unsearched()
    if not blocks:
        return html
    pattern, heads = _heads(frozenset(blocks))
    parts, at = [], 0
    for m in pattern.finditer(html):
        if m.start() < at:
            continue
        key = next((k for k in heads[m.group(0)] if html.startswith(blocks[k], m.start())), None)
        if key is not None:
            parts += [html[at : m.start()], MARK.format(key)]
            at = m.start() + len(blocks[key])
    return "".join(parts) + html[at:]


@event_priority(-100)  # after Material's search (priority 0) has indexed the page
def on_page_context(context, page, config, nav):
    blocks = unsearched()
    page.content = MARK_RE.sub(lambda m: blocks[m.group("key")], page.content)
    return context
