"""Move reviewed draft questions into the bank: each is appended to quizzes/<chapter>.yml in the
bank's own layout and taken out of its draft file. The bank's checks run on the result, and every
moved question must load back equal to its draft, or nothing is written.

    .venv/bin/python scripts/merge_drafts.py data/question-drafts/05-s3.yml [--except ID ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from studysite.model.quiz_bank import Question, QuizBankError, load_bank
from studysite.paths import ROOT

KEYS = ("id", "domain", "difficulty", "type", "stem", "options", "source", "task", "services", "references")


def scalar(value) -> str:
    """One YAML scalar on one line, quoted only where YAML needs it."""
    return yaml.safe_dump({"k": value}, width=10**6, allow_unicode=True, default_flow_style=False)[3:].rstrip("\n")


def block(q: dict, indent: str) -> str:
    """A question in the bank's layout (quizzes/README.md), under a list indented by `indent`."""
    k = indent + "  "
    out = [f"{indent}- id: {q['id']}"]
    out += [f"{k}{key}: {scalar(q[key])}" for key in ("domain", "difficulty", "type")]
    out.append(f"{k}stem: |")
    out += [f"{k}  {line}".rstrip() for line in q["stem"].rstrip("\n").split("\n")]
    out.append(f"{k}options:")
    for o in q["options"]:
        out.append(f"{k}  - text: {scalar(o['text'])}")
        if o.get("correct"):
            out.append(f"{k}    correct: true")
        out.append(f"{k}    why: {scalar(o['why'])}")
    out.append(f"{k}source:")
    out += [f"{k}  - {s}" for s in q["source"]]
    out.append(f'{k}task: "{q["task"]}"')
    out.append(f"{k}services: [{', '.join(q['services'])}]")
    out.append(f"{k}references:")
    for r in q["references"]:
        out += [f"{k}  - url: {r['url']}", f"{k}    checked: {r['checked']}"]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("drafts", type=Path, nargs="+")
    parser.add_argument("--except", dest="skip", nargs="*", default=[], help="ids to leave in the drafts")
    args = parser.parse_args(argv)
    writes: dict[Path, str] = {}
    moved: list[dict] = []
    for draft in args.drafts:
        data = yaml.safe_load(draft.read_text(encoding="utf-8"))
        go = [q for q in data["questions"] if q["id"] not in args.skip]
        stay = [q for q in data["questions"] if q["id"] in args.skip]
        if not go:
            continue
        bank_file = ROOT / "quizzes" / f"{data['chapter']}.yml"
        text = writes.get(bank_file, bank_file.read_text(encoding="utf-8"))
        indent = "" if "\n- id: " in text else "  "
        writes[bank_file] = text.rstrip("\n") + "\n\n" + "\n".join(block({k: q[k] for k in KEYS}, indent) for q in go)
        rest = {"chapter": data["chapter"], "questions": stay}
        writes[draft] = yaml.safe_dump(rest, sort_keys=False, allow_unicode=True, width=100) if stay else None
        moved += go
    originals = {p: p.read_text(encoding="utf-8") for p in writes}  # every file touched, to undo
    for path, text in writes.items():
        if text is None:
            path.unlink()
        else:
            path.write_text(text, encoding="utf-8")
    try:
        bank = load_bank(ROOT / "quizzes", ROOT / "docs")
        loaded = {q.id: q for quiz in bank.values() for q in quiz.questions}
        for q in moved:
            if loaded[q["id"]] != Question.model_validate(q):
                raise QuizBankError([])
    except QuizBankError as exc:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
        print("\n".join(map(str, exc.issues)) or "a moved question did not load back equal to its draft", file=sys.stderr)
        print("merge_drafts: nothing was changed", file=sys.stderr)
        return 1
    print(f"merge_drafts: moved {len(moved)} questions into the bank")
    return 0


if __name__ == "__main__":
    sys.exit(main())
