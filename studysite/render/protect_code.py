"""Keep Jinja away from code: `{{resolve:ssm:...}}` in a fence must stay literal."""

from __future__ import annotations

import re

from studysite.markdown.lines import classify

INLINE_CODE_RE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
JINJA_RE = re.compile(r"\{[{%#]")


def raw(text: str) -> str:
    # endraw cannot appear inside a raw block; split it so it prints literally.
    return "{% raw %}" + text.replace("{% endraw %}", "{% endraw %}{{ '{% endraw %}' }}{% raw %}") + "{% endraw %}"


def protect_code(markdown: str) -> str:
    lines = markdown.split("\n")
    out: list[str] = []
    block: list[str] = []
    for ln in classify(lines):
        if ln.in_code:
            block.append(ln.text)
            if ln.fence == "close":
                out.append(_wrap_block(block))
                block = []
            continue
        text = ln.text
        if "`" in text and JINJA_RE.search(text):
            text = INLINE_CODE_RE.sub(lambda m: raw(m.group(0)) if JINJA_RE.search(m.group(0)) else m.group(0), text)
        out.append(text)
    if block:
        out.append(_wrap_block(block))
    return "\n".join(out)


def _wrap_block(block: list[str]) -> str:
    text = "\n".join(block)
    if not JINJA_RE.search(text):
        return text
    # Raw tags sit on the fence lines so no blank lines are added inside lists.
    return raw(text)
