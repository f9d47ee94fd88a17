"""Limits, corrections and calculators data: coverage, quotes, rendering and error messages."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, soup_of

from studysite.model.calculators import load_calculators
from studysite.model.data_files import load_corrections, load_limits
from studysite.model.page_anchors import plain
from studysite.model.validation import DataError

DOCS = str(ROOT / "docs")


@pytest.fixture(scope="module")
def limits():
    return load_limits(ROOT / "data" / "limits", DOCS)


@pytest.fixture(scope="module")
def corrections():
    return load_corrections(ROOT / "data" / "corrections.yml", DOCS)


def test_limits_coverage(limits):
    assert len(limits) >= 150
    per_page = Counter(lim.page for lim in limits)
    chapters = [p.stem for p in (ROOT / "docs").glob("[0-9][0-9]-*.md")]
    covered = [c for c in chapters if per_page[c]]
    assert len(covered) >= 18, f"chapters without limits: {sorted(set(chapters) - set(covered))}"
    assert any(not lim.from_notes for lim in limits), "exam numbers the notes omit are missing"
    assert sum(1 for lim in limits if lim.current) >= 10


def section_text_html(page_soup, anchor: str) -> str:
    """Text of a built section: the heading and everything up to the next heading of its level or higher."""
    head = page_soup.find(id=anchor)
    level = int(head.name[1])
    parts = [head.get_text(" ")]
    for el in head.find_next_siblings():
        if el.name in {f"h{n}" for n in range(1, level + 1)}:
            break
        parts.append(notes_text(el))
    return plain(" ".join(parts))


def notes_text(el) -> str:
    """Text as the notes wrote it: without the current values and markers our corrections add."""
    if isinstance(el, str):
        return el
    added = {"fix-new", "fix-mark"}
    return " ".join(s for s in el.find_all(string=True) if not any(added & set(p.get("class") or []) for p in s.parents))


def test_every_quote_is_in_its_built_section(built_site: Path, limits):
    missing = []
    for lim in limits:
        if lim.from_notes:
            text = section_text_html(soup_of(built_site / lim.page / "index.html"), lim.anchor)
            # get_text(" ") puts spaces at tag edges ("Cost **x**: y" -> "Cost x : y"); compare without them.
            if re.sub(r"\s+", "", plain(lim.quote)) not in re.sub(r"\s+", "", text):
                missing.append(f"{lim.id}: {lim.quote!r} not in {lim.source}")
    assert not missing, missing[:5]


def test_corrected_values_are_visible_with_reference(built_site: Path, limits):
    reference = soup_of(built_site / "limits" / "index.html")
    for lim in limits:
        row = reference.find(id=f"limit-{lim.id}")
        assert row is not None, lim.id
        if lim.current:
            assert row.find("del") is not None and row.select_one(".limit-current") is not None, lim.id
            assert row.select_one(f'a[href="{lim.current.reference}"]') is not None, lim.id
            chapter_row = soup_of(built_site / lim.page / "index.html").find(id=f"limit-{lim.id}")
            assert chapter_row is not None and chapter_row.find("del") is not None, lim.id


def test_reference_page_works_without_javascript(built_site: Path, limits):
    page = soup_of(built_site / "limits" / "index.html")
    assert len(page.select("tr[data-search]")) == len(limits)
    assert page.select_one(".limits-filter").has_attr("hidden"), "the filter needs JS, so it starts hidden"
    services = {lim.service for lim in limits}
    assert len(page.select("article h2")) >= len(services)


def test_every_correction_is_shown_under_its_heading(built_site: Path, corrections):
    assert len(corrections) >= 20
    for c in corrections:
        if c.quote:
            continue  # marked at its line: tests/test_inline_fixes.py
        page, anchor = c.anchor.split("#")
        head = soup_of(built_site / page / "index.html").find(id=anchor)
        assert head is not None, c.anchor
        boxes = []
        for el in head.find_next_siblings():
            if el.name and el.name[0] == "h" and el.name[1:].isdigit():
                break
            if "admonition" in (el.get("class") or []):
                boxes.append(el)
        assert any("Correction" in b.get_text() and b.select_one(f'a[href="{c.reference}"]') for b in boxes), c.id


def test_calculator_constants_come_from_limits(limits):
    calcs, constants = load_calculators(ROOT / "data" / "calculators", DOCS, limits)
    assert {c.id for c in calcs} == {
        "cidr-planner",
        "ebs-performance",
        "dynamodb-capacity",
        "kinesis-shards",
        "s3-multipart",
        "availability",
    }
    # Change two limits: a corrected one (its current value counts) and one scaled from TiB to GiB.
    changed = []
    for lim in limits:
        if lim.id == "ebs-gp3-max-iops":
            lim = lim.model_copy(update={"current": lim.current.model_copy(update={"value": 12345})})
        if lim.id == "ebs-gp2-max-volume-size":
            lim = lim.model_copy(update={"value": 2})
        changed.append(lim)
    _, after = load_calculators(ROOT / "data" / "calculators", DOCS, changed)
    assert after["ebs-performance"]["gp3_max_iops"] == 12345
    assert after["ebs-performance"]["gp2_max_gib"] == 2048
    for calc in calcs:
        assert any(v.from_notes for v in calc.vectors) or calc.id in {"kinesis-shards", "s3-multipart", "availability"}


# Contributor mistakes ------------------------------------------------------

LIMIT = """\
- id: s3-demo-limit
  service: Amazon S3
  what: Maximum parts in a multipart upload
  value: 10000
  unit: parts
  source: 05-s3#multipart-upload
  quote: "10 000 max parts, 5MB → 5GB"
"""


@pytest.mark.parametrize(
    "name, text, line, problem, fix",
    [
        ("limit with no unit", LIMIT.replace("  unit: parts\n", ""), 1, "`unit`", "add the missing key `unit`"),
        ("empty unit", LIMIT.replace("unit: parts", 'unit: ""'), 5, "`unit`", "empty"),
        (
            "typo in anchor",
            LIMIT.replace("#multipart-upload", "#multipart-uplaod"),
            6,
            "has no heading with anchor",
            "did you mean '05-s3#multipart-upload'",
        ),
        (
            "quote not in section",
            LIMIT.replace("10 000 max parts", "10,000 max parts"),
            7,
            "the quote is not in section",
            "copy the words exactly",
        ),
        (
            "current without reference",
            LIMIT + "  current:\n    value: 20000\n    unit: parts\n    checked: 2026-11-26\n",
            8,
            "`current.reference`",
            "add the missing key `reference`",
        ),
        (
            "non-AWS reference",
            LIMIT + "  current:\n    value: 1\n    unit: parts\n    checked: 2026-11-26\n    reference: https://example.com/x\n",
            12,
            "not an https:// link to AWS",
            "docs.aws.amazon.com",
        ),
        (
            "bad date",
            LIMIT + "  current:\n    value: 1\n    unit: parts\n    checked: last week\n    reference: https://docs.aws.amazon.com/x\n",
            11,
            "`current.checked`",
            "YYYY-MM-DD",
        ),
        (
            "not from notes without reference",
            LIMIT.replace('  quote: "10 000 max parts, 5MB → 5GB"\n', "  from_notes: false\n"),
            7,
            "needs `reference`",
            "add both keys",
        ),
        (
            "wrong file for page",
            LIMIT.replace("05-s3#multipart-upload", "06-vpc#vpc-subnets").replace(
                'quote: "10 000 max parts, 5MB → 5GB"', 'quote: "AZ Resilient"'
            ),
            6,
            "sits in 05-s3.yml",
            "data/limits/06-vpc.yml",
        ),
        ("misspelt key", LIMIT.replace("service:", "servce:"), 2, "`servce`", "did you mean `service`"),
        ("tab indentation", LIMIT.replace("  what:", "\twhat:"), 3, "not valid YAML", "tab"),
        ("duplicate id", LIMIT + LIMIT, 8, "already used", "unique"),
    ],
)
def test_limit_mistakes_are_reported_precisely(tmp_path: Path, name, text, line, problem, fix):
    (tmp_path / "05-s3.yml").write_text(text)
    with pytest.raises(DataError) as err:
        load_limits(tmp_path, DOCS)
    issue = next((i for i in err.value.issues if problem in str(i)), None)
    assert issue is not None, f"{name}: {[str(i) for i in err.value.issues]}"
    assert issue.line == line, f"{name}: {issue}"
    assert fix in issue.fix, f"{name}: {issue.fix}"


def test_correction_with_bad_anchor_is_reported(tmp_path: Path):
    path = tmp_path / "corrections.yml"
    path.write_text(
        "- id: demo\n  anchor: 15-cloudfront#securing-cf-and-s3-using-oia\n  notes_say: The notes say OAI is the way.\n"
        "  now: AWS recommends OAC instead of OAI.\n  reference: https://docs.aws.amazon.com/x\n  checked: 2026-11-26\n"
    )
    with pytest.raises(DataError) as err:
        load_corrections(path, DOCS)
    [issue] = err.value.issues
    assert issue.line == 2 and "did you mean '15-cloudfront#securing-cf-and-s3-using-oai'" in issue.fix


def test_calculator_mistakes_are_reported(tmp_path: Path, limits):
    src = (ROOT / "data" / "calculators" / "s3-multipart.yml").read_text()
    (tmp_path / "s3-multipart.yml").write_text(
        src.replace("limit: s3-multipart-max-parts", "limit: s3-multipart-max-partz").replace("unit: MiB}", "unit: MB}", 1)
    )
    with pytest.raises(DataError) as err:
        load_calculators(tmp_path, DOCS, limits)
    text = str(err.value)
    assert "no limit with id 's3-multipart-max-partz'" in text
    assert "the calculator expects MB" in text


def test_calculator_text_is_written_from_its_constants(limits):
    """The printed rule and formula follow the limits data: change a limit, the sentence changes."""
    from studysite.render.calculators import render_calculator

    changed = [lim.model_copy(update={"value": 17000}) if lim.id == "ebs-gp2-max-iops" else lim for lim in limits]
    calcs, constants = load_calculators(ROOT / "data" / "calculators", DOCS, changed)
    [ebs] = [c for c in calcs if c.id == "ebs-performance"]
    html = render_calculator(ebs, constants["ebs-performance"])
    assert "at most 17,000" in html and "min(17,000," in html and "16,000" not in html
    from bs4 import BeautifulSoup

    printed = " ".join(e.get_text() for e in BeautifulSoup(html, "html.parser").select(".calc-rule, .calc-formula-static"))
    assert "at most 17,000" in printed and "{" not in printed, "a placeholder was left unfilled"


def test_calculator_placeholders_and_implementations_are_checked(tmp_path: Path, limits):
    src = (ROOT / "data" / "calculators" / "s3-multipart.yml").read_text()
    (tmp_path / "s3-multipart.yml").write_text(src.replace("at most {max_parts} parts", "at most {max_partz} parts"))
    (tmp_path / "s3-multipart-two.yml").write_text(src.replace("id: s3-multipart", "id: s3-multipart-two"))
    with pytest.raises(DataError) as err:
        load_calculators(tmp_path, DOCS, limits)
    by_problem = {i.problem: i for i in err.value.issues}
    bad = next(i for p, i in by_problem.items() if "mentions {max_partz}" in p)
    assert bad.line == src.split("\n").index(next(ln for ln in src.split("\n") if ln.startswith("rule:"))) + 1
    assert "{max_parts}" in bad.fix
    missing = next(i for p, i in by_problem.items() if "no JavaScript implementation" in p)
    assert missing.item == "s3-multipart-two" and "IMPL in docs/javascripts/calculators.js" in missing.fix


def test_an_unreadable_calculator_script_is_a_message_not_a_traceback(tmp_path: Path):
    from studysite.model.calculators import SCRIPT, implemented
    from studysite.model.errors import NotesError

    assert implemented(SCRIPT) >= {"ebs-performance", "cidr-planner"}
    script = tmp_path / "calculators.js"
    script.write_text("const IMPL = {};\n")
    with pytest.raises(NotesError, match="cannot find the IMPL object") as err:
        implemented(script)
    assert err.value.path == str(script) and "keep that layout" in err.value.fix
