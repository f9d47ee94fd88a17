"""A diagram as HTML: two images (light and dark mode), a caption, and an optional text description.

Every contributor string is escaped: alt text, captions and descriptions are text, never markup.
"""

from __future__ import annotations

import posixpath
from html import escape

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


def index(diagrams, titles: dict[str, str], link) -> str:
    """Every diagram by chapter, each linked where it stands: a gallery to revise from."""
    out = []
    for chapter in sorted({d.page for d in diagrams}):
        mine = [d for d in diagrams if d.page == chapter]
        items = "".join(f'<li><a href="{escape(link(chapter, "diagram-" + d.id))}">{escape(d.caption)}</a></li>' for d in mine)
        out.append(f'<h2 id="{escape(chapter)}">{escape(titles.get(chapter, chapter))} ({len(mine)})</h2>\n<ul>{items}</ul>')
    return "\n\n".join(out)
