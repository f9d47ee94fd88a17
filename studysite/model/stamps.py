"""Fingerprints of files by name, size and mtime: cache keys that go stale when a file changes,
so `mkdocs serve` rebuilds reuse parsed data but never serve outdated anchors or questions."""

from __future__ import annotations

import os
from pathlib import Path


def stamp(folder: str | Path) -> tuple:
    """Every file under folder. os.scandir, not Path.rglob: the page inserts ask for the data
    folder's stamp once per page, and rglob took 4 ms of the 5 each time."""
    out = []
    todo = [str(folder)]
    while todo:
        try:
            entries = list(os.scandir(todo.pop()))
        except FileNotFoundError:
            continue
        for e in entries:
            if e.is_dir(follow_symlinks=False):
                todo.append(e.path)
            elif e.is_file():
                st = e.stat()
                out.append((e.path, st.st_mtime_ns, st.st_size))
    return tuple(sorted(out))


def pages_stamp(docs_dir: str | Path) -> tuple:
    """The pages in docs/ (top level, where the pages are). One scandir, no recursion: the anchor
    lookup asks for it about 1,800 times a build, and rglob made that 0.9 s."""
    with os.scandir(docs_dir) as entries:
        return tuple(sorted((e.name, (st := e.stat()).st_mtime_ns, st.st_size) for e in entries if e.name.endswith(".md") and e.is_file()))
