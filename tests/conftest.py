"""Shared fixtures: one strict build of the site per test session, and a browser."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from studysite.browser import CHROMIUM_ARGS, ChromiumMissing, find_chromium, serve

ROOT = Path(__file__).resolve().parent.parent

MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, dest: Path) -> subprocess.CompletedProcess:
    env = {**MKDOCS_ENV, **({"SITE_URL": os.environ["SITE_URL"]} if "SITE_URL" in os.environ else {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(dest)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@functools.lru_cache(maxsize=256)
def soup_of(path: Path):
    """Parsed HTML of a built page, cached: many tests read the same pages."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def copy_project(tmp_path: Path) -> Path:
    """A scratch copy of the repository to break on purpose: no site, venv, git or Node tools
    (node_modules made each copy take 5 s instead of under 1). The diagram cache comes along."""
    import shutil

    project = tmp_path / "project"
    skip = ("site", ".git", ".venv", "node_modules", "test-results", "__pycache__", ".pytest_cache", ".ruff_cache")
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(*skip))
    return project


@pytest.fixture(scope="session")
def server_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, server_port) -> Path:
    """The site as the browser tests serve it: site_url is the local server, so instant navigation works."""
    dest = tmp_path_factory.mktemp("site")
    os.environ["SITE_URL"] = f"http://127.0.0.1:{server_port}/"
    result = mkdocs_build(ROOT, dest)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return dest


# Browser tests -------------------------------------------------------------


def chromium_path() -> str:
    try:
        return find_chromium()
    except ChromiumMissing as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="session")
def site_url(built_site: Path, server_port: int):
    """Serve the built site on its loopback port, as GitHub Pages would."""
    with serve(built_site, server_port) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh profile per test, that fails the test on any request to another host."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    off_site: list[str] = []

    def guard(route):
        if route.request.url.startswith(site_url):
            route.continue_()
        else:
            off_site.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    context.set_default_timeout(10_000)
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(f"{exc}\n{exc.stack or ''}"))
    p.base = site_url
    p.js_errors = errors
    p.sitemaps = 0  # Material reads the sitemap before it follows links instantly
    p.on("requestfinished", lambda r: setattr(p, "sitemaps", p.sitemaps + 1) if r.url.endswith("/sitemap.xml") else None)
    yield p
    context.close()
    assert not off_site, f"requests to other hosts: {off_site}"
    assert not errors, f"JavaScript errors: {errors}"


def reach_widgets(page) -> None:
    """Scroll to every widget whose markup is still folded (a chapter's quiz), as a reader
    scrolling down would, wait until all of them are mounted, and put the page and its
    sidebars back where they were at load."""
    page.evaluate("window.__sidebars = [...document.querySelectorAll('.md-sidebar__scrollwrap')].map(s => s.scrollTop)")
    # One at a time: an observer only sees where the page ends up, not what it scrolled past.
    while (widget := page.query_selector("[data-widget-state=deferred]")) is not None:
        widget.scroll_into_view_if_needed()
        widget.wait_for_element_state("stable")
        page.wait_for_function("w => w.getAttribute('data-widget-state') !== 'deferred'", arg=widget)
    page.wait_for_function("[...document.querySelectorAll('[data-widget]')].every(w => w.getAttribute('data-widget-state') === 'ready')")
    # Material's toc.follow leaves the table of contents scrolled; links half under its sticky
    # title then count as small targets, in Material's markup, not ours.
    page.evaluate("""() => {
        window.scrollTo(0, 0);
        document.querySelectorAll('.md-sidebar__scrollwrap').forEach((s, i) => { s.scrollTop = window.__sidebars[i]; });
    }""")


def reach_quiz(page):
    """The chapter quiz, reached by scrolling down to it; returns its questions."""
    # Polls: after an instant navigation the old page's quiz may still be there for a moment.
    page.wait_for_function("""() => {
        const quiz = document.querySelector('section.quiz');
        if (!quiz || !location.pathname.includes(quiz.dataset.quiz)) return false;
        if (!quiz.querySelector('.quiz-bar')) quiz.scrollIntoView();
        return !!(quiz && quiz.querySelector('.quiz-bar'));
    }""")
    return page.locator(".quiz-q")


# A valid quiz file, the base every malformed-input test edits (one copy, shared).
GOOD_QUIZ = """\
chapter: 05-s3
questions:
  - id: s3-demo-question
    domain: resilient
    difficulty: medium
    type: single
    stem: |
      A team must keep every version of its objects. What should it do?
    options:
      - text: Suspend versioning.
        correct: true
        why: Suspending keeps existing versions.
      - text: Delete the bucket.
        why: That loses data.
      - text: Expire noncurrent versions.
        why: That deletes old versions.
      - text: Disable encryption.
        why: Unrelated to versions.
    source:
      - 05-s3#object-versioning-mfa-delete
    task: "2.2"
    services: [s3]
    references:
      - url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
        checked: 2026-12-02
"""


# One scratch copy of the project with three contributor edits, built once for the tests that
# check them (a build is the slow part): hostile quiz text, Jinja-like code, an added image.
HOSTILE = {
    "stem": 'A stem <script>alert("stem")</script> with <img src=x onerror="alert(1)"> and [a link](javascript:alert(2)).',
    "text": '<a href="javascript:alert(3)" onclick="alert(4)">click</a> <svg onload="alert(5)"></svg>',
    "why": '<iframe src="https://evil.example/"></iframe> [x](JaVaScRiPt:alert(6)) <b onmouseover="alert(7)">b</b>',
}
JINJA_LIKE = (
    "\n## CloudFormation dynamic references {#cfn-dynamic}\n\n"
    "Use `{{resolve:ssm:/db/password}}` inline.\n\n"
    "```yaml\nPassword: '{{resolve:secretsmanager:MySecret:SecretString:password}}'\n{% if x %}{# c #}\n```\n\n"
    '- In a list:\n\n    ```json\n    {"v": "{{resolve:ssm:/x}}"}\n    ```\n'
)


@functools.lru_cache(maxsize=1)
def added_image() -> tuple[str, str]:
    """(chapter, image path) of a reference the notes make that no diagram stands in for."""
    from urllib.parse import unquote

    from studysite.model import diagrams

    replaced = {(d.page, unquote(d.replaces)) for d in diagrams.load_all(ROOT / "docs")}
    for chapter in sorted(diagrams.chapter_pages(ROOT / "docs")):
        for src in diagrams.page_layout(ROOT / "docs", chapter)[1]:
            if (chapter, src) not in replaced:
                return chapter, src
    raise AssertionError("every image reference has a diagram: pick another way to test an added image")


@pytest.fixture(scope="session")
def edited_site(tmp_path_factory) -> Path:
    import yaml

    tmp = tmp_path_factory.mktemp("edited")
    project = copy_project(tmp)
    quiz = project / "quizzes" / "01-iam-basics.yml"
    data = yaml.safe_load(quiz.read_text())
    q = data["questions"][0]
    q["stem"], q["options"][0]["text"], q["options"][1]["why"] = HOSTILE["stem"], HOSTILE["text"], HOSTILE["why"]
    quiz.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    page = project / "docs" / "01-iam-basics.md"
    page.write_text(page.read_text() + JINJA_LIKE)
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
    added = project / "docs" / added_image()[1]
    added.parent.mkdir(parents=True, exist_ok=True)
    added.write_bytes(png)
    result = mkdocs_build(project, tmp / "out")
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp / "out"


def pytest_collection_modifyitems(items):
    """`build`: the test needs a built site (tens of seconds once per session). The pre-commit
    subset leaves these out with -m "not build and not browser".

    Under pytest-xdist (`--dist loadgroup`), tests that share an expensive fixture of their own
    run on one worker, so it is built once; and the export tests run last, when the PDF started
    at the beginning of the session (pytest_configure) is ready."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if {"built_site", "edited_site"} & names:
            item.add_marker(pytest.mark.build)
        if "edited_site" in names:
            item.add_marker(pytest.mark.xdist_group("edited-site"))
        if item.path.name == "test_exports.py":
            item.add_marker(pytest.mark.xdist_group("exports"))
    items.sort(key=lambda item: item.path.name == "test_exports.py")


# The PDF ---------------------------------------------------------------------
# Printing the whole guide takes most of a minute of one core. The session starts it in the
# background as it begins, and the PDF tests, which run last, pick the file up.

PDF_JOB = "SAA_PDF_JOB"


def _runs_exports(config) -> bool:
    markexpr = config.getoption("markexpr") or ""
    if "not build" in markexpr or "not browser" in markexpr:
        return False
    paths = [Path(a.split("::")[0]).resolve() for a in config.args]
    return any(p == ROOT / "tests" / "test_exports.py" or p in (ROOT, ROOT / "tests") for p in paths)


def pytest_configure(config):
    if hasattr(config, "workerinput") or os.environ.get(PDF_JOB) or not _runs_exports(config):
        return
    folder = Path(tempfile.mkdtemp(prefix="saa-pdf-"))
    script = '"$0" -m studysite export-pdf --out "$1/guide.pdf" > "$1/log" 2>&1; echo $? > "$1/rc.tmp"; mv "$1/rc.tmp" "$1/rc"'
    config.pdf_job = subprocess.Popen(["sh", "-c", script, sys.executable, str(folder)], cwd=ROOT, env=MKDOCS_ENV)
    os.environ[PDF_JOB] = str(folder)  # xdist's workers start after this and inherit it


def pytest_unconfigure(config):
    job = getattr(config, "pdf_job", None)
    if job is not None and job.poll() is None:
        job.kill()


def exported_pdf(out: Path) -> Path:
    """The guide as `python -m studysite export-pdf` prints it: the session's background job's
    file when one was started, else printed now into out."""
    folder = os.environ.get(PDF_JOB)
    if not folder:
        result = subprocess.run(
            [sys.executable, "-m", "studysite", "export-pdf", "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=900
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return out
    rc, deadline = Path(folder) / "rc", time.monotonic() + 900
    while not rc.exists():
        assert time.monotonic() < deadline, "the PDF export started with the session took over 15 minutes"
        time.sleep(0.5)
    assert rc.read_text().strip() == "0", (Path(folder) / "log").read_text()[-3000:]
    return Path(folder) / "guide.pdf"


AXE = Path(__file__).parent / "vendor" / "axe.min.js"
# What the colour scheme changes: a dark-mode pass runs only these axe rules (the markup is the same).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_serious(page, scope: str | None = None, scheme: str = "light") -> list:
    """axe-core's serious and critical findings on the page (or the element `scope` selects).
    In dark mode only the colour rules run; every other rule reads the same markup as in light."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    # target-size (WCAG 2.2) is off in axe's defaults; Lighthouse checks it, and so do we.
    options = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
    if scheme == "dark":
        options = {"resultTypes": ["violations"], "runOnly": {"type": "rule", "values": COLOUR_RULES}}
    res = page.evaluate("([scope, options]) => axe.run(scope ? document.querySelector(scope) : document, options)", [scope, options])
    return [
        (v["id"], v["impact"], len(v["nodes"]), [n["target"] for n in v["nodes"]][:3])
        for v in res["violations"]
        if v["impact"] in ("serious", "critical")
    ]
