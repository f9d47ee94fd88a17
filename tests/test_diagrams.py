"""Diagrams: every one compiles, is self-contained, is described, and stands where its metadata says;
bad input fails with the file, the line and the fix."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import ROOT, copy_project, mkdocs_build, soup_of

from studysite.model import diagrams
from studysite.model.errors import NotesError
from studysite.model.validation import DataError
from studysite.render.diagrams import figure

DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def all_diagrams():
    return diagrams.load_all(DOCS)


# ------------------------------------------------------------ the committed diagrams


def test_every_diagram_is_published_in_both_schemes_and_self_contained(built_site: Path, all_diagrams):
    published = built_site / "assets" / "diagrams"
    for d in all_diagrams + [diagrams.Diagram.model_construct(id=part.id) for part in diagrams.legend()]:
        for variant in ("light", "dark"):
            svg = (published / Path(diagrams_asset(d.id, variant)).name).read_text(encoding="utf-8")
            assert svg.lstrip().startswith("<?xml") and "</svg>" in svg, d.id
            assert not diagrams.EXTERNAL_RE.search(svg), f"{d.id} refers to another file or host"
            assert "<script" not in svg.lower(), d.id
            assert diagrams.size_of(svg)[0] <= diagrams.MAX_WIDTH
            # masks print as soft-mask groups (slow and large in the PDF): clips instead
            assert "<mask" not in svg, f"{d.id} ({variant}) still has a mask"
            for ref in re.findall(r'clip-path="url\(#([^)]+)\)"', svg):
                assert f'<clipPath id="{ref}">' in svg, f"{d.id} clips with a missing clipPath {ref}"


def diagrams_asset(did: str, variant: str) -> str:
    from studysite.render.diagrams import asset_path

    return asset_path(did, variant)


def test_each_diagram_stands_where_its_metadata_says_with_alt_and_caption(built_site: Path, all_diagrams):
    for chapter in sorted({d.page for d in all_diagrams}):
        soup = soup_of(built_site / chapter / "index.html")
        for d in [d for d in all_diagrams if d.page == chapter]:
            fig = soup.select_one(f"figure#diagram-{d.id}")
            assert fig is not None, f"{d.id} is not on {chapter}"
            assert fig.parent.name != "p", f"{d.id} sits inside a paragraph"
            imgs = fig.select("img")
            assert [i["src"].rsplit("#", 1)[1] for i in imgs] == ["only-light", "only-dark"]
            assert all(i["alt"] == d.alt and i.get("loading") == "lazy" and int(i["width"]) > 0 and int(i["height"]) > 0 for i in imgs)
            assert fig.figcaption.find(string=True, recursive=False) == d.caption
            assert bool(fig.select_one("details.diagram__text")) == bool(d.description)
            # Its section is the nearest heading above it.
            above = fig.find_previous(re.compile(r"^h[1-6]$"))
            assert above.get("id") == d.section, f"{d.id} stands under #{above.get('id')}, not #{d.section}"


def test_alt_text_and_captions_say_something(all_diagrams):
    assert len(all_diagrams) >= 1
    for d in all_diagrams:
        assert len(d.alt.split()) >= 6 and d.alt != d.caption, d.id
        assert len(d.caption.split()) >= 4, d.id
        assert d.references and d.checked, d.id


def test_no_chapter_shows_a_placeholder_or_a_broken_image(built_site: Path):
    for page in sorted(built_site.glob("[0-9][0-9]-*/index.html")):
        html = page.read_text(encoding="utf-8")
        assert "img-missing" not in html and "not in the repository" not in html, page
        for img in soup_of(page).select("article img"):
            target = (page.parent / unquote(img["src"].split("#")[0])).resolve()
            assert target.is_file(), f"{page.parent.name}: broken image {img['src']}"


def test_image_manifest_is_current_and_says_what_stands_in_each_place(all_diagrams):
    committed = (ROOT / "IMAGES.md").read_text(encoding="utf-8")
    assert committed == diagrams.manifest(DOCS, all_diagrams), "IMAGES.md is out of date; run `python -m studysite diagrams manifest`"
    rows = re.findall(r"^\| \[.*\|$", committed, re.M)
    assert len(rows) == 245, "the notes refer to 245 images"
    assert sum("| diagram [`" in r for r in rows) == sum(1 for d in all_diagrams if d.replaces)


def test_the_legend_shows_every_class_in_the_style():
    source = "\n".join(part.source for part in diagrams.legend())
    for name in diagrams.class_names():
        assert f"class: {name}" in source, name
    assert all(f"shape: {shape}" in source for shape in diagrams.SHAPES.values())


def test_contributor_text_is_escaped_in_the_figure():
    html = figure(
        "x",
        'A "quoted" <script>alert(1)</script> alt text here',
        "<img src=x onerror=alert(2)>",
        "<b>bold</b>\n\nSecond",
        100,
        50,
        "05-s3/",
    )
    assert "<script" not in html and "<img src=x" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&quot;quoted&quot;" in html
    assert html.count("<p>") == 2 and 'href="../assets/diagrams/x.svg"' in html


# ------------------------------------------------------------ bad input


def _workspace(tmp_path: Path, yml: str, d2: str | None, name: str = "one") -> Path:
    data = tmp_path / "diagrams"
    (data / "06-vpc").mkdir(parents=True)
    shutil.copy(diagrams.STYLE, data / "style.yml")
    (data / "06-vpc.yml").write_text(yml, encoding="utf-8")
    if d2 is not None:
        (data / "06-vpc" / f"{name}.d2").write_text(d2, encoding="utf-8")
    return data


GOOD = """- id: one
  section: nat-gateways
  alt: Two boxes joined by an arrow, for a test.
  caption: A test diagram with two boxes.
  references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html]
  checked: 2026-12-02
"""


def _problems(data: Path, tmp_path: Path) -> str:
    with pytest.raises((DataError, NotesError)) as exc:
        diagrams.render_all(diagrams.load_all(DOCS, data), cache=tmp_path / "cache")
    return str(exc.value)


MASKED = (
    '<svg><mask id="m1" maskUnits="userSpaceOnUse" x="-21" y="-9" width="550" height="878">\n'
    '<rect x="-21" y="-9" width="550" height="878" fill="white"></rect>\n'
    '<rect x="74" y="291.5" width="159" height="37" fill="black"></rect>\n</mask>'
    '<path d="M 1 2" mask="url(#m1)" /><path d="M 3 4" mask="url(#m1)" /></svg>'
)


def test_label_masks_become_clip_paths_with_the_same_holes():
    out = diagrams.clip_masks(MASKED)
    assert "<mask" not in out and 'mask="' not in out
    assert '<clipPath id="m1"><path clip-rule="evenodd" d="M-21 -9h550v878h-550ZM74 291.5h159v37h-159Z"/></clipPath>' in out
    assert out.count('clip-path="url(#m1)"') == 2


def test_a_mask_holding_anything_but_rectangles_is_left_alone():
    other = MASKED.replace("</mask>", '<circle r="3" fill="black"></circle></mask>')
    assert diagrams.clip_masks(other) == other


def test_a_good_diagram_compiles(tmp_path: Path):
    data = _workspace(tmp_path, GOOD, "a: NAT gateway {class: network}\nb: EC2 {class: compute}\nb -> a\n")
    rendered = diagrams.render_all(diagrams.load_all(DOCS, data), cache=tmp_path / "cache")
    assert rendered["one"].width > 0 and "<svg" in rendered["one"].light and rendered["one"].light != rendered["one"].dark


def test_the_cache_is_reused_and_forgets_what_no_build_uses(tmp_path: Path, monkeypatch):
    import os
    import time

    data = _workspace(tmp_path, GOOD, "a: NAT gateway {class: network}\n")
    cache = tmp_path / "cache"
    diagrams.render_all(diagrams.load_all(DOCS, data), cache=cache)
    used = sorted(cache.glob("*.svg"))
    assert len(used) == 2  # light and dark
    stale = cache / "0123456789abcdef0123456789abcdef.svg"
    stale.write_text("<svg/>")
    long_ago = time.time() - (diagrams.KEEP_DAYS + 1) * 86400
    for f in [*used, stale]:
        os.utime(f, (long_ago, long_ago))
    monkeypatch.setattr(diagrams.subprocess, "run", lambda *a, **k: pytest.fail("a cached diagram was compiled again"))
    diagrams.render_all(diagrams.load_all(DOCS, data), cache=cache)
    assert sorted(cache.glob("*.svg")) == used, "a hit keeps its file; an unused old one goes"


def test_broken_d2_names_the_file_the_line_and_d2s_message(tmp_path: Path):
    data = _workspace(tmp_path, GOOD, "a: fine\nb -> \n")
    msg = _problems(data, tmp_path)
    assert "06-vpc/one.d2:2:" in msg and "connection missing destination" in msg and "Fix:" in msg


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("alt: Two boxes joined by an arrow, for a test.", "alt: Untitled"), "alt text must say what the diagram shows"),
        (("  alt: Two boxes joined by an arrow, for a test.\n", ""), "add the missing key `alt`"),
        (("section: nat-gateways", "section: nat-gateway"), "did you mean `nat-gateways`?"),
        (("section: nat-gateways", "section: nat-gateways\n  replaces: img/nope.png"), "has no image `img/nope.png`"),
        (
            ("section: nat-gateways", "section: nat-gateways\n  replaces: img/Untitled%2046.png"),
            "write `section: vpc-design-natgw-full-resilience`",
        ),
        (
            ("references: [https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html]", "references: [https://example.com/]"),
            "is not an https:// link to AWS documentation",
        ),
        (("checked: 2026-12-02", "checked: yesterday"), "YYYY-MM-DD"),
        (("id: one", "id: One"), "lowercase-kebab-case"),
    ],
)
def test_bad_metadata_names_the_line_and_the_fix(tmp_path: Path, change, expected):
    data = _workspace(tmp_path, GOOD.replace(*change), "a: x {class: network}\n")
    msg = _problems(data, tmp_path)
    assert "06-vpc.yml:" in msg and expected in msg and "Fix:" in msg, msg


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a: x\nb: y {class: netwrk}\n", "one.d2:2: diagram 'one': unknown class 'netwrk'"),
        ('a: x\n\na.style.fill: "#ff0000"\n', "one.d2:3: diagram 'one': `style.fill:` sets a colour that dark mode cannot change"),
        ("a: x\nb: {\n  icon: https://example.com/x.svg\n}\n", "one.d2:3: diagram 'one': `icon:` links an image"),
        ("row: {grid-columns: 12\n" + "".join(f'  n{i}: "a rather long label {i}"\n' for i in range(12)) + "}\n", "at most 900 px"),
    ],
)
def test_sources_that_would_break_the_pages_are_refused(tmp_path: Path, source, expected):
    msg = _problems(_workspace(tmp_path, GOOD, source), tmp_path)
    assert expected in msg and "Fix:" in msg, msg


def test_a_repeated_id_or_image_names_both_entries_lines(tmp_path: Path):
    second = GOOD.replace("section: nat-gateways", "section: vpc-design-natgw-full-resilience\n  replaces: img/Untitled%2046.png")
    data = _workspace(tmp_path, second + second, "a: x\n")
    msg = _problems(data, tmp_path)
    assert "06-vpc.yml:8: diagram 'one': the id is also used by" in msg and "06-vpc.yml:1" in msg
    assert "06-vpc.yml:8: diagram 'one': `replaces: img/Untitled%2046.png` is also claimed by 'one'" in msg


def test_a_source_without_metadata_and_metadata_without_a_source_are_named(tmp_path: Path):
    data = _workspace(tmp_path, GOOD, "a: x\n", name="stray")
    msg = _problems(data, tmp_path)
    assert "its source" in msg and "06-vpc/one.d2 does not exist" in msg
    assert "stray.d2: this diagram has no entry" in msg and "add `- id: stray`" in msg


def test_a_missing_d2_binary_says_how_to_install_it(tmp_path: Path, monkeypatch):
    data = _workspace(tmp_path, GOOD, "a: x\n")
    monkeypatch.setattr(diagrams.shutil, "which", lambda *a, **k: None)
    msg = _problems(data, tmp_path)
    assert "`d2` is not installed" in msg and "pip install -r requirements.txt" in msg


@pytest.mark.build
def test_a_broken_diagram_fails_the_build_without_a_traceback(tmp_path: Path):
    project = copy_project(tmp_path)
    src = next((project / "data" / "diagrams").glob("*/*.d2"))
    src.write_text(src.read_text() + "\noops -> \n")
    result = mkdocs_build(project, tmp_path / "out")
    out = result.stderr + result.stdout
    assert result.returncode != 0
    assert f"{src.relative_to(project)}:" in out and "connection missing destination" in out and "Fix:" in out
    assert "Traceback" not in out


@pytest.mark.parametrize(
    "svg, elsewhere",
    [
        ('<svg><image href="http://x/y.png"/></svg>', True),
        ('<svg><a HREF = "https://e.example/"/></svg>', True),
        ("<svg style=\"background:url( 'x.png')\"></svg>", True),
        ('<svg><use xlink:href="other.svg#a"/></svg>', True),
        ('<svg><img src="x"/></svg>', True),
        ('<svg><rect fill="url(#g)"/><use href="#a"/><style>@font-face{src:url("data:font/woff;base64,AA")}</style></svg>', False),
    ],
)
def test_a_reference_to_another_file_or_host_is_found_however_written(svg, elsewhere):
    assert diagrams.refers_elsewhere(svg) is elsewhere
    assert bool(diagrams.EXTERNAL_RE.search(svg)) is elsewhere  # the built-site test's pattern agrees


def test_a_diagram_that_finds_no_place_is_named_at_its_metadata_line():
    """The loader checks each section and image against the page file; should the page's
    Markdown still not show it (say, it sits in code), placing fails with the entry's line."""
    from studysite.render.diagrams import place

    d = diagrams.Diagram.model_construct(
        id="lost-one",
        page="05-s3",
        section="gone",
        replaces=None,
        alt="a",
        caption="c",
        description="",
        meta="data/diagrams/05-s3.yml",
        line=7,
    )
    rendered = {"lost-one": diagrams.Rendered("<svg/>", "<svg/>", 10, 10)}
    with pytest.raises(diagrams.DataError) as err:
        place("# Title {#title}\n\n```\n## Gone {#gone}\n```\n", "05-s3", "05-s3/", [d], rendered, str(ROOT / "docs"))
    assert str(err.value).startswith("data/diagrams/05-s3.yml:7: diagram 'lost-one': the diagram found no place in docs/05-s3.md")
    assert "outside code blocks" in str(err.value)
