"""mkdocs-macros entry point: the macros hand-written pages call (`render_macros: true`).

An unknown macro fails the build (`on_undefined: strict`) rather than rendering junk, and so
does bad data. What the data adds to the notes' own pages is not done here but inside
Python-Markdown (studysite/markdown/page_inserts.py), from the same Site.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from studysite.markdown.html_blocks import block
from studysite.model import diagrams as diagram_model
from studysite.model.errors import NotesError
from studysite.model.services import service_names
from studysite.model.validation import DataError
from studysite.render import site as site_model
from studysite.render.calculators import render_calculator
from studysite.render.cards import CARDS_FILE, cards, cards_payload
from studysite.render.chapters import download, downloads_on
from studysite.render.diagrams import figure
from studysite.render.diagrams import index as diagram_list
from studysite.render.exam import BANK_DIR, app_shell, bank_index, bank_payload, bank_shards, global_script, write_asset
from studysite.render.inline_fixes import changes_page
from studysite.render.limits import reference_page
from studysite.render.protect_code import protect_code
from studysite.render.urls import linker, root_prefix, source_folder


def src_uri(page) -> str:
    """The page's source path under docs/: MkDocs has page.file.src_uri, Zensical page.path."""
    file = getattr(page, "file", None)
    return file.src_uri if file is not None else page.path


def link_base(page) -> str:
    """What links in macro HTML are relative to: the page's URL under MkDocs (it leaves links
    in HTML alone), the source file's folder under Zensical (it rewrites them like Markdown's)."""
    if getattr(page, "file", None) is not None:
        return page.url
    return source_folder(page.path)


def load_site(docs_dir: str) -> site_model.Site:
    """The build's data (cached until a file changes); bad data fails the build with its file and line."""
    try:
        return site_model.load(docs_dir)
    except DataError as exc:
        raise PluginError(f"{len(exc.issues)} problem(s) in the data:\n{exc}") from None
    except NotesError as exc:
        raise PluginError(str(exc)) from None


def define_env(env):
    docs_dir = env.conf["docs_dir"]
    site = load_site(docs_dir)
    bank, limits, corrections, calcs, constants, blueprint, edits = (
        site.bank,
        site.limits,
        site.corrections,
        site.calcs,
        site.constants,
        site.blueprint,
        site.edits,
    )
    calc_by_id = {c.id: c for c in calcs}
    dir_urls = env.conf["use_directory_urls"]
    chapter_list, heading_titles, memo = site.chapter_list, site.heading_titles, site.memo
    chapter_titles = {c["id"]: c["title"] for c in chapter_list}
    # The bank is loaded from the site root, so its links are relative to it.
    env.variables["_bank_shards"] = lambda: memo(
        ("bank", dir_urls),
        lambda: bank_shards(
            bank_payload(bank, heading_titles, chapter_list, linker("", "", dir_urls), site_model.report_url(env.conf["repo_url"]))
        ),
    )
    index = bank_index(bank, chapter_list, site.forms, service_names())
    env.variables["_cards_script"] = lambda: memo(
        ("cards", dir_urls),
        lambda: global_script(cards_payload(cards(limits, corrections, heading_titles, linker("", "", dir_urls))), "SAA_CARDS"),
    )

    @env.macro
    def continue_card() -> str:
        """Where the learner left off (home page and dashboard)."""
        return site_model.continue_card(site, env.page.url, dir_urls, link_base(env.page))

    def current_page() -> str:
        return Path(src_uri(env.page)).stem

    def link():
        return linker(link_base(env.page), current_page(), dir_urls)

    @env.macro
    def limits_reference() -> str:
        return memo(("limits-page", env.page.url), lambda: reference_page(limits, heading_titles, link()))

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
    def anki_deck() -> str:
        """The Anki deck's link where the build publishes it, else how to make it."""
        return Markup(download("anki", downloads_on(env.conf["extra"]), root_prefix(env.page.url)))

    @env.macro
    def review_app() -> str:
        return app_shell("review", blueprint, index, "The review needs JavaScript.", root_prefix(env.page.url), dir_urls)

    @env.macro
    def progress_app() -> str:
        return app_shell("progress", blueprint, index, "The progress dashboard needs JavaScript.", root_prefix(env.page.url), dir_urls)

    @env.macro
    def what_changed() -> str:
        """Every correction of the notes, by chapter (the "What changed since the notes" page)."""
        return memo(
            ("changes", env.page.url), lambda: Markup(changes_page(limits, corrections, edits, heading_titles, chapter_titles, link()))
        )

    @env.macro
    def diagram_legend() -> str:
        """The visual language every diagram uses, drawn from data/diagrams/style.yml."""
        out = []
        for part in diagram_model.legend():
            r = site.rendered[part.id]
            out.append(figure(part.id, part.alt, part.caption, "", r.width, r.height, link_base(env.page)))
        return "\n\n".join(out)

    @env.macro
    def diagram_index() -> str:
        """Every diagram, by chapter, linked where it stands."""
        return diagram_list(site.diagrams, chapter_titles, link())

    @env.macro
    def exam_fact(name: str) -> str:
        """A blueprint fact for prose, e.g. {{ exam_fact('minutes') }}: never typed twice."""
        return str(blueprint.model_dump(by_alias=True)[name])


def on_post_build(env):
    """Write the bank the practice exam and review load, and the review's number and correction
    cards (generated from quizzes/ and data/, never stored twice)."""
    for name, script in env.variables["_bank_shards"]().items():
        write_asset(env.conf["site_dir"], script, BANK_DIR + name)
    write_asset(env.conf["site_dir"], env.variables["_cards_script"](), CARDS_FILE)


def on_pre_page_macros(env):
    """Code on a hand-written page that calls macros stays literal (`{{resolve:...}}`)."""
    if env.page.meta.get("render_macros"):
        env.markdown = protect_code(env.markdown)
