"""Home-page macros: what the site is, and the chapter list with reading times."""

from __future__ import annotations

import html
import math
import re
from pathlib import Path

import yaml

from studysite.markdown.lines import classify

WORDS_PER_MINUTE = 200
CHAPTER_RE = re.compile(r"^\d\d-[a-z0-9-]+\.md$")
FRONT_RE = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def read_page(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    m = FRONT_RE.match(text)
    meta = yaml.safe_load(m.group(1)) if m else {}
    return meta or {}, text[m.end() :] if m else text


def reading_minutes(body: str) -> int:
    """Prose words at 200 a minute; code is skimmed, so it counts a third."""
    prose = code = 0
    for ln in classify(body.split("\n")):
        words = len(re.findall(r"[A-Za-z0-9][\w'’.-]*", ln.text))
        if ln.in_code:
            code += words
        else:
            prose += words
    return max(1, math.ceil((prose + code / 3) / WORDS_PER_MINUTE))


def chapters(docs_dir: str) -> list[dict]:
    found = []
    for path in sorted(Path(docs_dir).iterdir()):
        if CHAPTER_RE.match(path.name):
            meta, body = read_page(path)
            found.append(
                {
                    "file": path.name,
                    "number": int(path.name[:2]),
                    "title": meta.get("title", path.stem),
                    "description": meta.get("description", ""),
                    "minutes": reading_minutes(body),
                }
            )
    return found


def chapter_index(docs_dir: str) -> str:
    rows = chapters(docs_dir)
    total = sum(r["minutes"] for r in rows)
    out = [
        "## Chapters",
        "",
        f"{len(rows)} chapters, about {total // 60} h {total % 60} min of reading in all.",
        "",
        "| # | Chapter | What it covers | Reading time |",
        "| --: | --- | --- | --: |",
    ]
    for r in rows:
        title = html.escape(r["title"]).replace("|", "\\|")
        desc = html.escape(r["description"]).replace("|", "\\|")
        out.append(f"| {r['number']} | [{title}]({r['file']}) | {desc} | {r['minutes']} min |")
    return "\n".join(out)


DOWNLOADS = {
    "pdf": ("pdf/saa-c03-study-guide.pdf", "the whole guide as a PDF", "python -m studysite export-pdf"),
    "zip": ("downloads/saa-c03-offline-site.zip", "this site as a zip", "python -m studysite export-offline"),
    "anki": ("downloads/saa-c03.apkg", "the Anki deck", "python -m studysite export-anki"),
}


def downloads_on(extra: dict | None) -> bool:
    """Whether this build publishes the downloads: `extra.downloads` in mkdocs.yml (DOWNLOADS)."""
    return str((extra or {}).get("downloads", False)).lower() == "true"


def download(kind: str, downloads: bool, root: str = "") -> str:
    """A link to a published file (DOWNLOADS=true, set by the Pages workflow, which makes the files
    right after the build); elsewhere, how to make it. root: the site root from the page."""
    path, label, cmd = DOWNLOADS[kind]
    if downloads:
        return f'<a href="{root}{path}" data-export>{label}</a>'
    return f"{label} (the published site offers it; from a copy of the repository, make it with `{cmd}`)"


def _study_offline(downloads: bool) -> str:
    """Link the PDF and the zip only in builds that publish them; elsewhere say how to make them."""
    if downloads:
        return f"download {download('pdf', True)}\n   or {download('zip', True)} that opens from your disk."
    commands = " and ".join(f"`{DOWNLOADS[k][2]}`" for k in ("pdf", "zip"))
    return (
        "the published site offers the whole guide as a PDF and this site as a zip that opens\n"
        f"   from your disk; from a copy of the repository, make them with {commands}."
    )


def site_guide(repo_url: str, downloads: bool = False) -> str:
    return """## How to use this site

This is a free, open study guide for the **AWS Certified Solutions Architect – Associate (SAA-C03)**
exam, built from one learner's course notes and improved by pull requests.

1. **Read a chapter at a time**, in order. Each chapter page has its own table of contents on the
   right, and every section heading has a permanent link (hover over it and click the ¶ sign).
2. **Search** with the box at the top, or press the <kbd>/</kbd> key. Search works offline too.
3. **Switch light and dark mode** with the sun/moon button in the header.
4. **Check yourself** with the quiz at the end of each chapter, then sit the [practice exam](exam.md)
   and watch [your progress](progress.md). Numbers to learn are on [Limits & numbers](limits.md), and
   the rules the notes teach can be worked in the [calculators](calculators.md).
5. **Study offline**: STUDY_OFFLINE
6. **Spot a mistake?** Use the pencil icon at the top of any page, or the "Report a problem" link under
   any question, to tell us on GitHub.

The chapters explain architectures with original [diagrams](diagrams.md), written as code that
anyone can correct. The notes' own images are not in the repository; the
[image manifest](REPO_URL/blob/main/IMAGES.md) lists each one and what stands in its place.
""".replace("STUDY_OFFLINE", _study_offline(downloads)).replace("REPO_URL", repo_url.rstrip("/"))
