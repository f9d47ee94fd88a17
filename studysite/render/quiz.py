"""The chapter quiz (added at the end of each chapter page by macros/__init__.py): a chapter's questions as HTML that reads without JavaScript.

Each question is templates/question.html, the one view of a question: the exam's bank carries
the same markup (exam.py). question.js enhances one question (check, feedback, shuffle);
quiz.js the chapter quiz (score, retry, saved progress, keys). Without script the questions,
options and answers in collapsible blocks remain.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from markupsafe import Markup

from studysite.model.blueprint import domain_names
from studysite.model.page_anchors import REF_RE
from studysite.model.quiz_bank import Question, QuizFile
from studysite.render.html_templates import templates
from studysite.render.safe_markdown import render, render_many
from studysite.render.urls import Linker

LETTERS = "ABCDE"


def revision(q: Question) -> str:
    """Changes when the options or key change, so saved answers to an old version are dropped."""
    material = "\x1f".join([q.stem] + [f"{o.text}\x1e{o.correct}" for o in q.options])
    return hashlib.sha1(material.encode()).hexdigest()[:10]


def source_links(q: Question, link: Linker, titles: dict) -> list[dict]:
    """titles: anchors(docs_dir), {page: {anchor: heading text}}."""
    links = []
    for ref in q.source:
        m = REF_RE.match(ref)
        page, anchor = m.group("page"), m.group("anchor")
        links.append({"href": link(page, anchor), "title": titles[page][anchor], "page": page})
    return links


def doc_label(url: str) -> str:
    """A readable name for an AWS page from its address alone, e.g. AmazonS3 › example-bucket-policies;
    the data holds no page titles, and a made-up title could mislead."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if parts.hostname == "docs.aws.amazon.com" and len(segments) >= 2:
        page = segments[-1].removesuffix(".html")
        return f"{segments[0]} › {page}" if page != "index" else segments[0]
    return (parts.hostname or "") + "/" + "/".join(segments)


def doc_links(q: Question) -> dict | None:
    """The AWS pages the question was checked against, with the latest check date."""
    if not q.references:
        return None
    return {
        "links": [{"href": r.url, "label": doc_label(r.url)} for r in q.references],
        "checked": max(r.checked for r in q.references).strftime("%-d %B %Y"),
    }


def prerender(bank: dict[str, QuizFile]) -> None:
    """Every stem, option and explanation of the bank in one Markdown pass (render_many)."""
    questions = [q for quiz in bank.values() for q in quiz.questions]
    render_many([(q.stem, False) for q in questions] + [(text, True) for q in questions for o in q.options for text in (o.text, o.why)])


def question_view(q: Question, number: int, link: Linker, titles: dict) -> dict:
    return {
        "q": q,
        "number": number,
        "rev": revision(q),
        "stem": render(q.stem),
        "pick": q.pick_label,
        "domain_label": domain_names()[q.domain],
        "options": [
            {"key": i, "letter": LETTERS[i], "text": render(o.text, inline=True), "why": render(o.why, inline=True), "correct": o.correct}
            for i, o in enumerate(q.options)
        ],
        "answer_letters": ", ".join(LETTERS[i] for i in q.correct),
        "sources": source_links(q, link, titles),
        "docs": doc_links(q),
    }


def question_html(view: dict, report_url: str) -> Markup:
    """One question's HTML: the markup the chapter quiz shows, for the exam's bank and review."""
    html = str(templates.get_template("question.html").module.question(view, report_url))
    return Markup("\n".join(line for line in html.split("\n") if line.strip()))


def render_quiz(quiz: QuizFile, titles: dict, report_url: str, link: Linker) -> Markup:
    """titles: anchors(docs_dir), {page: {anchor: heading text}}, read once per build (Site)."""
    views = [question_view(q, n, link, titles) for n, q in enumerate(quiz.questions, start=1)]
    html = templates.get_template("quiz.html").render(chapter=quiz.chapter, questions=views, report_url=report_url)
    # Python-Markdown passes an HTML block through untouched only if it has no blank lines.
    return Markup("\n".join(line for line in html.split("\n") if line.strip()))
