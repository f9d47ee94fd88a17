"""Check a built site: every internal link and anchor resolves, nothing loads off-site.

python -m studysite check-links site/
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from studysite.paths import ROOT

# Elements whose URL the browser fetches by itself, as opposed to links a reader follows.
LOADED = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
}
FOLLOWED = {("a", "href"), ("area", "href")}
# Link relations that name a URL without fetching it.
NON_FETCHING_RELS = {"canonical", "alternate", "author", "license", "me"}


@lru_cache(maxsize=4096)
def _parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8", errors="replace"), "html.parser")


@lru_cache(maxsize=4096)
def _ids(path: Path) -> set[str]:
    soup = _parse(path)
    return {el["id"] for el in soup.find_all(id=True)} | {el["name"] for el in soup.find_all("a", attrs={"name": True})}


def base_path_of(mkdocs_yml: Path) -> str:
    """The path part of site_url as MkDocs reads it (SITE_URL included), e.g. '/saa-c03-study-site/'."""
    from mkdocs.config import load_config

    path = urlsplit(load_config(str(mkdocs_yml))["site_url"] or "").path or "/"
    return path if path.endswith("/") else path + "/"


def _target_file(site: Path, page: Path, url_path: str) -> Path | None:
    base = "/" + page.relative_to(site).as_posix()
    resolved = unquote(urlsplit(urljoin(base, url_path)).path)
    candidate = site / resolved.lstrip("/")
    if resolved.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_site(site: Path, base_path: str = "/", own_prefix: str = "") -> list[str]:
    """Problems as 'page: <tag attr=url>: what is wrong'. Empty means clean.

    base_path is where the site is served (site_url's path): root-relative
    links such as those on 404.html start with it.
    """
    site = site.resolve()
    problems: list[str] = []
    attrs_by_tag: dict[str, list[str]] = {}
    for tag, attr in LOADED | FOLLOWED:
        attrs_by_tag.setdefault(tag, []).append(attr)
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        for el in _parse(page).find_all(list(attrs_by_tag)):
            for attr in attrs_by_tag[el.name]:
                tag = el.name
                if not el.get(attr):
                    continue
                url = el[attr].strip()
                if url.startswith(base_path) and base_path != "/":
                    url = "/" + url[len(base_path) :]
                parts = urlsplit(url)
                if parts.scheme in {"mailto", "tel", "data", "javascript"} and (tag, attr) in FOLLOWED:
                    continue
                if parts.scheme or url.startswith("//"):
                    if (tag, attr) in LOADED and not (own_prefix and url.startswith(own_prefix)):
                        rels = set(el.get("rel") or [])
                        if not (tag == "link" and rels and rels <= NON_FETCHING_RELS):
                            problems.append(f"{rel}: <{tag} {attr}={url}>: loads from another host")
                    continue
                target = page if not parts.path else _target_file(site, page, parts.path)
                if target is None:
                    problems.append(f"{rel}: <{tag} {attr}={url}>: no such file in the site")
                    continue
                if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target):
                    problems.append(
                        f"{rel}: <{tag} {attr}={url}>: no element with id '{parts.fragment}' in {target.relative_to(site).as_posix()}"
                    )
    return problems


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    site = Path(args[0] if args else "site")
    if not site.is_dir():
        print(f"check_links: error: {site} is not a folder; build the site first with `mkdocs build`", file=sys.stderr)
        return 1
    problems = check_site(site, base_path_of(ROOT / "mkdocs.yml"))
    for p in problems:
        print(p)
    print(f"check_links: {len(problems)} problem(s) in {site}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
