"""Blind review of draft questions (#15): answer sheets without keys, then the comparison.

    .venv/bin/python scripts/blind_review.py sheets OUT_DIR [--sets 4] [--seed 7]
    .venv/bin/python scripts/blind_review.py compare ANSWERS_DIR [--report FILE]

`sheets` writes OUT_DIR/set<N>.yml: each draft's id, type, how many to choose, stem and lettered
options, with no key and no explanations, shuffled across chapters. A reviewer who did not write
the questions answers them into ANSWERS_DIR/set<N>.yml (id, answer letters, confidence, doc,
note). `compare` lists every question whose blind answer differs from the key, or whose reviewer
flagged a problem, so that each is settled against AWS documentation.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DRAFTS = ROOT / "data" / "question-drafts"
LETTERS = "ABCDE"


def drafts(files: list[str] | None = None) -> list[tuple[str, dict]]:
    out = []
    for path in sorted(DRAFTS.glob("*.yml")):
        if files and path.name not in files:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out += [(path.name, q) for q in data["questions"]]
    return out


def key_of(q: dict) -> list[str]:
    return [LETTERS[i] for i, o in enumerate(q["options"]) if o.get("correct")]


def sheets(out: Path, sets: int, seed: int, files: list[str] | None = None) -> None:
    questions = drafts(files)
    random.Random(seed).shuffle(questions)
    out.mkdir(parents=True, exist_ok=True)
    for n in range(sets):
        sheet = [
            {
                "id": q["id"],
                "type": q["type"],
                "choose": len(key_of(q)) if q["type"] == "multiple" else 1,
                "stem": q["stem"],
                "options": {LETTERS[i]: o["text"] for i, o in enumerate(q["options"])},
            }
            for _, q in questions[n::sets]
        ]
        (out / f"set{n + 1}.yml").write_text(yaml.safe_dump(sheet, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")
        print(f"set{n + 1}.yml: {len(sheet)} questions")


def compare(answers_dir: Path) -> str:
    by_id = {q["id"]: (name, q) for name, q in drafts()}
    answered: dict[str, dict] = {}
    for path in sorted(answers_dir.glob("set*.yml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            answered[str(entry.get("id"))] = entry
    agree, disagree, flagged = [], [], []
    for qid, (name, q) in by_id.items():
        entry = answered.get(qid)
        if entry is None:
            continue
        given = sorted(str(a).strip().upper() for a in (entry.get("answer") or []))
        note = " ".join(str(entry.get("note") or "").split())
        if given != sorted(key_of(q)):
            disagree.append(
                f"| `{qid}` ({name}) | {', '.join(key_of(q))} | {', '.join(given) or '-'} | {entry.get('confidence', '')} | {note} |"
            )
        else:
            agree.append(qid)
            if entry.get("confidence") != "high" or any(
                w in note.lower() for w in ("ambigu", "defensible", "outdated", "wrong premise", "giveaway", "flag")
            ):
                flagged.append(f"| `{qid}` ({name}) | {entry.get('confidence', '')} | {note} |")
    missing = sorted(set(by_id) - set(answered))
    lines = [
        f"{len(answered)} of {len(by_id)} drafts answered blind: {len(agree)} agree with the key, {len(disagree)} disagree; "
        f"{len(missing)} not answered.",
        "",
        "## Disagreements (settle each against AWS documentation; fix or drop the question)",
        "",
        "| Question | Key | Blind answer | Confidence | Reviewer's note |",
        "|---|---|---|---|---|",
        *disagree,
        "",
        "## Agreed, but flagged by the reviewer",
        "",
        "| Question | Confidence | Reviewer's note |",
        "|---|---|---|",
        *flagged,
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sheets")
    s.add_argument("out", type=Path)
    s.add_argument("--sets", type=int, default=4)
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--files", nargs="*", help="only these draft files, e.g. 21-exam.yml (a later round)")
    c = sub.add_parser("compare")
    c.add_argument("answers", type=Path)
    c.add_argument("--report", type=Path)
    args = parser.parse_args(argv)
    if args.command == "sheets":
        sheets(args.out, args.sets, args.seed, args.files)
        return 0
    report = compare(args.answers)
    print(report, end="")
    if args.report:
        args.report.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
