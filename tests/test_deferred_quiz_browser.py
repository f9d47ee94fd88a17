"""A chapter's quiz ships folded in <noscript class="saa-deferred">: it costs a phone nothing
until the learner comes near it, follows a link into it, or prints, and it still reads
without JavaScript."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT, reach_quiz
from test_exam_seams_browser import instant

pytestmark = pytest.mark.browser
CHAPTER = "14-serverless"  # the largest page
N = len(yaml.safe_load((ROOT / "quizzes" / f"{CHAPTER}.yml").read_text())["questions"])


def question_ids(page) -> list[str]:
    """The questions a learner can reach (folded markup from instant navigation sits in a noscript)."""
    return page.evaluate("[...document.querySelectorAll('.quiz-q')].filter(q => !q.closest('noscript')).map(q => q.id)")


def test_the_quiz_unfolds_only_when_the_learner_comes_near(page):
    page.goto(f"{page.base}/{CHAPTER}/")
    page.wait_for_selector('section.quiz[data-widget-state="deferred"]', state="attached")
    assert question_ids(page) == []
    assert page.evaluate("[...document.scripts].some(s => s.src.endsWith('/quiz.js'))") is False, "quiz code loaded before it was needed"
    qs = reach_quiz(page)
    assert qs.count() == N
    assert page.locator("noscript.saa-deferred").count() == 0
    q = qs.first
    for k in q.get_attribute("data-answer").split(","):
        q.locator(f'.quiz-opt[data-key="{k}"] .quiz-input').check()
    q.locator(".quiz-check").click()
    assert q.locator(".quiz-result-head").inner_text() == "✔ Correct."


def in_view(page, selector: str) -> bool:
    return page.evaluate(
        "s => { const r = document.querySelector(s).getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }", selector
    )


def test_a_link_to_a_question_opens_it_on_load_and_after_instant_navigation(page):
    page.goto(f"{page.base}/{CHAPTER}/")
    page.locator("section.quiz").scroll_into_view_if_needed()
    target = page.locator(".quiz-q").nth(30).get_attribute("id")

    page.goto("about:blank")
    page.goto(f"{page.base}/{CHAPTER}/#{target}")
    page.wait_for_selector(f"#{target} .quiz-check")
    assert in_view(page, f"#{target}"), "the linked question is not on screen"

    page.goto(f"{page.base}/05-s3/")
    page.evaluate("window.__stayed = true")
    instant(page, f"/{CHAPTER}/#{target}")
    page.wait_for_selector(f"#{target} .quiz-check")
    assert in_view(page, f"#{target}")
    assert len(question_ids(page)) == N and page.locator("noscript.saa-deferred").count() == 0


def test_leaving_before_the_quiz_unfolds_leaves_nothing_waiting(page):
    page.goto(f"{page.base}/{CHAPTER}/")
    page.wait_for_selector('section.quiz[data-widget-state="deferred"]', state="attached")
    waiting = page.locator('[data-widget-state="deferred"]').count()  # the quiz, and a calculator further up
    assert waiting >= 1 and page.evaluate("SAA.waiting()") == waiting
    page.evaluate("window.__stayed = true")
    instant(page, "/limits/")
    page.wait_for_function("SAA.waiting() === 0")
    instant(page, f"/{CHAPTER}/")
    page.wait_for_function(f"SAA.waiting() === {waiting}")


def test_printing_a_chapter_prints_its_quiz_and_answer_key(page):
    page.goto(f"{page.base}/{CHAPTER}/")
    page.wait_for_selector('section.quiz[data-widget-state="deferred"]', state="attached")
    page.pdf()  # fires beforeprint, as the browser's Print does
    assert len(question_ids(page)) == N
    page.emulate_media(media="print")
    assert page.locator(".quiz-key").is_visible() and page.locator(".quiz-q").nth(49).is_visible()


def test_without_javascript_the_quiz_reads_as_plain_html(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/{CHAPTER}/")
    questions = page.locator(".quiz-q")
    assert questions.count() == N
    assert questions.first.is_visible() and page.locator(".quiz-answer summary").first.is_visible()
    context.close()
