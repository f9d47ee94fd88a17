"""The importer: mojibake repair, chapter splitting, normalisations and bad input."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from studysite.importer import import_notes
from studysite.importer.mojibake import repair
from studysite.importer.normalise import normalise
from studysite.markdown.heading_slugs import AnchorBook, slugify
from studysite.model.errors import NotesError

SEED_TEXT = import_notes.DEFAULT_SEED.read_text(encoding="utf-8")


def norm(md: str) -> str:
    lines, _ = normalise(md.split("\n"), AnchorBook())
    return "\n".join(lines)


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "studysite", "import-notes", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


# Mojibake -----------------------------------------------------------------


def test_repairs_mac_roman_mojibake():
    broken = "Can’t — 💡 tip ✅".encode().decode("mac_roman")
    assert broken != "Can’t — 💡 tip ✅"
    assert repair(broken) == ("Can’t — 💡 tip ✅", True)


def test_clean_utf8_passes_through_unchanged():
    clean = "Can’t — 💡 tip, café, på"
    assert repair(clean) == (clean, False)


def test_seed_repair_is_idempotent():
    once, changed = repair(SEED_TEXT)
    assert changed
    assert repair(once) == (once, False)
    assert "Cantrill’s" in once and "‚Äô" not in once


def test_unrepairable_mojibake_is_refused_with_its_line():
    mixed = "fine\n" + "It’s".encode().decode("mac_roman") + " and a real emoji 💡\n"
    with pytest.raises(NotesError) as err:
        repair(mixed, "notes.md")
    assert err.value.line == 2 and "cannot be repaired cleanly" in str(err.value)


# Splitting ------------------------------------------------------------------


def test_splits_only_on_real_top_level_headings():
    text = "# Title\nintro\n# One\n```bash\n# not a chapter\n```\n## Sub\n# Two\ntext\n"
    title, preamble, pages = import_notes.split_pages(text, "x.md")
    assert title == "Title" and preamble == ["# Title", "intro"]
    assert [p.slug for p in pages] == ["01-one", "02-two"]
    assert "# not a chapter" in pages[0].lines


def test_seed_gives_21_chapters_plus_the_split_section():
    _, _, pages = import_notes.split_pages(repair(SEED_TEXT)[0], "seed")
    assert len(pages) == 22
    assert pages[4].slug == "05-s3"
    assert pages[-2].slug == "21-exam" and pages[-1].slug == "22-services-not-covered"


# Normalisations -----------------------------------------------------------


def test_bare_quote_line_does_not_swallow_the_list():
    out = norm("> Quote line\ncontinued lazily\n> \n- item one\n- item two")
    assert out.split("\n") == ["> Quote line", "continued lazily", "", "- item one", "- item two"]


def test_table_without_blank_line_does_not_eat_the_heading():
    out = norm("| a | b |\n|---|---|\n| 1 | 2 |\n---\n## Next {#next}")
    assert "| 1 | 2 |\n\n---\n\n## Next {#next}" in out


def test_two_and_three_space_nesting_becomes_four():
    out = norm("- top\n  - two\n     - deeper\n- next\n1. one\n   - under one")
    assert out.split("\n") == ["- top", "    - two", "        - deeper", "- next", "1. one", "    - under one"]


def test_fenced_code_inside_a_list_moves_with_its_item():
    out = norm("- item\n  ```bash\n  echo hi\n    indented\n  ```")
    assert out.split("\n") == ["- item", "    ```bash", "    echo hi", "      indented", "    ```"]


def test_line_followed_by_rule_stays_text_not_heading():
    assert norm("Some text\n---\nMore") == "Some text\n\n---\n\nMore"


def test_list_after_paragraph_gets_a_blank_line():
    assert norm("Intro:\n- a\n- b") == "Intro:\n\n- a\n- b"


def test_headings_lose_bold_and_emoji_in_anchor_and_get_unique_ids():
    out = norm("## 🌍 **Global Stuff**\n### Architecture\n## Other\n### Architecture\n### Architecture").split("\n")
    assert out[0] == "## 🌍 Global Stuff {#global-stuff}"
    assert out[1] == "### Architecture {#architecture}"
    assert out[3] == "### Architecture {#other-architecture}"
    assert out[4] == "### Architecture {#other-architecture-2}"


def test_indented_heading_is_lifted_with_its_section():
    out = norm("- item\n    ### Inner\n    \n    - child\n- after").split("\n")
    assert out[:4] == ["- item", "### Inner {#inner}", "", "- child"]


def test_image_case_and_links():
    out = norm("![x](Img/a.png) [amazon.com](http://amazon.com) ([Orca][1]) [kept][ref]\n\n[ref]: https://example.org")
    assert "![x](img/a.png)" in out
    assert " amazon.com " in out and "(Orca)" in out and "[kept][ref]" in out


def test_code_is_never_rewritten():
    code = "```\n# Heading-like\n- item\n  - two\n> quote\n|a|\n---\n![x](Img/y.png)\n```"
    assert norm(code) == code


def test_slugify_is_readable():
    assert slugify("🦠 IAM, Account and AWS Organizations") == "iam-account-and-aws-organizations"
    assert slugify("Lambda@Edge") == "lambda-edge"
    assert slugify("💡") == "section"


# Bad input ----------------------------------------------------------------


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "does not exist"),
        (b"", "is empty"),
        (b"  \n\n", "is empty"),
        (b"# Title\n\x00\x01\x02binary", "is binary"),
        (b"\xff\xfe\xfa not utf8", "not valid UTF-8"),
        (b"# Only a title\nno chapters here\n", "found 1 top-level"),
        (b"no headings at all\n", "found 0 top-level"),
    ],
)
def test_bad_seed_gives_one_line_error_and_keeps_docs(tmp_path: Path, content, message):
    seed = tmp_path / "notes.md"
    if content is not None:
        seed.write_bytes(content)
    out = tmp_path / "docs"
    out.mkdir()
    (out / "01-keep.md").write_text("previous good page")
    result = run_cli("--seed", str(seed), "--out", str(out))
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 1 and message in lines[0] and "Fix:" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert (out / "01-keep.md").read_text() == "previous good page"


def test_unwritable_output_gives_one_line_error(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    result = run_cli("--out", str(blocker / "docs"))
    assert result.returncode == 1
    assert len(result.stderr.strip().split("\n")) == 1 and "Fix:" in result.stderr
    assert blocker.read_text() == "a file where a folder should be"


def test_failed_write_leaves_previous_docs_untouched(tmp_path: Path, monkeypatch):
    out = tmp_path / "docs"
    out.mkdir()
    (out / "01-old.md").write_text("old")
    (out / "limits.md").write_text("hand-written page")
    real_write = Path.write_text
    calls = {"n": 0}

    def flaky(self, *a, **k):
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(28, "No space left on device")
        return real_write(self, *a, **k)

    monkeypatch.setattr(Path, "write_text", flaky)
    with pytest.raises(NotesError, match="No space left"):
        import_notes.run(import_notes.DEFAULT_SEED, out)
    monkeypatch.undo()
    assert sorted(p.name for p in out.iterdir()) == ["01-old.md", "limits.md"]
    assert not list(tmp_path.glob(".docs.*")), "staging folder left behind"


def test_rerun_keeps_hand_written_files(tmp_path: Path):
    out = tmp_path / "docs"
    (out / "stylesheets").mkdir(parents=True)
    (out / "stylesheets" / "x.css").write_text("a{}")
    (out / "99-stale.md").write_text("stale generated page")
    result = run_cli("--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "stylesheets" / "x.css").read_text() == "a{}"
    assert not (out / "99-stale.md").exists()
    assert len(list(out.glob("[0-9][0-9]-*.md"))) == 22


def test_the_importer_writes_content_only(tmp_path: Path):
    """No macro calls and no Jinja: the build adds quizzes, tables and the home page's guide
    (macros/__init__.py), so `{{resolve:...}}` in the notes' code needs no protecting."""
    out = tmp_path / "docs"
    result = run_cli("--out", str(out))
    assert result.returncode == 0, result.stderr
    pages = sorted(out.glob("*.md"))
    assert len(pages) == 23
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "render_macros" not in text, page.name
        assert not re.search(r"^\s*\{\{.*\}\}\s*$", text, re.M), f"{page.name} has a macro line"
    assert (out / "index.md").read_text(encoding="utf-8") == (ROOT / "docs" / "index.md").read_text(encoding="utf-8")


def test_errata_fix_typos_without_touching_the_seed(tmp_path: Path):
    errata = tmp_path / "errata.yml"
    errata.write_text('- find: "Per GB month charge"\n  replace: "Per GB-month charge"\n  why: hyphen\n')
    out = tmp_path / "docs"
    import_notes.run(import_notes.DEFAULT_SEED, out, errata)
    assert "Per GB-month charge" in (out / "05-s3.md").read_text()


@pytest.mark.parametrize("find, message", [("Amazon S3", "occurs"), ("not in the notes at all", "occurs 0 times")])
def test_ambiguous_or_missing_erratum_is_refused(tmp_path: Path, find, message):
    errata = tmp_path / "errata.yml"
    errata.write_text(f'- find: "{find}"\n  replace: "x"\n  why: test\n')
    with pytest.raises(NotesError, match=message) as err:
        import_notes.run(import_notes.DEFAULT_SEED, tmp_path / "docs", errata)
    assert err.value.line == 1 and not (tmp_path / "docs").exists()


def test_skipped_heading_levels_are_closed_and_siblings_stay_siblings():
    from studysite.importer.normalise import Stats, anchor_headings
    from studysite.markdown.heading_slugs import AnchorBook

    lines = ["# Page", "### A", "text", "#### A.1", "### B", "## C", "#### C.1"]
    stats = Stats()
    out = anchor_headings(lines, stats, AnchorBook())
    levels = [ln.split(" ")[0] for ln in out if ln.startswith("#")]
    assert levels == ["#", "##", "###", "##", "##", "###"]
    assert stats.heading_gaps == 4
    assert "text" in out
