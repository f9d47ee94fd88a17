"""Keep the chapter quizzes out of Material's search parser.

The index leaves a quiz out anyway (its section carries data-search-exclude), but the parser
still reads every tag of it first: half of the search plugin's time, a fifth of a second per
build. So the quiz steps out of the page just before search indexes it and back in right
after, byte for byte. Blocks opt in with `block(html, searchable=False)` (html_blocks).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from studysite.markdown.html_blocks import unsearched

MARK = "<!--saa-unsearched:{}-->"


@event_priority(-100)  # after every other on_page_content: the page is final
def on_page_content(html: str, page, config, files) -> str:
    for key, block in unsearched().items():
        if block in html:
            html = html.replace(block, MARK.format(key))
    return html


@event_priority(-100)  # after Material's search (priority 0) has indexed the page
def on_page_context(context, page, config, nav):
    for key, block in unsearched().items():
        page.content = page.content.replace(MARK.format(key), block)
    return context
