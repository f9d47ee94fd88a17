"""Repair UTF-8 text that was decoded as Mac Roman, or pass clean text through."""

from __future__ import annotations

import re

from studysite.model.errors import NotesError

# What UTF-8 lead bytes look like once read as Mac Roman: "‚Äô" for ’, "√©" for é,
# "üî" for emoji. Clean English notes almost never contain these pairs.
_MARKERS = re.compile(
    r"‚Ä|√[\u00a0-\u00ff\u2018-\u203a\u2122\u2260-\u2265]|Ô∏|ü[\u00a0-\u00ff\u2018-\u203a\u2020-\u2030]|‚Ü|‚Ç|‚Ñ|‚úÖ|‚ö|‚Ä¢|¬†"
)


def marker_lines(text: str) -> list[int]:
    """1-based line numbers that still look like mojibake."""
    return [i for i, line in enumerate(text.split("\n"), start=1) if _MARKERS.search(line)]


def repair(text: str, source: str = "<text>") -> tuple[str, bool]:
    """Return (clean text, whether it was repaired).

    Clean UTF-8 comes back unchanged, so repairing twice is harmless.
    """
    suspects = marker_lines(text)
    if not suspects:
        return text, False
    try:
        fixed = text.encode("mac_roman").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError) as exc:
        line = text.count("\n", 0, getattr(exc, "start", 0)) + 1 if isinstance(exc, UnicodeEncodeError) else suspects[0]
        raise NotesError(
            source,
            line,
            "the text looks like UTF-8 that was read as Mac Roman, but it cannot be repaired cleanly (mixed encodings?)",
            "re-export the notes as plain UTF-8, or fix the line by hand and run the importer again",
        ) from None
    left = marker_lines(fixed)
    if left:
        raise NotesError(
            source,
            left[0],
            "mojibake is still present after repair (the file was mis-decoded twice?)",
            "repair the file by hand, then run the importer again",
        )
    return fixed, True
