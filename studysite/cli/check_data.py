"""Check every data file a contributor edits, the way the build does: data/limits/*.yml,
data/corrections.yml, data/calculators/*.yml, data/exam.yml and data/errata.yml.

python -m studysite check-data
"""

from __future__ import annotations

import sys
from collections import Counter

from studysite.model.blueprint import BLUEPRINT, load_blueprint
from studysite.model.calculators import load_calculators
from studysite.model.data_files import load_corrections, load_limits
from studysite.model.errata import load_errata, place_errata
from studysite.model.errors import NotesError
from studysite.model.validation import DataError
from studysite.paths import ROOT


def main(argv: list[str] | None = None) -> int:
    docs = str(ROOT / "docs")
    problems: list = []

    def check(load, *args):
        try:
            return load(*args)
        except DataError as exc:
            problems.extend(exc.issues)
        except NotesError as exc:
            problems.append(exc)
        return None

    limits = check(load_limits, ROOT / "data" / "limits", docs) or []
    corrections = check(load_corrections, ROOT / "data" / "corrections.yml", docs) or []
    calcs = (check(load_calculators, ROOT / "data" / "calculators", docs, limits) or ([], {}))[0] if limits else []
    check(load_blueprint, BLUEPRINT)
    errata = check(lambda: place_errata(docs, load_errata())) or []
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"check_data: {len(problems)} problem(s) found", file=sys.stderr)
        return 1
    per_page = Counter(lim.page for lim in limits)
    corrected = sum(1 for lim in limits if lim.current)
    print(
        f"check_data: {len(limits)} limits ({corrected} corrected, {sum(not lim.from_notes for lim in limits)} not from the notes), "
        f"{len(corrections)} corrections, {len(calcs)} calculators, the exam blueprint, {len(errata)} typo fixes"
    )
    for page, n in sorted(per_page.items()):
        print(f"  {page}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
