"""Write the fixed mock exams (data/exam_forms.yml) from the bank.

python -m studysite make-forms            # new forms (only where there are none yet)
python -m studysite make-forms --repair   # keep the forms; replace questions that left the bank
python -m studysite make-forms --check    # report the forms' domains, tasks and overlap
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from studysite.model.blueprint import BLUEPRINT, load_blueprint
from studysite.model.exam_forms import FORMS, Form, FormsFile, dump, load_forms, make_forms, overlap
from studysite.model.quiz_bank import load_bank
from studysite.model.validation import DataError
from studysite.model.yaml_lines import load
from studysite.paths import ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write or check the fixed mock exams.")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--repair", action="store_true", help="keep the forms, replace questions that left the bank")
    mode.add_argument("--check", action="store_true", help="report on the forms without writing")
    args = parser.parse_args(argv)
    try:
        bank = load_bank(ROOT / "quizzes", ROOT / "docs")
        blueprint = load_blueprint(BLUEPRINT)
        if args.check:
            forms = load_forms(FORMS, bank, blueprint)
        elif args.repair:
            data, _ = load(FORMS.read_text(encoding="utf-8"), str(FORMS))
            forms = make_forms(bank, blueprint, keep=FormsFile.model_validate(data).forms)
        elif FORMS.exists():
            print(f"make-forms: {FORMS.relative_to(ROOT)} exists; forms stay fixed. Use --repair or --check.", file=sys.stderr)
            return 1
        else:
            forms = make_forms(bank, blueprint)
    except DataError as exc:
        for issue in exc.issues:
            print(issue, file=sys.stderr)
        return 1
    if not args.check:
        FORMS.write_text(dump(forms), encoding="utf-8")
        load_forms(FORMS, bank, blueprint)  # what was written must pass the build's check
    report(forms, bank)
    return 0


def report(forms: list[Form], bank) -> None:
    q = {x.id: x for quiz in bank.values() for x in quiz.questions}
    for f in forms:
        domains = Counter(q[i].domain for i in f.questions)
        tasks = Counter(q[i].task for i in f.questions)
        multi = sum(q[i].type == "multiple" for i in f.questions)
        print(f"{f.label}: {len(f.questions)} questions; " + ", ".join(f"{d} {n}" for d, n in sorted(domains.items())))
        print(f"  tasks: {', '.join(f'{t}×{n}' for t, n in sorted(tasks.items()))}; multiple response {multi}")
    print("overlap: " + ", ".join(f"{a}/{b} {n}" for (a, b), n in overlap(forms).items()))
