"""Nothing is lost: every line of the notes lands in one page, in order, and every
heading of the notes is a heading of the built site.

The comparison key keeps only letters and digits, so the importer's documented
normalisations (indentation, blank lines, `>` markers, bold in headings, `{#id}`
anchors, link targets, image path case) do not count as changes, while any lost,
duplicated, reordered or reworded text does.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, soup_of

from studysite.importer.import_notes import DEFAULT_SEED
from studysite.importer.mojibake import marker_lines
from studysite.markdown.lines import classify, heading
from studysite.model.errata import apply_errata, load_errata

# One worker parses the built pages once (soup_of caches per process) for every test here.
pytestmark = pytest.mark.xdist_group("built-pages")

FRONT_RE = re.compile(r"\A---\n.*?\n---\n", re.S)
# Headings the site adds around the notes (home page guide, chapter list, quizzes).
GENERATED_HEADINGS = {"howtousethissite", "chapters", "tableofcontents", "answerkey"}
GENERATED_ID_PREFIXES = ("quiz", "limits-")  # macro output: the quiz and the limits tables


def key(line: str) -> str:
    line = re.sub(r"\{#[^}]*\}\s*$", "", line)
    line = re.sub(r"\]\([^)]*\)", "]", line)
    line = re.sub(r"\]\[[^\]]*\]", "]", line)
    return re.sub(r"[\W_]+", "", line.lower())


def seed_lines() -> list[str]:
    # Repaired independently of the importer's own repair code; the errata are the only edits.
    text = DEFAULT_SEED.read_text(encoding="utf-8").encode("mac_roman").decode("utf-8")
    return apply_errata(text, load_errata()).split("\n")


def page_files() -> list[Path]:
    return [ROOT / "docs" / "index.md"] + sorted((ROOT / "docs").glob("[0-9][0-9]-*.md"))


def page_lines(path: Path) -> list[str]:
    body = FRONT_RE.sub("", path.read_text(encoding="utf-8"))
    return body.split("\n")  # the importer writes content only: every line is the notes'


def test_every_seed_line_lands_once_in_order():
    seed = [(i, k) for i, ln in enumerate(seed_lines(), start=1) if (k := key(ln))]
    pages = [(p.name, k) for p in page_files() for ln in page_lines(p) if (k := key(ln))]
    for n, ((line, want), (page, got)) in enumerate(zip(seed, pages, strict=False)):
        assert want == got, f"seed line {line} ({want[:60]!r}) became {got[:60]!r} in {page} (content line {n + 1})"
    assert len(seed) == len(pages), f"seed has {len(seed)} content lines, pages have {len(pages)}"
    assert len(seed) > 5000


def built_headings(site: Path) -> Counter:
    found: Counter = Counter()
    # Only the pages made from the notes; hand-written pages (limits, calculators) have their own headings.
    for page in [site / "index.html", *sorted(site.glob("[0-9][0-9]-*/index.html"))]:
        article = soup_of(page).select_one("article")
        if article is None:
            continue
        for h in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
            if (h.get("id") or "").startswith(GENERATED_ID_PREFIXES):
                continue
            # The text without the permalink's "¶" (the soup is shared, so it is read, not edited).
            text = "".join(str(t) for t in h.find_all(string=True) if not t.find_parent("a", class_="headerlink"))
            found[key(text)] += 1
    return found


def test_every_real_heading_is_a_built_heading(built_site: Path):
    lines = seed_lines()
    seed = Counter(key(h[1]) for ln in classify(lines) if (h := heading(ln)))
    built = built_headings(built_site)
    missing = seed - built
    assert not missing, f"headings of the notes missing from the site: {list(missing)[:10]}"
    extra = {k for k in built - seed if k not in GENERATED_HEADINGS}
    assert not extra, f"headings in the site that are not headings in the notes (accidental?): {sorted(extra)[:10]}"


def _soup(site: Path, page: str) -> BeautifulSoup:
    return soup_of(site / page / "index.html")


def test_transit_gateway_heading_and_its_table_survive(built_site: Path):
    soup = _soup(built_site, "17-hybrid-migration")
    tgw = soup.find(id="aws-transit-gateway-tgw")
    assert tgw is not None and tgw.name == "h2"
    comparison = soup.find(id="direct-connect-vpc-peering-transit-gateway")
    assert comparison is not None and comparison.find_next("table") is not None


def test_tables_are_all_tables(built_site: Path):
    seps = sum(
        1
        for ln in classify(seed_lines())
        if not ln.in_code and "|" in ln.text and "-" in ln.text and re.fullmatch(r"\s*[|: -]+\s*", ln.text)
    )
    built = sum(len(soup_of(p).select("article table:not(.limits-table table)")) for p in built_site.glob("[0-9][0-9]-*/index.html"))
    assert built == seps, f"{seps} tables in the notes, {built} rendered"


def test_quotes_do_not_swallow_lists(built_site: Path):
    quoted_items = sum(1 for ln in classify(seed_lines()) if not ln.in_code and re.match(r"^\s*>\s*([-*+]|\d+\.)\s", ln.text))
    in_quotes = sum(len(soup_of(p).select("article blockquote li")) for p in built_site.glob("[0-9][0-9]-*/index.html"))
    assert in_quotes <= quoted_items, f"{in_quotes} list items inside quotes, the notes quote only {quoted_items}"


def test_nested_lists_stay_nested(built_site: Path):
    seed_nested = sum(
        1
        for ln in classify(seed_lines())
        if not ln.in_code and re.match(r"^ {2,}([-*+]|\d+\.)\s", ln.text) and not re.match(r"^\s*>", ln.text)
    )
    built_nested = sum(len(soup_of(p).select("article li li")) for p in built_site.glob("[0-9][0-9]-*/index.html"))
    # Items under the two headings lifted out of lists lose one level of nesting.
    assert built_nested >= seed_nested - 10, f"{seed_nested} nested items in the notes, {built_nested} nested in the site"


def test_no_mojibake_reaches_the_site(built_site: Path):
    for page in built_site.glob("**/index.html"):
        text = soup_of(page).get_text()
        assert not marker_lines(text), f"mojibake in {page.relative_to(built_site)}"


def test_headings_have_clean_unique_anchors(built_site: Path):
    for page in built_site.glob("[0-9][0-9]-*/index.html"):
        soup = soup_of(page)
        ids = [
            h["id"] for h in soup.select("article h1[id], article h2[id], article h3[id], article h4[id], article h5[id], article h6[id]")
        ]
        assert len(ids) == len(set(ids)), page
        assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids), [i for i in ids if not re.fullmatch(r"[a-z0-9-]+", i)]
        toc = soup.select_one("nav.md-nav--secondary")
        assert "**" not in (toc.get_text() if toc else ""), page
