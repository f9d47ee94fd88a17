"""axe-core over the whole page (header, navigation, footer, our widgets), on every page
type, in light and dark mode: no serious or critical finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import reach_widgets

from benchmarks.pages import PAGES  # the page types Lighthouse measures

pytestmark = pytest.mark.browser
AXE = Path(__file__).parent / "vendor" / "axe.min.js"


# What the colour scheme changes: the dark pass runs only these rules (the markup is the same).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_findings(page, only: list[str] | None = None) -> list:
    # Render what content-visibility skips (the limits tables off screen): axe measures colours
    # and sizes on rendered boxes, and a learner who scrolls there sees them rendered.
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    page.add_script_tag(path=str(AXE))
    # target-size (WCAG 2.2) is off in axe's defaults; Lighthouse checks it, and so do we.
    options = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
    if only:
        options = {"resultTypes": ["violations"], "runOnly": {"type": "rule", "values": only}}
    res = page.evaluate("options => axe.run(document, options)", options)
    return [
        (v["id"], v["impact"], len(v["nodes"]), [n["target"] for n in v["nodes"]][:3])
        for v in res["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_whole_page_has_no_serious_axe_findings(page, name, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{page.base}/{PAGES[name]}")
    reach_widgets(page)
    findings = axe_findings(page, COLOUR_RULES if scheme == "dark" else None)
    assert page.evaluate("axe.getRules().length") > 0
    assert findings == [], json.dumps(findings, indent=1)
