"""Diagrams where the notes' images were; nothing where an image is missing.

The notes refer to 245 images the repository does not have. Each reference a diagram in
data/diagrams/ `replaces` shows that diagram; a diagram without `replaces` ends its section's
own text; any other reference is dropped from the page, unless a contributor has added the
image file under docs/, which then renders as usual. IMAGES.md lists what stands where.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from studysite.markdown.lines import classify, heading
from studysite.model import diagrams as model
from studysite.model.errors import NotesError
from studysite.model.validation import DataError
from studysite.render.diagrams import asset_path, figure

# Markdown wraps a figure that stands on its own line in <p>; a <figure> cannot sit in a <p>.
WRAPPED_RE = re.compile(r'<p>(<figure class="diagram"[^\n]*?</figure>)</p>')

_build: dict = {}  # this build's diagrams, replaced (never grown) by each on_files


def on_files(files, config):
    docs = Path(config["docs_dir"])
    try:
        diagrams = model.load_all(docs)
        rendered = model.render_all(diagrams)
    except DataError as exc:
        raise PluginError(f"data/diagrams has {len(exc.issues)} problem(s):\n{exc}") from None
    except NotesError as exc:
        raise PluginError(f"data/diagrams: {exc}") from None
    try:
        legend = {part.id: model.render_text(part.source, "data/diagrams/style.yml") for part in model.legend()}
    except NotesError as exc:
        raise PluginError(f"the diagram legend: {exc}") from None
    rendered = {**rendered, **legend}
    _build.clear()
    _build.update(diagrams={d.id: d for d in diagrams}, rendered=rendered)
    for did, r in rendered.items():
        for variant in ("light", "dark"):
            svg = getattr(r, variant)
            files.append(File.generated(config, asset_path(did, variant), content=svg))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    chapter = Path(page.file.src_uri).stem
    mine = [d for d in _build.get("diagrams", {}).values() if d.page == chapter]
    by_image = {unquote(d.replaces): d for d in mine if d.replaces}
    at_end: dict[str, list] = {}
    for d in mine:
        if not d.replaces:
            at_end.setdefault(d.section, []).append(d)
    docs = Path(config["docs_dir"])

    def html(d) -> str:
        r = _build["rendered"][d.id]
        return figure(d.id, d.alt, d.caption, d.description, r.width, r.height, page.file.url)

    lines = markdown.split("\n")
    out: list[str] = []
    section = ""
    for ln in classify(lines):
        h = None if ln.in_code else heading(ln)
        if h:
            for d in at_end.pop(section, []):
                out += ["", html(d), ""]
            anchor = model.HEADING_ID_RE.search(h[1])
            section = anchor.group("id") if anchor else ""
        if ln.in_code or "![" not in ln.text:
            out.append(ln.text)
            continue
        m = model.IMAGE_RE.fullmatch(ln.text.strip())
        if not m or re.match(r"^[a-z]+:|^/|^#", m.group("src")):
            out.append(ln.text)
            continue
        src = unquote(m.group("src"))
        indent = ln.text[: len(ln.text) - len(ln.text.lstrip())]
        if src in by_image:
            out.append(indent + html(by_image.pop(src)))
        elif (docs / src).is_file():
            out.append(ln.text)
        else:
            out.append("")  # no picture: nothing in the reading flow
    for d in at_end.pop(section, []):
        out += ["", html(d)]
    unplaced = [*by_image.values(), *(d for ds in at_end.values() for d in ds)]
    if unplaced:
        raise PluginError(
            "\n".join(
                f"{d.meta}:{d.line}: diagram '{d.id}' found no place in docs/{chapter}.md (its image or section is inside code?). "
                "Fix: point `replaces` or `section` at text outside code blocks."
                for d in unplaced
            )
        )
    return "\n".join(out)


def on_page_content(html: str, page, config, files) -> str:
    return WRAPPED_RE.sub(r"\1", html)
