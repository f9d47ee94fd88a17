"""Review cards made from the data: a number card per limit and a correction card per
correction, as HTML fronts and backs. The review page loads them (assets/saa-cards.js); the Anki
deck (studysite/cli/export_anki.py) is built from the same cards. Question cards are the bank's
own questions (the one question view), so they are not repeated here."""

from __future__ import annotations

import html
from dataclasses import dataclass

from studysite.model.data_files import Correction, Limit
from studysite.render.limits import amount
from studysite.render.safe_markdown import render
from studysite.render.urls import Linker

CARDS_FILE = "assets/saa-cards.js"


@dataclass(frozen=True)
class Card:
    id: str  # n:<limit id> or c:<correction id>
    deck: str  # numbers | corrections
    chapter: str
    front: str  # HTML
    back: str  # HTML


def _source(page: str, anchor: str, titles: dict, link: Linker, reference: str = "", checked=None) -> str:
    title = html.escape(titles.get(page, {}).get(anchor, anchor))
    aws = f' · <a href="{html.escape(reference)}" rel="noopener">AWS documentation</a>' if reference else ""
    when = f", checked {checked.isoformat()}" if reference and checked else ""
    return f'<p class="card-src">Notes: <a href="{link(page, anchor)}">{title}</a>{aws}{when}</p>'


def number_card(lim: Limit, titles: dict, link: Linker) -> Card:
    front = f'<p class="card-kind">Number · {html.escape(lim.service)}</p><p class="card-q">{render(lim.what, inline=True)}?</p>'
    said = amount(lim.value, lim.unit)
    if lim.current:
        cur = lim.current
        answer = amount(cur.value, cur.unit)
        note = " ".join(render(t, inline=True) for t in (cur.note, cur.exam_note) if t)
        extra = f'<p class="card-old">The notes say <del>{said}</del>; AWS now says {answer}. {note}</p>'
        src = _source(lim.page, lim.anchor, titles, link, cur.reference, cur.checked)
    else:
        answer, extra = said, ""
        src = _source(lim.page, lim.anchor, titles, link, lim.reference, lim.checked)
    back = f'<p class="card-a">{answer}</p>{extra}{src}'
    return Card(f"n:{lim.id}", "numbers", lim.page, front, back)


def correction_card(c: Correction, titles: dict, link: Linker) -> Card:
    page, anchor = c.anchor.split("#")
    front = (
        f'<p class="card-kind">Correction · {html.escape(titles.get(page, {}).get(anchor, page))}</p>'
        f'<p class="card-q">{render(c.notes_say, inline=True)}</p><p class="card-ask">What is true now?</p>'
    )
    exam = f'<p class="card-exam"><strong>On the exam:</strong> {render(c.exam_note, inline=True)}</p>' if c.exam_note else ""
    back = f'<p class="card-a">{render(c.now, inline=True)}</p>{exam}{_source(page, anchor, titles, link, c.reference, c.checked)}'
    return Card(f"c:{c.id}", "corrections", page, front, back)


def cards(limits: list[Limit], corrections: list[Correction], titles: dict, link: Linker) -> list[Card]:
    """Every number and correction card, in the order of the notes' chapters."""
    out = [number_card(lim, titles, link) for lim in limits] + [correction_card(c, titles, link) for c in corrections]
    return sorted(out, key=lambda card: card.chapter)


def cards_payload(all_cards: list[Card]) -> dict:
    return {
        "version": 1,
        "cards": [{"id": c.id, "deck": c.deck, "chapter": c.chapter, "front": c.front, "back": c.back} for c in all_cards],
    }
