"""Corrections at the statement: every outdated number or claim is marked on the line of the
notes that states it, in the section that states it; bad anchors fail with file, line and fix;
the "What changed" page lists every correction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import ROOT, soup_of

from studysite.model.data_files import load_corrections, load_limits
from studysite.model.errata import load_errata, place_errata
from studysite.model.errors import NotesError
from studysite.model.page_anchors import plain
from studysite.model.validation import DataError
from studysite.render.inline_fixes import InlineFix, changed_words, mark_line

DOCS = str(ROOT / "docs")
HEADINGS = {f"h{n}" for n in range(1, 7)}


@pytest.fixture(scope="module")
def fixes():
    limits = [lim for lim in load_limits(ROOT / "data" / "limits", DOCS) if lim.current and lim.from_notes]
    corrections = [c for c in load_corrections(ROOT / "data" / "corrections.yml", DOCS) if c.quote]
    main = [(lim.id, lim.page, lim.anchor) for lim in limits] + [(c.id, *c.anchor.split("#")) for c in corrections]
    # Every other line that repeats the fact is marked too, as <id>-2, <id>-3 ...
    repeats = [(f"{e.id}-{n}", st.page, st.anchor) for e in limits + corrections for n, st in enumerate(e.also, start=2)]
    return main + repeats


def section_of(mark) -> str:
    """The id of the innermost heading the element sits under."""
    return mark.find_previous(HEADINGS).get("id")


def test_every_correction_is_marked_once_in_the_section_that_states_it(built_site: Path, fixes):
    assert len(fixes) >= 140
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
        (
            "  also:\n  - at: 14-serverless#simple-queue-service-sqs\n    quote: not said here at all\n",
            9,
            "not on any one line",
            "copy 5-25 words",
        ),
        ("  also:\n  - at: 14-serverless#no-such-section\n    quote: Messages up to 256KB in size\n", 8, "no-such-section", ""),
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


def test_a_correction_that_needs_a_paragraph_links_its_line_to_a_box_above_it(built_site: Path):
    corrections = [c for c in load_corrections(ROOT / "data" / "corrections.yml", DOCS) if c.quote and not c.right]
    assert len(corrections) >= 20
    wrong = []
    for c in corrections:
        soup = soup_of(built_site / c.page / "index.html")
        why = soup.select_one(f"#fix-{c.id} a[href='#correction-{c.id}']")
        box = soup.select_one(f"#correction-{c.id}")
        if not (why and box):
            wrong.append(f"{c.id}: marker link {bool(why)}, box {bool(box)}")
        elif section_of(box) != section_of(soup.select_one(f"#fix-{c.id}")):
            wrong.append(f"{c.id}: box under #{section_of(box)}, line under #{section_of(soup.select_one(f'#fix-{c.id}'))}")
    assert not wrong, wrong[:5]


def test_typos_fixed_on_import_are_marked_where_they_stand(built_site: Path):
    placed = place_errata(DOCS, load_errata())
    assert len(placed) >= 3
    changes = soup_of(built_site / "changes" / "index.html")
    for e in placed:
        mark = soup_of(built_site / e.page / "index.html").select_one(f"#{e.erratum.id}")
        was, now = changed_words(e.erratum.find, e.erratum.replace)
        assert mark is not None and f"the notes wrote “{was}”" in mark.get_text(), e
        assert plain(e.erratum.replace) in mark.parent.get_text(), "marked on another line"
        assert mark.select_one("a")["href"] == f"../changes/#{e.erratum.id}"
        row = changes.select_one(f"tr#{e.erratum.id}")
        assert [td.get_text() for td in row.select("td")[1:3]] == [was, now]


def test_an_erratum_the_pages_no_longer_show_fails_with_file_line_and_fix(tmp_path: Path):
    path = tmp_path / "errata.yml"
    path.write_text('- find: "Neutral TTS"\n  replace: "Neural TTS"\n  why: name\n- find: "a b c"\n  replace: "Amazon S3"\n  why: test\n')
    with pytest.raises(NotesError) as err:
        place_errata(DOCS, load_errata(path), path)
    assert (err.value.path, err.value.line) == (str(path), 4) and "lines of the imported pages, not one" in err.value.problem
    assert "longer" in err.value.fix


def test_contributor_text_in_a_marker_stays_text():
    """Data reaches a chapter page through Markdown only (chapter pages are no Jinja templates,
    see test_importer): markup in it must arrive as text."""
    fix = InlineFix(
        "x", "p", "a", "q", "256KB", "{{ 7 * 7 }}<script>alert(1)</script>", "https://docs.aws.amazon.com/x", dt.date(2026, 12, 2)
    )
    line = mark_line("Messages up to 256KB in size", fix, lambda page, anchor="": f"{page}#{anchor}")
    assert "<script>" not in line and "&lt;script&gt;" in line


def test_a_value_in_a_code_span_is_struck_as_code_not_shown_as_tags(built_site: Path):
    """AWS Config's rule name is written `ebs-encryption-by-default` in the notes: the swap
    replaces the whole code span, since tags inside backticks would print as text."""
    html = (built_site / "18-security-operations" / "index.html").read_text(encoding="utf-8")
    assert '<del class="fix-old" title="As the notes state it"><code>ebs-encryption-by-default</code></del>' in html
    assert '<ins class="fix-new"><code>ec2-ebs-encryption-by-default</code></ins>' in html
    assert "&lt;del" not in html and "{% raw %}" not in html


@pytest.mark.parametrize(
    "line, struck",
    [("up to 15 replicas", False), ("- 5 direct per primary", True), ("5x direct read-replicas", True), ("in 2025 and 5", False)],
)
def test_a_bare_count_is_struck_only_where_it_stands_alone(line, struck):
    from studysite.render.inline_fixes import _stands_alone

    assert _stands_alone("5", line) is struck


def test_in_a_table_the_old_number_is_struck_in_its_own_cell(built_site: Path):
    """The gp3 row repeats two corrected limits; each old number is struck where it stands,
    not only flagged at the end of the row (where it would sit under another column)."""
    row = soup_of(built_site / "07-ec2-basics" / "index.html").select_one("#fix-ebs-gp3-max-iops-2").find_parent("tr")
    cells = {
        td.select_one("del.fix-old").get_text(): td.select_one("ins.fix-new").get_text() for td in row.select("td") if td.select_one("del")
    }
    assert cells == {"16,000": "80,000", "1,000": "2,000"}
