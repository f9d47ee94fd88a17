"""Inline corrections as a learner sees them: light and dark, desktop and a 390 px phone, and
print. Screenshots go to test-results/ for a person to look at; the asserts check what can be
checked without eyes: nothing overflows, the old value is struck and the new one is shown."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parent.parent / "test-results"
LINE = "14-serverless/#fix-sqs-message-size-max"


@pytest.mark.parametrize("width", [1200, 390])
@pytest.mark.parametrize("scheme", ["light", "dark", "print"])
def test_a_struck_value_reads_in_place(page, scheme, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.emulate_media(**({"media": "print"} if scheme == "print" else {"color_scheme": scheme}))
    page.goto(f"{page.base}/{LINE}")
    mark = page.locator("#fix-sqs-message-size-max")
    line = mark.locator("xpath=..")
    line.scroll_into_view_if_needed()
    SHOTS.mkdir(exist_ok=True)
    line.screenshot(path=SHOTS / f"inline-fix-{scheme}-{width}.png")
    old, new = line.locator("del.fix-old"), line.locator("ins.fix-new")
    assert old.inner_text() == "256KB" and new.inner_text() == "1 MiB"
    assert "line-through" in old.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert new.is_visible() and mark.is_visible()
    # Readable without hover: the date checked and the source are text, not a tooltip.
    assert "AWS docs, checked 20" in mark.inner_text()
    box, viewport = mark.bounding_box(), page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], box
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_correction_box_and_a_typo_mark_on_a_phone(page, scheme):
    page.set_viewport_size({"width": 390, "height": 800})
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{page.base}/20-machine-learning/")
    typo = page.locator(".erratum-mark")
    typo.scroll_into_view_if_needed()
    SHOTS.mkdir(exist_ok=True)
    typo.locator("xpath=..").screenshot(path=SHOTS / f"typo-mark-{scheme}-390.png")
    assert "the notes wrote “Neutral”" in typo.inner_text()
    page.goto(f"{page.base}/13-ha-scaling/")
    # Material's instant navigation makes every href absolute; the box is on this page.
    why = page.locator(".fix-mark a[href*='13-ha-scaling/#correction-']").first
    target = "#" + why.get_attribute("href").split("#")[1]
    why.click()  # the first in-page click of a page: Material 9.8 alone left the box under the header
    page.wait_for_function(f"location.hash === '{target}'")
    page.wait_for_timeout(500)
    page.screenshot(path=SHOTS / f"correction-box-{scheme}-390.png")
    # On screen and not under the sticky header.
    top, header = page.evaluate(
        f"[document.querySelector('{target}').getBoundingClientRect().top, document.querySelector('.md-header').getBoundingClientRect().bottom]"
    )
    assert header - 1 <= top < 800, (top, header)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
