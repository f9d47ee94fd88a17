"""The exam blueprint (data/exam.yml): length, timing, scoring and the domains with their names and
weights. The one place the domains are written; the quiz bank and every page read them from here."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from studysite.model.errors import NotesError
from studysite.model.validation import DataError, Issue, pydantic_issue
from studysite.model.yaml_lines import load
from studysite.paths import ROOT


class Task(BaseModel):
    """A task statement of the exam guide, e.g. 1.1 Design secure access to AWS resources."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[1-9]\.[1-9]$")
    text: str = Field(min_length=3)


class Domain(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z]+(-[a-z]+)*$")
    name: str = Field(min_length=3)
    weight: float = Field(gt=0)
    tasks: list[Task] = Field(min_length=1)


class Length(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    label: str
    questions: int = Field(gt=0)


class Score(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min: int
    max: int
    pass_: int = Field(alias="pass")
    assumed_pass_fraction: float = Field(gt=0, lt=1)


class Blueprint(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reference: str
    checked: dt.date
    questions: int = Field(gt=0)
    unscored: int = Field(ge=0)  # of the questions, how many AWS does not score
    minutes: int = Field(gt=0)
    question_types: list[str]
    score: Score
    domains: list[Domain] = Field(min_length=1)
    lengths: list[Length] = Field(min_length=1)

    @model_validator(mode="after")
    def _weights(self):
        total = sum(d.weight for d in self.domains)
        if abs(total - 100) > 1e-6:
            raise ValueError(f"domain weights add up to {total}, not 100")
        return self


BLUEPRINT = ROOT / "data" / "exam.yml"


@lru_cache(maxsize=1)
def domain_names() -> dict[str, str]:
    """Domain id -> the name learners see, e.g. secure -> Design Secure Architectures."""
    return {d.id: d.name for d in load_blueprint(BLUEPRINT).domains}


@lru_cache(maxsize=1)
def task_statements() -> dict[str, tuple[str, str]]:
    """Task id -> (domain id, text), e.g. 1.1 -> (secure, Design secure access to AWS resources)."""
    return {t.id: (d.id, t.text) for d in load_blueprint(BLUEPRINT).domains for t in d.tasks}


def load_blueprint(path: Path) -> Blueprint:
    rel = str(path)
    try:
        data, lines = load(path.read_text(encoding="utf-8"), rel)
    except NotesError as exc:  # malformed YAML: the same located message as every data file
        raise DataError([Issue(rel, exc.line, None, exc.problem, exc.fix, "blueprint")]) from None
    try:
        return Blueprint.model_validate(data)
    except ValidationError as exc:
        keys = sorted(
            set(Blueprint.model_fields)
            | {"pass", "min", "max", "assumed_pass_fraction", "id", "name", "weight", "label", "tasks", "text", "unscored"}
        )
        raise DataError(
            [
                pydantic_issue(
                    e, rel, lines, item=None, what="blueprint", known_keys=keys, guide="data/exam.yml", list_key="", label="blueprint"
                )
                for e in exc.errors()
            ]
        ) from None
