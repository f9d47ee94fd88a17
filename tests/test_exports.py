"""The PDF and the offline zip: built once per session by the real commands, then checked."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, exported_pdf, reach_quiz

from studysite.model import diagrams
from studysite.model.quiz_bank import load_bank

pytestmark = pytest.mark.browser
CHAPTERS = sorted(p.stem for p in (ROOT / "docs").glob("[0-9][0-9]-*.md"))


def run_tool(module: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True, env=env or os.environ.copy(), timeout=600
    )


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def chapter_title(chapter: str) -> str:
    from studysite.render.chapters import read_page

    return read_page(ROOT / "docs" / f"{chapter}.md")[0]["title"]


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    import pypdfium2
    from pypdf import PdfReader

    out = exported_pdf(tmp_path_factory.mktemp("pdf") / "guide.pdf")
    reader = PdfReader(str(out))  # outline and links
    doc = pypdfium2.PdfDocument(str(out))  # text: PDFium reads 600 pages in ~4 s, pypdf took ~65 s
    return reader, [squash(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]


def outline_titles(items) -> list[str]:
    out = []
    for item in items:
        if isinstance(item, list):
            out += outline_titles(item)
        else:
            out.append(item.title)
    return out


def test_outline_holds_every_chapter(pdf):
    reader, _ = pdf
    titles = [squash(t) for t in outline_titles(reader.outline)]
    for chapter in CHAPTERS:
        want = re.sub(r"[^\w]", "", chapter_title(chapter).lower())
        assert any(want in re.sub(r"[^\w]", "", t.lower()) for t in titles), chapter
    assert len(titles) > 200, "sections should be bookmarked too, not only chapters"


def test_text_has_chapters_and_answer_keys(pdf):
    _, pages = pdf
    text = re.sub(r"[^\w]", "", " ".join(pages).lower())
    for chapter in CHAPTERS:
        assert re.sub(r"[^\w]", "", chapter_title(chapter).lower()) in text, chapter
    bank = load_bank(ROOT / "quizzes", ROOT / "docs")
    for chapter in ("01-iam-basics", "11-rds", "19-dynamodb-nosql"):
        q = bank[chapter].questions[0]
        why = next(o.why for o in q.options if o.correct)
        assert re.sub(r"[^\w]", "", why.lower())[:80] in text, f"answer key of {q.id}"
    assert "answerkey" in text and "whatislimited" in text


def test_diagrams_print_as_vectors_with_their_captions(pdf):
    """Lazy images must still print, and an SVG printed as vectors keeps its labels as text."""
    _, pages = pdf
    text = " ".join(pages)
    for d in [d for d in diagrams.load_all(ROOT / "docs") if d.id in ("nat-gateway-per-az", "s3-lifecycle-waterfall")]:
        assert squash(d.caption) in text, d.id
    assert "NAT gateway A" in text and "Glacier Deep Archive" in text, "diagram labels are missing: printed as pictures, or not at all"


def test_page_count_and_no_blank_pages(pdf):
    reader, pages = pdf
    assert 150 <= len(reader.pages) <= 1500
    blank = [i + 1 for i, t in enumerate(pages) if not t]
    assert not blank, f"blank pages: {blank[:10]}"


def test_leaves_out_interactive_pages(pdf):
    _, pages = pdf
    text = " ".join(pages)
    assert (
        "Start a practice exam" not in text and "Export progress" not in text and "each button shows when the card comes back" not in text
    )
    assert "Check answer" not in text and "Retry wrong answers" not in text


@pytest.mark.parametrize(
    "env, message",
    [
        ({"CHROMIUM": "/nonexistent/chrome"}, "is not an executable file"),
        ({"PATH": "/nonexistent-bin"}, "no Chromium found"),
    ],
)
def test_missing_chromium_fails_clearly_without_a_file(tmp_path: Path, env, message):
    out = tmp_path / "guide.pdf"
    full = {k: v for k, v in os.environ.items() if k != "CHROMIUM"} | env
    result = subprocess.run(
        [sys.executable, "-m", "studysite", "export-pdf", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=full,
        timeout=120,
    )
    assert result.returncode == 1
    assert message in result.stderr
    assert "apt-get install chromium" in result.stderr or "CHROMIUM=" in result.stderr, "the message says how to get one"
    assert "Traceback" not in result.stderr
    assert not out.exists()


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("offline")
    out = tmp / "site.zip"
    result = run_tool("studysite.cli.export_offline", "--out", str(out))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as zf:
        zf.extractall(tmp)
    return tmp / "saa-c03-study-site"


@pytest.fixture
def file_page(offline_site, browser):
    """The unzipped offline copy opened from file://, as a learner would double-click it."""
    context = browser.new_context()
    remote: list[str] = []
    context.on("request", lambda r: remote.append(r.url) if r.url.startswith(("http:", "https:")) else None)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.root = offline_site.as_uri()
    yield page
    context.close()
    assert remote == [], f"the offline site requested {remote}"
    assert errors == [], errors


def test_offline_search_returns_results(file_page):
    file_page.goto(f"{file_page.root}/index.html")
    file_page.locator(".md-search__input").click()
    # Material says "Type to start searching" once its worker has loaded the inlined index.
    file_page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('Type to start')", timeout=30_000)
    file_page.locator(".md-search__input").press_sequentially("transit gateway", delay=30)
    file_page.wait_for_selector(".md-search-result__item", timeout=30_000)
    assert file_page.locator(".md-search-result__item").count() > 0
    assert "Transit" in file_page.locator(".md-search-result").inner_text()


def test_offline_quiz_and_calculator_work(file_page):
    file_page.goto(f"{file_page.root}/19-dynamodb-nosql.html")
    q = reach_quiz(file_page).first
    q.locator(".quiz-check").wait_for()
    for k in q.get_attribute("data-answer").split(","):
        q.locator(f'.quiz-opt[data-key="{k}"] .quiz-input').check()
    q.locator(".quiz-check").click()
    assert q.locator(".quiz-result-head").inner_text() == "✔ Correct."
    calc = file_page.locator('.calc[data-calc="dynamodb-capacity"]')
    calc.locator('[name="writes"]').fill("20")
    assert calc.locator('[data-out="wcu"]').get_attribute("data-value") == "60"
    link = q.locator(".quiz-result .quiz-source a").first.get_attribute("href")
    assert link.startswith("#") or ".html" in link


def test_offline_diagrams_load_from_file_urls(file_page):
    file_page.goto(f"{file_page.root}/06-vpc.html")
    fig = file_page.locator("#diagram-nat-gateway-per-az")
    fig.scroll_into_view_if_needed()
    file_page.wait_for_function(
        "() => [...document.querySelectorAll('#diagram-nat-gateway-per-az img')].some(i => i.offsetParent && i.complete && i.naturalWidth > 0)"
    )


def test_offline_exam_starts(file_page):
    file_page.goto(f"{file_page.root}/exam.html")
    file_page.wait_for_selector(".saa-start")
    file_page.check("#saa-size-quick")
    file_page.click(".saa-start")
    file_page.wait_for_selector(".saa-question")
    href = file_page.locator(".saa-map-btn").count()
    assert href == 10


def test_internal_links_are_clickable(pdf):
    """Links between sections become in-document jumps, not web addresses."""
    reader, _ = pdf
    internal = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") == "/Link" and ("/Dest" in a or (a.get("/A") or {}).get("/S") == "/GoTo"):
                internal += 1
    assert internal >= 100, f"only {internal} internal links in the PDF"


def test_offline_review_schedules_a_wrong_answer(file_page):
    file_page.goto(f"{file_page.root}/05-s3.html")
    q = reach_quiz(file_page).first
    key = [int(k) for k in q.get_attribute("data-answer").split(",")]
    wrong = [next(k for k in range(5) if k not in key), *key[1:]]
    for k in wrong:
        q.locator(f'.quiz-opt[data-key="{k}"] .quiz-input').check()
    q.locator(".quiz-check").click()
    file_page.goto(f"{file_page.root}/review.html")
    file_page.wait_for_selector(f'.saa-card[data-card="q:{q.get_attribute("data-qid")}"]')
    file_page.locator(".saa-reveal").click()
    file_page.locator('.saa-rate[data-rating="3"]').click()
    file_page.wait_for_selector(".saa-card, .saa-review-done")
