"""axe-core over the whole page (header, navigation, footer, our widgets), on every page
type, in light and dark mode: no serious or critical finding."""

from __future__ import annotations

import json

import pytest
from conftest import axe_serious, reach_widgets

from benchmarks.pages import PAGES  # the page types Lighthouse measures

pytestmark = pytest.mark.browser


def axe_findings(page, scheme: str) -> list:
    # Render what content-visibility skips (the limits tables off screen): axe measures colours
    # and sizes on rendered boxes, and a learner who scrolls there sees them rendered.
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    return axe_serious(page, scheme=scheme)


# The largest chapter stands for the chapter pages: it holds every kind of block the small one does
# (diagrams, calculators, correction boxes, tables, code, the quiz) and more of each.
AXE_PAGES = [name for name in PAGES if name != "chapter-small"]


@pytest.mark.parametrize("name", AXE_PAGES)
def test_whole_page_has_no_serious_axe_findings(page, name):
    """Light mode, then dark mode switched with the header's toggle as a learner would: the
    markup stays, so the dark pass runs axe's colour rules on the same page."""
    page.emulate_media(color_scheme="light")
    page.goto(f"{page.base}/{PAGES[name]}")
    reach_widgets(page)
    light = axe_findings(page, "light")
    page.emulate_media(color_scheme="dark")  # for what follows the system's choice (pictures)
    page.locator("[data-saa-palette] label:not([hidden])").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark = axe_findings(page, "dark")
    assert (light, dark) == ([], []), json.dumps({"light": light, "dark": dark}, indent=1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_check_finds_a_planted_contrast_failure(page, scheme):
    """The dark pass runs only the colour rules: it must still catch unreadable text."""
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{page.base}/{PAGES['chapter-small']}")
    page.evaluate("""() => { const p = document.createElement('p'); p.id = 'planted';
        p.textContent = 'Hard to read'; p.style.cssText = 'color:#777;background:#888';
        document.querySelector('article').prepend(p); }""")
    assert any(f[0] == "color-contrast" and "#planted" in f[3][0] for f in axe_serious(page, scheme=scheme))
