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
from studysite.paths import ROOT


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
