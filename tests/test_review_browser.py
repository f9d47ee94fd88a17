"""Spaced repetition in real Chromium, with Playwright's clock: a wrong answer comes back,
a rating schedules it, export and import keep the schedule, and corrupt storage is survived."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import reach_quiz
from test_exam_browser import KEY, saved_state

pytestmark = pytest.mark.browser
DAY_MS = 86_400_000


def answer_first_wrong(page, chapter="05-s3") -> str:
    page.goto(f"{page.base}/{chapter}/")
    q = reach_quiz(page).first
    key = [int(k) for k in q.get_attribute("data-answer").split(",")]
    n = q.locator(".quiz-opt").count()
    wrong = [next(k for k in range(n) if k not in key), *key[1:]]
    for k in wrong:
        q.locator(f'.quiz-opt[data-key="{k}"] .quiz-input').check()
    q.locator(".quiz-check").click()
    return q.get_attribute("data-qid")


def only_questions(page) -> None:
    """Turn the numbers and corrections decks off, so the queue holds the questions alone."""
    page.locator(".saa-review-settings summary").click()
    for deck in ("numbers", "corrections"):
        page.uncheck(f"#saa-deck-{deck}")
        page.wait_for_selector(".saa-review-settings")


def open_review(page) -> None:
    page.goto(f"{page.base}/review/")
    page.wait_for_selector(".saa-card, .saa-review-done")


def test_a_wrong_answer_comes_back_and_good_schedules_it_days_ahead(page):
    page.clock.install()
    qid = answer_first_wrong(page)
    open_review(page)
    only_questions(page)
    card = page.locator(".saa-card")
    assert card.get_attribute("data-card") == f"q:{qid}"
    assert page.inner_text(".saa-review-summary").startswith("1 due (1 question, 0 numbers, 0 corrections)")
    page.locator(".saa-card h2").focus()
    page.keyboard.press("Space")
    page.wait_for_selector(".saa-rates")
    assert page.locator(".saa-question .quiz-q.is-answered").count() == 1, "the back shows the key and the explanations"
    assert page.get_attribute('.saa-rate[data-rating="3"]', "aria-label").startswith("Good, next in ")
    page.keyboard.press("3")  # Good: the second learning step
    page.wait_for_selector(".saa-review-done")
    page.clock.run_for(11 * 60_000)
    open_review(page)
    page.locator(".saa-card h2").focus()
    page.keyboard.press("Space")
    page.keyboard.press("3")  # Good again: it graduates to days
    page.wait_for_selector(".saa-review-done")
    due = saved_state(page)["review"]["cards"][f"q:{qid}"]["due"]
    now = page.evaluate("Date.now()")
    assert due - now >= DAY_MS
    page.clock.run_for(DAY_MS - 60_000)  # not due tomorrow...
    open_review(page)
    assert page.locator(".saa-card").count() == 0
    page.clock.run_for(due - page.evaluate("Date.now()") + 1000)  # ...but once its interval has passed
    open_review(page)
    assert page.locator(".saa-card").get_attribute("data-card") == f"q:{qid}"
    assert len(saved_state(page)["review"]["log"]) == 2


def test_the_dashboard_counts_only_what_the_review_would_show(page):
    """A chapter turned off in the review's settings leaves the dashboard's 'due today' too."""
    answer_first_wrong(page, "05-s3")
    page.goto(f"{page.base}/progress/")
    assert page.inner_text(".saa-review-stats").startswith("1 card due today")
    open_review(page)
    page.locator(".saa-review-settings summary").click()
    page.uncheck("#saa-chapter-05-s3")
    page.wait_for_function(f"JSON.parse(localStorage.getItem('{KEY}')).review.chaptersOff.includes('05-s3')")
    page.goto(f"{page.base}/progress/")
    assert page.inner_text(".saa-review-stats").startswith("0 cards due today")


def test_export_reset_and_import_restore_the_queue(page, tmp_path: Path):
    qid = answer_first_wrong(page)
    open_review(page)
    page.locator(".saa-reveal").click()
    page.locator('.saa-rate[data-rating="1"]').click()  # Again: due again in a minute
    page.wait_for_selector(".saa-card, .saa-review-done")
    cards = saved_state(page)["review"]["cards"]
    page.goto(f"{page.base}/progress/")
    page.wait_for_selector(".saa-review-stats")
    with page.expect_download() as dl:
        page.click(".saa-export")
    exported = tmp_path / "export.json"
    dl.value.save_as(exported)
    page.click(".saa-reset")
    page.click(".saa-reset-confirm")
    assert saved_state(page)["review"]["cards"] == {}
    page.set_input_files("#saa-import-file", str(exported))
    page.wait_for_function("document.querySelector('.saa-io-msg').textContent.includes('Imported')")
    assert saved_state(page)["review"]["cards"] == cards
    assert json.loads(exported.read_text())["progress"]["review"]["log"][0]["id"] == f"q:{qid}"


def test_corrupt_storage_never_breaks_the_review(page):
    page.goto(f"{page.base}/review/")
    page.evaluate(f"localStorage.setItem('{KEY}', '{{not json')")
    open_review(page)
    assert page.locator(".saa-message").count() == 1 and "kept aside as a backup" in page.inner_text(".saa-message")
    assert page.evaluate(f"localStorage.getItem('{KEY}.corrupt')") == "{not json"
    page.evaluate(
        f"""localStorage.setItem('{KEY}', JSON.stringify({{version: 2, quiz: {{}}, exams: [], exam: null,
            review: {{cards: {{'n:x': {{due: 'soon'}}}}, log: 'nope'}}}}))"""
    )
    open_review(page)
    assert "kept aside" in page.inner_text(".saa-message")
    assert page.locator(".saa-card").count() == 1, "the review goes on with what could be read"


def test_the_review_on_a_phone_in_dark_mode_and_in_print(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.emulate_media(color_scheme="dark")
    open_review(page)
    page.locator(".saa-reveal").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    boxes = [page.locator(f'.saa-rate[data-rating="{i}"]').bounding_box() for i in range(1, 5)]
    assert all(b["height"] >= 44 and b["x"] >= 0 and b["x"] + b["width"] <= 390 for b in boxes), boxes
    page.emulate_media(media="print")
    assert page.locator(".saa-rates").is_hidden() and page.locator(".saa-print-cards").is_visible()
    assert page.locator(".saa-print-card").count() >= 1


def test_any_question_can_be_added_to_the_review(page):
    page.goto(f"{page.base}/06-vpc/")
    q = reach_quiz(page).first
    for k in q.get_attribute("data-answer").split(","):
        q.locator(f'.quiz-opt[data-key="{k}"] .quiz-input').check()
    q.locator(".quiz-check").click()
    button = q.locator(".quiz-add-review")
    assert button.inner_text() == "Add to review"
    button.click()
    assert button.inner_text() == "In your review" and button.is_disabled()
    qid = q.get_attribute("data-qid")
    assert saved_state(page)["review"]["cards"][f"q:{qid}"]["source"] == "added"
    open_review(page)
    assert page.locator(".saa-card").get_attribute("data-card") == f"q:{qid}"
