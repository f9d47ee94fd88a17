"""Publish the diagrams' SVGs (light and dark) with the site.

Where each diagram stands in its page is decided inside Python-Markdown, with the other page
inserts (studysite/render/diagrams.py place(), called by studysite/markdown/page_inserts.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from studysite.model import diagrams as model
from studysite.model.errors import NotesError
from studysite.model.validation import DataError
from studysite.render.diagrams import asset_path


def on_files(files, config):
    try:
        _, rendered = model.compiled(Path(config["docs_dir"]))
    except DataError as exc:
        raise PluginError(f"data/diagrams has {len(exc.issues)} problem(s):\n{exc}") from None
    except NotesError as exc:
        raise PluginError(f"data/diagrams: {exc}") from None
    for did, r in rendered.items():
        for variant in ("light", "dark"):
            files.append(File.generated(config, asset_path(did, variant), content=getattr(r, variant)))
    return files
