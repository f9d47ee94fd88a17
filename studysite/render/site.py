"""The build's data, loaded once per change, and what it adds to the notes' pages.

Content pages hold the notes only (the importer writes nothing else). From the data, the build
adds: diagrams where the notes' images were, correction boxes and calculators under their
headings, marks on outdated lines and on fixed typos, and a tail (a chapter's limits table and quiz; the home page's guide and chapter
list). add_to_page() does that for one page; studysite.markdown.page_inserts calls it inside
Python-Markdown, where MkDocs and Zensical alike say which page is being rendered. The macros
of hand-written pages (macros/__init__.py) read the same Site.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from studysite.markdown.html_blocks import block
from studysite.model import diagrams as diagram_model
from studysite.model.blueprint import Blueprint, load_blueprint
from studysite.model.calculators import load_calculators
from studysite.model.data_files import load_corrections, load_limits
from studysite.model.errata import load_errata, place_errata
from studysite.model.errors import NotesError
from studysite.model.exam_forms import FORMS, load_forms
from studysite.model.page_anchors import anchors
from studysite.model.quiz_bank import load_bank
from studysite.model.stamps import pages_stamp, stamp
from studysite.model.statements import nearest_heading, page_text, statement_lines
from studysite.paths import ROOT
from studysite.render.annotate import insert_after_headings
from studysite.render.calculators import render_calculator
from studysite.render.chapters import chapter_index, read_page, site_guide
from studysite.render.diagrams import place as place_diagrams
from studysite.render.exam import continue_shell
from studysite.render.inline_fixes import from_correction, from_limit, mark_statements
from studysite.render.limits import chapter_limits, correction_box
from studysite.render.quiz import prerender, render_quiz
from studysite.render.urls import linker, root_prefix

HOME = "index"


def report_url(repo_url: str) -> str:
    """Prefilled GitHub issue form for a wrong answer; the question id is appended."""
    return f"{repo_url.rstrip('/')}/issues/new?template=wrong-answer.yml&question-id="


@dataclass
class Site:
    docs_dir: str
    bank: dict
    limits: list
    corrections: list
    calcs: list
    constants: dict
    blueprint: Blueprint
    forms: list  # the fixed mock exams (studysite.model.exam_forms)
    edits: list
    chapter_list: list[dict]  # id, title, question count: the home page, exam and dashboard
    heading_titles: dict  # {page: {anchor: heading text}}
    inserts: dict  # {page: {anchor: [HTML block tokens]}}: boxes and calculators
    fixes: dict  # {page: [InlineFix]}: outdated lines to mark
    edits_by_page: dict  # {page: [Placed]}: fixed typos to mark
    diagrams: list  # every diagram's metadata (studysite.model.diagrams.compiled)
    rendered: dict  # {diagram id: Rendered}: its SVGs and size
    html: dict = field(default_factory=dict)  # memo: HTML per (what, page, url)

    def memo(self, key: tuple, make):
        """Rendered HTML is reused across `mkdocs serve` rebuilds until a source file changes."""
        if key not in self.html:
            self.html[key] = make()
        return self.html[key]


_cache: dict[tuple, Site] = {}


def load(docs_dir: str) -> Site:
    """The Site for docs_dir, rebuilt only when a page, quiz or data file changed.
    Bad data raises DataError or NotesError (file, line, fix); callers say which file kind."""
    key = (docs_dir, pages_stamp(docs_dir), stamp(ROOT / "quizzes"), stamp(ROOT / "data"))
    if key not in _cache:
        _cache.clear()
        _cache[key] = _build(docs_dir)
    return _cache[key]


def _build(docs_dir: str) -> Site:
    bank = load_bank(ROOT / "quizzes", docs_dir)
    chapters = sorted(p.stem for p in Path(docs_dir).glob("[0-9][0-9]-*.md"))
    if missing := [c for c in chapters if c not in bank]:
        raise NotesError(
            f"quizzes/{missing[0]}.yml",
            None,
            f"no quiz file for {', '.join(missing)}",
            "every chapter needs quizzes/<chapter>.yml (see quizzes/README.md)",
        )
    limits = load_limits(ROOT / "data" / "limits", docs_dir)
    corrections = load_corrections(ROOT / "data" / "corrections.yml", docs_dir)
    calcs, constants = load_calculators(ROOT / "data" / "calculators", docs_dir, limits)
    blueprint = load_blueprint(ROOT / "data" / "exam.yml")
    forms = load_forms(FORMS, bank, blueprint)
    edits = place_errata(docs_dir, load_errata())
    prerender(bank)

    inserts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for c in corrections:
        if c.right:  # a short swap: the marked line says it all (inline_fixes)
            continue
        page, anchor = c.anchor.split("#")
        if c.quote:  # the box stands under the heading closest above the marked line
            text = page_text(docs_dir, page)
            anchor = nearest_heading(text, statement_lines(text, anchor, c.quote)[0]) or anchor
        inserts[page][anchor].append(block(correction_box(c)))
    for calc in calcs:
        page, anchor = calc.placement.split("#")
        inserts[page][anchor].append(block(render_calculator(calc, constants[calc.id])))
    fixes: dict[str, list] = defaultdict(list)
    for fix in [f for lim in limits for f in from_limit(lim, lambda page: page_text(docs_dir, page))] + [
        f for c in corrections for f in from_correction(c)
    ]:
        fixes[fix.page].append(fix)
    edits_by_page: dict[str, list] = defaultdict(list)
    for e in edits:
        edits_by_page[e.page].append(e)
    titles = {c: read_page(Path(docs_dir) / f"{c}.md")[0].get("title", c) for c in bank}
    diagrams, rendered = diagram_model.compiled(Path(docs_dir))
    return Site(
        docs_dir=docs_dir,
        bank=bank,
        limits=limits,
        corrections=corrections,
        calcs=calcs,
        constants=constants,
        blueprint=blueprint,
        forms=forms,
        edits=edits,
        chapter_list=[{"id": c, "title": titles[c], "count": len(bank[c].questions)} for c in bank],
        heading_titles=anchors(docs_dir),
        inserts=inserts,
        fixes=fixes,
        edits_by_page=edits_by_page,
        diagrams=diagrams,
        rendered=rendered,
    )


@dataclass(frozen=True)
class PageContext:
    """What add_to_page needs to know of the build: the same under MkDocs and Zensical."""

    page: str  # the page's file name without .md, e.g. "05-s3"
    url: str  # its URL from the site root, e.g. "05-s3/"
    link_base: str  # what links are written relative to (page_inserts.page_context)
    repo_url: str
    directory_urls: bool
    downloads: bool


def add_to_page(site: Site, ctx: PageContext, markdown: str) -> str:
    """The page's Markdown with what the data adds to it (see the module's docstring)."""
    link = linker(ctx.link_base, ctx.page, ctx.directory_urls)
    markdown = place_diagrams(markdown, ctx.page, ctx.link_base, site.diagrams, site.rendered, site.docs_dir)
    fixes, edits = site.fixes.get(ctx.page, []), site.edits_by_page.get(ctx.page, [])
    if fixes or edits:
        markdown = mark_statements(markdown, fixes, edits, link)
    markdown = insert_after_headings(markdown, site.inserts.get(ctx.page, {}))
    for part in _tail(site, ctx, link):
        markdown = markdown.rstrip("\n") + "\n\n" + str(part) + "\n"  # str: Markup + str would escape the page
    return markdown


def continue_card(site: Site, url: str, directory_urls: bool, link_base: str) -> str:
    """Where the learner left off (home page and dashboard). link_base: see PageContext."""
    return continue_shell(site.chapter_list, root_prefix(url), directory_urls, root_prefix(link_base))


def _tail(site: Site, ctx: PageContext, link) -> list[str]:
    if ctx.page in site.bank:
        limits = site.memo(("limits", ctx.page, ctx.url), lambda: chapter_limits(site.limits, ctx.page, site.heading_titles, link))
        # The quiz's links sit in a <noscript>, which Zensical does not rewrite: from the page's URL.
        from_url = linker(ctx.url, ctx.page, ctx.directory_urls)
        quiz = site.memo(
            ("quiz", ctx.page, ctx.url), lambda: render_quiz(site.bank[ctx.page], site.heading_titles, report_url(ctx.repo_url), from_url)
        )
        return [part for part in (limits, "## Quiz {#quiz}\n\n" + block(quiz, searchable=False)) if part]
    if ctx.page == HOME:
        guide = continue_card(site, ctx.url, ctx.directory_urls, ctx.link_base) + "\n\n" + site_guide(ctx.repo_url, ctx.downloads)
        return [guide, chapter_index(site.docs_dir)]
    return []
