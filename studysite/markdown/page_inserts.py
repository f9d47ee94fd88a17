"""What the data adds to a content page, applied inside Python-Markdown.

The notes' pages hold the notes only; studysite.render.site.add_to_page() adds correction
boxes, calculators, marks and each page's tail. Doing it here rather than in an MkDocs hook
keeps the content pipeline to what Zensical also runs: a Python-Markdown extension. Both
engines say which page is being rendered: MkDocs through its `relpath` treeprocessor (a private
detail of MkDocs 1.6, registered before the preprocessors run), Zensical through its
rendering-context preprocessor. The data names only the notes' pages, so hand-written pages
get nothing added.
"""

from __future__ import annotations

from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from studysite.model.errors import NotesError
from studysite.model.validation import DataError
from studysite.render.urls import source_folder


def page_context(md: Markdown):
    """(src path under docs/, url, link base, config) of the page being rendered, or None
    outside a build. The link base is what links in our HTML are relative to: the page's URL
    under MkDocs, which leaves links in raw HTML alone; the source file's folder under Zensical,
    which rewrites them as it does Markdown links."""
    if "relpath" in md.treeprocessors:  # MkDocs
        relpath = md.treeprocessors["relpath"]
        file, config = getattr(relpath, "file", None), getattr(relpath, "config", None)
        if file is not None and config is not None:
            return file.src_uri, file.url, file.url, config
    for processor in md.preprocessors:  # Zensical
        if type(processor).__name__ == "ContextPreprocessor" and getattr(processor, "page", None) is not None:
            page = processor.page
            return page.path, page.url, source_folder(page.path), processor.config
    return None


def build_error(message: str) -> Exception:
    """An error the engine reports as a failed build, without a traceback: MkDocs' PluginError."""
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:  # Zensical alone
        return RuntimeError(message)
    return PluginError(message)


class _PageInserts(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        from studysite.render import site as site_model
        from studysite.render.chapters import downloads_on

        found = page_context(self.md)
        if found is None:
            return lines
        src, url, link_base, config = found
        if not src.endswith(".md") or "/" in src:
            return lines
        ctx = site_model.PageContext(
            page=Path(src).stem,
            url=url,
            link_base=link_base,
            repo_url=config["repo_url"],
            directory_urls=bool(config.get("use_directory_urls", True)),
            downloads=downloads_on(config.get("extra")),
        )
        try:
            site = site_model.load(str(config["docs_dir"]))
            text = site_model.add_to_page(site, ctx, "\n".join(lines))
        except (DataError, NotesError) as exc:
            raise build_error(f"docs/{src}: {exc}") from None
        # Ends with a blank line, as Python-Markdown's whitespace preprocessor left it (a table
        # at the very end would otherwise gain an empty row).
        return (text.rstrip("\n") + "\n\n").split("\n")


class PageInsertsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace normalising (30) and Zensical's macros (35), before our HTML blocks
        # are stashed (25): the boxes and the quiz arrive as html_blocks tokens.
        md.preprocessors.register(_PageInserts(md), "saa_page_inserts", 28)


def makeExtension(**kwargs) -> PageInsertsExtension:
    return PageInsertsExtension(**kwargs)
