"""Chapter quizzes in real Chromium (Debian's package, driven by Playwright)."""

from __future__ import annotations

import json

import pytest
from conftest import axe_serious, reach_quiz

pytestmark = pytest.mark.browser
KEY = "saa-c03/progress/v1"


def open_quiz(page, chapter="05-s3"):
    page.goto(f"{page.base}/{chapter}/")
    return reach_quiz(page)


def answer(q, keys):
    for k in keys:
        q.locator(f'.quiz-opt[data-key="{k}"] .quiz-input').check()
    q.locator(".quiz-check").click()


def key_of(q):
    return [int(k) for k in q.get_attribute("data-answer").split(",")]


def test_correct_answer_explains_every_option(page):
    q = open_quiz(page).first
    answer(q, key_of(q))
    assert q.locator(".quiz-result-head").inner_text() == "✔ Correct."
    whys = q.locator(".quiz-why")
    assert whys.count() == q.locator(".quiz-opt").count()
    for i in range(whys.count()):
        assert whys.nth(i).is_visible() and whys.nth(i).inner_text().strip()
    assert "Your answer: correct" in q.locator(".opt-picked").inner_text()
    assert page.locator(".quiz-score").inner_text().startswith("Score: 1 of 1 answered correct")
    assert q.locator(".quiz-result .quiz-source a").count() >= 1


def test_wrong_answer_names_the_right_letter(page):
    q = open_quiz(page).nth(1)
    right = key_of(q)
    wrong = next(k for k in range(4) if k not in right)
    answer(q, [wrong])
    head = q.locator(".quiz-result-head").inner_text()
    letter = q.locator(f'.quiz-opt[data-key="{right[0]}"] .quiz-letter').inner_text()
    assert head.startswith("✘ Not quite.") and f"The answer is {letter}" in head
    assert "Your answer: incorrect" in q.locator(f'.quiz-opt[data-key="{wrong}"]').inner_text()
    assert "Correct answer (not chosen)" in q.locator(f'.quiz-opt[data-key="{right[0]}"]').inner_text()
    assert "Retry wrong answers (1)" in page.locator(".quiz-retry").inner_text()


def test_multiple_response_needs_the_right_count(page):
    q = open_quiz(page).page.locator('.quiz-q[data-type="multiple"]').first
    right = key_of(q)
    check = q.locator(".quiz-check")
    assert check.is_disabled()
    q.locator(f'.quiz-opt[data-key="{right[0]}"] .quiz-input').check()
    assert check.is_disabled() and f"Select {len(right)}" in check.inner_text()
    for k in right[1:]:
        q.locator(f'.quiz-opt[data-key="{k}"] .quiz-input').check()
    assert check.is_enabled()
    check.click()
    assert q.locator(".quiz-result-head").inner_text() == "✔ Correct."


def test_partially_right_multiple_response_is_wrong(page):
    q = open_quiz(page).page.locator('.quiz-q[data-type="multiple"]').first
    right = key_of(q)
    wrong = next(k for k in range(5) if k not in right)
    answer(q, [right[0], wrong] + right[2:])
    assert q.locator(".quiz-result-head").inner_text().startswith("✘")


def test_keyboard_only(page):
    q = open_quiz(page).first
    q.locator(".quiz-input").first.focus()
    page.keyboard.press("Space")  # select the focused option
    page.keyboard.press("Tab")  # to "Check answer"
    assert page.evaluate("document.activeElement.className").find("quiz-check") >= 0
    page.keyboard.press("Enter")
    assert q.locator(".quiz-result").is_visible()
    status = page.locator(".quiz-status")
    assert status.get_attribute("aria-live") == "polite" and status.inner_text().startswith("Question 1:")
    assert page.evaluate("document.activeElement.classList.contains('quiz-result')")


def test_progress_survives_reload_keyed_by_id(page):
    qs = open_quiz(page)
    q = qs.nth(2)
    qid = q.get_attribute("data-qid")
    right = key_of(q)
    answer(q, right)
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert saved["quiz"][qid]["ok"] is True and saved["quiz"][qid]["chosen"] == right
    page.reload()
    reach_quiz(page)
    q = page.locator(f'.quiz-q[data-qid="{qid}"]')
    assert "is-right" in q.get_attribute("class")
    assert q.locator(f'.quiz-opt[data-key="{right[0]}"] .quiz-input').is_checked()
    assert page.locator(".quiz-score").inner_text().startswith("Score: 1 of 1")


def test_saved_answer_to_an_edited_question_is_ignored(page):
    qs = open_quiz(page)
    qid = qs.first.get_attribute("data-qid")
    state = {"version": 1, "quiz": {qid: {"rev": "stale", "chosen": [0], "ok": True}}, "exams": [], "exam": None}
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(json.dumps(state))})")
    page.reload()
    reach_quiz(page)
    assert "is-answered" not in page.locator(".quiz-q").first.get_attribute("class")


@pytest.mark.parametrize("bad", ["{not json", "[1,2,3]", '{"version": 99}', '"a string"'])
def test_corrupted_storage_never_breaks_the_quiz(page, bad):
    page.add_init_script(f"localStorage.setItem('{KEY}', {json.dumps(bad)})")
    q = open_quiz(page).first
    answer(q, key_of(q))
    assert q.locator(".quiz-result-head").inner_text() == "✔ Correct."
    assert page.evaluate(f"localStorage.getItem('{KEY}.corrupt')") == bad


def test_disabled_or_full_storage_never_breaks_the_quiz(page):
    page.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});")
    q = open_quiz(page).first
    answer(q, key_of(q))
    assert q.locator(".quiz-result-head").inner_text() == "✔ Correct."
    assert "could not be saved" in page.locator(".quiz-note").inner_text()
    # Material's own bundle throws without storage; ours must not.
    ours = [e for e in page.js_errors if "javascripts/" in e]
    assert not ours, ours
    page.js_errors.clear()


def test_full_storage_shows_a_note(page):
    page.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    q = open_quiz(page).first
    answer(q, key_of(q))
    assert q.locator(".quiz-result-head").inner_text() == "✔ Correct."
    assert page.locator(".quiz-note").is_visible()


def test_retry_wrong_answers_only(page):
    qs = open_quiz(page)
    first, second = qs.nth(0), qs.nth(1)
    answer(first, key_of(first))
    wrong = next(k for k in range(4) if k not in key_of(second))
    answer(second, [wrong])
    page.locator(".quiz-retry").click()
    assert "is-answered" in first.get_attribute("class")
    assert "is-answered" not in second.get_attribute("class")
    assert not second.locator(".quiz-input").first.is_disabled()
    answer(second, key_of(second))  # the key follows the option, wherever the shuffle put it
    assert second.locator(".quiz-result-head").inner_text() == "✔ Correct."
    assert page.locator(".quiz-retry").is_hidden()


def test_options_are_shuffled_but_lettered_in_order(page):
    qs = open_quiz(page)
    keys = qs.evaluate_all("qs => qs.map(q => [...q.querySelectorAll('.quiz-opt')].map(o => o.dataset.key).join(''))")
    letters = qs.evaluate_all("qs => qs.map(q => [...q.querySelectorAll('.quiz-letter')].map(l => l.textContent).join(''))")
    assert letters == ["ABCDE"[: len(k)] for k in keys]
    # Every question keeps its source order with odds of 1 in 24 or less; all of them, never.
    assert any(k != "".join(sorted(k)) for k in keys), f"no question was shuffled: {keys}"


def test_instant_navigation_reinitialises_cleanly(page):
    open_quiz(page, "05-s3")
    page.evaluate("window.__noReload = true")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url("**/06-vpc/")
    reach_quiz(page)
    assert page.evaluate("window.__noReload") is True, "navigation was a full page load, not instant"
    assert page.locator(".quiz-bar").count() == 1
    q = page.locator(".quiz-q").first
    answer(q, key_of(q))
    assert q.locator(".quiz-result-head").inner_text() == "✔ Correct."
    page.go_back()
    page.wait_for_url("**/05-s3/")
    reach_quiz(page)
    assert page.locator(".quiz-bar").count() == 1
    assert page.evaluate("window.__noReload") is True


def test_print_shows_numbered_questions_and_answer_key(page):
    open_quiz(page)
    page.emulate_media(media="print")
    assert page.locator(".quiz-key").is_visible()
    assert page.locator(".quiz-bar").is_hidden()
    assert page.locator(".quiz-input").first.is_hidden()
    assert page.locator(".quiz-check").first.is_hidden()
    assert page.evaluate("getComputedStyle(document.querySelector('.quiz-questions')).listStyleType") == "decimal"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violations(page, scheme):
    page.emulate_media(color_scheme=scheme)
    qs = open_quiz(page)
    answer(qs.first, key_of(qs.first))
    wrong = next(k for k in range(4) if k not in key_of(qs.nth(1)))
    answer(qs.nth(1), [wrong])
    assert axe_serious(page, ".quiz", scheme) == []


def overlaps(a, b) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


@pytest.mark.parametrize("viewport", [{"width": 1200, "height": 900}, {"width": 390, "height": 844}])
def test_score_bar_never_covers_the_question_or_back_to_top(page, viewport):
    page.set_viewport_size(viewport)
    qs = open_quiz(page)
    for i in range(3):
        q = qs.nth(i)
        answer(q, [next(k for k in range(4) if k not in key_of(q))])
    page.locator(".quiz-retry").click()
    first = qs.nth(0)
    assert page.evaluate("document.activeElement.classList.contains('quiz-input')")
    header = page.locator(".md-header").bounding_box()
    box, bar = first.bounding_box(), page.locator(".quiz-bar").bounding_box()
    assert box["y"] >= header["y"] + header["height"] - 1, "the question starts under the header"
    assert not overlaps({**box, "height": 60}, bar), "the score bar covers the question's first lines"
    # Scrolling up brings Material's "Back to top" button; it must not sit on the bar.
    page.mouse.wheel(0, 600)
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(400)
    top = page.locator(".md-top")
    if top.is_visible():
        assert not overlaps(top.bounding_box(), page.locator(".quiz-bar").bounding_box())


def test_keys_choose_and_move_inside_a_question_and_never_leave_the_page(page):
    qs = open_quiz(page)
    url = page.url
    qs.first.locator(".quiz-input").first.focus()
    for key in ("n", "p", "s", "/", ".", ","):
        page.keyboard.press(key)
        assert page.url == url and page.locator(".md-search__input:focus").count() == 0, key
    assert page.evaluate("document.activeElement.closest('.quiz-q').id") == qs.first.get_attribute("id")
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.closest('.quiz-q').id") == qs.nth(1).get_attribute("id")
    page.keyboard.press("b")
    assert qs.nth(1).locator(".quiz-input:checked").count() == 1
    assert page.locator(".quiz-keys").is_visible()
