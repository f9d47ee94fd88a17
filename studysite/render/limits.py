"""Limits tables (per chapter and the full reference page) and Correction boxes."""

from __future__ import annotations

import html
from collections import defaultdict
from itertools import groupby

from markupsafe import Markup

from studysite.markdown.html_blocks import block
from studysite.model.data_files import Correction, Limit
from studysite.render.safe_markdown import render
from studysite.render.urls import Linker


def _fmt(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else html.escape(str(value))


def amount(value, unit: str) -> str:
    """A value and its unit as HTML, e.g. 10,000 parts."""
    return f"{_fmt(value)} {html.escape(unit)}"


def value_cell(lim: Limit) -> str:
    notes = amount(lim.value, lim.unit)
    if not lim.current:
        return notes
    cur = lim.current
    said = " ".join(render(t, inline=True) for t in (cur.note, cur.exam_note) if t)
    note = f' <span class="limit-note">{said}</span>' if said else ""
    return (
        f'<del title="Value in the notes">{notes}</del> '
        f'<strong class="limit-current">{amount(cur.value, cur.unit)}</strong> '
        f'<span class="limit-badge">corrected</span>{note} '
        f'<a class="limit-ref" href="{html.escape(cur.reference)}" rel="noopener">AWS docs, checked {cur.checked.isoformat()}</a>'
    )


def source_cell(lim: Limit, link: Linker, titles: dict) -> str:
    href = link(lim.page, lim.anchor)
    title = html.escape(titles.get(lim.page, {}).get(lim.anchor, lim.anchor))
    origin = (
        ""
        if lim.from_notes
        else (
            f' <span class="limit-badge limit-badge--extra">not in the notes</span> '
            f'<a class="limit-ref" href="{html.escape(lim.reference)}" rel="noopener">AWS docs</a>'
        )
    )
    return f'<a href="{href}">{title}</a>{origin}'


def limits_table(limits: list[Limit], link: Linker, titles: dict, with_service: bool) -> str:
    head = "<th>Service</th>" if with_service else ""
    rows = []
    for lim in limits:
        svc = f"<td>{html.escape(lim.service)}</td>" if with_service else ""
        search = html.escape(f"{lim.service} {lim.what} {lim.value} {lim.unit}".lower())
        rows.append(
            f'<tr id="limit-{lim.id}" data-search="{search}"{" class=is-corrected" if lim.current else ""}>{svc}'
            f"<td>{html.escape(lim.what)}</td><td>{value_cell(lim)}</td><td>{source_cell(lim, link, titles)}</td></tr>"
        )
    return (
        f'<div class="limits-table"><table><thead><tr>{head}<th>What is limited</th><th>Value</th><th>Where it is taught</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def chapter_limits(limits: list[Limit], page: str, titles: dict, link: Linker) -> Markup:
    mine = sorted((lim for lim in limits if lim.page == page), key=lambda lim: lim.service)
    if not mine:
        return Markup("")
    parts = [
        "## Limits & numbers {#limits-and-numbers}",
        "",
        "The numbers this chapter teaches, checked against AWS documentation. All of them are on the [Limits & numbers](limits.md) page.",
        "",
    ]
    for service, group in groupby(mine, key=lambda lim: lim.service):
        parts += [f"### {html.escape(service)} {{#limits-{_slug(service)}}}", "", block(limits_table(list(group), link, titles, False)), ""]
    return Markup("\n".join(parts))


def reference_page(limits: list[Limit], titles: dict, link: Linker) -> Markup:
    by_service = defaultdict(list)
    for lim in limits:
        by_service[lim.service].append(lim)
    corrected = sum(1 for lim in limits if lim.current)
    parts = [
        f"{len(limits)} numbers from the notes and the exam, in {len(by_service)} services. "
        f"{corrected} of them are out of date in the notes: the old value is struck through, next to the current one and its AWS reference.",
        "",
        '<div class="limits-filter" data-widget="limits-filter" hidden><label for="limits-filter-input">Filter</label> '
        '<input id="limits-filter-input" type="search" placeholder="e.g. s3 object size" autocomplete="off"> '
        '<span class="limits-count" role="status" aria-live="polite"></span></div>',
        "",
    ]
    for service in sorted(by_service):
        parts += [
            f"## {html.escape(service)} {{#limits-{_slug(service)}}}",
            "",
            block(limits_table(by_service[service], link, titles, False)),
            "",
        ]
    return Markup("\n".join(parts))


def correction_box(c: Correction) -> str:
    """A Material admonition, inserted under the heading of the sub-section that states it
    (its marked line links here)."""
    exam = f"<br><strong>On the exam:</strong> {render(c.exam_note, inline=True)}" if c.exam_note else ""
    return (
        f'<div class="admonition warning" id="correction-{c.id}"><p class="admonition-title">Correction</p><p>'
        f"<strong>The notes say:</strong> {render(c.notes_say, inline=True)}<br>"
        f"<strong>Current AWS:</strong> {render(c.now, inline=True)}{exam}<br>"
        f'<a href="{html.escape(c.reference)}" rel="noopener">AWS documentation</a>, checked {c.checked.isoformat()}</p></div>'
    )


def _slug(text: str) -> str:
    from studysite.markdown.heading_slugs import slugify

    return slugify(text)
