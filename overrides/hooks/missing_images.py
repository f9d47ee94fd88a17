"""Show a tidy placeholder for images the notes reference but the repo lacks.

Runs before Markdown conversion, so MkDocs never warns about the missing
file; once a contributor adds it under docs/, the real image renders.
"""

from __future__ import annotations

import html
import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import unquote

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tools.markdown_lines import classify  # noqa: E402

IMAGE_RE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)")


def placeholder(alt: str, src: str) -> str:
    label = alt.strip() if alt.strip() and alt.strip().lower() not in {"untitled", "alt text", "image"} else "Image"
    return (
        f'<span class="img-missing" role="img" aria-label="{html.escape(label)} (image not available yet)">'
        f'<span class="img-missing__label">{html.escape(label)}</span> '
        f'<span class="img-missing__hint">image not in the repository yet: <code>{html.escape(unquote(src))}</code></span></span>'
    )


def on_page_markdown(markdown: str, page, config, files) -> str:
    docs = Path(config["docs_dir"])
    base = posixpath.dirname(page.file.src_uri)
    lines = markdown.split("\n")
    for ln in classify(lines):
        if ln.in_code or "![" not in ln.text:
            continue

        def swap(m: re.Match) -> str:
            src = m.group("src")
            if re.match(r"^[a-z]+:|^/|^#", src):
                return m.group(0)
            target = docs / posixpath.normpath(posixpath.join(base, unquote(src)))
            if target.is_file():
                return m.group(0)
            return placeholder(m.group("alt"), src)

        lines[ln.number - 1] = IMAGE_RE.sub(swap, ln.text)
    return "\n".join(lines)
