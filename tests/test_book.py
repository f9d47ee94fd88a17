"""The book's assembly (studysite/book/assemble.py) and the chapter names it prints, on small
pages: fast, no browser. The printed PDF itself is checked in test_exports.py."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from studysite.book.assemble import APPENDICES, BookError, OnlinePage, assemble
from studysite.model.chapters import Chapter, load_chapters
from studysite.model.validation import DataError
from studysite.render.chapters import read_page

ONLINE = [OnlinePage("exam", "https://example.org/site/exam/", "Practice exam", "A timed mock exam.")]
META = {
    "site_name": "Guide",
    "site_description": "A guide.",
    "site_url": "https://example.org/site/",
    "repo_url": "https://example.org/r",
    "build_date": "2026-12-02",
}
ONE = Chapter(heading="ONE", slug="one", title="The first chapter", description="What the first chapter covers.")


def appendix(page_id: str) -> str:
    body = {
        "limits": "<table><thead><tr><th>What</th></tr></thead><tbody><tr><td>a</td></tr><tr><td>b</td></tr></tbody></table>",
        "changes": '<dl class="changes"><dt id="c1">One</dt><dd>x</dd></dl>',
    }.get(page_id, "<p>text</p>")
    return f'<section class="print-page" id="{page_id}"><h1 id="{page_id}-t">{page_id.title()}<a class="headerlink" href="#{page_id}-t">¶</a></h1>{body}</section>'


def print_page(extra_body: str = "", extra_pages: str = "") -> str:
    chapter = f"""
<section class="print-page" id="01-one"><h1 id="01-one-one">🧪 ONE<a class="headerlink" href="#01-one-one">¶</a></h1>
<h2 id="01-one-part-a">🔑 Part A<a class="headerlink" href="#01-one-part-a">¶</a></h2>
<div id="correction-x">fixed</div><p><a href="#exam">practice exam</a> <a href="#01-one-correction-x">see the fix</a>
<a href="#01-one-__codelineno-0-1">1</a> {extra_body}</p>
<figure class="diagram"><img src="d.svg"></figure>
<h2 id="01-one-quiz">Quiz<a class="headerlink" href="#01-one-quiz">¶</a></h2>
<section class="quiz"><p class="quiz-intro">2 questions. Check your answers here.</p><noscript class="saa-deferred">
<ol class="quiz-questions"><li class="quiz-q">Q1</li><li class="quiz-q">Q2</li></ol>
<section class="quiz-key"><h3 class="quiz-key-title">Answer key</h3><ol><li>B</li><li>C</li></ol></section></noscript></section>
</section>"""
    return f"""<html><head><link href="../css/print-site-material.css" rel="stylesheet"></head><body>
<article class="md-content__inner md-typeset"><div id="print-site-page">
<section class="print-page" id="index"><h1 id="index-welcome">Welcome<a class="headerlink" href="#index-welcome">¶</a></h1></section>
<section class="print-page md-section" id="section-2"><h1>Study notes</h1>{chapter}</section>
<section class="print-page md-section" id="section-3"><h1>Reference</h1>{"".join(appendix(p) for p in APPENDICES)}{extra_pages}</section>
</div></article><script src="../javascripts/core.js"></script></body></html>"""


def test_the_book_reads_in_order_with_answer_keys_at_the_back():
    book = assemble(print_page(), (ONE,), ONLINE, META)
    soup = BeautifulSoup(book.html, "html.parser")
    order = [el.get("id") for el in soup.select("#print-site-page > *")]
    assert order == ["saa-cover", "saa-contents", "index", "saa-part-notes", "saa-part-answers", "saa-part-appendices"]

    top = [(e.title, e.target) for e in book.entries]
    assert top == [
        ("Introduction", "index"),
        ("Study notes", "saa-part-notes"),
        ("Answer keys", "saa-part-answers"),
        ("Appendices", "saa-part-appendices"),
    ]
    chapter = book.entries[1].children[0]
    assert (chapter.label, chapter.title, chapter.target) == ("1", "The first chapter", "chapter-01-one"), (
        "titles come from data, not the notes' heading"
    )
    assert [c.title for c in chapter.children] == ["Part A", "Quiz"], "sections without emoji or the ¶ of their permalink"
    assert [(e.label, e.title) for e in book.entries[3].children] == [
        ("A", "Limits"),
        ("B", "Calculators"),
        ("C", "Changes"),
        ("D", "Diagrams"),
        ("E", "Online-only features"),
    ]

    key = soup.find(id="answers-01-one")
    assert key.find_parent(id="saa-part-answers") is not None and soup.find(id="01-one").find(class_="quiz-key") is None
    assert key.h2.get_text() == "1. The first chapter"
    intro = soup.find(id="01-one").select_one(".quiz-intro")
    assert "2 scenario questions" in intro.get_text() and intro.select_one('a[href="#answers-01-one"]')
    assert intro.select_one('span.saa-page-ref[data-for="answers-01-one"]'), "the quiz says on which page its answers are"
    assert not soup.select("noscript"), "the questions are printed, not deferred"
    assert not soup.select('script[src$="core.js"], link[href$="print-site-material.css"]')

    contents = soup.find(id="saa-contents")
    targets = [a["href"][1:] for a in contents.select("a.saa-toc-entry")]
    assert targets == [e.target for e in book.walk()], "the contents and the outline are one tree"
    assert all(soup.find(id=t) for t in targets)
    assert len(contents.select("span.saa-page-ref")) == len(targets)
    cover = soup.find(id="saa-cover").get_text(" ", strip=True)
    assert "1 chapters of notes with 1 diagrams, 2 quiz questions" in cover and "2 numbers" in cover and "1 corrections" in cover


def test_links_land_in_the_book_or_on_the_web():
    soup = BeautifulSoup(assemble(print_page(), (ONE,), ONLINE, META).html, "html.parser")
    hrefs = {a.get_text(): a["href"] for a in soup.find(id="01-one").select("a[href]")}
    assert hrefs["practice exam"] == "https://example.org/site/exam/", "an online-only page gets its address"
    assert hrefs["see the fix"] == "#correction-x", "an anchor print-site prefixed with the wrong page"
    assert "1" not in hrefs, "code line numbers are not links on paper"


def test_a_link_to_nowhere_fails_the_book():
    with pytest.raises(BookError) as err:
        assemble(print_page('<a href="#01-one-no-such-section">x</a>'), (ONE,), ONLINE, META)
    assert "#01-one-no-such-section" in str(err.value) and "docs/" in str(err.value)


def test_a_page_the_book_does_not_place_fails_with_the_fix():
    with pytest.raises(BookError) as err:
        assemble(print_page(extra_pages=appendix("glossary")), (ONE,), ONLINE, META)
    assert "glossary" in str(err.value) and "APPENDICES" in str(err.value) and "exclude" in str(err.value)


def test_a_chapter_missing_from_the_print_page_fails():
    two = Chapter(heading="TWO", slug="two", title="The second chapter", description="What the second one covers.")
    with pytest.raises(BookError, match="no page '02-two'"):
        assemble(print_page(), (ONE, two), ONLINE, META)


def test_chapter_titles_are_escaped():
    evil = ONE.model_copy(update={"title": '<script>alert("x")</script>'})
    html = assemble(print_page(), (evil,), ONLINE, META).html
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_every_chapter_page_is_titled_from_data():
    """Navigation, page titles and the PDF read the same name: the front matter the importer writes."""
    for number, chapter in enumerate(load_chapters(), start=1):
        meta, _ = read_page(ROOT / "docs" / f"{number:02d}-{chapter.slug}.md")
        assert (meta["title"], meta["description"]) == (chapter.title, chapter.description)
        assert chapter.title[0].isupper() and not chapter.title.isupper() and chapter.title.isascii()


@pytest.mark.parametrize(
    "edit, expect",
    [
        (lambda t: t.replace("slug: vpc\n", "slug: s3\n", 1), ["chapters.yml:", "slug 's3' is used twice", "its own slug"]),
        (lambda t: t.replace("    slug: s3\n", "    slug: s3\n    titel: x\n", 1), ["chapters.yml:", "did you mean `title`"]),
        (lambda t: t.replace('title: "Amazon S3"', "title: [", 1), ["chapters.yml:", "not valid YAML"]),
    ],
)
def test_bad_chapter_data_names_file_line_and_fix(tmp_path, edit, expect):
    path = tmp_path / "chapters.yml"
    path.write_text(edit((ROOT / "data" / "chapters.yml").read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_chapters(path)
    message = str(err.value)
    assert all(e in message for e in expect), message
    assert "chapters.yml:" in message and any(ch.isdigit() for ch in message.split("chapters.yml:")[1][:4]), "the line is named"
