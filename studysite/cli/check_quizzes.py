"""Check quiz files and report every problem with file, line, question and fix.

python -m studysite check-quizzes            # the whole bank
python -m studysite check-quizzes quizzes/05-s3.yml
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from studysite.model.quiz_bank import QuizBankError, load_bank
from studysite.model.similar import NEAR_DUPLICATE, similar_pairs
from studysite.model.validation import Issue
from studysite.paths import ROOT


def near_duplicates(bank) -> list[Issue]:
    """Each pair of questions that reads alike (studysite.model.similar), located at the second one."""
    where = {q.id: ROOT / "quizzes" / f"{chapter}.yml" for chapter, quiz in bank.items() for q in quiz.questions}
    issues = []
    for score, a, b in similar_pairs([q for quiz in bank.values() for q in quiz.questions]):
        path = where[b]
        line = next((n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.strip() == f"- id: {b}"), None)
        issues.append(
            Issue(
                str(path.relative_to(ROOT)),
                line,
                b,
                f"it reads like '{a}' ({where[a].relative_to(ROOT)}): similarity {score:.2f}, the limit is {NEAR_DUPLICATE}",
                "merge the two, or rewrite one so it tests a different fact with a different scenario",
            )
        )
    return issues


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the quiz question bank.")
    parser.add_argument("files", nargs="*", type=Path, help="quiz files (default: quizzes/*.yml)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    try:
        bank = load_bank(ROOT / "quizzes", args.docs, only=args.files or None)
    except QuizBankError as exc:
        for issue in exc.issues:
            print(issue, file=sys.stderr)
        print(f"check_quizzes: {len(exc.issues)} problem(s) found", file=sys.stderr)
        return 1
    questions = [q for quiz in bank.values() for q in quiz.questions]
    if not args.files:
        twins = near_duplicates(bank)
        for issue in twins:
            print(issue, file=sys.stderr)
        if twins:
            print(f"check_quizzes: {len(twins)} near-duplicate pair(s) found", file=sys.stderr)
            return 1
    domains = Counter(q.domain for q in questions)
    multi = sum(q.type == "multiple" for q in questions)
    print(f"check_quizzes: {len(questions)} questions in {len(bank)} files are valid")
    print("  per domain: " + ", ".join(f"{d} {n}" for d, n in sorted(domains.items())))
    print(f"  multiple-response: {multi} ({multi / max(1, len(questions)):.0%})")
    for chapter, quiz in bank.items():
        print(f"  {chapter}: {len(quiz.questions)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
