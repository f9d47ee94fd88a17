"""Drills, fixed mock exams, unscored questions and readiness (#15), in real Chromium."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import ROOT
from test_exam_browser import KEY, exam_loaded, saved_state

pytestmark = pytest.mark.browser
FORMS = yaml.safe_load((ROOT / "data" / "exam_forms.yml").read_text())["forms"]


def setup_screen(page, query=""):
    page.goto(f"{page.base}/exam/{query}")
    page.wait_for_selector(".saa-start")


def begin(page):
    page.click(".saa-start")
    page.wait_for_selector(".saa-question")
    exam_loaded(page)


def test_a_drill_by_service_asks_only_that_services_questions(page):
    setup_screen(page)
    assert page.is_hidden(".saa-drill")
    page.check("#saa-scope-drill")
    assert page.is_visible(".saa-drill") and page.is_hidden(".saa-form-choice")
    page.select_option("#saa-drill-service", "dynamodb")
    match = int(page.inner_text(".saa-drill-match").split()[0])
    index = json.loads(page.get_attribute(".saa-exam", "data-index"))
    assert match == sum("dynamodb" in q["services"] for q in index["questions"])
    page.fill("#saa-drill-n", "7")
    begin(page)
    exam = saved_state(page)["exam"]
    services = {q["id"]: q["services"] for q in index["questions"]}
    assert len(exam["ids"]) == 7 and all("dynamodb" in services[i] for i in exam["ids"])
    assert exam["kind"] == "drill" and exam["drill"] == {"service": "dynamodb"}


def test_a_drill_with_no_match_says_so_and_does_not_start(page):
    setup_screen(page)
    index = json.loads(page.get_attribute(".saa-exam", "data-index"))
    present = {(q["chapter"], q["difficulty"], q["domain"]) for q in index["questions"]}
    chapter, difficulty, domain = next(
        (c["id"], d, m) for c in index["chapters"] for d in ("easy", "hard") for m in ("cost", "secure") if (c["id"], d, m) not in present
    )
    setup_screen(page, f"?scope=drill&chapter={chapter}&difficulty={difficulty}&domain={domain}")
    assert "No question matches" in page.inner_text(".saa-drill-match")
    page.click(".saa-start")
    assert page.locator(".saa-question").count() == 0 and page.locator(".saa-setup-form").count() == 1


def test_form_a_started_twice_gives_the_same_exam(page):
    orders = []
    for _ in range(2):
        setup_screen(page, "?scope=form&form=a&mode=practice")
        assert page.is_checked("#saa-form-a") and page.is_hidden("fieldset:has(#saa-size-full)")
        begin(page)
        exam = saved_state(page)["exam"]
        orders.append((exam["ids"], exam["order"]))
        page.evaluate(f"localStorage.removeItem('{KEY}')")
    assert orders[0] == orders[1]
    assert orders[0][0] == FORMS[0]["questions"]


def test_unscored_questions_change_the_score_as_the_result_explains(page):
    setup_screen(page, "?scope=form&form=b&mode=exam")
    page.check("#saa-unscored")
    begin(page)
    # Answer every unscored question right and every scored one wrong, then reload and submit.
    page.evaluate(
        """async key => {
          const app = document.querySelector('.saa-exam'), index = JSON.parse(app.dataset.index);
          const qs = await window.SAAExam.loadQuestions(app.dataset.bank, index.chapters.map(c => c.id));
          const s = JSON.parse(localStorage.getItem(key)), bank = {};
          qs.forEach(q => { bank[q.id] = q; });
          s.exam.ids.forEach(id => {
            const a = bank[id].answer;
            const other = [0, 1, 2, 3, 4].find(k => !a.includes(k));  // as many options, one of them wrong
            s.exam.answers[id] = s.exam.unscored.includes(id) ? a : [other, ...a.slice(1)];
          });
          localStorage.setItem(key, JSON.stringify(s));
        }""",
        KEY,
    )
    exam = saved_state(page)["exam"]
    assert len(exam["unscored"]) == 15
    page.reload()
    page.click(".saa-resume-btn")
    page.wait_for_selector(".saa-question")
    page.click(".saa-review")
    page.click(".saa-submit")
    page.wait_for_selector(".saa-bars")
    assert page.inner_text(".saa-raw") == "0% (0 of 50 scored questions correct)"
    note = page.inner_text(".saa-unscored-note")
    assert "15 of the 65 questions were unscored" in note and "You got 15 of the 15 unscored ones right" in note
    assert page.locator(".saa-review-item .quiz-num:has-text('unscored')").count() == 15
    assert "Your sittings of Form B" in page.inner_text(".saa-form-sittings")


def test_the_readiness_panel_follows_stored_results(page):
    page.goto(f"{page.base}/progress/")
    page.wait_for_selector(".saa-readiness")
    assert page.inner_text(".saa-readiness") == "Not yet."
    steps = page.locator(".saa-steps a")
    assert steps.first.inner_text() == "Sit Form A in exam mode."
    # Two forms sat in exam mode, every answer right: ready.
    setup_screen(page)
    page.evaluate(
        """([key, forms]) => {
          const M = window.SAAExam, P = window.SAAProgress, bp = JSON.parse(document.querySelector('.saa-exam').dataset.blueprint);
          const app = document.querySelector('.saa-exam'), index = JSON.parse(app.dataset.index);
          return M.loadQuestions(app.dataset.bank, index.chapters.map(c => c.id)).then(qs => {
            const bank = {questions: qs}, byId = {}; qs.forEach(q => { byId[q.id] = q; });
            const state = P.read();
            forms.slice(0, 2).forEach((f, i) => {
              const e = M.newExam(bank, bp, {mode: 'exam', lengthId: 'full', questions: 65, scope: 'form', seed: i + 1, form: f}, 1000 + i);
              e.ids.forEach(id => { e.answers[id] = byId[id].answer; });
              state.exams.push(M.score(e, byId, bp, 5000 + i, false));
            });
            P.write(state);
          });
        }""",
        [KEY, FORMS],
    )
    page.goto(f"{page.base}/progress/")
    page.wait_for_selector(".saa-readiness")
    assert page.inner_text(".saa-readiness") == "Ready, by this site's rule."
    assert page.locator(".saa-forms tbody tr").count() == 2


def test_the_pacing_note_appears_only_when_behind_and_is_said_once(page):
    page.clock.install()
    setup_screen(page, "?scope=form&form=c&mode=exam")
    begin(page)
    assert page.is_hidden(".saa-pace")
    page.clock.run_for(60_000)  # one minute, nothing answered: still on pace (2 min a question)
    assert page.is_hidden(".saa-pace")
    page.clock.run_for(10 * 60_000)  # 11 minutes, nothing answered: 65 questions need 130 of the 119 left
    assert page.is_visible(".saa-pace")
    assert "65 unanswered" in page.inner_text(".saa-pace")
    assert page.inner_text(".saa-live") == "You are a little behind the exam's pace."
    for _ in range(12):  # catching up hides it again
        page.keyboard.press("a")
        page.keyboard.press("n")
    page.clock.run_for(2000)
    assert page.is_hidden(".saa-pace")


def test_on_a_phone_the_first_question_opens_at_its_top(page):
    page.set_viewport_size({"width": 390, "height": 844})
    setup_screen(page, "?scope=drill&mode=practice")
    page.locator(".saa-start").scroll_into_view_if_needed()  # the long setup form, scrolled to Start
    assert page.evaluate("window.scrollY") > 400
    begin(page)
    stem = page.locator(".saa-question .quiz-stem").bounding_box()
    assert 0 < stem["y"] < 844 / 2, stem
