"""mkdocs-macros entry point: registers every macro the pages may call.

Pages opt in with `render_macros: true`. An unknown macro fails the build
(`on_undefined: strict`) rather than rendering junk, and so does bad data.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from studysite.markdown.html_blocks import block
from studysite.model import diagrams as diagram_model
from studysite.model.blueprint import load_blueprint
from studysite.model.calculators import load_calculators
from studysite.model.data_files import load_corrections, load_limits
from studysite.model.errata import load_errata, place_errata
from studysite.model.errors import NotesError
from studysite.model.page_anchors import anchors
from studysite.model.quiz_bank import load_bank
from studysite.model.stamps import pages_stamp, stamp
from studysite.model.statements import nearest_heading, page_text, statement_lines
from studysite.model.validation import DataError
from studysite.paths import ROOT
from studysite.render.annotate import insert_after_headings
from studysite.render.calculators import render_calculator
from studysite.render.chapters import chapter_index, site_guide
from studysite.render.diagrams import figure
from studysite.render.diagrams import index as diagram_list
from studysite.render.exam import app_shell, bank_index, bank_payload, bank_script, continue_shell, write_bank
from studysite.render.inline_fixes import changes_page, from_correction, from_limit, mark_statements
from studysite.render.limits import chapter_limits, correction_box, reference_page
from studysite.render.protect_code import protect_code
from studysite.render.quiz import prerender, render_quiz
from studysite.render.urls import linker, root_prefix


def src_uri(page) -> str:
    """The page's source path under docs/: MkDocs has page.file.src_uri, Zensical page.path."""
    file = getattr(page, "file", None)
    return file.src_uri if file is not None else page.path


def report_url(repo_url: str) -> str:
    """Prefilled GitHub issue form for a wrong answer; the question id is appended."""
    return f"{repo_url.rstrip('/')}/issues/new?template=wrong-answer.yml&question-id="


def _load(what: str, fn, *args):
    try:
        return fn(*args)
    except DataError as exc:
        raise PluginError(f"{what} has {len(exc.issues)} problem(s):\n{exc}") from None
    except NotesError as exc:
        raise PluginError(f"{what}: {exc}") from None


_cache: dict[tuple, tuple] = {}


def load_data(docs_dir: str) -> tuple:
    """(bank, limits, corrections, calculators, constants, blueprint, errata placed), reused while no file changed."""
    key = (docs_dir, pages_stamp(docs_dir), stamp(ROOT / "quizzes"), stamp(ROOT / "data"))
    if key not in _cache:
        bank = _load("the quiz bank", load_bank, ROOT / "quizzes", docs_dir)
        limits = _load("data/limits", load_limits, ROOT / "data" / "limits", docs_dir)
        corrections = _load("data/corrections.yml", load_corrections, ROOT / "data" / "corrections.yml", docs_dir)
        calcs, constants = _load("data/calculators", load_calculators, ROOT / "data" / "calculators", docs_dir, limits)
        blueprint = _load("data/exam.yml", load_blueprint, ROOT / "data" / "exam.yml")
        edits = _load("data/errata.yml", lambda: place_errata(docs_dir, load_errata()))
        _cache.clear()
        _cache[key] = (bank, limits, corrections, calcs, constants, blueprint, edits, {})
    return _cache[key]


def memo(store: dict, key: tuple, make):
    """Rendered HTML is reused across `mkdocs serve` rebuilds until a source file changes."""
    if key not in store:
        store[key] = make()
    return store[key]


def define_env(env):
    docs_dir = env.conf["docs_dir"]
    bank, limits, corrections, calcs, constants, blueprint, edits, rendered = load_data(docs_dir)
    prerender(bank)
    chapters = sorted(p.stem for p in Path(docs_dir).glob("[0-9][0-9]-*.md"))
    missing = [c for c in chapters if c not in bank]
    if missing:
        raise PluginError(f"no quiz file for {', '.join(missing)}: every chapter needs quizzes/<chapter>.yml (see quizzes/README.md)")
    calc_by_id = {c.id: c for c in calcs}
    dir_urls = env.conf["use_directory_urls"]
    chapter_list = [{"id": c, "title": _chapter_title(docs_dir, c), "count": len(bank[c].questions)} for c in bank]
    # The bank is loaded from the site root, so its links are relative to it.
    env.variables["_bank_script"] = lambda: memo(
        rendered,
        ("bank", dir_urls),
        lambda: bank_script(bank_payload(bank, docs_dir, chapter_list, linker("", "", dir_urls), report_url(env.conf["repo_url"]))),
    )
    index = bank_index(bank, chapter_list)
    heading_titles = anchors(docs_dir)  # {page: {anchor: heading text}}

    # Blocks inserted under headings, per page: corrections and inline calculators.
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
    env.variables["_inserts"] = inserts
    # Lines of the notes that state an outdated fact, per page: marked where they stand.
    fixes: dict[str, list] = defaultdict(list)
    for fix in [f for lim in limits for f in from_limit(lim, lambda page: page_text(docs_dir, page))] + [
        f for c in corrections for f in from_correction(c)
    ]:
        fixes[fix.page].append(fix)
    env.variables["_fixes"] = fixes
    by_page = defaultdict(list)
    for e in edits:
        by_page[e.page].append(e)
    env.variables["_edits"] = by_page

    @env.macro
    def continue_card() -> str:
        """Where the learner left off (home page and dashboard)."""
        return continue_shell(chapter_list, root_prefix(env.page.url), dir_urls)

    downloads = str(env.conf["extra"].get("downloads", False)).lower() == "true"

    def current_page() -> str:
        return Path(src_uri(env.page)).stem

    def link():
        return linker(env.page.url, current_page(), dir_urls)

    def quiz() -> str:
        """The current chapter's quiz, under a `## Quiz` heading."""
        page = current_page()
        html = memo(
            rendered, ("quiz", page, env.page.url), lambda: render_quiz(bank[page], docs_dir, report_url(env.conf["repo_url"]), link())
        )
        return "## Quiz {#quiz}\n\n" + block(html, searchable=False)

    def chapter_limits_table() -> str:
        """The limits this chapter teaches, one table per service."""
        return memo(
            rendered, ("limits", current_page(), env.page.url), lambda: chapter_limits(limits, current_page(), heading_titles, link())
        )

    # What the build adds at the end of a content page (the importer writes content only).
    tails = {chapter: [chapter_limits_table, quiz] for chapter in bank}
    tails["index"] = [lambda: continue_card() + "\n\n" + site_guide(env.conf["repo_url"], downloads), lambda: chapter_index(docs_dir)]
    env.variables["_tails"] = tails

    @env.macro
    def limits_reference() -> str:
        return memo(rendered, ("limits-page", env.page.url), lambda: reference_page(limits, heading_titles, link()))

    @env.macro
    def calculator(calc_id: str) -> str:
        if calc_id not in calc_by_id:
            raise PluginError(f"docs/{current_page()}.md: no calculator '{calc_id}' in data/calculators/")
        return block(render_calculator(calc_by_id[calc_id], constants[calc_id]))

    @env.macro
    def all_calculators() -> str:
        parts = []
        for calc in calcs:
            page, anchor = calc.placement.split("#")
            parts += [
                f"## {calc.title} {{#{calc.id}}}",
                "",
                f"Taught in [{heading_titles[page][anchor]}]({page}.md#{anchor}).",
                "",
                block(render_calculator(calc, constants[calc.id])),
                "",
            ]
        return Markup("\n".join(parts))

    @env.macro
    def exam_app() -> str:
        return app_shell(
            "exam",
            blueprint,
            index,
            "The practice exam needs JavaScript. The chapter quizzes work without it.",
            root_prefix(env.page.url),
            dir_urls,
        )

    @env.macro
    def progress_app() -> str:
        return app_shell("progress", blueprint, index, "The progress dashboard needs JavaScript.", root_prefix(env.page.url), dir_urls)

    @env.macro
    def what_changed() -> str:
        """Every correction of the notes, by chapter (the "What changed since the notes" page)."""
        return memo(rendered, ("changes", env.page.url), lambda: Markup(changes_page(limits, corrections, edits, heading_titles, link())))

    @env.macro
    def diagram_legend() -> str:
        """The visual language every diagram uses, drawn from data/diagrams/style.yml."""
        out = []
        for part in diagram_model.legend():
            r = _load("the diagram legend", diagram_model.render_text, part.source, "data/diagrams/style.yml")
            out.append(figure(part.id, part.alt, part.caption, "", r.width, r.height, env.page.url))
        return "\n\n".join(out)

    @env.macro
    def diagram_index() -> str:
        """Every diagram, by chapter, linked where it stands."""
        diagrams = _load("data/diagrams", diagram_model.load_all, Path(docs_dir))
        titles = {c["id"]: c["title"] for c in chapter_list}
        return diagram_list(diagrams, titles, link())

    @env.macro
    def exam_fact(name: str) -> str:
        """A blueprint fact for prose, e.g. {{ exam_fact('minutes') }}: never typed twice."""
        return str(blueprint.model_dump(by_alias=True)[name])


def _chapter_title(docs_dir: str, chapter: str) -> str:
    from studysite.render.chapters import read_page

    return read_page(Path(docs_dir) / f"{chapter}.md")[0].get("title", chapter)


def on_post_build(env):
    """Write the bank the practice exam and dashboard load (generated from quizzes/, never stored twice)."""
    write_bank(env.conf["site_dir"], env.variables["_bank_script"]())


def on_pre_page_macros(env):
    """Content pages (the notes; no Jinja) get their marks, boxes and calculators under their
    headings and their tail (limits table and quiz, or the home page's guide) at the end."""
    page = Path(src_uri(env.page)).stem
    blocks = env.variables["_inserts"].get(page, {})
    markdown = env.markdown
    fixes, edits = env.variables["_fixes"].get(page, []), env.variables["_edits"].get(page, [])
    if fixes or edits:
        markdown = mark_statements(markdown, fixes, edits, linker(env.page.url, page, env.conf["use_directory_urls"]))
    if env.page.meta.get("render_macros"):
        markdown = protect_code(markdown)
    markdown = insert_after_headings(markdown, blocks)
    for tail in env.variables["_tails"].get(page, []):
        if part := str(tail()):  # str: Markup + str would escape the whole page
            markdown = markdown.rstrip("\n") + "\n\n" + part + "\n"
    env.markdown = markdown
