"""Corrections at the statement: every outdated number or claim is marked on the line of the
notes that states it, in the section that states it; bad anchors fail with file, line and fix;
the "What changed" page lists every correction."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, soup_of

from tools.data_files import load_corrections, load_limits
from tools.validation import DataError

DOCS = str(ROOT / "docs")
HEADINGS = {f"h{n}" for n in range(1, 7)}


@pytest.fixture(scope="module")
def fixes():
    limits = [lim for lim in load_limits(ROOT / "data" / "limits", DOCS) if lim.current and lim.from_notes]
    corrections = [c for c in load_corrections(ROOT / "data" / "corrections.yml", DOCS) if c.quote]
    return [(lim.id, lim.page, lim.anchor) for lim in limits] + [(c.id, *c.anchor.split("#")) for c in corrections]


def section_of(mark) -> str:
    """The id of the innermost heading the element sits under."""
    return mark.find_previous(HEADINGS).get("id")


def test_every_correction_is_marked_once_in_the_section_that_states_it(built_site: Path, fixes):
    assert len(fixes) >= 75
    wrong = []
    for fid, page, anchor in fixes:
        soup = soup_of(built_site / page / "index.html")
        marks = soup.select(f"#fix-{fid}")
        if len(marks) != 1:
            wrong.append(f"{fid}: {len(marks)} markers")
            continue
        head = soup.find(id=anchor)
        level = int(head.name[1])
        # The marker follows its section's heading with no heading of that level or higher between.
        between = [h for h in marks[0].find_all_previous(HEADINGS) if h is not head]
        between = between[: [h for h in marks[0].find_all_previous(HEADINGS)].index(head)]
        if any(int(h.name[1]) <= level for h in between):
            wrong.append(f"{fid}: marked under #{section_of(marks[0])}, not in #{anchor}")
        if not marks[0].select_one('a[href^="https://docs.aws.amazon.com"], a[href^="https://aws.amazon.com"]'):
            wrong.append(f"{fid}: no AWS source on the marker")
    assert not wrong, wrong[:5]


def test_values_on_the_line_are_struck_through_beside_the_current_one(built_site: Path):
    soup = soup_of(built_site / "14-serverless" / "index.html")
    mark = soup.select_one("#fix-sqs-message-size-max")
    line = mark.parent
    assert line.select_one("del.fix-old").get_text() == "256KB"
    assert line.select_one("ins.fix-new").get_text() == "1 MiB"
    assert "checked 20" in mark.get_text() and mark.select_one('a[href$="changes/#sqs-message-size-max"]')


def test_what_changed_lists_every_correction_with_a_way_back(built_site: Path):
    limits = load_limits(ROOT / "data" / "limits", DOCS)
    corrections = load_corrections(ROOT / "data" / "corrections.yml", DOCS)
    page = soup_of(built_site / "changes" / "index.html")
    ids = [dt["id"] for dt in page.select("dl.changes dt")]
    assert sorted(ids) == sorted([lim.id for lim in limits if lim.current] + [c.id for c in corrections])
    back = page.select_one("dt#sqs-message-size-max + dd .changes-meta a")
    assert back["href"] == "../14-serverless/#fix-sqs-message-size-max"


CORRECTION = (
    "- id: demo\n  anchor: 14-serverless#simple-queue-service-sqs\n  notes_say: The notes say SQS messages are small.\n"
    "  now: SQS messages can be up to 1 MiB.\n  reference: https://docs.aws.amazon.com/x\n  checked: 2026-11-26\n"
)


@pytest.mark.parametrize(
    "extra, line, problem, fix",
    [
        ("  quote: Messages up to 512KB in size\n", 7, "not on any one line of section #simple-queue-service-sqs", "copy 5-25 words"),
        ("  quote: the\n", 7, "lines of section", "quote more words"),
        ("  quote: Messages up to 256KB in size\n  wrong: 256 KB\n  right: 1 MiB\n", 8, "not written exactly once", "copy the words"),
        ("  quote: Messages up to 256KB in size\n  wrong: 256KB\n", 8, "go together", "give both"),
        ("  anchor2: x\n", 7, "anchor2", ""),
    ],
)
def test_bad_correction_anchors_are_reported_precisely(tmp_path: Path, extra, line, problem, fix):
    path = tmp_path / "corrections.yml"
    path.write_text(CORRECTION + extra)
    with pytest.raises(DataError) as err:
        load_corrections(path, DOCS)
    issue = err.value.issues[0]
    assert issue.path == str(path) and issue.line == line and problem in issue.problem, issue
    assert fix in issue.fix, issue


def test_a_good_quote_loads(tmp_path: Path):
    path = tmp_path / "corrections.yml"
    path.write_text(CORRECTION + "  quote: Messages up to 256KB in size\n  wrong: 256KB\n  right: 1 MiB\n")
    [c] = load_corrections(path, DOCS)
    assert (c.wrong, c.right) == ("256KB", "1 MiB")
