"""Calculator HTML: a static rule and formula (what prints and what shows without
JavaScript), plus a form that calculators.js brings to life."""

from __future__ import annotations

import json

from markupsafe import Markup

from studysite.model.calculators import Calculator, fill
from studysite.render.html_templates import templates
from studysite.render.safe_markdown import render


def config_json(calc: Calculator, constants: dict[str, float]) -> str:
    """The data the script needs, as JSON for a data-config attribute (the template escapes it).

    Not a <script type=application/json>: Material's instant navigation re-executes
    every script element it swaps in, JSON included."""
    data = {
        "id": calc.id,
        "inputs": [i.model_dump() for i in calc.inputs],
        "outputs": [o.model_dump() for o in calc.outputs],
        "constants": constants,
    }
    return json.dumps(data, separators=(",", ":"))


def render_calculator(calc: Calculator, constants: dict[str, float]) -> Markup:
    html = templates.get_template("calculator.html").render(
        calc=calc,
        rule=render(fill(calc.rule, constants)),
        formula=render(fill(calc.formula, constants)),
        config=config_json(calc, constants),
    )
    return Markup("\n".join(line for line in html.split("\n") if line.strip()))
