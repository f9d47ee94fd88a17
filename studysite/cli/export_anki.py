"""Build the Anki deck: every bank question, number and correction as a note, from the same data
and the same HTML as the site's review (studysite/render/cards.py, the one question view).

    python -m studysite export-anki [--out site/downloads/saa-c03.apkg]

Model and deck ids are fixed, and each note's GUID comes from its card id (q:<question id>,
n:<limit id>, c:<correction id>), so importing a newer deck updates the learner's notes and keeps
their review history. Links point at the published site (site_url). The file is written next to
its final path and renamed into place, so a failed run leaves no partial file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import genanki
from mkdocs.config import load_config

from studysite.model.errors import NotesError
from studysite.model.validation import DataError
from studysite.paths import ROOT
from studysite.render import site as site_model
from studysite.render.cards import cards
from studysite.render.quiz import question_view
from studysite.render.urls import page_path

DEFAULT_OUT = ROOT / "site" / "downloads" / "saa-c03.apkg"
DECK_ID = 1_730_202_612  # fixed forever: Anki matches decks and models by id
MODEL_ID = 1_730_202_613
GUID_SALT = "saa-c03-study-site"
CSS = """
.card { font-family: system-ui, sans-serif; font-size: 18px; text-align: left; color: #222; background: #fff; }
.night_mode .card { color: #eee; background: #222; }
.kind { font-size: 13px; color: #777; }
.opts li { margin: 4px 0; }
.a { font-weight: bold; color: #2e7d32; }
.src { font-size: 13px; }
"""
MODEL = genanki.Model(
    MODEL_ID,
    "SAA-C03 Study Site card",
    fields=[{"name": "Id"}, {"name": "Front"}, {"name": "Back"}],
    templates=[{"name": "Card", "qfmt": "{{Front}}", "afmt": '{{FrontSide}}<hr id="answer">{{Back}}'}],
    css=CSS,
    sort_field_index=1,
)


def question_note(q, chapter: str, link, titles: dict, report_url: str) -> genanki.Note:
    v = question_view(q, 0, link, titles)
    pick = f"<p><b>{v['pick']}</b></p>" if v["pick"] else ""
    opts = "".join(f"<li><b>{o['letter']}.</b> {o['text']}</li>" for o in v["options"])
    front = f'<p class="kind">Question · {v["domain_label"]} · {q.difficulty}</p>{v["stem"]}{pick}<ol class="opts" type="A">{opts}</ol>'
    why = "".join(f"<li><b>{o['letter']}</b> {'✔' if o['correct'] else '✘'} {o['why']}</li>" for o in v["options"])
    notes = ", ".join(f'<a href="{s["href"]}">{s["title"]}</a>' for s in v["sources"])
    aws = ", ".join(f'<a href="{d["href"]}">{d["label"]}</a>' for d in v["docs"]["links"]) if v["docs"] else ""
    checked = f" (checked {v['docs']['checked']})" if v["docs"] else ""
    back = (
        f'<p class="a">Answer: {v["answer_letters"]}</p><ul>{why}</ul>'
        f'<p class="src">Notes: {notes}<br>AWS documentation{checked}: {aws}<br>'
        f'<a href="{report_url}{q.id}">Report a problem with this question</a></p>'
    )
    tags = ["saa-c03", "question", f"chapter::{chapter}", f"domain::{q.domain}", f"task::{q.task}", *(f"service::{s}" for s in q.services)]
    return genanki.Note(model=MODEL, fields=[f"q:{q.id}", front, back], tags=tags, guid=genanki.guid_for(GUID_SALT, f"q:{q.id}"))


def card_note(c) -> genanki.Note:
    kind = "number" if c.deck == "numbers" else "correction"
    tags = ["saa-c03", kind, f"chapter::{c.chapter}"]
    return genanki.Note(model=MODEL, fields=[c.id, c.front, c.back], tags=tags, guid=genanki.guid_for(GUID_SALT, c.id))


def build_deck(site_url: str, repo_url: str) -> genanki.Deck:
    site = site_model.load(str(ROOT / "docs"))
    base = site_url.rstrip("/") + "/"

    def link(page: str, anchor: str = "") -> str:
        return base + page_path(page, True) + (f"#{anchor}" if anchor else "")

    deck = genanki.Deck(DECK_ID, "SAA-C03 Study Site")
    for chapter, quiz in site.bank.items():
        for q in quiz.questions:
            deck.add_note(question_note(q, chapter, link, site.heading_titles, site_model.report_url(repo_url)))
    for c in cards(site.limits, site.corrections, site.heading_titles, link):
        deck.add_note(card_note(c))
    return deck


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    config = load_config(str(ROOT / "mkdocs.yml"))
    try:
        deck = build_deck(config["site_url"] or "/", config["repo_url"] or "")
    except (DataError, NotesError) as exc:
        print(f"export-anki: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    partial = args.out.with_name(args.out.name + ".partial")
    # A fixed timestamp: the same data gives the same note ids and the same file.
    genanki.Package(deck).write_to_file(str(partial), timestamp=1_764_633_600)
    partial.replace(args.out)
    kinds = {}
    for n in deck.notes:
        kinds[n.tags[1]] = kinds.get(n.tags[1], 0) + 1
    print(f"export-anki: {args.out} ({args.out.stat().st_size // 1024} KB): " + ", ".join(f"{v} {k}s" for k, v in kinds.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
