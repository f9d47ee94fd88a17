"""Corrections at the statement: the line of the notes that states an outdated fact gets the
old value struck through beside the current one (when the value is on that line), and a
marker with the date checked, the AWS source and a link to the explanation on the
"What changed since the notes" page. Everything comes from data/; the notes stay as imported."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from macros.limits import _fmt
from macros.urls import Linker
from tools.data_files import Correction, Limit
from tools.statements import statement_line, statement_lines

CHANGES_PAGE = "changes"


@dataclass(frozen=True)
class InlineFix:
    id: str
    page: str
    anchor: str
    quote: str
    wrong: str  # the old value as the line writes it; "" when only a marker fits
    right: str  # the current value, or "" for a claim explained on the changes page
    reference: str
    checked: dt.date


def from_limit(lim: Limit, markdown: str) -> InlineFix | None:
    if not (lim.current and lim.from_notes):
        return None
    cur = lim.current
    line = statement_line(markdown, lim.anchor, lim.quote)
    spellings = [f"{_fmt(lim.value)} {lim.unit}", f"{lim.value} {lim.unit}", f"{lim.value}{lim.unit}"]
    wrong = next((s for s in spellings if line.count(s) == 1), "")
    return InlineFix(lim.id, lim.page, lim.anchor, lim.quote, wrong, f"{_fmt(cur.value)} {cur.unit}", cur.reference, cur.checked)


def from_correction(c: Correction) -> InlineFix | None:
    if not c.quote:
        return None
    page, anchor = c.anchor.split("#")
    return InlineFix(c.id, page, anchor, c.quote, c.wrong, c.right, c.reference, c.checked)


def marker(fix: InlineFix, link: Linker, struck: bool) -> str:
    now = "" if struck or not fix.right else f"now <strong>{html.escape(fix.right)}</strong> · "
    return (
        f' <span class="fix-mark" id="fix-{fix.id}"><span class="fix-mark__label">Corrected:</span> {now}'
        f'<a href="{link(CHANGES_PAGE, fix.id)}">what changed</a> · '
        f'<a href="{html.escape(fix.reference)}" rel="noopener">AWS docs, checked {fix.checked.isoformat()}</a></span>'
    )


def mark_line(line: str, fix: InlineFix, link: Linker) -> str:
    struck = bool(fix.wrong and fix.right and line.count(fix.wrong) == 1)
    if struck:
        line = line.replace(
            fix.wrong,
            f'<del class="fix-old" title="As the notes state it">{html.escape(fix.wrong)}</del> '
            f'<ins class="fix-new">{html.escape(fix.right)}</ins>',
        )
    mark = marker(fix, link, struck)
    body = line.rstrip()
    if body.lstrip().startswith("|") and body.endswith("|"):  # a table row: stay inside its last cell
        return body[:-1].rstrip() + mark + " |"
    return body + mark


def mark_statements(markdown: str, fixes: list[InlineFix], link: Linker) -> str:
    """The page's Markdown with each fix's line marked. The loaders have already checked
    that every quote stands on exactly one line of its section."""
    lines = markdown.split("\n")
    for fix in fixes:
        i = statement_lines(markdown, fix.anchor, fix.quote)[0]
        lines[i] = mark_line(lines[i], fix, link)
    return "\n".join(lines)


def changes_page(limits: list[Limit], corrections: list[Correction], titles: dict, link: Linker) -> str:
    """Every correction, by chapter: what the notes say, what AWS says now, since when, the source."""
    from macros.safe_markdown import render

    entries: dict[str, list[str]] = {}
    for lim in limits:
        if not lim.current:
            continue
        cur = lim.current
        where = "fix-" + lim.id if lim.from_notes else ""
        entries.setdefault(lim.page, []).append(
            _entry(
                lim.id,
                html.escape(lim.what) + f" ({html.escape(lim.service)})",
                f"{_fmt(lim.value)} {html.escape(lim.unit)}",
                f"<strong>{_fmt(cur.value)} {html.escape(cur.unit)}</strong>" + (f". {render(cur.note, inline=True)}" if cur.note else ""),
                "",
                cur.reference,
                cur.checked,
                link(lim.page, where or lim.anchor),
                titles[lim.page][lim.anchor],
            )
        )
    for c in corrections:
        page, anchor = c.anchor.split("#")
        entries.setdefault(page, []).append(
            _entry(
                c.id,
                html.escape(titles[page][anchor]),
                render(c.notes_say, inline=True),
                render(c.now, inline=True),
                render(c.exam_note, inline=True) if c.exam_note else "",
                c.reference,
                c.checked,
                link(page, "fix-" + c.id if c.quote else anchor),
                titles[page][anchor],
            )
        )
    total = sum(len(v) for v in entries.values())
    parts = [f"{total} corrections in {len(entries)} chapters.", ""]
    for page in sorted(entries):
        chapter = titles[page].get(next(iter(titles[page])), page)
        parts += [f"## {html.escape(chapter)} {{#{page}}}", "", '<dl class="changes">' + "".join(entries[page]) + "</dl>", ""]
    return "\n".join(parts)


def _entry(fid, topic, notes, now, exam, reference, checked, where_href, where_title) -> str:
    exam_line = f'<p class="changes-exam"><strong>On the exam:</strong> {exam}</p>' if exam else ""
    return (
        f'<dt id="{fid}">{topic}</dt><dd>'
        f"<p><strong>The notes say:</strong> {notes}</p>"
        f"<p><strong>AWS now:</strong> {now}</p>{exam_line}"
        f'<p class="changes-meta"><a href="{where_href}">Where the notes say it: {html.escape(where_title)}</a> · '
        f'<a href="{html.escape(reference)}" rel="noopener">AWS documentation</a>, checked {checked.isoformat()}</p></dd>'
    )
