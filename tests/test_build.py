"""The site builds strictly, and its pages match what the importer makes of the seed."""

from __future__ import annotations

import filecmp
from pathlib import Path
from urllib.parse import quote

from conftest import ROOT, added_image, copy_project, mkdocs_build, soup_of

from studysite.cli.check_links import base_path_of, check_site
from studysite.importer import import_notes


def test_strict_build_passes(built_site: Path):
    pages = sorted(p.parent.name for p in built_site.glob("[0-9][0-9]-*/index.html"))
    assert len(pages) == 22, pages
    assert (built_site / "index.html").is_file()


def test_committed_docs_match_the_importer(tmp_path: Path):
    """docs/ is generated: re-running the importer on the committed seed changes nothing."""
    out = tmp_path / "docs"
    import_notes.run(import_notes.DEFAULT_SEED, out, import_notes.ERRATA)
    generated = sorted(p.name for p in out.glob("*.md"))
    committed = sorted(p.name for p in (ROOT / "docs").glob("*.md") if import_notes.GENERATED_PAGE_RE.match(p.name))
    assert generated == committed
    diffs = [name for name in generated if not filecmp.cmp(out / name, ROOT / "docs" / name, shallow=False)]
    assert not diffs, f"docs/ is out of date; run `python -m studysite import-notes`: {diffs}"


def test_nav_lists_every_chapter_in_order():
    import yaml

    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    notes = next(item["Study notes"] for item in config["nav"] if isinstance(item, dict) and "Study notes" in item)
    files = sorted(p.name for p in (ROOT / "docs").glob("[0-9][0-9]-*.md"))
    assert notes == files


def test_link_checker_finds_nothing_broken(built_site: Path):
    problems = check_site(built_site, base_path_of(ROOT / "mkdocs.yml"))
    assert problems == []


def test_link_checker_reports_each_kind_of_problem(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2>')
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="https://aws.amazon.com/">ok, followed not loaded</a>'
        '<a href="missing/">bad</a><a href="a/#nowhere">bad</a><a href="#gone">bad</a>'
        '<script src="https://cdn.example.com/x.js"></script><link rel="stylesheet" href="//fonts.example.com/f.css">'
        '<img src="img/none.png"><link rel="canonical" href="https://example.com/">'
    )
    problems = check_site(tmp_path)
    assert len(problems) == 6, problems
    assert any("missing/" in p and "no such file" in p for p in problems)
    assert any("a/#nowhere" in p and "no element with id 'nowhere'" in p for p in problems)
    assert any("#gone" in p for p in problems)
    assert sum("loads from another host" in p for p in problems) == 2
    assert all(p.startswith("index.html: ") for p in problems)


def test_pages_request_nothing_off_site(built_site: Path):
    """No Google Fonts, no CDN, and no GitHub API call for repository stats."""
    for page in built_site.rglob("*.html"):
        html = page.read_text()
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        assert 'data-md-component="source"' not in html, page


def test_jinja_like_code_never_breaks_a_page(edited_site: Path):
    text = soup_of(edited_site / "01-iam-basics" / "index.html").get_text()
    assert "{{resolve:ssm:/db/password}}" in text
    assert "{{resolve:secretsmanager:MySecret:SecretString:password}}" in text
    assert "{% if x %}{# c #}" in text
    assert '{"v": "{{resolve:ssm:/x}}"}' in text


def test_unknown_macro_fails_the_build(tmp_path: Path):
    """Hand-written pages that call macros (render_macros: true) fail on a name that is not one."""
    project = copy_project(tmp_path)
    page = project / "docs" / "limits.md"
    page.write_text(page.read_text() + "\n{{ no_such_macro() }}\n")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "no_such_macro" in result.stderr + result.stdout


def test_a_missing_image_leaves_no_trace_until_the_file_is_added(built_site: Path, edited_site: Path):
    chapter, src = added_image()
    name = src.rsplit("/", 1)[-1]
    html = (built_site / chapter / "index.html").read_text()
    assert name not in html and "img-missing" not in html
    # edited_site is the same project with that one image file added.
    soup = soup_of(edited_site / chapter / "index.html")
    assert soup.select(f'img[src$="{quote(name)}"]'), "the added image should render as <img>"


def test_downloads_are_linked_only_where_they_are_published(built_site):
    """A plain build links no PDF or zip (they would be 404s); DOWNLOADS=true, which the Pages
    workflow sets for the build right before it makes both, links them."""
    from studysite.render.chapters import download, site_guide

    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "saa-c03-study-guide.pdf" not in home and "offline-site.zip" not in home
    assert "python -m studysite export-pdf" in home
    published = site_guide("https://github.com/example/fork", downloads=True)
    assert 'href="pdf/saa-c03-study-guide.pdf"' in published and 'href="downloads/saa-c03-offline-site.zip"' in published
    assert "(https://github.com/example/fork/blob/main/IMAGES.md)" in published, "the image manifest link follows repo_url"
    review = (built_site / "review" / "index.html").read_text(encoding="utf-8")
    assert "saa-c03.apkg" not in review and "python -m studysite export-anki" in review
    assert download("anki", True, "../") == '<a href="../downloads/saa-c03.apkg" data-export>the Anki deck</a>'
