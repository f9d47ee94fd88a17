"""The quiz question bank: schema, checks and loading, shared by build, tests and CLI.

Every problem becomes a QuizIssue that names the file, the line, the question
id, what is wrong and how to fix it. The build fails if there is any.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tools.errors import NotesError
from tools.site_anchors import check_ref
from tools.yaml_lines import line_of, load

DOMAINS = ("secure", "resilient", "performance", "cost")
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
    domain: Literal["secure", "resilient", "performance", "cost"]
    difficulty: Literal["easy", "medium", "hard"]
    type: Literal["single", "multiple"]
    stem: str = Field(min_length=10)
    options: list[Option] = Field(min_length=4, max_length=5)
    source: list[str] = Field(min_length=1)

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
}


@dataclass(frozen=True)
class QuizIssue:
    path: str
    line: int | None
    qid: str | None
    problem: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        who = f" question '{self.qid}':" if self.qid else ""
        problem = self.problem if self.problem.endswith(("?", ".")) else self.problem + "."
        fix = self.fix if self.fix.endswith(("?", ".")) else self.fix + "."
        return f"{where}:{who} {problem} Fix: {fix}"


class QuizBankError(Exception):
    def __init__(self, issues: list[QuizIssue]):
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))


# What a newcomer should do about each pydantic error type.
_FIXES = {
    "missing": "add the missing key `{field}`, lined up with the other keys of this {what}",
    "extra_forbidden": "remove or rename `{field}`{suggest}",
    "literal_error": "use one of the allowed values: {expected}",
    "too_short": "`{field}` needs at least {min_length} entries; see quizzes/README.md for an example",
    "too_long": "a question has 4 or 5 options; remove the weakest distractor",
    "string_type": "write `{field}` as text (quote it if it looks like a number or yes/no)",
    "bool_type": "write `correct: true` on right options and leave it out on wrong ones",
    "bool_parsing": "write `correct: true` on right options and leave it out on wrong ones",
    "list_type": "`{field}` is a list: put each entry on its own line starting with `- `",
    "dict_type": "each entry here is a mapping of keys, e.g. `- text: ...` followed by `why: ...`",
    "model_type": "this should be a mapping of keys; check the indentation",
    "string_too_short": "`{field}` is empty or too short; write it out",
}
_KNOWN_KEYS = {"question": list(Question.model_fields), "option": list(Option.model_fields), "file": list(QuizFile.model_fields)}


def _what(loc: tuple) -> str:
    if "options" in loc and loc.index("options") + 1 < len(loc):
        return "option"
    if "questions" in loc and len(loc) > 1:
        return "question"
    return "file"


def _pydantic_issue(err: dict, path: str, lines, data) -> QuizIssue:
    loc = tuple(err["loc"])
    field = str(loc[-1]) if loc else "?"
    what = _what(loc)
    qid = _qid(data, loc)
    suggest = ""
    if err["type"] == "extra_forbidden":
        close = difflib.get_close_matches(field, sorted({k for keys in _KNOWN_KEYS.values() for k in keys}), n=1)
        suggest = f" (did you mean `{close[0]}`?)" if close else f"; allowed keys: {', '.join(_KNOWN_KEYS[what])}"
    expected = err.get("ctx", {}).get("expected", "")
    ctx = err.get("ctx", {})
    fix = _FIXES.get(err["type"], "see quizzes/README.md for the format").format(
        field=field, what=what, suggest=suggest, expected=expected, min_length=ctx.get("min_length", "more")
    )
    where = _describe(loc)
    problem = f"{where}: {err['msg'].lower()}" if where else err["msg"].lower()
    return QuizIssue(path, line_of(lines, loc), qid, problem, fix)


def _qid(data, loc: tuple) -> str | None:
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        try:
            qid = data["questions"][loc[1]].get("id")
            return str(qid) if qid else f"#{loc[1] + 1}"
        except (AttributeError, IndexError, KeyError, TypeError):
            return f"#{loc[1] + 1}"
    return None


def _describe(loc: tuple) -> str:
    parts = []
    for i, part in enumerate(loc):
        if part == "questions" or isinstance(part, int) and i and loc[i - 1] == "questions":
            continue
        if isinstance(part, int) and i and loc[i - 1] == "options":
            parts[-1] = f"option {part + 1}"
        else:
            parts.append(f"`{part}`")
    return " ".join(parts)


def check_file(path: Path, docs_dir: str, seen_ids: dict[str, str]) -> tuple[QuizFile | None, list[QuizIssue]]:
    """Validate one quiz file; seen_ids carries ids across files for uniqueness."""
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
        issues += _check_question(q, ("questions", qi), rel, lines, docs_dir, seen_ids)
    if issues:
        return None, issues
    quiz = QuizFile(chapter=data["chapter"], questions=questions)
    return quiz, issues


def _check_question(q: Question, at: tuple, rel: str, lines, docs_dir: str, seen_ids: dict[str, str]) -> list[QuizIssue]:
    out: list[QuizIssue] = []

    def issue(sub: tuple, problem: str, fix: str) -> None:
        out.append(QuizIssue(rel, line_of(lines, at + sub), q.id, problem, fix))

    if not ID_RE.match(q.id):
        issue(("id",), f"the id '{q.id}' is not lowercase-kebab-case", "use letters, digits and single hyphens, e.g. s3-replication-rtc")
    if q.id in seen_ids:
        issue(
            ("id",),
            f"the id is already used in {seen_ids[q.id]}",
            "ids are unique across the bank: pick a new one, and never reuse an old one",
        )
    seen_ids.setdefault(q.id, rel)
    n_correct = len(q.correct)
    if q.type == "single" and n_correct != 1:
        issue(
            ("options",),
            f"a single-answer question has {n_correct} options marked `correct: true`",
            "mark exactly one option correct, or change `type: single` to `type: multiple`",
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
        bad = check_ref(ref, docs_dir)
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
    for path in files:
        quiz, found = check_file(Path(path), str(docs_dir), seen)
        issues += found
        if quiz is not None:
            bank[quiz.chapter] = quiz
    if issues:
        raise QuizBankError(issues)
    return bank
