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
def pdf_file(tmp_path_factory) -> Path:
    return exported_pdf(tmp_path_factory.mktemp("pdf") / "guide.pdf")


@pytest.fixture(scope="module")
def pdf(pdf_file):
    import pypdfium2
    from pypdf import PdfReader

    reader = PdfReader(str(pdf_file))  # outline and links
    doc = pypdfium2.PdfDocument(str(pdf_file))  # text: PDFium reads 600 pages in ~4 s, pypdf took ~65 s
    return reader, [squash(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]


def outline_tree(reader, items) -> list[tuple[str, int, list]]:
    """pypdf lists an entry's children as a list right after it: (title, 1-based page, children)."""
    out: list[tuple[str, int, list]] = []
    for item in items:
        if isinstance(item, list):
            out[-1][2].extend(outline_tree(reader, item))
        else:
            out.append((item.title, reader.get_destination_page_number(item) + 1, []))
    return out


def walk(tree):
    for title, page, children in tree:
        yield title, page
        yield from walk(children)


def test_outline_mirrors_the_book(pdf):
    """Cover, contents, the notes' chapters each with its sections and quiz, answer keys, appendices."""
    from studysite.model.chapters import load_chapters

    reader, _ = pdf
    tree = outline_tree(reader, reader.outline)
    titles = [t for t, _, _ in tree]
    assert titles[:2] == ["Cover", "Contents"] and titles[3:] == ["Study notes", "Answer keys", "Appendices"], titles
    chapters = load_chapters()
    notes, keys, appendices = (tree[3][2], tree[4][2], tree[5][2])
    assert [t for t, _, _ in notes] == [f"{n}. {c.title}" for n, c in enumerate(chapters, start=1)]
    assert [t for t, _, _ in keys] == [f"{n}. {c.title}" for n, c in enumerate(chapters, start=1)]
    for title, _, sections in notes:
        assert len(sections) >= 2 and "Quiz" in [t for t, _, _ in sections], f"{title} lacks its sections or its quiz"
    assert [t.split(" · ")[1] for t, _, _ in appendices] == [
        "Limits & numbers",
        "Calculators",
        "What changed since the notes",
        "Diagrams",
        "Online-only features",
    ]
    entries = list(walk(tree))
    assert titles[2] == "Introduction"
    assert all(t.strip() and not any(ord(ch) > 0x2FFF for ch in t) for t, _ in entries), "no empty entry and no emoji"
    pages = [p for _, p in entries]
    assert pages == sorted(pages), "the outline follows the pages in order"
    assert len(entries) > 250, "sections are bookmarked too, not only chapters"


def test_contents_page_numbers_are_where_their_links_lead(pdf_file, pdf):
    """Each contents entry is one link over its title, leader and page number: the number printed
    under the link must be the page the link jumps to."""
    import pypdfium2

    reader, _ = pdf
    tree = outline_tree(reader, reader.outline)
    first, end = tree[1][1], tree[2][1]  # the contents run from its page to the introduction's
    named = {name: reader.get_destination_page_number(d) + 1 for name, d in reader.named_destinations.items()}
    doc = pypdfium2.PdfDocument(str(pdf_file))
    checked = []
    for number in range(first, end):
        text = doc[number - 1].get_textpage()
        for annot in reader.pages[number - 1].get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Link" or "/Dest" not in a:
                continue
            left, bottom, right, top = (float(v) for v in a["/Rect"])
            printed = text.get_text_bounded(left, bottom, right, top).strip()
            m = re.search(r"(\d+)$", printed)
            assert m, f"contents entry {printed!r} on page {number} has no page number"
            checked.append((printed, int(m.group(1)), named[str(a["/Dest"])]))
    wrong = [c for c in checked if c[1] != c[2]]
    assert not wrong, f"{len(wrong)} contents entries print the wrong page, e.g. {wrong[:3]}"
    assert len(checked) > 250


def test_no_section_heading_is_left_at_a_page_bottom(pdf_file):
    """Headings keep their first lines with them: every outlined heading has room for text below."""
    import pikepdf

    low = []
    with pikepdf.open(pdf_file) as doc, doc.open_outline() as outline:
        stack = list(outline.root)
        while stack:
            item = stack.pop()
            stack.extend(item.children)
            dest = item.destination
            if isinstance(dest, pikepdf.Array) and len(dest) > 3 and dest[1] == "/XYZ":
                if float(dest[3]) < 51 + 60:  # bottom margin (18 mm) + the heading and about three lines
                    low.append((item.title, float(dest[3])))
    assert not low, f"headings at a page bottom: {low[:5]}"


def test_each_quiz_says_on_which_page_its_answers_are(pdf):
    from studysite.model.chapters import load_chapters

    _, pages = pdf
    said = re.findall(r"are in Answer keys, chapter (\d+), on page (\d+)\.", " ".join(pages))
    chapters = load_chapters()
    assert [int(n) for n, _ in said] == list(range(1, len(chapters) + 1))
    for n, page in said:
        assert f"{n}. {chapters[int(n) - 1].title}" in pages[int(page) - 1], f"chapter {n}'s answers are not on page {page}"


def test_the_book_is_at_most_10_mb_and_tagged(pdf_file, pdf):
    reader, _ = pdf
    assert pdf_file.stat().st_size <= 10_000_000, f"{pdf_file.stat().st_size / 1e6:.1f} MB"
    assert "/StructTreeRoot" in reader.trailer["/Root"], "the PDF lost its accessibility tags"


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
    assert 150 <= len(reader.pages) <= 1200
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
    calc.scroll_into_view_if_needed()  # it starts when the learner comes near it
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
