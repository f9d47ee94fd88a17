"""Check data/limits/*.yml and data/corrections.yml.

python -m tools.check_data
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from tools.data_files import load_corrections, load_limits
from tools.validation import DataError

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    docs = str(ROOT / "docs")
    problems: list = []
    limits = corrections = []
    try:
        limits = load_limits(ROOT / "data" / "limits", docs)
    except DataError as exc:
        problems += exc.issues
    try:
        corrections = load_corrections(ROOT / "data" / "corrections.yml", docs)
    except DataError as exc:
        problems += exc.issues
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"check_data: {len(problems)} problem(s) found", file=sys.stderr)
        return 1
    per_page = Counter(lim.page for lim in limits)
    corrected = sum(1 for lim in limits if lim.current)
    print(
        f"check_data: {len(limits)} limits ({corrected} corrected, {sum(not lim.from_notes for lim in limits)} not from the notes), {len(corrections)} corrections"
    )
    for page, n in sorted(per_page.items()):
        print(f"  {page}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
