"""A diagram as HTML: two images (light and dark mode), a caption, and an optional text
description; and where each diagram stands in its page.

The notes refer to 245 images the repository does not have. Each reference a diagram in
data/diagrams/ `replaces` shows that diagram; a diagram without `replaces` ends its section's
own text; any other reference is dropped from the page, unless a contributor has added the
image file under docs/, which then renders as usual. IMAGES.md lists what stands where.

Every contributor string is escaped: alt text, captions and descriptions are text, never markup.
"""

from __future__ import annotations

import posixpath
import re
from html import escape
from pathlib import Path
from urllib.parse import unquote

from studysite.markdown.html_blocks import block
from studysite.markdown.lines import classify, heading
from studysite.model.diagrams import HEADING_ID_RE, IMAGE_RE
from studysite.model.validation import DataError, Issue

ASSETS = "assets/diagrams"


def asset_path(diagram_id: str, variant: str) -> str:
    """Where a compiled SVG is published, relative to the site root."""
    return f"{ASSETS}/{diagram_id}{'.dark' if variant == 'dark' else ''}.svg"


def relative(page_url: str, target: str) -> str:
    """`target` (site-root relative) as seen from the page at `page_url` ('05-s3/' or '05-s3.html')."""
    return posixpath.relpath(target, posixpath.dirname(page_url) or ".")


def figure(diagram_id: str, alt: str, caption: str, description: str, width: int, height: int, page_url: str) -> str:
    """One line of HTML (so Markdown keeps it whole, in a list item too).

    The link opens the SVG full size, for phones. Material hides `#only-light` images in dark
    mode and `#only-dark` ones in light mode; hidden lazy images are never fetched."""
    imgs = []
    for variant in ("light", "dark"):
        src = escape(relative(page_url, asset_path(diagram_id, variant)))
        imgs.append(
            f'<a class="diagram__open diagram__open--{variant}" href="{src}" title="Open the diagram full size">'
            f'<img src="{src}#only-{variant}" alt="{escape(alt)}" width="{width}" height="{height}" loading="lazy" decoding="async"></a>'
        )
    text = ""
    if description.strip():
        paras = "".join(f"<p>{escape(' '.join(p.split()))}</p>" for p in description.strip().split("\n\n") if p.strip())
        text = f'<details class="diagram__text"><summary>Text description</summary>{paras}</details>'
    return (
        f'<figure class="diagram" id="diagram-{escape(diagram_id)}">{"".join(imgs)}'
        f"<figcaption>{escape(caption)}{text}</figcaption></figure>"
    )


def place(markdown: str, chapter: str, link_base: str, diagrams: list, rendered: dict, docs_dir: str) -> str:
    """The chapter's Markdown with each of its diagrams where it stands (see the module), as
    HTML blocks. DataError names the metadata line of any diagram that found no place."""
    mine = [d for d in diagrams if d.page == chapter]
    if not mine and "![" not in markdown:
        return markdown
    by_image = {unquote(d.replaces): d for d in mine if d.replaces}
    at_end: dict[str, list] = {}
    for d in mine:
        if not d.replaces:
            at_end.setdefault(d.section, []).append(d)

    def html(d) -> str:
        r = rendered[d.id]
        return block(figure(d.id, d.alt, d.caption, d.description, r.width, r.height, link_base))

    out: list[str] = []
    section = ""
    for ln in classify(markdown.split("\n")):
        h = None if ln.in_code else heading(ln)
        if h:
            for d in at_end.pop(section, []):
                out += ["", html(d), ""]
            anchor = HEADING_ID_RE.search(h[1])
            section = anchor.group("id") if anchor else ""
        if ln.in_code or "![" not in ln.text:
            out.append(ln.text)
            continue
        m = IMAGE_RE.fullmatch(ln.text.strip())
        if not m or re.match(r"^[a-z]+:|^/|^#", m.group("src")):
            out.append(ln.text)
            continue
        src = unquote(m.group("src"))
        indent = ln.text[: len(ln.text) - len(ln.text.lstrip())]
        if src in by_image:
            out.append(indent + html(by_image.pop(src)))
        elif (Path(docs_dir) / src).is_file():
            out.append(ln.text)
        else:
            out.append("")  # no picture: nothing in the reading flow
    for d in at_end.pop(section, []):
        out += ["", html(d)]
    unplaced = [*by_image.values(), *(d for ds in at_end.values() for d in ds)]
    if unplaced:
        raise DataError(
            [
                Issue(
                    d.meta,
                    d.line,
                    d.id,
                    f"the diagram found no place in docs/{chapter}.md (its image or section is inside code?)",
                    "point `replaces` or `section` at text outside code blocks",
                    "diagram",
                )
                for d in unplaced
            ]
        )
    return "\n".join(out)


def index(diagrams, titles: dict[str, str], link) -> str:
    """Every diagram by chapter, each linked where it stands: a gallery to revise from."""
    out = []
    for chapter in sorted({d.page for d in diagrams}):
        mine = [d for d in diagrams if d.page == chapter]
        items = "".join(f'<li><a href="{escape(link(chapter, "diagram-" + d.id))}">{escape(d.caption)}</a></li>' for d in mine)
        out.append(f'<h2 id="{escape(chapter)}">{escape(titles.get(chapter, chapter))} ({len(mine)})</h2>\n<ul>{items}</ul>')
    return "\n\n".join(out)
