"""Typo fixes to the notes, kept as data (data/errata.yml) so the seed stays
unchanged and every fix is visible in review. The importer applies them after
repairing the mojibake; the conservation test applies the same list to the seed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from studysite.model.errors import NotesError
from studysite.model.yaml_lines import line_of, load
from studysite.paths import ROOT

DEFAULT = ROOT / "data" / "errata.yml"


class Erratum(BaseModel):
    model_config = ConfigDict(extra="forbid")
    find: str = Field(min_length=3)
    replace: str
    why: str = Field(min_length=3)

    @property
    def id(self) -> str:
        """A stable anchor for the fix, from the words it puts in place."""
        from studysite.markdown.heading_slugs import slugify

        return "erratum-" + slugify(self.replace)[:48].strip("-")


def load_errata(path: Path = DEFAULT) -> list[tuple[int, Erratum]]:
    if not path.is_file():
        return []
    data, lines = load(path.read_text(encoding="utf-8"), str(path))
    if data is None:
        return []
    if not isinstance(data, list):
        raise NotesError(path, 1, "errata must be a YAML list of `- find: / replace: / why:` entries", "see CONTRIBUTING.md")
    out = []
    for i, raw in enumerate(data):
        try:
            out.append((line_of(lines, (i,)) or 1, Erratum.model_validate(raw)))
        except ValidationError as exc:
            err = exc.errors()[0]
            raise NotesError(
                path,
                line_of(lines, (i, *err["loc"])),
                f"erratum {i + 1}: {err['msg'].lower()}",
                "each entry needs `find` (3+ characters), `replace` and `why`",
            ) from None
    return out


def apply_errata(text: str, errata: list[tuple[int, Erratum]], path: Path = DEFAULT) -> str:
    """Each `find` must occur exactly once in the notes, so a fix never lands in the wrong place."""
    for line, e in errata:
        count = text.count(e.find)
        if count != 1:
            raise NotesError(
                path,
                line,
                f"`find: {e.find}` occurs {count} times in the notes, not once",
                "quote more of the surrounding words so the text is unique"
                if count
                else "copy the text exactly as the repaired notes have it",
            )
        text = text.replace(e.find, e.replace)
    return text


@dataclass(frozen=True)
class Placed:
    """The page an applied fix now stands on, so the reader can be shown it there."""

    erratum: Erratum
    page: str


def place_errata(docs_dir: str, errata: list[tuple[int, Erratum]], path: Path = DEFAULT) -> list[Placed]:
    """Each fix's `replace` text must stand on exactly one body line of the pages (not in code)."""
    from studysite.model.statements import body_lines_with

    pages = {p.stem: p.read_text(encoding="utf-8") for p in sorted(Path(docs_dir).glob("*.md"))}
    out = []
    for line, e in errata:
        hits = [page for page, text in pages.items() for _ in body_lines_with(text, e.replace)]
        if len(hits) != 1:
            raise NotesError(
                path,
                line,
                f"`replace: {e.replace}` is on {len(hits)} lines of the imported pages, not one",
                "make `find` and `replace` longer, so the fixed words occur only once"
                if hits
                else "write `replace` exactly as the page shows it (not inside code), then re-run `python -m studysite import-notes`",
            )
        out.append(Placed(e, hits[0]))
    return out
