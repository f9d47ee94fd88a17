"""The quiz question bank: schema, checks and loading, shared by build, tests and CLI.

Every problem becomes a QuizIssue that names the file, the line, the question
id, what is wrong and how to fix it. The build fails if there is any.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from studysite.model.errors import NotesError
from studysite.model.page_anchors import anchors, check_ref
from studysite.model.validation import DataError, Issue, Reference, pydantic_issue
from studysite.model.yaml_lines import line_of, load

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ABOVE_RE = re.compile(r"\b(all|none|both|neither) of (the )?(above|these|the options)\b", re.I)
NUMBER_WORDS = {2: "two", 3: "three", 4: "four"}


class Option(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    text: str = Field(min_length=1)
    correct: bool = False
    why: str = Field(min_length=1)


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: str
    domain: str  # an id from data/exam.yml
    difficulty: Literal["easy", "medium", "hard"]
    type: Literal["single", "multiple"]
    stem: str = Field(min_length=10)
    options: list[Option] = Field(min_length=4, max_length=5)
    source: list[str] = Field(min_length=1)
    task: str  # the exam guide task statement it fits best, an id from data/exam.yml
    services: list[str] = Field(min_length=1, max_length=4)  # ids from data/services.yml, key's services first
    references: list[Reference] = Field(min_length=1)  # AWS pages its key facts were checked against

    @field_validator("task")
    @classmethod
    def _task(cls, v: str) -> str:
        from studysite.model.blueprint import task_statements

        if v not in task_statements():
            expected = ", ".join(f"'{t}'" for t in task_statements())
            raise PydanticCustomError(
                "literal_error", "Input should be one of the task statements in data/exam.yml: {expected}", {"expected": expected}
            )
        return v

    @field_validator("services")
    @classmethod
    def _services(cls, v: list[str]) -> list[str]:
        from studysite.model.services import service_names

        unknown = [s for s in v if s not in service_names()]
        if unknown:
            raise PydanticCustomError(
                "service_unknown",
                "{unknown} not in data/services.yml",
                {"unknown": ", ".join(f"'{s}'" for s in unknown) + (" is" if len(unknown) == 1 else " are")},
            )
        if len(set(v)) != len(v):
            raise ValueError("a service is listed twice")
        return v

    @field_validator("domain")
    @classmethod
    def _domain(cls, v: str) -> str:
        from studysite.model.blueprint import domain_names

        if v not in domain_names():  # reported like any other wrong choice, listing data/exam.yml's ids
            expected = ", ".join(f"'{d}'" for d in domain_names())
            raise PydanticCustomError(
                "literal_error", "Input should be one of the domains in data/exam.yml: {expected}", {"expected": expected}
            )
        return v

    @property
    def correct(self) -> list[int]:
        return [i for i, o in enumerate(self.options) if o.correct]

    @property
    def pick_label(self) -> str:
        n = len(self.correct)
        return f"Choose {NUMBER_WORDS.get(n, n)}." if self.type == "multiple" else ""


class QuizFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    chapter: str
    questions: list[Question] = Field(min_length=1)


# Stands in for the questions while the file-level keys are checked on their own.
_PLACEHOLDER = {
    "id": "x",
    "domain": "cost",
    "difficulty": "easy",
    "type": "single",
    "stem": "placeholder stem",
    "options": [{"text": t, "why": "w", "correct": t == "a"} for t in "abcd"],
    "source": ["x"],
    "task": "1.1",
    "services": ["s3"],
    "references": [{"url": "https://docs.aws.amazon.com/x.html", "checked": "2026-01-01"}],
}


QuizIssue = Issue
QuizBankError = DataError
_KNOWN_KEYS = sorted(set(Question.model_fields) | set(Option.model_fields) | set(QuizFile.model_fields) | set(Reference.model_fields))


def _pydantic_issue(err: dict, path: str, lines, data) -> Issue:
    loc = tuple(err["loc"])
    what = "option" if "options" in loc[:-1] else "question" if len(loc) > 1 else "file"
    return pydantic_issue(
        err,
        path,
        lines,
        item=_qid(data, loc),
        what=what,
        known_keys=_KNOWN_KEYS,
        guide="quizzes/README.md",
        list_key="questions",
        label="question",
    )


def _qid(data, loc: tuple) -> str | None:
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        try:
            qid = data["questions"][loc[1]].get("id")
            return str(qid) if qid else f"#{loc[1] + 1}"
        except (AttributeError, IndexError, KeyError, TypeError):
            return f"#{loc[1] + 1}"
    return None


def check_file(path: Path, docs_dir: str | dict, seen_ids: dict[str, str]) -> tuple[QuizFile | None, list[QuizIssue]]:
    """Validate one quiz file; seen_ids carries ids across files for uniqueness.
    docs_dir: the notes folder, or anchors() of it when checking many files."""
    pages = docs_dir if isinstance(docs_dir, dict) else anchors(docs_dir)
    rel = _rel(path)
    try:
        data, lines = load(path.read_text(encoding="utf-8"), rel)
    except NotesError as exc:
        return None, [QuizIssue(rel, exc.line, None, exc.problem, exc.fix)]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [QuizIssue(rel, None, None, f"cannot read the file ({exc})", "save it as UTF-8 text")]
    if not isinstance(data, dict):
        return None, [
            QuizIssue(
                rel, 1, None, "the file must be a mapping with `chapter:` and `questions:`", "start from the example in quizzes/README.md"
            )
        ]
    issues: list[QuizIssue] = []
    raw_questions = data.get("questions")
    try:
        QuizFile.model_validate({**data, "questions": [_PLACEHOLDER]})
    except ValidationError as exc:
        issues += [_pydantic_issue(e, rel, lines, data) for e in exc.errors()]
    if not isinstance(raw_questions, list) or not raw_questions:
        issues.append(
            QuizIssue(
                rel,
                line_of(lines, ("questions",)),
                None,
                "`questions:` must be a non-empty list",
                "add questions as `- id: ...` entries under `questions:`",
            )
        )
        return None, issues
    if data.get("chapter") != path.stem and "chapter" in data:
        issues.append(
            QuizIssue(
                rel,
                line_of(lines, ("chapter",)),
                None,
                f"`chapter: {data.get('chapter')}` does not match the file name",
                f"write `chapter: {path.stem}`",
            )
        )
    questions: list[Question] = []
    for qi, raw in enumerate(raw_questions):
        try:
            q = Question.model_validate(raw)
        except ValidationError as exc:
            issues += [_pydantic_issue({**e, "loc": ("questions", qi, *e["loc"])}, rel, lines, data) for e in exc.errors()]
            continue
        questions.append(q)
        issues += _check_question(q, ("questions", qi), rel, lines, pages, seen_ids)
    if issues:
        return None, issues
    quiz = QuizFile(chapter=data["chapter"], questions=questions)
    return quiz, issues


def _check_question(q: Question, at: tuple, rel: str, lines, pages: dict, seen_ids: dict[str, str]) -> list[QuizIssue]:
    out: list[QuizIssue] = []

    def issue(sub: tuple, problem: str, fix: str) -> None:
        out.append(QuizIssue(rel, line_of(lines, at + sub), q.id, problem, fix))

    if not ID_RE.match(q.id):
        issue(("id",), f"the id '{q.id}' is not lowercase-kebab-case", "use letters, digits and single hyphens, e.g. s3-replication-rtc")
    if q.id in seen_ids:
        issue(
            ("id",),
            f"the id is already used in {seen_ids[q.id]}",
            f"ids are unique across the bank: pick a new one such as `{q.id}-2`, and never reuse an old one",
        )
    seen_ids.setdefault(q.id, rel)
    n_correct = len(q.correct)
    if q.type == "single" and n_correct != 1:
        issue(
            ("options",),
            f"a single-answer question has {n_correct} options marked `correct: true`",
            "mark exactly one option correct, or, if both are right, write `type: multiple` (the site then asks the learner to choose two)",
        )
    if q.type == "multiple" and n_correct < 2:
        issue(
            ("type",),
            f"a multiple-response question has {n_correct} correct option(s)",
            "mark two or more options `correct: true`, or use `type: single`",
        )
    if q.type == "multiple" and n_correct >= len(q.options):
        issue(("options",), "every option is correct, so the question tests nothing", "make at least one option wrong")
    seen_text: dict[str, int] = {}
    for oi, opt in enumerate(q.options):
        key = re.sub(r"\W+", " ", opt.text.lower()).strip()
        if key in seen_text:
            issue(("options", oi, "text"), f"option {oi + 1} repeats option {seen_text[key] + 1}", "make every option different")
        seen_text.setdefault(key, oi)
        if ABOVE_RE.search(opt.text):
            issue(
                ("options", oi, "text"), f"option {oi + 1} is an 'all/none of the above' option", "replace it with a real, plausible answer"
            )
    for si, ref in enumerate(q.source):
        bad = check_ref(ref, pages)
        if bad:
            issue(("source", si), *bad)
    return out


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_bank(quiz_dir: str | Path, docs_dir: str | Path, only: list[Path] | None = None) -> dict[str, QuizFile]:
    """{chapter: QuizFile} for every quizzes/*.yml, or QuizBankError listing every issue."""
    files = only or sorted(Path(quiz_dir).glob("*.yml"))
    seen: dict[str, str] = {}
    bank: dict[str, QuizFile] = {}
    issues: list[QuizIssue] = []
    pages = anchors(str(docs_dir))
    for path in files:
        quiz, found = check_file(Path(path), pages, seen)
        issues += found
        if quiz is not None:
            bank[quiz.chapter] = quiz
    if issues:
        raise QuizBankError(issues)
    return bank
