"""The practice exam where learners move around: instant navigation, Back, the keyboard,
phones, and what happens after an exam ends. Each test reproduces a bug learners hit."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import ROOT, reach_quiz, reach_widgets
from test_exam_browser import KEY, answer_current, exam_loaded, saved_state, start, submit_with_unanswered, total

pytestmark = pytest.mark.browser
BLUEPRINT = yaml.safe_load((ROOT / "data" / "exam.yml").read_text())
QUICK = next(x for x in BLUEPRINT["lengths"] if x["id"] == "quick")["questions"]
QUICK_MIN = round(BLUEPRINT["minutes"] * QUICK / BLUEPRINT["questions"])


def instant(page, path: str) -> None:
    """Follow a link as a learner does, with Material's instant navigation (no page load).
    The link is added to the page, as the header tabs hide once the page scrolls."""
    page.evaluate(
        """path => { document.querySelectorAll('#test-go').forEach(x => x.remove()); const a = document.createElement('a'); a.href = new URL(path, location.origin).href;
        a.textContent = 'go'; a.id = 'test-go'; a.style = 'position:fixed;top:50%;left:50%;z-index:99;background:#fff';
        document.body.append(a); }""",
        path,
    )
    old_title = page.title()
    # Material follows a link instantly only once it has read the sitemap (the site's own
    # pages); a click before that is an ordinary load. A busy CI machine can be that quick.
    if not page.sitemaps:
        page.wait_for_event("requestfinished", lambda r: r.url.endswith("/sitemap.xml"))
    page.click("#test-go")
    page.wait_for_url(f"**{path}", timeout=30_000)  # a clean-clone CI run, printing the PDF beside it, once took over 10 s
    # The address changes before the new page is in: wait until it has replaced the old one.
    page.wait_for_function("t => document.title !== t", arg=old_title)
    page.wait_for_function("document.readyState === 'complete'")
    assert page.evaluate("window.__stayed === true"), "the link caused a full page load, not instant navigation"


def mark_page(page) -> None:
    page.evaluate("window.__stayed = true")


def to_notes_and_back(page, via_back: bool) -> None:
    instant(page, "/01-iam-basics/")
    reach_quiz(page)
    if via_back:
        page.go_back()
        page.wait_for_url("**/exam/**")
    else:
        instant(page, "/exam/")
    page.wait_for_selector('.saa-exam[data-widget-state="ready"]')
    assert page.evaluate("window.__stayed === true")


def test_leaving_and_returning_records_the_exam_exactly_once(page):
    page.clock.install()
    start(page, "exam")
    mark_page(page)
    answer_current(page)
    for via_back in (False, True, False):
        to_notes_and_back(page, via_back)
        page.click(".saa-resume-btn")
        page.wait_for_selector(".saa-question")
    page.clock.fast_forward(f"{QUICK_MIN:02d}:05")
    page.clock.run_for(2000)
    page.wait_for_selector(".saa-bars")
    assert page.inner_text(".saa-view h2").startswith("Time is up")
    state = saved_state(page)
    assert len(state["exams"]) == 1 and state["exam"] is None
    # Nothing left running can record it again later.
    page.clock.run_for(60_000)
    assert len(saved_state(page)["exams"]) == 1


def test_time_running_out_elsewhere_is_not_submitted_behind_the_learners_back(page):
    page.clock.install()
    start(page, "exam")
    mark_page(page)
    answer_current(page)
    instant(page, "/01-iam-basics/")
    page.clock.fast_forward(f"{QUICK_MIN + 1:02d}:00")
    page.clock.run_for(2000)
    state = saved_state(page)
    assert state["exams"] == [] and state["exam"] is not None, "an exam away from its page must not be submitted in the background"
    instant(page, "/exam/")
    page.wait_for_selector(".saa-bars")
    assert page.inner_text(".saa-view h2").startswith("Time is up")
    assert page.locator(".saa-resume").count() == 0
    state = saved_state(page)
    assert len(state["exams"]) == 1 and state["exams"][0]["timedOut"] is True and state["exam"] is None


def test_a_new_exam_after_leaving_is_not_ended_by_the_old_timer(page):
    page.clock.install()
    start(page, "exam")
    mark_page(page)
    to_notes_and_back(page, via_back=False)
    page.check("#saa-size-full")
    page.click(".saa-start")
    page.wait_for_selector(".saa-question")
    page.clock.fast_forward("21:00")
    page.clock.run_for(2000)
    assert page.locator(".saa-question").count() == 1, "the quick exam's timer ended the full one"
    state = saved_state(page)
    assert state["exams"] == [] and len(state["exam"]["ids"]) == BLUEPRINT["questions"]
    assert page.inner_text(".saa-timer").startswith("1:48:")
    submit_with_unanswered(page)
    assert len(saved_state(page)["exams"]) == 1


def test_reloading_or_coming_back_to_a_result_shows_it_again(page):
    start(page, "exam")
    answer_current(page, right=False)
    page.click(".saa-flag")
    page.click(".saa-next")
    answer_current(page, right=True)
    submit_with_unanswered(page)
    assert "review=" in page.url
    page.reload()
    page.wait_for_selector(".saa-bars")
    assert page.locator(".saa-review-item").count() == total_of(page)
    # Each option's text is shown beside its explanation.
    first = page.locator(".saa-review-item").first
    assert first.locator(".quiz-opt").count() >= 4 and first.locator(".quiz-why:visible").count() >= 4
    filters = {"wrong": 1, "unanswered": total_of(page) - 2, "flagged": 1, "all": total_of(page)}
    for name, want in filters.items():
        page.click(f'.saa-filter[data-filter="{name}"]')
        assert page.locator(".saa-review-item:visible").count() == want, name
        assert page.get_attribute(f'.saa-filter[data-filter="{name}"]', "aria-pressed") == "true"
    page.goto(f"{page.base}/progress/")
    page.click(".saa-review-link")
    page.wait_for_selector(".saa-bars")
    assert page.locator(".saa-review-item").count() == total_of(page)


def total_of(page) -> int:
    return len(saved_state(page)["exams"][-1]["ids"])


def test_new_exam_draws_a_new_seed(page):
    start(page, "exam", seed=4242)
    first = page.get_attribute(".saa-question .quiz-q", "data-qid")
    submit_with_unanswered(page)
    assert "seed=4242" in page.get_attribute(".saa-replay", "href")
    page.click(".saa-new")
    assert page.input_value("#saa-seed") == "" and "seed=" not in page.url
    assert page.evaluate("document.activeElement.tagName") == "H2"
    page.click(".saa-start")
    page.wait_for_selector(".saa-question")
    assert saved_state(page)["exam"]["seed"] != 4242
    # The replay link still replays on purpose.
    page.goto(f"{page.base}/exam/?seed=4242&mode=exam&length=quick")
    page.click(".saa-discard-btn")
    page.click(".saa-start")
    page.wait_for_selector(".saa-question")
    assert page.get_attribute(".saa-question .quiz-q", "data-qid") == first


def test_unanswered_questions_are_not_counted_as_wrong(page):
    start(page, "exam")
    answer_current(page, right=True)
    submit_with_unanswered(page)
    result = saved_state(page)["exams"][0]
    assert result["wrong"] == [] and len(result["unanswered"]) == QUICK - 1
    page.click(".saa-new")
    assert page.is_disabled("#saa-scope-wrong") and "(0)" in page.inner_text('label[for="saa-scope-wrong"]')
    bank = page.evaluate("JSON.parse(document.querySelector('[data-index]').dataset.index).questions.length")
    assert f"({bank - 1})" in page.inner_text('label[for="saa-scope-unseen"]')
    page.check("#saa-scope-unseen")
    page.click(".saa-start")
    page.wait_for_selector(".saa-question")
    assert result["ids"][0] not in saved_state(page)["exam"]["ids"]
    page.goto(f"{page.base}/progress/")
    page.wait_for_selector(".saa-weak")
    assert "100% (1/1 right" in page.inner_text(".saa-weak"), "a domain's score counts answered questions only"


def test_retakes_and_short_exams_are_not_scored_as_sittings(page):
    start(page, "exam")
    n = total(page)
    for i in range(n):
        answer_current(page, right=i >= 2)
        if i < n - 1:
            page.click(".saa-next")
    page.click(".saa-review")
    page.click(".saa-submit")
    page.wait_for_selector(".saa-bars")
    assert page.locator(".saa-scaled").count() == 0, "a 10-question sitting gets no scaled-score estimate"
    page.click(".saa-retake")
    assert page.evaluate("document.activeElement.tagName") == "H2"
    for i in range(2):
        answer_current(page, right=True)
        if i == 0:
            page.click(".saa-next")
    page.click(".saa-review")
    page.click(".saa-submit")
    page.wait_for_selector(".saa-bars")
    kinds = [x["kind"] for x in saved_state(page)["exams"]]
    assert kinds == ["short", "retake"]
    page.goto(f"{page.base}/progress/")
    page.wait_for_selector(".saa-exams")
    assert page.locator(".saa-trend").count() == 0, "only full sittings feed the trend"
    rows = page.locator(".saa-exams tbody tr")
    assert rows.count() == 2
    assert "Retake" in rows.nth(0).inner_text() and "1000" not in rows.nth(0).inner_text()
    assert "—" in rows.nth(0).locator("td").nth(4).inner_text()


def test_keyboard_only_quick_exam_and_no_key_leaves_the_page(page):
    page.goto(f"{page.base}/exam/")
    page.wait_for_selector(".saa-start")
    url = page.url
    tab_to(page, ".saa-start")
    page.keyboard.press("Enter")
    page.wait_for_selector(".saa-question")
    assert page.evaluate("document.activeElement.classList.contains('saa-qnum')"), "focus moves to the question after Start"
    exam_loaded(page)
    n = total(page)
    for i in range(n):
        page.keyboard.press("b")
        if page.locator(".saa-question .quiz-input[type=checkbox]").count():
            page.keyboard.press("c")
        # Material's shortcuts (next/previous page, search) must not fire inside the exam.
        for key in ("s", "/", ".", ","):
            page.keyboard.press(key)
        if i == 1:
            page.keyboard.press("f")
            assert page.get_attribute(".saa-flag", "aria-pressed") == "true"
        assert page.url == url and page.locator(".md-search__input:focus").count() == 0
        if i < n - 1:
            page.keyboard.press("n")
            assert page.inner_text(".saa-qnum").startswith(f"Question {i + 2} of")
    page.keyboard.press("p")
    assert page.inner_text(".saa-qnum").startswith(f"Question {n - 1} of")
    tab_to(page, ".saa-review")
    page.keyboard.press("Enter")
    tab_to(page, ".saa-submit")
    page.keyboard.press("Enter")
    page.wait_for_selector(".saa-bars")
    assert page.url.split("?")[0] == url.split("?")[0]
    state = saved_state(page)
    assert len(state["exams"]) == 1 and len(state["exams"][0]["unanswered"]) == 0
    assert state["exams"][0]["flags"], "flags are saved with the result"


def tab_to(page, selector: str, limit: int = 200) -> None:
    for _ in range(limit):
        if page.evaluate("sel => document.activeElement && document.activeElement.matches(sel)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_focus_moves_to_new_content_after_resume_and_check(page):
    start(page, "practice")
    answer_current(page, right=False)
    page.click(".saa-question .quiz-check")
    assert page.evaluate("document.activeElement.classList.contains('quiz-result')")
    page.reload()
    page.click(".saa-resume-btn")
    # Resuming waits for the bank to load, so focus moves after the click returns.
    page.wait_for_function("document.activeElement.classList.contains('saa-qnum')", timeout=5000)


def test_the_timer_stays_in_view_on_a_long_question(page):
    page.set_viewport_size({"width": 390, "height": 640})
    start(page, "exam")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    box = page.locator(".saa-timer").bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 640


def test_home_and_dashboard_offer_to_continue(page):
    page.goto(f"{page.base}/")
    page.wait_for_selector('.saa-continue[data-widget-state="ready"]')
    assert "first chapter" in page.inner_text(".saa-continue")
    start(page, "exam")
    page.goto(f"{page.base}/")
    page.wait_for_selector('.saa-continue[data-widget-state="ready"]')
    link = page.locator(".saa-continue a", has_text="Resume the exam")
    assert "left" in page.inner_text(".saa-continue")
    link.click()
    page.wait_for_selector(".saa-resume-btn")


def test_import_asks_before_replacing_and_can_merge(page, tmp_path):
    start(page, "exam")
    answer_current(page)
    submit_with_unanswered(page)
    mine = saved_state(page)
    other = {**mine, "exams": [{**mine["exams"][0], "id": "99-1", "seed": 99, "at": mine["exams"][0]["at"] + 1}], "exam": None}
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"app": "saa-c03-study-site", "version": 2, "progress": other}))
    page.goto(f"{page.base}/progress/")
    page.wait_for_selector(".saa-exams")
    page.set_input_files("#saa-import-file", str(path))
    page.wait_for_selector(".saa-import-ask:visible")
    assert saved_state(page) == mine, "nothing changes before the learner chooses"
    page.click(".saa-import-merge")
    page.wait_for_function("document.querySelector('.saa-io-msg').textContent.includes('Merged')")
    assert sorted(x["id"] for x in saved_state(page)["exams"]) == sorted([mine["exams"][0]["id"], "99-1"])
    damaged = tmp_path / "damaged.json"
    bad = {**other, "exams": [*other["exams"], {"percent": 50, "ids": ["x"], "answers": {}}]}
    damaged.write_text(json.dumps({"app": "saa-c03-study-site", "version": 2, "progress": bad}))
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    page.set_input_files("#saa-import-file", str(damaged))
    page.wait_for_function("document.querySelector('.saa-io-msg').textContent.includes('damaged')")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before
    assert "Invalid Date" not in page.inner_text(".saa-app")


@pytest.mark.parametrize("path", ["", "14-serverless/", "exam/", "progress/", "limits/", "calculators/"])
def test_no_page_is_wider_than_a_phone(page, path):
    page.set_viewport_size({"width": 390, "height": 844})
    if path == "progress/":
        start(page, "practice")
        answer_current(page, right=False)
        page.click(".saa-question .quiz-check")
        submit_with_unanswered(page)
    page.goto(f"{page.base}/{path}")
    reach_widgets(page)
    if path == "exam/":
        page.click(".saa-start")
        page.wait_for_selector(".saa-question")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{path or 'home'} is {width} px wide on a 390 px phone"


def test_limits_filter_hides_empty_sections_and_keeps_the_query(page):
    page.goto(f"{page.base}/limits/")
    box = page.locator("#limits-filter-input")
    box.wait_for()
    sections = page.locator(".limits-table").count()
    rows = page.locator("tr[data-search]").count()
    box.fill("dynamodb item")
    shown = page.locator(".limits-table:visible").count()
    assert 0 < shown < sections
    visible = page.locator("tr[data-search]:visible")
    assert 0 < visible.count() < rows
    assert all("dynamodb" in r.get_attribute("data-search") for r in visible.all())
    assert f"{visible.count()} of {rows} shown" in page.inner_text(".limits-count")
    assert page.locator("h2:visible").count() <= shown + 1
    assert "filter=dynamodb" in page.url
    page.reload()
    assert page.input_value("#limits-filter-input") == "dynamodb item"
    assert page.locator(".limits-table:visible").count() == shown
    box.fill("zzz")
    assert page.locator(".limits-table:visible").count() == 0
    assert page.locator(".limits-empty").is_visible()
    box.press("Control+a")
    box.press("Backspace")
    assert page.locator(".limits-table:visible").count() == sections and page.locator(".limits-empty").is_hidden()


def test_mounting_and_teardown_follow_instant_navigation(page):
    page.goto(f"{page.base}/exam/")
    page.wait_for_selector(".saa-start")
    mark_page(page)
    assert page.evaluate("SAA.mounted()") == 1
    instant(page, "/01-iam-basics/")
    reach_quiz(page)
    assert page.evaluate("SAA.mounted()") == page.locator("[data-widget]").count()
    # Widget code loads only where a page has the widget.
    scripts = page.evaluate("[...document.scripts].map(s => s.src.split('/').pop())")
    assert "quiz.js" in scripts and "dashboard.js" not in scripts and "calculators.js" not in scripts
