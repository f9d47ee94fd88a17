"""Limits and corrections: schema, checks and loading, shared by build, tests and CLI."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from studysite.model.errors import NotesError
from studysite.model.page_anchors import anchors, check_ref, plain, section_text
from studysite.model.statements import locate_problem, page_text, statement_line
from studysite.model.validation import DataError, Issue, aws_url, pydantic_issue
from studysite.model.yaml_lines import line_of, load

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
GUIDE = "data/README.md"


Value = int | float | str


class Current(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    value: Value
    unit: str = Field(min_length=1)
    checked: dt.date
    reference: str
    note: str = ""
    exam_note: str = ""  # where the exam may still expect the old value

    _ref = field_validator("reference")(lambda cls, v: aws_url(v))


class Statement(BaseModel):
    """Another line of the notes that states the same fact: it is marked too."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    at: str  # page#anchor of the section
    quote: str = Field(min_length=2)
    wrong: str = ""  # corrections only: words on that line to strike through ...
    right: str = ""  # ... and what stands in their place

    @property
    def page(self) -> str:
        return self.at.split("#")[0]

    @property
    def anchor(self) -> str:
        return self.at.split("#")[-1]


def statement_issues(st: Statement, docs_dir: str, swaps: bool) -> list[tuple[tuple, str, str]]:
    """(key, problem, fix) for an `also:` statement that cannot be marked."""
    if bad := check_ref(st.at, docs_dir):
        return [(("at",), *bad)]
    text = page_text(docs_dir, st.page)
    if bad := locate_problem(text, st.anchor, st.quote):
        return [(("quote",), *bad)]
    if not swaps and (st.wrong or st.right):
        return [(("wrong",), "a limit strikes its own value on the line", "remove `wrong` and `right` here")]
    if bool(st.wrong) != bool(st.right):
        return [(("wrong" if st.wrong else "right",), "`wrong` and `right` go together", "give both, or neither")]
    if st.wrong and statement_line(text, st.anchor, st.quote).count(st.wrong) != 1:
        return [
            (
                ("wrong",),
                f"`wrong: {st.wrong}` is not written exactly once on the quoted line",
                "copy the words exactly as the Markdown writes them",
            )
        ]
    return []


class Limit(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: str
    service: str = Field(min_length=2)
    what: str = Field(min_length=3)
    value: Value
    unit: str = Field(min_length=1)
    source: str
    quote: str = ""
    from_notes: bool = True
    reference: str = ""
    checked: dt.date | None = None
    current: Current | None = None
    also: list[Statement] = []  # other lines of the notes that state the same value

    @field_validator("reference")
    @classmethod
    def _reference(cls, v: str) -> str:
        return aws_url(v) if v else v

    @property
    def page(self) -> str:
        return self.source.split("#")[0]

    @property
    def anchor(self) -> str:
        return self.source.split("#")[1]


class Correction(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: str
    anchor: str
    notes_say: str = Field(min_length=10)
    now: str = Field(min_length=10)
    reference: str
    checked: dt.date
    quote: str = ""  # words from the one line that states it: the correction is marked there too
    wrong: str = ""  # optional, on that line: the words to strike through ...
    right: str = ""  # ... and what stands in their place
    exam_note: str = ""  # where the exam may still expect the old answer
    also: list[Statement] = []  # other lines of the notes that make the same claim

    _ref = field_validator("reference")(lambda cls, v: aws_url(v))

    @property
    def page(self) -> str:
        return self.anchor.split("#")[0]


def _read(path: Path) -> tuple[object, dict, list[Issue]]:
    rel = str(path)
    try:
        data, lines = load(path.read_text(encoding="utf-8"), rel)
    except NotesError as exc:
        return None, {}, [Issue(rel, exc.line, None, exc.problem, exc.fix, "entry")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, {}, [Issue(rel, None, None, f"cannot read the file ({exc})", "save it as UTF-8 text", "entry")]
    if not isinstance(data, list):
        return (
            None,
            lines,
            [
                Issue(
                    rel,
                    1,
                    None,
                    "the file must be a YAML list of entries starting with `- id:`",
                    f"start from the example in {GUIDE}",
                    "entry",
                )
            ],
        )
    return data, lines, []


def _validate(model, path: Path, data: list, lines: dict, keys: list[str]) -> tuple[list, list[Issue]]:
    items, issues = [], []
    for i, raw in enumerate(data):
        item_id = raw.get("id") if isinstance(raw, dict) else None
        try:
            items.append((i, model.model_validate(raw)))
        except ValidationError as exc:
            for e in exc.errors():
                e = {**e, "loc": (i, *e["loc"])}
                what = "correction" if model is Correction else "limit"
                issues.append(
                    pydantic_issue(e, str(path), lines, item=item_id, what=what, known_keys=keys, guide=GUIDE, list_key="", label="entry")
                )
    return items, issues


def load_limits(limits_dir: Path, docs_dir: str) -> list[Limit]:
    """Every entry of data/limits/*.yml, or DataError listing every problem."""
    seen: dict[str, str] = {}
    out: list[Limit] = []
    issues: list[Issue] = []
    pages = anchors(docs_dir)  # one snapshot for the ~250 references checked below
    keys = sorted(set(Limit.model_fields) | set(Current.model_fields) | set(Statement.model_fields))
    for path in sorted(Path(limits_dir).glob("*.yml")):
        data, lines, found = _read(path)
        issues += found
        if data is None:
            continue
        items, found = _validate(Limit, path, data, lines, keys)
        issues += found
        for i, lim in items:

            def issue(sub: tuple, problem: str, fix: str, i=i, lim=lim, path=path, lines=lines, issues=issues) -> None:
                issues.append(Issue(str(path), line_of(lines, (i, *sub)), lim.id, problem, fix, "entry"))

            if not ID_RE.match(lim.id):
                issue(("id",), f"the id '{lim.id}' is not lowercase-kebab-case", "use letters, digits and single hyphens")
            if lim.id in seen:
                issue(("id",), f"the id is already used in {seen[lim.id]}", "pick a new, unique id")
            seen.setdefault(lim.id, str(path))
            bad = check_ref(lim.source, pages)
            if bad:
                issue(("source",), *bad)
                continue
            if lim.page != path.stem:
                issue(("source",), f"the entry cites page '{lim.page}' but sits in {path.name}", f"move it to data/limits/{lim.page}.yml")
            if lim.from_notes:
                if not lim.quote:
                    issue(
                        ("quote",),
                        "an entry from the notes needs the sentence that states it",
                        "add `quote:` copied from the cited section",
                    )
                elif plain(lim.quote) not in section_text(docs_dir, lim.page, lim.anchor):
                    issue(
                        ("quote",),
                        f"the quote is not in section {lim.source}",
                        "copy the words exactly as the section shows them, or cite the section that contains them",
                    )
                elif lim.current and (bad := locate_problem(page_text(docs_dir, lim.page), lim.anchor, lim.quote)):
                    issue(("quote",), bad[0] + " (a corrected number is marked on the line that states it)", bad[1])
            else:
                if not lim.reference or not lim.checked:
                    issue(("from_notes",), "an entry not from the notes needs `reference` (AWS page) and `checked` (date)", "add both keys")
                if lim.quote:
                    issue(("quote",), "an entry not from the notes cannot quote them", "remove `quote`, or set `from_notes: true`")
            if lim.also and not (lim.current and lim.from_notes):
                issue(("also",), "`also` marks more lines of a corrected value from the notes", "remove `also`, or add `current:`")
            for n, st in enumerate(lim.also):
                for sub, problem, fix in statement_issues(st, docs_dir, swaps=False):
                    issue(("also", n, *sub), problem, fix)
            out.append(lim)
    if issues:
        raise DataError(issues)
    return out


def load_corrections(path: Path, docs_dir: str) -> list[Correction]:
    data, lines, issues = _read(path)
    if data is None:
        raise DataError(issues)
    items, issues = _validate(Correction, path, data, lines, sorted(set(Correction.model_fields) | set(Statement.model_fields)))
    pages = anchors(docs_dir)
    seen: set[str] = set()
    out = []
    for i, c in items:
        if c.id in seen or not ID_RE.match(c.id):
            issues.append(
                Issue(
                    str(path),
                    line_of(lines, (i, "id")),
                    c.id,
                    "the id is repeated or not lowercase-kebab-case",
                    "pick a new, unique kebab-case id",
                    "entry",
                )
            )
        seen.add(c.id)

        def issue(sub: tuple, problem: str, fix: str, i=i, c=c) -> None:
            issues.append(Issue(str(path), line_of(lines, (i, *sub)), c.id, problem, fix, "entry"))

        if c.quote:  # the entry's own line is checked like each of its `also:` lines
            own = Statement(at=c.anchor, quote=c.quote, wrong=c.wrong, right=c.right)
            for sub, problem, fix in statement_issues(own, docs_dir, swaps=True):
                issue(("anchor",) if sub == ("at",) else sub, problem, fix)
        else:
            if bad := check_ref(c.anchor, pages):
                issue(("anchor",), *bad)
            if c.wrong or c.right:
                issue(
                    ("wrong" if c.wrong else "right",),
                    "`wrong`/`right` need the `quote` of the line they are on",
                    "add `quote:` with words from that line",
                )
        for n, st in enumerate(c.also):
            for sub, problem, fix in statement_issues(st, docs_dir, swaps=True):
                issue(("also", n, *sub), problem, fix)
        out.append(c)
    if issues:
        raise DataError(issues)
    return out
