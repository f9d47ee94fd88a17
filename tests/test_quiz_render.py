"""The rendered quizzes match the YAML, are inert against hostile text, and stay light."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, soup_of

from studysite.model.quiz_bank import check_file, load_bank
from studysite.render.quiz import doc_label, question_html, question_view


def soup_of_html(html: str) -> BeautifulSoup:
    return BeautifulSoup(str(html), "html.parser")


LETTERS = "ABCDE"


@pytest.fixture(scope="module")
def bank():
    return load_bank(ROOT / "quizzes", ROOT / "docs")


def quiz_soup(site: Path, chapter: str):
    return soup_of(site / chapter / "index.html").select_one("section.quiz")  # parsed once per session


def test_rendered_key_matches_yaml_for_every_question(built_site: Path, bank):
    total = 0
    for chapter, quiz in bank.items():
        section = quiz_soup(built_site, chapter)
        assert section is not None, chapter
        rendered = section.select("li.quiz-q")
        assert len(rendered) == len(quiz.questions), chapter
        key_items = section.select(".quiz-key > ol > li")
        assert len(key_items) == len(quiz.questions), chapter
        for q, li, key in zip(quiz.questions, rendered, key_items, strict=True):
            assert li["data-qid"] == q.id
            assert li["data-answer"] == ",".join(map(str, q.correct)), q.id
            assert li["data-type"] == q.type
            inputs = li.select("input.quiz-input")
            assert len(inputs) == len(q.options)
            assert {i["type"] for i in inputs} == {"checkbox" if q.type == "multiple" else "radio"}
            letters = ", ".join(LETTERS[i] for i in q.correct)
            assert li.select_one(".quiz-answer strong").get_text() == f"Answer: {letters}", q.id
            assert key.select_one("strong").get_text() == letters, q.id
            marks = [m.get_text() for m in li.select(".quiz-explain > li")]
            assert [("✔" in m) for m in marks] == [o.correct for o in q.options], q.id
            if q.type == "multiple":
                words = {2: "two", 3: "three"}[len(q.correct)]
                assert li.select_one(".quiz-pick").get_text() == f"Choose {words}.", q.id
            links = li.select(".quiz-source a")
            assert len(links) == len(q.source)
            docs = li.select(".quiz-docs a")
            assert [a["href"] for a in docs] == [r.url for r in q.references], q.id
            total += 1
    assert total >= 300


@pytest.mark.parametrize(
    "url, label",
    [
        ("https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html", "AmazonS3 › Versioning"),
        ("https://docs.aws.amazon.com/vpc/latest/userguide/index.html", "vpc"),
        ("https://aws.amazon.com/s3/faqs/", "aws.amazon.com/s3/faqs"),
    ],
)
def test_aws_pages_are_named_from_their_address(url, label):
    assert doc_label(url) == label


def test_the_answer_cites_aws_pages_with_the_latest_check_date(tmp_path: Path):
    from conftest import GOOD_QUIZ

    extra = "      - url: https://aws.amazon.com/s3/faqs/\n        checked: 2026-11-30\n"
    path = tmp_path / "05-s3.yml"
    path.write_text(GOOD_QUIZ + extra)
    quiz, issues = check_file(path, str(ROOT / "docs"), {})
    assert not issues
    view = question_view(quiz.questions[0], 1, lambda page, anchor: f"/{page}/#{anchor}", {"05-s3": {"object-versioning-mfa-delete": "V"}})
    p = soup_of_html(question_html(view, "https://x/?q=")).select_one(".quiz-answer .quiz-docs")
    assert p.get_text().startswith("AWS documentation (checked 2 December 2026):")
    assert [a.get_text() for a in p.select("a")] == ["AmazonS3 › Versioning", "aws.amazon.com/s3/faqs"]


def test_source_links_resolve_to_headings(built_site: Path, bank):
    headings: dict[Path, set] = {}
    for chapter in bank:
        page = built_site / chapter / "index.html"
        for a in quiz_soup(built_site, chapter).select(".quiz-source a"):
            href = a["href"]
            target = page if href.startswith("#") else (page.parent / href.split("#")[0] / "index.html").resolve()
            if target not in headings:
                headings[target] = {h.get("id") for h in soup_of(target).select("h1,h2,h3,h4,h5,h6")}
            assert href.split("#")[1] in headings[target], f"{chapter}: {href}"


def test_quiz_is_readable_without_javascript(built_site: Path):
    section = quiz_soup(built_site, "05-s3")
    first = section.select_one("li.quiz-q")
    assert first.select_one(".quiz-stem").get_text(strip=True)
    assert len(first.select(".quiz-opt .quiz-text")) >= 4
    details = first.select_one("details.quiz-answer")
    assert details is not None and details.select_one("summary").get_text() == "Show the answer"
    assert "open" not in details.attrs


def test_report_link_carries_question_id(built_site: Path, bank):
    li = quiz_soup(built_site, "06-vpc").select_one("li.quiz-q")
    href = li.select_one(".quiz-report a")["href"]
    assert href.startswith("https://github.com/") and "template=wrong-answer.yml" in href
    assert href.endswith("question-id=" + bank["06-vpc"].questions[0].id)


def test_hostile_quiz_text_renders_inert(edited_site: Path):
    section = soup_of(edited_site / "01-iam-basics" / "index.html").select_one("section.quiz")
    assert section.find_all(["script", "iframe", "svg", "img", "object", "embed"]) == []
    for tag in section.find_all(True):
        assert not [a for a in tag.attrs if a.lower().startswith("on")], tag
        assert not str(tag.get("href", "")).strip().lower().startswith("javascript"), tag
    text = section.get_text()
    assert '<script>alert("stem")</script>' in text, "hostile markup should show as text"
    assert "click" in text


def test_quiz_assets_are_small_and_never_inlined(built_site: Path):
    assets = [built_site / "javascripts" / "quiz.js", built_site / "javascripts" / "progress.js", built_site / "stylesheets" / "quiz.css"]
    gz = sum(len(gzip.compress(p.read_bytes(), 9)) for p in assets)
    assert gz <= 15 * 1024, f"quiz CSS+JS is {gz} bytes gzipped"
    for page in built_site.rglob("*.html"):
        html = page.read_text()
        inline = re.findall(r"<(script|style)(?![^>]*\bsrc=)[^>]*>(.*?)</\1>", html, re.S)
        # The head's <style> only @imports the stylesheets (overrides/main.html): that is a link, not inlined code.
        code = [re.sub(r'@import url\("[^"]*"\);', "", body) for _, body in inline]
        assert not [body for body in code if "quiz" in body], f"quiz code inlined into {page}"


def test_one_pass_render_matches_rendering_each_fragment_alone(bank):
    """The build renders the bank's Markdown in one pass (render_many); each piece must come
    out exactly as if it had been rendered on its own, edge cases included."""
    from studysite.render import safe_markdown as sm

    tricky = [
        ('plain words, -- dashes, 1.5 GB, 50% off, "quotes" and é', True),
        ("2. starts like a list item", False),
        ("ends with two spaces  ", False),
        ("- a list\n- that ends here", False),
        ("    indented code at the end", False),
        ("| a | b |\n|---|---|\n| 1 | 2 |", False),
        ("text with <b onclick=x>html</b> & [a link](javascript:alert(1))", True),
        ("```\nan open fence", False),
        ("[ref]: https://example.com", False),
        ("", True),
    ]
    fragments = tricky + [(q.stem, False) for quiz in bank.values() for q in quiz.questions]
    fragments += [(t, True) for quiz in bank.values() for q in quiz.questions for o in q.options for t in (o.text, o.why)]
    sm._cache.clear()
    alone = {key: sm.render(*key) for key in fragments}
    markdown = {key: sm._finish(key[0], sm._md.reset().convert(key[0]), key[1]) for key in fragments}
    assert alone == markdown, "the plain-text shortcut differs from Python-Markdown"
    sm._cache.clear()
    sm.render_many(fragments)
    in_one_pass = len(sm._cache)
    batched = {key: sm.render(*key) for key in fragments}
    assert in_one_pass == len([k for k in alone if not sm._alone(k[0])]) > 3000, "the one pass fell back to one by one"
    differ = [key for key in alone if alone[key] != batched[key]]
    assert not differ, f"{len(differ)} fragments render differently in one pass, e.g. {differ[:2]}"


def test_the_exam_shows_each_question_in_the_chapter_quizs_markup(built_site: Path):
    """One question view: the bank carries, per question, the markup of the chapter quiz
    (templates/question.html); only the number and the links' base differ."""
    import json

    from bs4 import BeautifulSoup

    bank = {"questions": []}
    for part in sorted((built_site / "assets" / "bank").glob("*.js")):
        script = part.read_text(encoding="utf-8")
        head = f'(window.SAA_BANK_PARTS=window.SAA_BANK_PARTS||{{}})["{part.stem}"]='
        assert script.startswith(head), part.name
        questions = json.loads(script.removeprefix(head).rstrip().removesuffix(";"))
        assert {q["chapter"] for q in questions} == {part.stem}, "each file holds its chapter's questions"
        bank["questions"] += questions
    assert bank["questions"] and all(
        set(q) == {"id", "chapter", "domain", "difficulty", "type", "n", "answer", "html"} for q in bank["questions"]
    )

    def shape(li) -> list:
        return [(t.name, tuple(t.get("class", [])), t.get("data-key")) for t in li.find_all(True)]

    for q in bank["questions"]:
        ours = BeautifulSoup(q["html"], "html.parser").li
        chapter = quiz_soup(built_site, q["chapter"]).select_one(f"li#q-{q['id']}")
        assert chapter is not None, q["id"]
        assert shape(ours) == shape(chapter), q["id"]
        text = ours.get_text(" ", strip=True).replace("Question 0", "Question N")
        assert text == re.sub(r"^Question \d+", "Question N", chapter.get_text(" ", strip=True)), q["id"]
        assert len(ours.select(".quiz-opt")) == q["n"]


def test_page_inserts_find_the_page_under_zensical_too():
    """The notes' pages get their boxes, marks and quiz inside Python-Markdown, where Zensical
    names the page through its rendering-context preprocessor (imitated here): links in our
    HTML are then written from the source file's folder, which Zensical rewrites, except the
    quiz's, which sit in a <noscript> it leaves alone."""
    import markdown
    from markdown.preprocessors import Preprocessor

    class ContextPreprocessor(Preprocessor):  # the name page_inserts looks for
        def __init__(self, md, page, config):
            super().__init__(md)
            self.page, self.config = page, config

        def run(self, lines):
            return lines

    class Page:
        path, url = "05-s3.md", "05-s3/"

    config = {"docs_dir": str(ROOT / "docs"), "repo_url": "https://github.com/x/y", "use_directory_urls": True, "extra": {}}
    md = markdown.Markdown(extensions=["attr_list", "toc", "studysite.markdown.page_inserts", "studysite.markdown.html_blocks"])
    md.preprocessors.register(ContextPreprocessor(md, Page(), config), "rendering_context", 0)
    html = md.convert((ROOT / "docs" / "05-s3.md").read_text(encoding="utf-8").split("\n---\n", 1)[1])
    assert 'data-quiz="05-s3"' in html and 'id="limits-and-numbers"' in html
    assert 'class="admonition warning" id="correction-' in html and 'class="fix-mark"' in html
    notes, quiz = html.split('<section class="quiz"')
    assert 'href="changes/#' in notes and 'href="../changes/#' not in notes  # from the source folder
    assert re.search(r'href="\.\./\d\d-[a-z0-9-]+/#', quiz), "the quiz's links to other chapters start from the page URL"
    assert "§saa-html:" not in html


def test_the_quiz_steps_out_of_the_page_while_search_indexes_it_and_back_in_unchanged():
    from types import SimpleNamespace

    from studysite.hooks import search_skip
    from studysite.markdown.html_blocks import block

    quizzes = [f'<section class="quiz" data-quiz="c{i}">\n<p>question {i}</p>\n</section>' for i in range(3)]
    for html in quizzes:
        block(html, searchable=False)
    page_html = f"<h1>Notes</h1>\n{quizzes[1]}\n<p>after</p>\n{quizzes[2]}"
    hidden = search_skip.on_page_content(page_html, None, None, None)
    assert "question" not in hidden and hidden.count("<!--saa-unsearched:") == 2
    page = SimpleNamespace(content=hidden)
    search_skip.on_page_context({}, page=page, config=None, nav=None)
    assert page.content == page_html


def test_every_markdown_table_sits_in_a_host_of_its_own():
    """Material's table wrapping then restyles the host, not the whole article (studysite/markdown/table_hosts.py)."""
    import markdown
    from bs4 import BeautifulSoup

    text = "Intro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nBetween\n\n- item\n\n    | c |\n    |---|\n    | 3 |\n"
    html = markdown.markdown(text, extensions=["tables", "studysite.markdown.table_hosts"])
    soup = BeautifulSoup(html, "html.parser")
    tables = soup.find_all("table")
    assert len(tables) == 2
    for table in tables:
        assert table.parent.name == "div" and table.parent["class"] == ["table-host"] and len(table.parent.contents) == 1
    assert [p.get_text() for p in soup.find_all("p")] == ["Intro", "Between", "item"], "text around the tables is kept in order"
