"""mkdocs-macros entry point: registers every macro the pages may call.

Pages opt in with `render_macros: true`. An unknown macro fails the build
(`on_undefined: strict`) rather than rendering junk, and so does bad data.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.chapters import chapter_index, site_guide
from macros.protect_code import protect_code
from macros.quiz import render_quiz
from tools.quiz_bank import QuizBankError, load_bank

ROOT = Path(__file__).resolve().parent.parent


def report_url(repo_url: str) -> str:
    """Prefilled GitHub issue form for a wrong answer; the question id is appended."""
    return f"{repo_url.rstrip('/')}/issues/new?template=wrong-answer.yml&question-id="


def define_env(env):
    docs_dir = env.conf["docs_dir"]
    try:
        bank = load_bank(ROOT / "quizzes", docs_dir)
    except QuizBankError as exc:
        raise PluginError(f"the quiz bank has {len(exc.issues)} problem(s):\n{exc}") from None
    chapters = sorted(p.stem for p in Path(docs_dir).glob("[0-9][0-9]-*.md"))
    missing = [c for c in chapters if c not in bank]
    if missing:
        raise PluginError(f"no quiz file for {', '.join(missing)}: every chapter needs quizzes/<chapter>.yml (see quizzes/README.md)")

    env.macro(lambda: site_guide(), "site_guide")
    env.macro(lambda: chapter_index(docs_dir), "chapter_index")

    @env.macro
    def quiz() -> str:
        """The current chapter's quiz, under a `## Quiz` heading."""
        chapter = Path(env.page.file.src_uri).stem
        return "## Quiz {#quiz}\n\n" + render_quiz(bank[chapter], docs_dir, report_url(env.conf["repo_url"])) + "\n"


def on_pre_page_macros(env):
    env.markdown = protect_code(env.markdown)
