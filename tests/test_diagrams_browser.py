"""Diagrams as a learner meets them: the variant of the current scheme, loaded when scrolled to,
one link per diagram for the keyboard, and no sideways scrolling on a 390 px phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_exam_seams_browser import instant, mark_page

pytestmark = pytest.mark.browser
CHAPTER = "06-vpc/"
DIAGRAM = "nat-gateway-per-az"
SHOTS = Path(__file__).resolve().parents[1] / "test-results"


def visible(page) -> dict:
    return page.evaluate(
        """id => {
        const fig = document.getElementById('diagram-' + id);
        const shown = [...fig.querySelectorAll('img')].filter(i => i.offsetParent !== null);
        return {
            shown: shown.map(i => i.getAttribute('src').split('#')[1]),
            loaded: shown.map(i => i.complete && i.naturalWidth > 0),
            width: shown.length ? shown[0].getBoundingClientRect().width : 0,
            links: [...fig.querySelectorAll('a')].filter(a => a.offsetParent !== null).length,
            pageWidth: document.scrollingElement.scrollWidth,
        };
    }""",
        DIAGRAM,
    )


@pytest.mark.parametrize(("scheme", "variant"), [("light", "only-light"), ("dark", "only-dark")])
@pytest.mark.parametrize(("width", "device"), [(1200, "desktop"), (390, "phone")])
def test_the_diagram_of_the_current_scheme_shows_and_fits(page, scheme, variant, width, device):
    page.set_viewport_size({"width": width, "height": 844 if device == "phone" else 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{page.base}/{CHAPTER}")
    fig = page.locator(f"#diagram-{DIAGRAM}")
    fig.evaluate("f => f.scrollIntoView({block: 'center'})")
    page.wait_for_function(
        "id => [...document.getElementById('diagram-' + id).querySelectorAll('img')].some(i => i.offsetParent && i.complete && i.naturalWidth)",
        arg=DIAGRAM,
    )
    v = visible(page)
    assert v["shown"] == [variant] and v["loaded"] == [True] and v["links"] == 1
    assert 0 < v["width"] <= width and v["pageWidth"] <= width, v
    SHOTS.mkdir(exist_ok=True)
    fig.screenshot(path=str(SHOTS / f"diagram-{device}-{scheme}.png"))


def test_lazy_images_wait_for_the_reader_and_the_toggle_swaps_the_variant(page):
    page.emulate_media(color_scheme="light")
    page.goto(f"{page.base}/{CHAPTER}")
    loaded = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.svg'))")
    assert not [n for n in loaded if DIAGRAM in n], "a diagram below the fold was fetched on load"
    page.locator(f"#diagram-{DIAGRAM}").scroll_into_view_if_needed()
    page.locator("[data-saa-palette] label:not([hidden])").click()
    page.wait_for_function(
        "id => [...document.getElementById('diagram-' + id).querySelectorAll('img')].some(i => i.offsetParent && i.complete && i.naturalWidth && i.src.endsWith('#only-dark'))",
        arg=DIAGRAM,
    )
    assert visible(page)["shown"] == ["only-dark"]


def test_keyboard_reaches_each_diagram_once_and_hears_its_alt_text(page):
    page.goto(f"{page.base}/{CHAPTER}")
    alt = page.locator(f"#diagram-{DIAGRAM} img").first.get_attribute("alt")
    # Start from the last focusable element before the figure, then Tab through it.
    page.evaluate(
        """id => {
        const fig = document.getElementById('diagram-' + id);
        const all = [...document.querySelectorAll('a[href], button, input, summary, [tabindex]')];
        const before = all.filter(el => el.compareDocumentPosition(fig) & Node.DOCUMENT_POSITION_FOLLOWING && !fig.contains(el) && el.offsetParent);
        before.at(-1).focus();
    }""",
        DIAGRAM,
    )
    stops = []
    for _ in range(3):
        page.keyboard.press("Tab")
        stops.append(
            page.evaluate(
                "() => { const a = document.activeElement; const f = a.closest('figure.diagram'); return f ? f.id + ' ' + a.className : a.tagName; }"
            )
        )
    assert stops[0].startswith(f"diagram-{DIAGRAM} diagram__open diagram__open--light"), stops
    assert not any("diagram__open" in s for s in stops[1:]), f"one link per diagram: {stops}"
    link = page.locator(f"#diagram-{DIAGRAM} a.diagram__open--light")
    assert link.evaluate("a => a.querySelector('img').alt") == alt


def test_after_instant_navigation_the_diagram_loads_when_reached(page):
    """Material swaps the page in without a load: the new page's lazy images must still arrive."""
    page.emulate_media(color_scheme="dark")
    page.goto(f"{page.base}/05-s3/")
    mark_page(page)
    instant(page, "/" + CHAPTER)
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1
    page.locator(f"#diagram-{DIAGRAM}").evaluate("f => f.scrollIntoView({block: 'center'})")
    page.wait_for_function(
        "id => [...document.getElementById('diagram-' + id).querySelectorAll('img')].some(i => i.offsetParent && i.complete && i.naturalWidth && i.src.endsWith('#only-dark'))",
        arg=DIAGRAM,
    )
