"""Every calculator gives its test-vector answers and inline messages for bad input.
The vectors live in data/calculators/*.yml; they run through the calculators' own
evaluate() in Node (the function the page runs), and the wiring of the page is
checked in real Chromium below."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from conftest import ROOT

from studysite.model.calculators import load_calculators
from studysite.model.data_files import load_limits
from studysite.render.calculators import config_json

DOCS = str(ROOT / "docs")
LIMITS = load_limits(ROOT / "data" / "limits", DOCS)
CALCS, CONSTANTS = load_calculators(ROOT / "data" / "calculators", DOCS, LIMITS)
CASES = [(calc, vec) for calc in CALCS for vec in calc.vectors]
BAD_TEXT = re.compile(r"NaN|Infinity|undefined|null")


def raw_inputs(calc, vec) -> dict[str, str]:
    """What the form holds: every field at its default, with the vector's values typed in."""
    return {i.id: str(i.default) for i in calc.inputs} | {k: str(v) for k, v in vec.inputs.items()}


@pytest.fixture(scope="module")
def evaluated() -> dict:
    node = shutil.which("node")
    if not node:
        pytest.fail("node is not installed; install Node.js 20 (Debian: apt-get install nodejs)")
    cases = [{"cfg": json.loads(config_json(c, CONSTANTS[c.id])), "raw": raw_inputs(c, v)} for c, v in CASES]
    run = subprocess.run(
        [node, str(ROOT / "tests" / "js" / "evaluate-calculators.cjs")], input=json.dumps(cases), capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return {(c.id, v.name): r for (c, v), r in zip(CASES, json.loads(run.stdout), strict=True)}


@pytest.mark.parametrize("calc, vec", CASES, ids=[f"{c.id}: {v.name}" for c, v in CASES])
def test_vector(evaluated, calc, vec):
    res = evaluated[(calc.id, vec.name)]
    for out_id, want in vec.expect.items():
        got = res["outputs"][out_id]
        if isinstance(want, str):
            assert got["text"] == want, f"{out_id}: {got['text']!r}"
        else:
            assert got["value"] is not None, f"{out_id} shows {got['text']!r}, not a number"
            assert got["value"] == pytest.approx(want, rel=1e-6, abs=1e-6), f"{out_id}: {got['value']} != {want}"
    for input_id, message in vec.errors.items():
        assert message in ((res["errors"] or {}).get(input_id) or ""), f"{input_id}: {res['errors']!r}"
    shown = " ".join(o["text"] for o in res["outputs"].values()) + res["formula"] + " ".join(res["extra"])
    assert not BAD_TEXT.search(shown), shown
    if vec.errors:
        assert all(o["value"] is None and o["text"] == "–" for o in res["outputs"].values())


def reach_calculator(page, calc_id: str):
    """Scroll to a calculator as a learner does: it starts only when it comes near the screen."""
    root = page.locator(f'.calc[data-calc="{calc_id}"]')
    root.scroll_into_view_if_needed()
    root.locator(".calc-form:not([hidden])").wait_for()
    return root


@pytest.mark.browser
def test_a_calculator_far_down_the_page_costs_nothing_until_the_learner_nears_it(page):
    page.goto(f"{page.base}/14-serverless/")
    root = page.locator('.calc[data-calc="kinesis-shards"]')
    page.wait_for_function("document.readyState === 'complete'")
    assert root.get_attribute("data-widget-state") == "deferred"
    assert page.evaluate("!document.querySelector('script[src$=\"calculators.js\"]')"), "its code is not even loaded"
    reach_calculator(page, "kinesis-shards")
    assert root.get_attribute("data-widget-state") == "ready" and root.get_attribute("data-state") == "ok"


@pytest.mark.browser
def test_bad_input_shows_its_message_at_the_field(page):
    page.goto(f"{page.base}/19-dynamodb-nosql/")
    root = reach_calculator(page, "dynamodb-capacity")
    root.locator('[name="size_kb"]').fill("1,5")
    assert "Use a dot for decimals" in root.locator("#calc-dynamodb-capacity-size_kb-err").inner_text()
    assert root.locator('[name="size_kb"]').get_attribute("aria-invalid") == "true"
    assert root.get_attribute("data-state") == "error"
    assert all(o.get_attribute("data-value") == "" for o in root.locator("output").all())
    assert not BAD_TEXT.search(root.locator(".calc-results").inner_text())


@pytest.mark.browser
def test_results_update_as_you_type_and_show_the_formula(page):
    page.goto(f"{page.base}/19-dynamodb-nosql/")
    root = reach_calculator(page, "dynamodb-capacity")
    field = root.locator('[name="writes"]')
    field.fill("")
    field.press_sequentially("20")
    assert root.locator('[data-out="wcu"]').get_attribute("data-value") == "60"
    assert "× 20 writes/s" in root.locator(".calc-formula").inner_text()


@pytest.mark.browser
def test_inline_calculator_sits_in_its_section_and_survives_instant_navigation(page):
    page.goto(f"{page.base}/06-vpc/")
    page.evaluate("window.__noReload = true")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url("**/07-ec2-basics/")
    root = reach_calculator(page, "ebs-performance")
    assert page.evaluate("window.__noReload") is True
    root.locator('[name="size"]').fill("100")
    assert root.locator('[data-out="baseline_iops"]').get_attribute("data-value") == "300"
    heading = page.locator("#gp2")
    assert heading.evaluate("(h, calc) => !!(h.compareDocumentPosition(calc) & Node.DOCUMENT_POSITION_FOLLOWING)", root.element_handle())


@pytest.mark.browser
def test_calculators_print_as_rule_and_formula(page):
    page.goto(f"{page.base}/calculators/")
    page.locator(".calc.js-calc").first.wait_for()
    page.emulate_media(media="print")
    first = page.locator(".calc").first
    assert first.locator(".calc-static").is_visible()
    assert first.locator(".calc-form").is_hidden() and first.locator(".calc-results").is_hidden()
    assert "Formula." in first.locator(".calc-static").inner_text()
