"""The chapters of the notes (data/chapters.yml): how the importer finds each one in the notes,
and the one name learners see for it everywhere."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from studysite.model.validation import DataError, Issue, pydantic_issue, read_data
from studysite.model.yaml_lines import line_of
from studysite.paths import ROOT

CHAPTERS = ROOT / "data" / "chapters.yml"


class Chapter(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    heading: str = Field(min_length=1)
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=2, max_length=60)
    description: str = Field(min_length=10)
    split_from: str = ""  # a section of this chapter heading, promoted to a page of its own


class ChapterList(BaseModel):
    model_config = ConfigDict(extra="forbid")
    chapters: list[Chapter] = Field(min_length=1)


@lru_cache(maxsize=4)
def load_chapters(path: Path = CHAPTERS) -> tuple[Chapter, ...]:
    rel, data, lines = read_data(path, "chapter")
    try:
        found = ChapterList.model_validate(data).chapters
    except ValidationError as exc:
        keys = sorted(set(ChapterList.model_fields) | set(Chapter.model_fields))
        issues = [
            pydantic_issue(e, rel, lines, item=None, what="chapter", known_keys=keys, guide=rel, list_key="chapters", label="chapter")
            for e in exc.errors()
        ]
        raise DataError(issues) from None
    issues = []
    for key in ("heading", "slug", "title"):
        seen: set[str] = set()
        for i, ch in enumerate(found):
            value = getattr(ch, key).casefold()
            if value in seen:
                line = line_of(lines, ("chapters", i, key))
                issues.append(
                    Issue(
                        rel, line, ch.slug, f"the {key} {getattr(ch, key)!r} is used twice", f"give each chapter its own {key}", "chapter"
                    )
                )
            seen.add(value)
    if issues:
        raise DataError(issues)
    return tuple(found)
