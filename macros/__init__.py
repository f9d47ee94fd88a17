"""mkdocs-macros entry point: registers every macro the pages may call.

Pages opt in with `render_macros: true`. An unknown macro fails the build
(`on_undefined: strict`) rather than rendering junk.
"""

from macros.chapters import chapter_index, site_guide
from macros.protect_code import protect_code


def define_env(env):
    env.macro(lambda: site_guide(), "site_guide")
    env.macro(lambda: chapter_index(env.conf["docs_dir"]), "chapter_index")


def on_pre_page_macros(env):
    env.markdown = protect_code(env.markdown)
