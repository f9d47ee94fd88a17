"""Fingerprints of files by name, size and mtime: cache keys that go stale when a file changes,
so `mkdocs serve` rebuilds reuse parsed data but never serve outdated anchors or questions."""

from __future__ import annotations

from pathlib import Path


def stamp(folder: str | Path, pattern: str = "*") -> tuple:
    out = []
    for path in sorted(Path(folder).rglob(pattern)):
        if path.is_file():
            st = path.stat()
            out.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(out)
