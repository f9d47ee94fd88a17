"""Check a draft question file (data/question-drafts/) with the bank's own checks (schema, task,
services, AWS references, anchors), ids unique across the bank and the drafts.

    .venv/bin/python scripts/validate_drafts.py data/question-drafts/05-s3.yml
"""

import sys
from pathlib import Path

import yaml

from studysite.model.quiz_bank import check_file, load_bank
from studysite.paths import ROOT

path = Path(sys.argv[1]).resolve()
seen = {q.id: "bank" for quiz in load_bank(ROOT / "quizzes", ROOT / "docs").values() for q in quiz.questions}
for other in (ROOT / "data" / "question-drafts").glob("*.yml"):
    if other.name != path.name:
        for q in (yaml.safe_load(other.read_text()) or {}).get("questions", []):
            seen[q.get("id")] = other.name
quiz, issues = check_file(path, str(ROOT / "docs"), seen)
problems = [str(i) for i in issues]
if problems:
    print("\n".join(problems))
    sys.exit(1)
multi = sum(q.type == "multiple" for q in quiz.questions)
print(f"OK: {len(quiz.questions)} questions, {multi} multiple response")
