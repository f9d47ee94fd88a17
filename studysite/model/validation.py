"""Shared pieces of every data-file check: the located Issue, and pydantic errors
turned into advice a newcomer can act on."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, field_validator
from pydantic_core import PydanticCustomError

from studysite.model.yaml_lines import line_of

AWS_HOSTS = ("aws.amazon.com", "docs.aws.amazon.com", "amazon.com", "amazonaws.com", "repost.aws", "awsstatic.com")


LOCALE_RE = re.compile(r"^[a-z]{2}_[a-z]{2}$")  # docs.aws.amazon.com/fr_fr/...: a translated copy


def aws_url(url: str) -> str:
    host = urlsplit(url).hostname or ""
    if urlsplit(url).scheme != "https" or not any(host == h or host.endswith("." + h) for h in AWS_HOSTS):
        raise ValueError(f"'{url}' is not an https:// link to AWS documentation (docs.aws.amazon.com, aws.amazon.com)")
    return url


class Reference(BaseModel):
    """An AWS page a fact was checked against, and when."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    url: str
    checked: dt.date

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        aws_url(v)
        parts = urlsplit(v)
        first = parts.path.split("/")[1] if parts.path.count("/") > 1 else ""
        docs = parts.hostname == "docs.aws.amazon.com"
        if docs and LOCALE_RE.match(first):
            why = f"a translated copy (`/{first}`)"
        elif docs and (parts.path.endswith(".md") or "//" in parts.path):
            why = "a machine-readable copy" if parts.path.endswith(".md") else "not a clean address (`//`)"
        elif docs and "/latest/" in parts.path and not parts.path.endswith((".html", ".htm", "/", ".pdf")):
            why = "not a page's address (a guide page ends in `.html`)"
        elif parts.query:
            why = f"not a clean address (`?{parts.query}`)"
        else:
            return v
        raise PydanticCustomError("reference_url", "'{url}' is {why}", {"url": v, "why": why})

    @field_validator("checked")
    @classmethod
    def _not_future(cls, v: dt.date) -> dt.date:
        if v > dt.date.today():
            raise ValueError(f"the check date {v} is in the future; write the day you read the page")
        return v


@dataclass(frozen=True)
class Issue:
    path: str
    line: int | None
    item: str | None  # the question or entry id, when known
    problem: str
    fix: str
    label: str = "question"

    @property
    def qid(self) -> str | None:
        return self.item

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        who = f" {self.label} '{self.item}':" if self.item else ""
        problem = self.problem if self.problem.endswith(("?", ".")) else self.problem + "."
        fix = self.fix if self.fix.endswith(("?", ".")) else self.fix + "."
        return f"{where}:{who} {problem} Fix: {fix}"


class DataError(Exception):
    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))


# An example of a right value for each key, shown in "missing" messages.
EXAMPLES = {
    "why": "why: Suspending keeps every version already stored.",
    "unit": "unit: GiB",
    "id": "id: s3-versioning-suspend",
    "source": "source: [05-s3#object-versioning-mfa-delete]",
    "reference": "reference: https://docs.aws.amazon.com/...",
    "checked": "checked: 2026-11-26",
    "quote": 'quote: "the sentence, copied from the section"',
    "text": "text: Suspend versioning on the bucket.",
    "domain": "domain: resilient",
    "difficulty": "difficulty: medium",
    "type": "type: single",
    "stem": "stem: |  (then the scenario on the next lines)",
    "task": 'task: "1.1"',
    "services": "services: [s3, iam]",
    "references": "references: [{url: https://docs.aws.amazon.com/..., checked: 2026-12-02}]",
    "url": "url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
}

# What a newcomer should do about each pydantic error type.
FIXES = {
    "missing": "add the missing key `{field}`, lined up with the other keys of this {what}{example}",
    "extra_forbidden": "remove or rename `{field}`{suggest}",
    "literal_error": "use one of the allowed values: {expected}",
    "too_short": "`{field}` needs at least {min_length} entries; see {guide} for an example",
    "too_long": "`{field}` has too many entries; see {guide}",
    "string_type": "write `{field}` as text (quote it if it looks like a number or yes/no)",
    "bool_type": "write `{field}: true`, or leave the key out for false",
    "bool_parsing": "write `{field}: true`, or leave the key out for false",
    "list_type": "`{field}` is a list: put each entry on its own line starting with `- `",
    "dict_type": "each entry here is a mapping of keys; see {guide}",
    "model_type": "this should be a mapping of keys; check the indentation",
    "string_too_short": "`{field}` is empty or too short; write it out",
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD, e.g. 2026-11-26",
    "date_parsing": "write the date as YYYY-MM-DD, e.g. 2026-11-26",
    "date_type": "write the date as YYYY-MM-DD, e.g. 2026-11-26",
    "value_error": "{msg}",
    "reference_url": "link the English page a browser shows, ending in `.html`: no locale folder such as `/fr_fr`, no `.md`, no `//`, no `?query`",
    "service_unknown": "use the ids in data/services.yml (e.g. `s3`, `ec2-auto-scaling`); if the service is missing, add it there first",
}


def describe(loc: tuple, list_key: str) -> str:
    """('questions', 3, 'options', 1, 'why') -> 'option 2 `why`'; (0, 'current', 'unit') -> '`current.unit`'."""
    parts: list[str] = []
    keys: list[str] = []
    for i, part in enumerate(loc):
        if part == list_key or isinstance(part, int) and (i == 0 or loc[i - 1] == list_key):
            continue
        if isinstance(part, int):
            label = keys.pop() if keys else "item"
            parts.append(f"{label.rstrip('s')} {part + 1}")
        else:
            keys.append(str(part))
            continue
    if keys:
        parts.append("`" + ".".join(keys) + "`")
    return " ".join(parts)


def pydantic_issue(
    err: dict, path: str, lines, *, item: str | None, what: str, known_keys: list[str], guide: str, list_key: str, label: str
) -> Issue:
    loc = tuple(err["loc"])
    field = str(loc[-1]) if loc else "?"
    ctx = err.get("ctx", {})
    suggest = ""
    if err["type"] == "extra_forbidden":
        close = difflib.get_close_matches(field, known_keys, n=1)
        suggest = f" (did you mean `{close[0]}`?)" if close else f"; allowed keys: {', '.join(known_keys)}"
    msg = err["msg"].removeprefix("Value error, ")
    example = f", e.g. `{EXAMPLES[field]}`" if field in EXAMPLES else ""
    fix = FIXES.get(err["type"], "see {guide} for the format").format(
        example=example,
        field=field,
        what=what,
        suggest=suggest,
        expected=ctx.get("expected", ""),
        min_length=ctx.get("min_length", "more"),
        guide=guide,
        msg=msg,
    )
    where = describe(loc, list_key)
    problem = f"{where}: {msg[0].lower() + msg[1:]}" if where else msg
    return Issue(path, line_of(lines, loc), item, problem, fix, label)


def read_data(path, label: str, fix: str | None = None):
    """(path as shown, data, {key path: line}) of a YAML data file, or a DataError naming the
    file and line of a YAML mistake (fix: what to do, if not the YAML hint)."""
    from studysite.model.errors import NotesError
    from studysite.model.yaml_lines import load
    from studysite.paths import ROOT

    rel = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    try:
        data, lines = load(path.read_text(encoding="utf-8"), rel)
    except NotesError as exc:
        raise DataError([Issue(rel, exc.line, None, exc.problem, fix or exc.fix, label)]) from None
    return rel, data, lines
