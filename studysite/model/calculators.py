"""Calculator definitions (data/calculators/*.yml): schema, checks, and constants
resolved from the limits data so a number is never written twice."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from studysite.model.data_files import Limit
from studysite.model.errors import NotesError
from studysite.model.page_anchors import anchors, check_ref
from studysite.model.validation import DataError, Issue, pydantic_issue
from studysite.model.yaml_lines import line_of, load
from studysite.paths import ROOT

GUIDE = "data/calculators/README.md"
SCRIPT = ROOT / "docs" / "javascripts" / "calculators.js"
PLACEHOLDER_RE = re.compile(r"\{([a-z0-9_]+)\}")


def implemented(script: Path = SCRIPT) -> set[str]:
    """The calculator ids that calculators.js implements: the keys of its IMPL object."""
    text = script.read_text(encoding="utf-8")
    start = text.find("var IMPL = {")
    end = text.find("\n  };", start)
    if start < 0 or end < 0:
        raise NotesError(
            script,
            None,
            "cannot find the IMPL object (`var IMPL = {` ... a line `  };`) that lists the calculators",
            'keep that layout, with one `    "<calculator id>": {` entry per calculator',
        )
    return set(re.findall(r'^    "([a-z0-9-]+)": \{', text[start:end], re.M))


def fill(text: str, values: dict[str, float]) -> str:
    """Rule and formula text with each {constant} replaced by its value, as a reader writes it."""
    return PLACEHOLDER_RE.sub(lambda m: _number(values[m.group(1)]), text)


def _number(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: str
    label: str
    kind: Literal["number", "select", "cidr", "cidr-list"] = "number"
    unit: str = ""
    min: float | None = None
    max: float | None = None
    min_from: str = ""  # take the bound from a constant instead of writing the number again
    max_from: str = ""
    integer: bool = False
    default: str | float | int = ""
    options: list[str] = []
    help: str = ""

    @model_validator(mode="after")
    def _check(self):
        if self.kind == "select" and not self.options:
            raise ValueError("a select input needs `options`")
        if self.kind == "number" and ((self.min is None and not self.min_from) or (self.max is None and not self.max_from)):
            raise ValueError("a number input needs `min` (or `min_from`) and `max` (or `max_from`)")
        if self.kind == "number" and self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("`min` must not be greater than `max`")
        return self


class Output(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: str
    label: str
    unit: str = ""
    digits: int = Field(default=2, ge=0, le=8)  # decimals shown
    rounding: Literal["nearest", "down"] = "nearest"  # "down" for values with thresholds (nines, maxima)


class Constant(BaseModel):
    model_config = ConfigDict(extra="forbid")
    limit: str  # id of an entry in data/limits/
    unit: str  # the unit the limit is in; must match, so a changed unit cannot slip through
    scale: float = 1  # e.g. 1024 to use a TiB limit as GiB


class Vector(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    inputs: dict[str, str | int | float]
    expect: dict[str, float | int | str] = {}
    errors: dict[str, str] = {}  # input id -> text the inline message must contain
    from_notes: str = ""  # page#anchor of a worked example in the notes

    @model_validator(mode="after")
    def _check(self):
        if not self.expect and not self.errors:
            raise ValueError("a test vector needs `expect` (outputs) or `errors` (inline messages)")
        return self


class Calculator(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: str
    title: str
    placement: str  # page#anchor of the section that teaches the rule
    rule: str = Field(min_length=20)  # Markdown: the rule in a sentence or two (also what prints)
    formula: str = Field(min_length=5)  # Markdown: the formula (also what prints)
    inputs: list[Input] = Field(min_length=1)
    outputs: list[Output] = Field(min_length=1)
    constants: dict[str, Constant] = {}
    vectors: list[Vector] = Field(min_length=2)


def _effective(lim: Limit) -> tuple[float | int | str, str]:
    return (lim.current.value, lim.current.unit) if lim.current else (lim.value, lim.unit)


def load_calculators(calc_dir: Path, docs_dir: str, limits: list[Limit]) -> tuple[list[Calculator], dict[str, dict[str, float]]]:
    """(calculators, {calculator id: {constant: value}}) or DataError listing every problem."""
    by_id = {lim.id: lim for lim in limits}
    calcs: list[Calculator] = []
    constants: dict[str, dict[str, float]] = {}
    issues: list[Issue] = []
    keys = sorted(set(Calculator.model_fields) | set(Input.model_fields) | set(Output.model_fields) | set(Vector.model_fields))
    scripted = implemented()  # read the script once
    pages = anchors(docs_dir)
    for path in sorted(Path(calc_dir).glob("*.yml")):
        rel = str(path)
        try:
            data, lines = load(path.read_text(encoding="utf-8"), rel)
        except NotesError as exc:
            issues.append(Issue(rel, exc.line, None, exc.problem, exc.fix, "calculator"))
            continue
        try:
            calc = Calculator.model_validate(data)
        except ValidationError as exc:
            item = data.get("id") if isinstance(data, dict) else None
            issues += [
                pydantic_issue(e, rel, lines, item=item, what="calculator", known_keys=keys, guide=GUIDE, list_key="", label="calculator")
                for e in exc.errors()
            ]
            continue

        def issue(loc: tuple, problem: str, fix: str, calc=calc, rel=rel, lines=lines, issues=issues) -> None:
            issues.append(Issue(rel, line_of(lines, loc), calc.id, problem, fix, "calculator"))

        if calc.id != path.stem:
            issue(("id",), f"the id '{calc.id}' does not match the file name", f"write `id: {path.stem}`")
        if calc.id not in scripted:
            issue(
                ("id",),
                "there is no JavaScript implementation for this calculator",
                f'add `"{calc.id}": {{ ... }}` to IMPL in docs/javascripts/calculators.js',
            )
        bad = check_ref(calc.placement, pages)
        if bad:
            issue(("placement",), *bad)
        values: dict[str, float] = {}
        for name, const in calc.constants.items():
            lim = by_id.get(const.limit)
            if lim is None:
                issue(
                    ("constants", name, "limit"),
                    f"no limit with id '{const.limit}' in data/limits/",
                    "use the id of an existing limit entry, or add the entry there",
                )
                continue
            value, unit = _effective(lim)
            if unit != const.unit:
                issue(
                    ("constants", name, "unit"),
                    f"limit '{lim.id}' is in {unit}, the calculator expects {const.unit}",
                    f"write `unit: {unit}` and adapt the formula, or fix the limit",
                )
            if not isinstance(value, int | float):
                issue(("constants", name, "limit"), f"limit '{lim.id}' has the non-numeric value '{value}'", "point at a numeric limit")
                continue
            values[name] = value * const.scale if const.scale != 1 else value
        for ii, inp in enumerate(calc.inputs):
            for key in ("min_from", "max_from"):
                name = getattr(inp, key)
                if name and name not in calc.constants:
                    issue(
                        ("inputs", ii, key),
                        f"`{key}: {name}` names no constant of this calculator",
                        f"use one of: {', '.join(calc.constants) or 'none defined'}",
                    )
        for key in ("rule", "formula"):
            for name in PLACEHOLDER_RE.findall(getattr(calc, key)):
                if name not in calc.constants:
                    issue(
                        (key,),
                        f"`{key}` mentions {{{name}}}, which is no constant of this calculator",
                        f"use one of: {', '.join('{' + c + '}' for c in calc.constants) or 'none defined'}, or add it under `constants`",
                    )
        input_ids = {i.id for i in calc.inputs}
        output_ids = {o.id for o in calc.outputs}
        for vi, vec in enumerate(calc.vectors):
            for key in set(vec.inputs) - input_ids:
                issue(
                    ("vectors", vi, "inputs", key),
                    f"vector '{vec.name}' sets unknown input '{key}'",
                    f"use one of: {', '.join(sorted(input_ids))}",
                )
            for key in (set(vec.expect) - output_ids) | (set(vec.errors) - input_ids):
                issue(("vectors", vi), f"vector '{vec.name}' checks unknown field '{key}'", "check the output and input ids")
            if vec.from_notes and (bad := check_ref(vec.from_notes, pages)):
                issue(("vectors", vi, "from_notes"), *bad)
        calcs.append(calc)
        constants[calc.id] = values
    if issues:
        raise DataError(issues)
    return calcs, constants
