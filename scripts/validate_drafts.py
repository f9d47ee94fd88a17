"""Check a draft question file (data/question-drafts/): the bank's own checks (schema,
anchors, ids unique across the bank and the drafts) plus the fields #15 adds to every new
question (task, services, references). Drafts only: the bank's schema does not know these
fields yet.

    .venv/bin/python scripts/validate_drafts.py data/question-drafts/05-s3.yml
"""

import re
import sys
import tempfile
from pathlib import Path

import yaml

from studysite.model.quiz_bank import check_file, load_bank

ROOT = Path(__file__).resolve().parents[1]


NEW = {"task", "services", "references"}
tasks = {t["id"] for t in yaml.safe_load(open(ROOT / "data" / "coverage" / "task_statements.yml"))["tasks"]}
services = {s["id"] for s in yaml.safe_load(open(ROOT / "data" / "coverage" / "services.yml"))["services"]}
AWS_URL = re.compile(r"^https://(docs\.aws\.amazon\.com|aws\.amazon\.com)/\S+$")

path = Path(sys.argv[1])
data = yaml.safe_load(path.read_text(encoding="utf-8"))
problems = []
for q in data.get("questions", []):
    qid = q.get("id", "?")
    if str(q.get("task")) not in tasks:
        problems.append(f"{qid}: task must be one of {sorted(tasks)}")
    bad = [s for s in q.get("services", []) if s not in services]
    if not q.get("services") or bad:
        problems.append(f"{qid}: services must be 1-4 ids from services.yml (unknown: {bad})")
    refs = q.get("references") or []
    if not refs or any(not AWS_URL.match(str(r.get("url", ""))) or str(r.get("checked")) != "2026-12-02" for r in refs):
        problems.append(f"{qid}: references: list of {{url: https://docs.aws.amazon.com/..., checked: 2026-12-02}}")
stripped = {"chapter": data.get("chapter"), "questions": [{k: v for k, v in q.items() if k not in NEW} for q in data.get("questions", [])]}
with tempfile.TemporaryDirectory() as tmp:
    f = Path(tmp) / path.name
    f.write_text(yaml.safe_dump(stripped, sort_keys=False, allow_unicode=True), encoding="utf-8")
    seen = {q.id: "bank" for quiz in load_bank(ROOT / "quizzes", ROOT / "docs").values() for q in quiz.questions}
    for other in (ROOT / "data" / "question-drafts").glob("*.yml"):
        if other.name != path.name:
            for q in (yaml.safe_load(other.read_text()) or {}).get("questions", []):
                seen[q.get("id")] = other.name
    _, issues = check_file(f, str(ROOT / "docs"), seen)
    problems += [str(i) for i in issues]
n = len(data.get("questions", []))
multi = sum(1 for q in data.get("questions", []) if q.get("type") == "multiple")
print("\n".join(problems) if problems else f"OK: {n} questions, {multi} multiple response")
sys.exit(1 if problems else 0)
