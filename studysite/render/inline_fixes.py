"""Corrections at the statement: the line of the notes that states an outdated fact gets the
old value struck through beside the current one (when the value is on that line), and a
marker with the date checked, the AWS source and a link to the explanation on the
"What changed since the notes" page. Everything comes from data/; the notes stay as imported."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

from studysite.model.data_files import Correction, Limit
from studysite.model.errata import Placed
from studysite.model.statements import body_lines_with, statement_line, statement_lines
from studysite.render.limits import _fmt
from studysite.render.urls import Linker

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
    box: bool = False  # the explanation stands in a box at the section, and the marker links there
    entry: str = ""  # the data entry's id, when this line repeats its fact ("" = id)

    @property
    def entry_id(self) -> str:
        return self.entry or self.id


def from_limit(lim: Limit, markdown_of) -> list[InlineFix]:
    """One fix per line of the notes that states the old value (`quote`, then `also`)."""
    if not (lim.current and lim.from_notes):
        return []
    cur = lim.current
    spellings = [f"{_fmt(lim.value)} {lim.unit}", f"{lim.value} {lim.unit}", f"{lim.value}{lim.unit}"]
    bare = str(lim.value) if _bare(lim.value, lim.unit) else ""
    out = []
    for n, (page, anchor, quote) in enumerate([(lim.page, lim.anchor, lim.quote)] + [(s.page, s.anchor, s.quote) for s in lim.also]):
        line = statement_line(markdown_of(page), anchor, quote)
        # In a table the unit sits in the header, so the cell holds the bare number ("16,000").
        number = _fmt(lim.value) if line.lstrip().startswith("|") and isinstance(lim.value, int | float) else ""
        wrong = next((s for s in spellings if line.count(s) == 1), "") or next((b for b in (bare, number) if _stands_alone(b, line)), "")
        # A bare old number gets a bare new one when the unit is unchanged: the line's own unit follows.
        right = _fmt(cur.value) if wrong and wrong == number and cur.unit == lim.unit else _said(cur.value, cur.unit)
        out.append(InlineFix(_nth(lim.id, n), page, anchor, quote, wrong, right, cur.reference, cur.checked, entry=lim.id))
    return out


def _bare(value, unit: str) -> bool:
    """A count, or a value that is words ("FIPS 140-2 Level 3"), reads without its unit."""
    return unit == "count" or (isinstance(value, str) and not value[:1].isdigit())


def _stands_alone(word: str, line: str) -> bool:
    """`word` occurs once in the line, and not inside a longer number or word (5 in 15, 2 in 2023)."""
    return bool(word) and line.count(word) == 1 and bool(re.search(rf"(?<![\w.]){re.escape(word)}(?![\d.,]\d)(?!\d)", line))


def _said(value, unit: str) -> str:
    return _fmt(value) if _bare(value, unit) else f"{_fmt(value)} {unit}"


def from_correction(c: Correction) -> list[InlineFix]:
    if not c.quote:
        return []
    page, anchor = c.anchor.split("#")
    out = [InlineFix(c.id, page, anchor, c.quote, c.wrong, c.right, c.reference, c.checked, box=not c.right)]
    for n, s in enumerate(c.also, start=1):
        # A repeat points to the same explanation: the box under the first line, or the changes page.
        out.append(InlineFix(_nth(c.id, n), s.page, s.anchor, s.quote, s.wrong, s.right, c.reference, c.checked, entry=c.id))
    return out


def _nth(fix_id: str, n: int) -> str:
    """Marker ids: the first line keeps the entry's id, repeats get -2, -3 ..."""
    return fix_id if n == 0 else f"{fix_id}-{n + 1}"


def marker(fix: InlineFix, link: Linker, struck: bool) -> str:
    now = "" if struck or not fix.right else f"now <strong>{html.escape(fix.right)}</strong> · "
    why = f"#correction-{fix.id}" if fix.box else link(CHANGES_PAGE, fix.entry_id)
    return (
        f' <span class="fix-mark" id="fix-{fix.id}"><span class="fix-mark__label">Corrected:</span> {now}'
        f'<a href="{why}">{"why" if fix.box else "what changed"}</a> · '
        f'<a href="{html.escape(fix.reference)}" rel="noopener">AWS docs, checked {fix.checked.isoformat()}</a></span>'
    )


def mark_line(line: str, fix: InlineFix, link: Linker) -> str:
    code = f"`{fix.wrong}`"
    if fix.wrong and fix.right and line.count(code) == 1:
        # A value in a code span: HTML inside backticks would show as text, so the span goes
        # whole and each value keeps its code styling.
        old, new = html.escape(fix.wrong), html.escape(fix.right)
        line = line.replace(
            code,
            f'<del class="fix-old" title="As the notes state it"><code>{old}</code></del> <ins class="fix-new"><code>{new}</code></ins>',
        )
        return _append(line, marker(fix, link, True))
    struck = bool(fix.wrong and fix.right and line.count(fix.wrong) == 1)
    if struck:
        line = line.replace(
            fix.wrong,
            f'<del class="fix-old" title="As the notes state it">{html.escape(fix.wrong)}</del> '
            f'<ins class="fix-new">{html.escape(fix.right)}</ins>',
        )
    return _append(line, marker(fix, link, struck))


def _append(line: str, mark: str) -> str:
    body = line.rstrip()
    if body.lstrip().startswith("|") and body.endswith("|"):  # a table row: stay inside its last cell
        return body[:-1].rstrip() + mark + " |"
    return body + mark


def mark_statements(markdown: str, fixes: list[InlineFix], edits: list[Placed], link: Linker) -> str:
    """The page's Markdown with each fix's line marked. The loaders have already checked
    that every quote stands on exactly one line of its section, and every erratum on one line."""
    lines = markdown.split("\n")
    for fix in fixes:
        i = statement_lines(markdown, fix.anchor, fix.quote)[0]
        lines[i] = mark_line(lines[i], fix, link)
    for edit in edits:
        i = body_lines_with(markdown, edit.erratum.replace)[0]  # the page body, without front matter
        lines[i] = _append(lines[i], edit_mark(edit, link))
    return "\n".join(lines)


def changed_words(find: str, replace: str) -> tuple[str, str]:
    """The words a typo fix changed, without the context quoted to make it unique."""
    a, b = find.split(" "), replace.split(" ")
    while len(a) > 1 and len(b) > 1 and a[0] == b[0]:
        a, b = a[1:], b[1:]
    while len(a) > 1 and len(b) > 1 and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    return " ".join(a), " ".join(b)


def edit_mark(edit: Placed, link: Linker) -> str:
    """Small and quiet: a typo fixed on import, with what the original notes wrote."""
    was, _ = changed_words(edit.erratum.find, edit.erratum.replace)
    return (
        f' <span class="erratum-mark" id="{edit.erratum.id}">(<a href="{link(CHANGES_PAGE, edit.erratum.id)}">edited</a>: '
        f"the notes wrote “{html.escape(was)}”)</span>"
    )


def changes_page(
    limits: list[Limit], corrections: list[Correction], edits: list[Placed], titles: dict, chapters: dict[str, str], link: Linker
) -> str:
    """Every correction, by chapter: what the notes say, what AWS says now, since when, the source.
    titles: {page: {anchor: heading}}; chapters: {page: chapter title}."""
    from studysite.render.safe_markdown import render

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
                render(cur.exam_note, inline=True) if cur.exam_note else "",
                cur.reference,
                cur.checked,
                link(lim.page, where or lim.anchor),
                titles[lim.page][lim.anchor],
                _also(lim.id, lim.also, titles, link),
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
                _also(c.id, c.also, titles, link),
            )
        )
    total = sum(len(v) for v in entries.values())
    parts = [f"{total} corrections in {len(entries)} chapters.", ""]
    for page in sorted(entries):
        chapter = chapters.get(page, page)
        parts += [f"## {html.escape(chapter)} {{#{page}}}", "", '<dl class="changes">' + "".join(entries[page]) + "</dl>", ""]
    return "\n".join(parts + _edits_section(edits, chapters, link))


def _edits_section(edits: list[Placed], chapters: dict[str, str], link: Linker) -> list[str]:
    if not edits:
        return []
    rows = []
    for e in edits:
        was, now = changed_words(e.erratum.find, e.erratum.replace)
        chapter = chapters.get(e.page, e.page)
        rows.append(
            f'<tr id="{e.erratum.id}"><td><a href="{link(e.page, e.erratum.id)}">{html.escape(chapter)}</a></td>'
            f"<td>{html.escape(was)}</td><td>{html.escape(now)}</td><td>{html.escape(e.erratum.why)}</td></tr>"
        )
    return [
        "## Typos fixed in the notes {#typos}",
        "",
        f"The site fixes {len(edits)} typos of the original notes where they stand, marked “edited” there.",
        "The list is `data/errata.yml`; the original notes are kept unchanged in the repository.",
        "",
        '<table><thead><tr><th scope="col">Chapter</th><th scope="col">The notes wrote</th>'
        '<th scope="col">The site reads</th><th scope="col">Why</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>",
        "",
    ]


def _also(entry_id: str, also: list, titles: dict, link: Linker) -> str:
    """Links to the other lines that state the same fact."""
    links = [
        f'<a href="{link(s.page, "fix-" + _nth(entry_id, n))}">{html.escape(titles[s.page][s.anchor])}</a>'
        for n, s in enumerate(also, start=1)
    ]
    return " · also: " + ", ".join(links) if links else ""


def _entry(fid, topic, notes, now, exam, reference, checked, where_href, where_title, also="") -> str:
    exam_line = f'<p class="changes-exam"><strong>On the exam:</strong> {exam}</p>' if exam else ""
    return (
        f'<dt id="{fid}">{topic}</dt><dd>'
        f"<p><strong>The notes say:</strong> {notes}</p>"
        f"<p><strong>AWS now:</strong> {now}</p>{exam_line}"
        f'<p class="changes-meta"><a href="{where_href}">Where the notes say it: {html.escape(where_title)}</a>{also} · '
        f'<a href="{html.escape(reference)}" rel="noopener">AWS documentation</a>, checked {checked.isoformat()}</p></dd>'
    )
