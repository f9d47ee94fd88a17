"""The practice exam and progress pages: the app shells, and the bank file exam.js loads."""

from __future__ import annotations

import json
from pathlib import Path

from markupsafe import Markup, escape

from studysite.model.blueprint import Blueprint
from studysite.model.exam_forms import Form
from studysite.model.quiz_bank import QuizFile
from studysite.render.cards import CARDS_FILE
from studysite.render.quiz import question_html, question_view
from studysite.render.urls import Linker, page_path

BANK_DIR = "assets/bank/"  # one script per chapter: a page fetches only the chapters it shows


def bank_payload(bank: dict[str, QuizFile], titles: dict, chapters: list[dict], link: Linker, report_url: str) -> dict:
    """The bank as JSON for exam.js. Each question carries the same HTML the chapter quiz shows
    (question_html), links relative to the site root; the other fields are what a draw and
    the score need. chapters: id, title, count, the same list the page index (bank_index) carries."""
    questions = []
    for chapter, quiz in bank.items():
        for q in quiz.questions:
            view = question_view(q, 0, link, titles)
            questions.append(
                {
                    "id": q.id,
                    "chapter": chapter,
                    "domain": q.domain,
                    "difficulty": q.difficulty,
                    "type": q.type,
                    "n": len(q.options),
                    "answer": q.correct,
                    "html": str(question_html(view, report_url)),
                }
            )
    return {"version": 2, "questions": questions, "chapters": chapters}


def bank_shards(payload: dict) -> dict[str, str]:
    """The bank as one script per chapter ({file name: script}), each adding its questions to
    window.SAA_BANK_PARTS: scripts, not JSON, so the exam also works from file://."""
    by_chapter: dict[str, list] = {}
    for q in payload["questions"]:
        by_chapter.setdefault(q["chapter"], []).append(q)
    out = {}
    for chapter, questions in by_chapter.items():
        out[f"{chapter}.js"] = f"(window.SAA_BANK_PARTS=window.SAA_BANK_PARTS||{{}})[{json.dumps(chapter)}]={js_value(questions)};\n"
    return out


def bank_index(bank: dict[str, QuizFile], chapters: list[dict], forms: list[Form], services: dict[str, str]) -> dict:
    """What the dashboard and the exam's first screen need, small enough to ship in the page:
    the chapters, per question what a draw and a drill need, the fixed forms, and the names of the
    services the bank uses (services: data/services.yml's id -> name)."""
    questions = [
        {"id": q.id, "chapter": c, "domain": q.domain, "difficulty": q.difficulty, "services": q.services, "n": len(q.options)}
        for c, quiz in bank.items()
        for q in quiz.questions
    ]
    used = sorted({s for q in questions for s in q["services"]}, key=lambda s: services[s].lower())
    return {
        "chapters": chapters,
        "questions": questions,
        "forms": [f.model_dump() for f in forms],
        "services": [{"id": s, "name": services[s]} for s in used],
    }


def js_value(value) -> str:
    """JSON that is safe inside a script ("</" cannot close it)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


def global_script(payload: dict, name: str) -> str:
    """A script setting window[name], not JSON, so it also loads from file:// where fetch() is blocked."""
    return f"window.{name}={js_value(payload)};\n"


def write_asset(site_dir: str, script: str, file: str) -> Path:
    path = Path(site_dir) / file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script, encoding="utf-8")
    return path


def app_shell(kind: str, blueprint: Blueprint, index: dict, noscript: str, root: str, directory_urls: bool) -> Markup:
    """The container exam.js / dashboard.js / review.js fill in; data attributes carry the
    blueprint, the bank's index (so the first screen needs no download), where the bank and
    the review cards are, and the URL style."""
    data = json.dumps(blueprint.model_dump(mode="json", by_alias=True), separators=(",", ":"))
    index_json = json.dumps(index, separators=(",", ":"), ensure_ascii=False)
    style = "dir" if directory_urls else "file"
    return Markup(
        f'<div class="saa-app saa-{kind}" data-app="{kind}" data-widget="{kind}" data-root="{root}" data-url-style="{style}" '
        f'data-bank="{root}{BANK_DIR}" data-cards="{root}{CARDS_FILE}" data-blueprint="{escape(data)}" data-index="{escape(index_json)}">'
        f'<p class="saa-loading">Loading…</p><noscript><p>{escape(noscript)}</p></noscript></div>'
    )


def continue_shell(chapters: list[dict], root: str, directory_urls: bool, href_root: str | None = None) -> Markup:
    """'Continue where you left off': continue.js fills it from saved progress; without
    script (or with no progress yet) it points at the first chapter. chapters: id, title, count.
    root: the site root from the page, for the script; href_root: the same for the link, where
    the engine rewrites links (Zensical) and so wants them from the source file's folder."""
    first = chapters[0]
    href_root = root if href_root is None else href_root
    data = json.dumps(chapters, separators=(",", ":"), ensure_ascii=False)
    style = "dir" if directory_urls else "file"
    return Markup(
        f'<div class="saa-continue admonition tip" data-widget="continue" data-root="{root}" data-url-style="{style}" '
        f'data-chapters="{escape(data)}"><p class="admonition-title">Continue where you left off</p>'
        f'<ul class="saa-continue-list"><li>Start with the first chapter: {escape(first["title"])}. '
        f'<a href="{href_root}{page_path(first["id"], directory_urls)}">Read it</a></li></ul></div>'
    )
