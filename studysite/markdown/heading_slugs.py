"""Heading anchors made from heading text: readable, stable, no emoji, no markup, unique within a page (the importer writes them)."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """'🌍 **Route 53 - Global DNS**' -> 'route-53-global-dns'."""
    text = unicodedata.normalize("NFKD", text)
    kept = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat.startswith(("L", "N")):
            kept.append(ch.lower() if ch.isascii() or cat.startswith("L") else ch)
        elif cat == "Mn":
            continue
        else:
            kept.append(" ")
    slug = re.sub(r"\s+", "-", "".join(kept).strip())
    slug = "".join(ch for ch in slug if ch.isascii())
    return re.sub(r"-{2,}", "-", slug).strip("-") or "section"


class AnchorBook:
    """Hands out anchors for one page; a repeated title takes its parent's slug as prefix."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.parents: dict[int, str] = {}

    def claim(self, title: str, level: int) -> tuple[str, bool]:
        base = slugify(title)
        parent = next((self.parents[lv] for lv in range(level - 1, 0, -1) if lv in self.parents), "")
        candidates = [base] + ([f"{parent}-{base}"] if parent and level > 1 else [])
        anchor = next((c for c in candidates if c not in self.used), None)
        collided = anchor != base
        if anchor is None:
            n = 2
            while f"{candidates[-1]}-{n}" in self.used:
                n += 1
            anchor = f"{candidates[-1]}-{n}"
        self.used.add(anchor)
        self.parents[level] = base
        for deeper in [lv for lv in self.parents if lv > level]:
            del self.parents[deeper]
        return anchor, collided
