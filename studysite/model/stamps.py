"""Fingerprints of files by name, size and mtime: cache keys that go stale when a file changes,
so `mkdocs serve` rebuilds reuse parsed data but never serve outdated anchors or questions."""

from __future__ import annotations

import os
from pathlib import Path


def stamp(folder: str | Path, pattern: str = "*") -> tuple:
    out = []
    for path in sorted(Path(folder).rglob(pattern)):
        if path.is_file():
            st = path.stat()
            out.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(out)


def pages_stamp(docs_dir: str | Path) -> tuple:
    """The pages in docs/ (top level, where the pages are). One scandir, no recursion: the anchor
    lookup asks for it about 1,800 times a build, and rglob made that 0.9 s."""
    with os.scandir(docs_dir) as entries:
        return tuple(sorted((e.name, (st := e.stat()).st_mtime_ns, st.st_size) for e in entries if e.name.endswith(".md") and e.is_file()))
