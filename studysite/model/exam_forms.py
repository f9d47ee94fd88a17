"""Fixed mock exams (data/exam_forms.yml): forms A, B, C and a final exam, each a full-length
list of question ids in the blueprint's domain weights, sharing no question.

A learner who sits form A twice meets the same questions, so scores on one form compare across
attempts. The lists are data, not drawn at build time: adding questions to the bank leaves the
forms alone. `python -m studysite make-forms` writes them; `--repair` replaces only questions that
left the bank. load_forms() fails the build when a form no longer fits the bank or the weights.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from studysite.model.blueprint import Blueprint
from studysite.model.quiz_bank import QuizFile
from studysite.model.validation import DataError, Issue, pydantic_issue, read_data
from studysite.model.yaml_lines import line_of
from studysite.paths import ROOT

FORMS = ROOT / "data" / "exam_forms.yml"
FIX_REPAIR = "run `python -m studysite make-forms --repair`, which replaces only what no longer fits"
DEFAULT_FORMS = (("a", "Form A"), ("b", "Form B"), ("c", "Form C"), ("final", "Final exam"))
HEADER = """\
# Fixed mock exams: full-length forms in the exam's domain weights, sharing no question.
# Written by `python -m studysite make-forms` (see studysite/model/exam_forms.py); do not edit by
# hand. The order is the order a learner meets them; option order is fixed per form too.
"""


class Form(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z]+$")
    label: str = Field(min_length=2)
    questions: list[str] = Field(min_length=1)


class FormsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    forms: list[Form] = Field(min_length=1)


def domain_targets(blueprint: Blueprint) -> dict[str, int]:
    """Questions per domain in a full exam: largest remainder, so each is within 1 of weight x n
    (the same rule as the browser's draw, SAAExam.apportion)."""
    n = blueprint.questions
    raw = {d.id: n * d.weight / 100 for d in blueprint.domains}
    counts = {d: int(r) for d, r in raw.items()}
    order = sorted(raw, key=lambda d: -(raw[d] - counts[d]))
    for d in order[: n - sum(counts.values())]:
        counts[d] += 1
    return counts


def load_forms(path: Path, bank: dict[str, QuizFile], blueprint: Blueprint) -> list[Form]:
    rel, data, lines = read_data(path, "form", FIX_REPAIR)
    try:
        forms = FormsFile.model_validate(data).forms
    except ValidationError as exc:
        keys = sorted(set(FormsFile.model_fields) | set(Form.model_fields))
        raise DataError(
            [
                pydantic_issue(e, rel, lines, item=None, what="form", known_keys=keys, guide=FIX_REPAIR, list_key="forms", label="form")
                for e in exc.errors()
            ]
        ) from None
    domain_of = {q.id: q.domain for quiz in bank.values() for q in quiz.questions}
    issues: list[Issue] = []
    owner: dict[str, str] = {}
    for fi, form in enumerate(forms):

        def issue(at: tuple, problem: str, fix: str = FIX_REPAIR, form=form, fi=fi) -> None:
            issues.append(Issue(rel, line_of(lines, ("forms", fi, *at)), form.id, problem, fix, "form"))

        if len(form.questions) != blueprint.questions:
            issue(("questions",), f"it has {len(form.questions)} questions, not the exam's {blueprint.questions}")
        for qi, qid in enumerate(form.questions):
            if qid not in domain_of:
                issue(("questions", qi), f"question '{qid}' is not in the bank (removed or renamed)")
            elif qid in owner:
                issue(("questions", qi), f"question '{qid}' is already in form '{owner[qid]}'; forms share no question")
            owner.setdefault(qid, form.id)
        counts = Counter(domain_of.get(qid) for qid in form.questions)
        for domain, want in domain_targets(blueprint).items():
            if len(form.questions) == blueprint.questions and counts[domain] != want:
                issue(("questions",), f"it has {counts[domain]} '{domain}' questions; the exam's weights give {want}")
    if issues:
        raise DataError(issues)
    return forms


def _stable(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def make_forms(bank: dict[str, QuizFile], blueprint: Blueprint, keep: list[Form] | None = None) -> list[Form]:
    """The forms, keeping every question of `keep` that is still in the bank (and in a domain that
    still needs it) and filling the rest from unused questions, spread over task statements."""
    questions = {q.id: q for quiz in bank.values() for q in quiz.questions}
    targets = domain_targets(blueprint)
    labels = {f.id: f.label for f in keep} if keep else dict(DEFAULT_FORMS)
    chosen: dict[str, list[str]] = {fid: [] for fid in labels}
    for form in keep or []:
        have: Counter = Counter()
        for qid in form.questions:
            q = questions.get(qid)
            if q and have[q.domain] < targets[q.domain] and all(qid not in c for c in chosen.values()):
                chosen[form.id].append(qid)
                have[q.domain] += 1
    used = {qid for ids in chosen.values() for qid in ids}
    for domain, want in targets.items():
        by_task: dict[str, list[str]] = defaultdict(list)
        for q in sorted(questions.values(), key=lambda q: _stable(q.id)):
            if q.domain == domain and q.id not in used:
                by_task[q.task].append(q.id)
        share = {t: len(ids) / max(1, sum(map(len, by_task.values()))) for t, ids in by_task.items()}
        need = {fid: want - sum(questions[qid].domain == domain for qid in ids) for fid, ids in chosen.items()}
        if sum(need.values()) > sum(map(len, by_task.values())):
            raise DataError(
                [
                    Issue(
                        "quizzes/",
                        None,
                        None,
                        f"the bank has too few unused '{domain}' questions for the forms",
                        "add questions first",
                        "form",
                    )
                ]
            )
        # Each form in turn takes a question of the task it has least of, for its share of the pool,
        # so every form gets the same mix of task statements.
        have = {fid: Counter(questions[qid].task for qid in ids if questions[qid].domain == domain) for fid, ids in chosen.items()}
        while any(need.values()):
            for fid in chosen:
                if not need[fid]:
                    continue
                task = min((t for t in by_task if by_task[t]), key=lambda t: (have[fid][t] / share[t], t))
                chosen[fid].append(by_task[task].pop(0))
                have[fid][task] += 1
                need[fid] -= 1
    out = []
    for fid, ids in chosen.items():
        kept = [qid for qid in (keep_ids(keep, fid)) if qid in ids]
        new = sorted((qid for qid in ids if qid not in kept), key=lambda qid: _stable(fid + qid))
        out.append(Form(id=fid, label=labels[fid], questions=kept + new))
    return out


def keep_ids(keep: list[Form] | None, fid: str) -> list[str]:
    return next((f.questions for f in keep or [] if f.id == fid), [])


def overlap(forms: list[Form]) -> dict[tuple[str, str], int]:
    """Questions each pair of forms shares (zero while the bank is deep enough)."""
    return {(a.id, b.id): len(set(a.questions) & set(b.questions)) for i, a in enumerate(forms) for b in forms[i + 1 :]}


def dump(forms: list[Form]) -> str:
    lines = [HEADER, "forms:"]
    for f in forms:
        lines += [f"  - id: {f.id}", f"    label: {f.label}", "    questions:"]
        lines += [f"      - {qid}" for qid in f.questions]
    return "\n".join(lines) + "\n"
