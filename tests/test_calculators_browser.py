"""Every calculator gives its test-vector answers, and inline messages for bad input,
in real Chromium. The vectors live in data/calculators/*.yml."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from tools.calculators import load_calculators
from tools.data_files import load_limits

pytestmark = pytest.mark.browser
DOCS = str(ROOT / "docs")
LIMITS = load_limits(ROOT / "data" / "limits", DOCS)
CALCS, _ = load_calculators(ROOT / "data" / "calculators", DOCS, LIMITS)
CASES = [(calc, vec) for calc in CALCS for vec in calc.vectors]
BAD_TEXT = re.compile(r"NaN|Infinity|undefined|null")


def set_input(root, input_id: str, value) -> None:
    field = root.locator(f'[name="{input_id}"]')
    if field.evaluate("el => el.tagName") == "SELECT":
        field.select_option(str(value))
    else:
        field.fill(str(value))


@pytest.mark.parametrize("calc, vec", CASES, ids=[f"{c.id}: {v.name}" for c, v in CASES])
def test_vector(page, calc, vec):
    page.goto(f"{page.base}/calculators/")
    root = page.locator(f'.calc[data-calc="{calc.id}"]')
    root.locator(".calc-form:not([hidden])").wait_for()
    for key, value in vec.inputs.items():
        set_input(root, key, value)
    for out_id, want in vec.expect.items():
        out = root.locator(f'[data-out="{out_id}"]')
        if isinstance(want, str):
            assert out.inner_text() == want, f"{out_id}: {out.inner_text()!r}"
        else:
            got = out.get_attribute("data-value")
            assert got, f"{out_id} shows {out.inner_text()!r}, not a number"
            assert float(got) == pytest.approx(want, rel=1e-6, abs=1e-6), f"{out_id}: {got} != {want}"
    for input_id, message in vec.errors.items():
        err = root.locator(f"#calc-{calc.id}-{input_id}-err")
        assert message in err.inner_text(), f"{input_id}: {err.inner_text()!r}"
        assert root.locator(f'[name="{input_id}"]').get_attribute("aria-invalid") == "true"
    shown = root.locator(".calc-results").inner_text()
    assert not BAD_TEXT.search(shown), shown
    if vec.errors:
        assert root.get_attribute("data-state") == "error"
        assert all(o.get_attribute("data-value") == "" for o in root.locator("output").all())


def test_results_update_as_you_type_and_show_the_formula(page):
    page.goto(f"{page.base}/19-dynamodb-nosql/")
    root = page.locator('.calc[data-calc="dynamodb-capacity"]')
    root.locator(".calc-form:not([hidden])").wait_for()
    field = root.locator('[name="writes"]')
    field.fill("")
    field.press_sequentially("20")
    assert root.locator('[data-out="wcu"]').get_attribute("data-value") == "60"
    assert "× 20 writes/s" in root.locator(".calc-formula").inner_text()


def test_inline_calculator_sits_in_its_section_and_survives_instant_navigation(page):
    page.goto(f"{page.base}/06-vpc/")
    page.evaluate("window.__noReload = true")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url("**/07-ec2-basics/")
    root = page.locator('.calc[data-calc="ebs-performance"]')
    root.locator(".calc-form:not([hidden])").wait_for()
    assert page.evaluate("window.__noReload") is True
    set_input(root, "size", 100)
    assert root.locator('[data-out="baseline_iops"]').get_attribute("data-value") == "300"
    heading = page.locator("#gp2")
    assert heading.evaluate("(h, calc) => !!(h.compareDocumentPosition(calc) & Node.DOCUMENT_POSITION_FOLLOWING)", root.element_handle())


def test_calculators_print_as_rule_and_formula(page):
    page.goto(f"{page.base}/calculators/")
    page.locator(".calc.js-calc").first.wait_for()
    page.emulate_media(media="print")
    first = page.locator(".calc").first
    assert first.locator(".calc-static").is_visible()
    assert first.locator(".calc-form").is_hidden() and first.locator(".calc-results").is_hidden()
    assert "Formula." in first.locator(".calc-static").inner_text()


def test_limits_filter(page):
    page.goto(f"{page.base}/limits/")
    box = page.locator("#limits-filter-input")
    box.wait_for()
    total = page.locator("tr[data-search]").count()
    box.fill("dynamodb item")
    visible = page.locator("tr[data-search]:visible")
    assert 0 < visible.count() < total
    assert all("dynamodb" in r.get_attribute("data-search") for r in visible.all())
    assert "shown" in page.locator(".limits-count").inner_text()
