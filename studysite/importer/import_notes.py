"""Import the study notes into one Markdown page per chapter.

    python -m studysite import-notes [--seed FILE] [--out docs]

Reads the seed, repairs mojibake, splits on real top-level headings,
normalises GitHub-only Markdown and swaps the result into `docs/` in one
step, so a failed run leaves the previous pages untouched.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from studysite.importer.mojibake import repair
from studysite.importer.normalise import Stats, normalise
from studysite.markdown.heading_slugs import AnchorBook, slugify
from studysite.markdown.lines import classify, heading, heading_title
from studysite.model.chapters import Chapter, load_chapters
from studysite.model.errata import DEFAULT as ERRATA
from studysite.model.errata import apply_errata, load_errata
from studysite.model.errors import NotesError
from studysite.model.validation import DataError
from studysite.paths import ROOT

DEFAULT_SEED = ROOT / "data" / "seed" / "000_7b841cca4c0e7d9d.txt"
DEFAULT_OUT = ROOT / "docs"
GENERATED_PAGE_RE = re.compile(r"^(\d\d-[a-z0-9-]+|index)\.md$")


def _chapter_data(chapters_file: Path | None) -> tuple[dict[str, Chapter], list[tuple[str, str]]]:
    """Chapters by their heading in the notes, and the sections promoted to pages of their own.
    A heading data/chapters.yml does not know still imports, named after its heading."""
    chapters = load_chapters(chapters_file) if chapters_file else load_chapters()
    return {c.heading: c for c in chapters}, [(c.split_from, c.heading) for c in chapters if c.split_from]


@dataclass
class Page:
    title: str  # as shown in navigation
    slug: str  # file name without .md
    description: str
    lines: list[str]  # seed lines, 1-based seed line numbers in `first_line`
    first_line: int
    level_shift: int = 0
    body: list[str] = field(default_factory=list)


def plain_title(heading_text: str) -> str:
    """Heading text without emoji or symbols, for navigation and file names."""
    title = heading_title(heading_text)
    kept = "".join(ch for ch in title if ch.isalnum() or ch.isspace() or ch in "-&(),.'/:")
    return re.sub(r"\s+", " ", kept).strip(" -")


def read_seed(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise NotesError(path, None, "the notes file does not exist", "pass the right path with --seed") from None
    except OSError as exc:
        raise NotesError(path, None, f"the notes file cannot be read ({exc.strerror})", "check its permissions") from None
    if not data.strip():
        raise NotesError(path, None, "the notes file is empty", "restore it with `git checkout data/seed`")
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise NotesError(path, line, "the notes file is binary (it contains NUL bytes)", "pass a Markdown text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise NotesError(path, line, "the notes file is not valid UTF-8", "save it as UTF-8") from None
    text, _ = repair(text.replace("\r\n", "\n"), str(path))
    return text


def split_pages(text: str, source: str, chapters_file: Path | None = None) -> tuple[str, list[str], list[Page]]:
    """(site title, preamble lines, chapter pages) from the repaired notes."""
    known, splits = _chapter_data(chapters_file)
    lines = text.split("\n")
    tops = [ln.number for ln in classify(lines) if (h := heading(ln)) and h[0] == 1 and ln.indent == 0]
    if len(tops) < 2:
        raise NotesError(
            source,
            tops[0] if tops else None,
            f"found {len(tops)} top-level '# ' heading(s); the notes need a '# Title' and at least one '# Chapter'",
            "start each chapter with a line '# Chapter name' outside code blocks",
        )
    title = heading_title(heading(classify([lines[tops[0] - 1]])[0])[1])
    preamble = lines[: tops[1] - 1]
    pages: list[Page] = []
    bounds = tops[1:] + [len(lines) + 1]
    for start, end in zip(bounds, bounds[1:], strict=False):
        chunk = lines[start - 1 : end - 1]
        name = plain_title(heading(classify(chunk[:1])[0])[1])
        pages.append(_page(known, name, chunk, start))
        for chapter, section in splits:
            if name == chapter:
                pages.extend(_split_section(pages.pop(), known, section))
    for number, page in enumerate(pages, start=1):
        page.slug = f"{number:02d}-{page.slug}"
    return title, preamble, pages


def _page(known: dict[str, Chapter], heading_text: str, lines: list[str], first_line: int, level_shift: int = 0) -> Page:
    if ch := known.get(heading_text):
        return Page(ch.title, ch.slug, ch.description, lines, first_line, level_shift)
    return Page(heading_text, slugify(heading_text), "", lines, first_line, level_shift)


def _split_section(page: Page, known: dict[str, Chapter], section: str) -> list[Page]:
    cls = classify(page.lines)
    at = next((ln.number for ln in cls if (h := heading(ln)) and h[0] == 2 and plain_title(h[1]) == section), None)
    if at is None:
        return [page]
    head, tail = page.lines[: at - 1], page.lines[at - 1 :]
    page.lines = head
    return [page, _page(known, section, tail, page.first_line + at - 1, level_shift=1)]


def render_page(page: Page, stats: Stats) -> str:
    body, page_stats = normalise(page.lines, AnchorBook(), page.level_shift)
    stats.add(page_stats)
    page.body = body
    front = ["---", f"title: {_yaml_str(page.title)}"]
    if page.description:
        front.append(f"description: {_yaml_str(page.description)}")
    front += [f"seed_line: {page.first_line}", "---", ""]
    # Content only: the build adds the limits table and the quiz (macros/__init__.py, page_tails).
    return "\n".join(front + body).rstrip("\n") + "\n"


def render_home(title: str, preamble: list[str], stats: Stats) -> str:
    body, page_stats = normalise(preamble, AnchorBook())
    stats.add(page_stats)
    front = ["---", f"title: {_yaml_str(title)}", "hide:", "  - navigation", "---", ""]
    # Content only: the build adds the site guide and the chapter list (macros/__init__.py, page_tails).
    return "\n".join(front + body).rstrip("\n") + "\n"


def _yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_atomically(out: Path, files: dict[str, str]) -> None:
    """Build the new docs/ beside the old one, keep hand-written files, then swap."""
    out = out.resolve()
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.importing-", dir=parent))
    except OSError as exc:
        raise NotesError(out, None, f"cannot write next to the output folder ({exc.strerror})", "choose a writable --out") from None
    old = parent / f".{out.name}.previous-{os.getpid()}"
    try:
        if out.exists():
            for item in out.iterdir():
                if not GENERATED_PAGE_RE.match(item.name):
                    copy = shutil.copytree if item.is_dir() else shutil.copy2
                    copy(item, staging / item.name)
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        if out.exists():
            out.rename(old)
        staging.rename(out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists() and not out.exists():
            old.rename(out)
        raise NotesError(out, None, f"cannot write the output folder ({exc.strerror})", "check that it is writable") from None
    shutil.rmtree(old, ignore_errors=True)


def run(seed: Path, out: Path, errata: Path | None = None) -> tuple[list[Page], Stats]:
    text = read_seed(seed)
    if errata is not None:
        text = apply_errata(text, load_errata(errata), errata)
    title, preamble, pages = split_pages(text, str(seed))
    stats = Stats()
    files = {"index.md": render_home(title, preamble, stats)}
    for page in pages:
        files[f"{page.slug}.md"] = render_page(page, stats)
    write_atomically(out, files)
    return pages, stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED, help="the notes (Markdown, UTF-8 or mojibake)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the docs folder to write")
    parser.add_argument("--errata", type=Path, help="typo fixes to apply (default: data/errata.yml for the default seed)")
    args = parser.parse_args(argv)
    errata = args.errata or (ERRATA if args.seed.resolve() == DEFAULT_SEED else None)
    try:
        pages, stats = run(args.seed, args.out, errata)
    except (NotesError, DataError) as exc:
        print(f"import_notes: error: {exc}", file=sys.stderr)
        return 1
    changed = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in vars(stats).items() if v)
    print(f"import_notes: wrote {len(pages)} chapter pages and index.md to {args.out}")
    print(f"import_notes: normalisations: {changed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
