"""The fixed vocabulary of AWS service tags (data/services.yml) that questions are tagged with,
so a learner can drill one service."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from studysite.model.validation import DataError, Issue, pydantic_issue, read_data
from studysite.paths import ROOT

SERVICES = ROOT / "data" / "services.yml"


class Service(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str = Field(min_length=2)
    category: str = Field(min_length=2)
    in_scope: bool = True  # false: not an entry of the exam guide's appendix (then say why in note)
    note: str = ""


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reference: str
    checked: dt.date
    services: list[Service] = Field(min_length=1)


@lru_cache(maxsize=1)
def service_names() -> dict[str, str]:
    """Service id -> the name learners see, e.g. s3 -> Amazon Simple Storage Service (Amazon S3)."""
    return {s.id: s.name for s in load_services(SERVICES).services}


def load_services(path: Path) -> Vocabulary:
    rel, data, lines = read_data(path, "service")
    try:
        vocab = Vocabulary.model_validate(data)
    except ValidationError as exc:
        keys = sorted(set(Vocabulary.model_fields) | set(Service.model_fields))
        raise DataError(
            [
                pydantic_issue(
                    e,
                    rel,
                    lines,
                    item=None,
                    what="service",
                    known_keys=keys,
                    guide="data/services.yml",
                    list_key="services",
                    label="service",
                )
                for e in exc.errors()
            ]
        ) from None
    ids = [s.id for s in vocab.services]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise DataError([Issue(rel, None, d, "the id is listed twice", "keep one entry per service", "service") for d in dupes])
    return vocab
