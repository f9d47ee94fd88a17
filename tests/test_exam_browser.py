"""Practice exam and progress dashboard in real Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, axe_serious, reach_quiz

pytestmark = pytest.mark.browser
BLUEPRINT = yaml.safe_load((ROOT / "data" / "exam.yml").read_text())
KEY = "saa-c03/progress/v1"


def start(page, mode="exam", size="quick", seed=None, query=""):
    page.goto(f"{page.base}/exam/{query}")
    page.wait_for_selector(".saa-start")
    page.check(f"#saa-mode-{mode}")
    page.check(f"#saa-size-{size}")
    if seed is not None:
        page.fill("#saa-seed", str(seed))
    page.click(".saa-start")
    page.wait_for_selector(".saa-question")
    exam_loaded(page)


def exam_loaded(page) -> None:
    """Wait until every chapter file of the exam in progress is here: the first question shows
    as soon as its own chapter is, the rest follow behind it, and a test that clicks Next at
    once would otherwise race them."""
    page.wait_for_function(
        f"""() => {{
          const e = JSON.parse(localStorage.getItem('{KEY}')).exam, index = JSON.parse(document.querySelector('[data-index]').dataset.index);
          const chapter = Object.fromEntries(index.questions.map(q => [q.id, q.chapter]));
          return e && e.ids.every(id => (window.SAA_BANK_PARTS || {{}})[chapter[id]]);
        }}"""
    )


def answer_current(page, right=True):
    qid = page.get_attribute(".saa-question .quiz-q", "data-qid")
    key = [int(k) for k in page.get_attribute(".saa-question .quiz-q", "data-answer").split(",")]
    n = page.locator(".saa-question .quiz-opt").count()
    # A wrong answer still picks as many options as the question asks for.
    keys = key if right else [next(k for k in range(n) if k not in key), *key[1:]]
    for k in keys:
        page.check(f'.saa-question .quiz-opt[data-key="{k}"] input')
    return qid


def total(page):
    return int(page.inner_text(".saa-qnum").split(" of ")[1])


def submit_with_unanswered(page):
    """Review, submit, confirm the unanswered-questions warning, and wait for the result."""
    page.click(".saa-review")
    page.click(".saa-submit")
    page.click(".saa-confirm-submit")
    page.wait_for_selector(".saa-bars")


def saved_state(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))


def test_full_quick_exam_in_exam_mode(page):
    start(page, "exam")
    assert page.locator(".saa-timer").inner_text() == "20:00" or page.locator(".saa-timer").inner_text().startswith("19:5")
    n = total(page)
    for i in range(n):
        answer_current(page, right=i != 0)
        assert page.locator(".saa-question .quiz-result:visible").count() == 0, "exam mode gives no feedback"
        if i < n - 1:
            page.click(".saa-next")
    page.click(".saa-review")
    page.click(".saa-submit")
    page.wait_for_selector(".saa-bars")
    assert page.inner_text(".saa-raw").startswith("90%")
    assert page.locator(".saa-scaled").count() == 0 and "Only a full exam-mode sitting" in page.inner_text(".saa-score")
    assert page.locator(".saa-bar-row").count() == len(BLUEPRINT["domains"])
    items = page.locator(".saa-review-item")
    assert items.count() == n
    assert items.first.locator(".quiz-why:visible").count() >= 4 and items.first.locator(".quiz-result .quiz-source a").count() >= 1
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert saved["exam"] is None and len(saved["exams"]) == 1 and saved["exams"][0]["right"] == n - 1


def test_a_full_sitting_gets_the_scaled_estimate(page):
    start(page, "exam", size="full")
    answer_current(page)
    submit_with_unanswered(page)
    assert "Estimated scaled score" in page.inner_text(".saa-scaled") and "FAIL (estimate)" in page.inner_text(".saa-scaled")
    assert "assumes a cut score" in page.inner_text(".saa-score")
    assert saved_state(page)["exams"][0]["kind"] == "full"


def test_practice_mode_gives_feedback_as_you_go(page):
    start(page, "practice")
    assert page.locator(".saa-timer").count() == 0
    answer_current(page, right=False)
    page.click(".saa-question .quiz-check")
    assert page.inner_text(".saa-question .quiz-result-head").startswith("✘ Not quite.")
    assert page.locator(".saa-question .quiz-why:visible").count() >= 4
    assert page.locator(".saa-question .quiz-input").first.is_disabled()
    page.click(".saa-next")
    answer_current(page, right=True)
    page.click(".saa-question .quiz-check")
    assert page.inner_text(".saa-question .quiz-result-head") == "✔ Correct."


def test_flag_map_and_unanswered_warning(page):
    start(page, "exam")
    page.click(".saa-next")
    page.click(".saa-flag")
    assert page.get_attribute(".saa-flag", "aria-pressed") == "true"
    page.click(".saa-review")
    second = page.locator(".saa-map-btn").nth(1)
    assert "flagged" in second.get_attribute("aria-label") and "⚑" in second.inner_text()
    page.click(".saa-submit")
    warning = page.locator(".saa-warning")
    assert warning.is_visible() and "unanswered" in warning.inner_text()
    page.click(".saa-cancel-submit")
    assert warning.is_hidden()
    second.click()
    assert page.inner_text(".saa-qnum").startswith("Question 2 of")


def test_reload_resumes_with_answers_and_timer(page):
    start(page, "exam")
    first = answer_current(page)
    page.click(".saa-next")
    page.wait_for_timeout(1200)
    before = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["exam"]
    page.reload()
    page.wait_for_selector(".saa-resume-btn")
    assert "question 2 of" in page.inner_text(".saa-resume")
    page.click(".saa-resume-btn")
    assert page.inner_text(".saa-qnum").startswith("Question 2 of")
    after = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["exam"]
    assert after["deadline"] == before["deadline"], "the timer keeps its original deadline"
    page.click(".saa-prev")
    # Its chapter of the bank may still be on its way after the reload.
    page.wait_for_function("qid => document.querySelector('.saa-question .quiz-q').dataset.qid === qid", arg=first)
    assert page.locator(".saa-question .quiz-input:checked").count() >= 1


def test_timer_expiry_submits_automatically(page):
    page.clock.install()
    start(page, "exam")
    answer_current(page)
    minutes = round(BLUEPRINT["minutes"] * total(page) / BLUEPRINT["questions"])
    page.clock.fast_forward(f"{minutes:02d}:01")
    page.clock.run_for(2000)
    page.wait_for_selector(".saa-bars")
    assert page.inner_text("h2").startswith("Time is up")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert saved["exams"][-1]["timedOut"] is True and saved["exam"] is None


def test_bad_seed_is_rejected_inline(page):
    page.goto(f"{page.base}/exam/")
    page.wait_for_selector(".saa-start")
    # Each length states its own time; the mode states the pace, not a fixed countdown.
    quick = next(x for x in BLUEPRINT["lengths"] if x["id"] == "quick")["questions"]
    quick_min = round(BLUEPRINT["minutes"] * quick / BLUEPRINT["questions"])
    assert f"({quick} questions, {quick_min} min in exam mode)" in page.inner_text('label[for="saa-size-quick"]')
    assert "countdown" not in page.inner_text('label[for="saa-mode-exam"]')
    page.fill("#saa-seed", "abc")
    page.click(".saa-start")
    assert "whole number" in page.inner_text("#saa-seed-err")
    assert page.locator(".saa-question").count() == 0


def test_retake_the_wrong_ones(page):
    start(page, "exam")
    n = total(page)
    wrong = []
    for i in range(n):
        qid = answer_current(page, right=i >= 3)
        if i < 3:
            wrong.append(qid)
        if i < n - 1:
            page.click(".saa-next")
    page.click(".saa-review")
    page.click(".saa-submit")
    page.click(".saa-retake")
    page.wait_for_selector(".saa-question")
    assert total(page) == 3
    ids = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["exam"]["ids"]
    assert sorted(ids) == sorted(wrong)
    page.goto(f"{page.base}/exam/")
    page.wait_for_selector(".saa-start")
    assert "(3)" in page.inner_text('label[for="saa-scope-wrong"]')


def test_dashboard_export_import_and_bad_import(page, tmp_path: Path):
    start(page, "exam")
    answer_current(page)
    submit_with_unanswered(page)
    page.goto(f"{page.base}/05-s3/")
    q = reach_quiz(page).first
    for k in q.get_attribute("data-answer").split(","):
        q.locator(f'.quiz-opt[data-key="{k}"] .quiz-input').check()
    q.locator(".quiz-check").click()
    bank_requests: list[str] = []
    page.on("request", lambda r: bank_requests.append(r.url) if "/assets/bank/" in r.url else None)
    page.goto(f"{page.base}/progress/")
    page.wait_for_selector(".saa-chapters")
    assert bank_requests == []  # the page's index of the bank is all the dashboard needs
    row = page.locator('tr[data-chapter="05-s3"]')
    in_chapter = page.evaluate(
        "JSON.parse(document.querySelector('[data-index]').dataset.index).chapters.find(c => c.id === '05-s3').count"
    )
    assert f"1 / {in_chapter}" in row.inner_text() and "in progress" in row.inner_text()
    assert page.locator(".saa-trend").count() == 0 and page.locator(".saa-exams tbody tr").count() == 1  # a quick exam is no full sitting
    with page.expect_download() as dl:
        page.click(".saa-export")
    exported = tmp_path / "export.json"
    dl.value.save_as(exported)
    data = json.loads(exported.read_text())
    assert data["app"] == "saa-c03-study-site" and len(data["progress"]["exams"]) == 1
    page.click(".saa-reset")
    page.click(".saa-reset-confirm")
    assert "deleted" in page.inner_text(".saa-io-msg")
    assert page.locator(".saa-exams").count() == 0
    page.set_input_files("#saa-import-file", str(exported))
    page.wait_for_selector(".saa-exams")
    assert "Imported 1 answers and 1 exams" in page.inner_text(".saa-io-msg")
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({"app": "something-else", "data": [1, 2]}))
    page.set_input_files("#saa-import-file", str(foreign))
    page.wait_for_function("document.querySelector('.saa-io-msg').textContent.includes('Import failed')")
    assert "not a progress export" in page.inner_text(".saa-io-msg")
    notjson = tmp_path / "broken.json"
    notjson.write_text("{oops")
    page.set_input_files("#saa-import-file", str(notjson))
    page.wait_for_function("document.querySelector('.saa-io-msg').textContent.includes('not JSON')")
    damaged = tmp_path / "damaged.json"
    damaged.write_text(json.dumps({**data, "progress": {**data["progress"], "exams": [{"percent": "x"}]}}))
    page.set_input_files("#saa-import-file", str(damaged))
    page.wait_for_function("document.querySelector('.saa-io-msg').textContent.includes('damaged')")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before, "a bad import must leave progress untouched"


def test_keyboard_only_exam(page):
    page.goto(f"{page.base}/exam/")
    page.wait_for_selector(".saa-start")
    page.focus("#saa-size-quick")
    page.keyboard.press("Space")
    page.focus(".saa-start")
    page.keyboard.press("Enter")
    page.wait_for_selector(".saa-question")
    exam_loaded(page)
    page.focus(".saa-question .quiz-input")
    page.keyboard.press("Space")
    page.focus(".saa-next")
    page.keyboard.press("Enter")
    assert page.inner_text(".saa-qnum").startswith("Question 2")
    assert page.evaluate("document.activeElement.tagName") == "H2"
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["exam"]
    assert len(saved["answers"]) == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_exam_and_dashboard(page, scheme):
    page.emulate_media(color_scheme=scheme)

    def check(scope):
        return axe_serious(page, scope, scheme)

    start(page, "practice")
    answer_current(page, right=False)
    page.click(".saa-question .quiz-check")
    assert check(".saa-app") == []
    submit_with_unanswered(page)
    assert check(".saa-app") == []
    page.goto(f"{page.base}/progress/")
    page.wait_for_selector(".saa-chapters")
    assert check(".saa-app") == []


def test_phone_viewport_has_no_sideways_scroll(page):
    page.set_viewport_size({"width": 375, "height": 800})
    start(page, "exam")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    submit_with_unanswered(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_setup_draws_before_the_bank_arrives_and_start_waits_for_it(page):
    """The first screen and the draw come from the page's index of the bank; the first
    question's chapter file follows, the exam's other chapters behind it. A slow file delays
    only the first question, a missing one says so."""
    held = []
    page.route("**/assets/bank/*.js", lambda route: held.append(route))
    page.goto(f"{page.base}/exam/")
    page.wait_for_selector(".saa-start")
    n = len(json.loads(page.get_attribute("[data-index]", "data-index"))["questions"])
    assert f"The whole bank ({n} questions)" in page.inner_text(".saa-setup")
    assert held == [], "the first screen fetches no question"
    page.check("#saa-size-quick")
    page.click(".saa-start")
    page.click(".saa-start")  # pressed twice while waiting: one exam, not two
    page.wait_for_function("() => document.querySelectorAll('script[src*=\"/assets/bank/\"]').length === 1")
    assert page.locator(".saa-question").count() == 0
    assert len(held) == 1, "only the first question's chapter"
    held[0].continue_()
    page.wait_for_selector(".saa-question")
    assert page.inner_text(".saa-qnum").startswith("Question 1 of")
    for route in held[1:]:
        route.continue_()

    page.unroute("**/assets/bank/*.js")
    page.route("**/assets/bank/*.js", lambda route: route.abort())
    page.goto(f"{page.base}/exam/")
    page.click(".saa-resume-btn")
    page.wait_for_selector(".saa-message[role=alert]")
    assert "could not load its questions" in page.inner_text(".saa-app")
