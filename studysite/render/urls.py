"""Links in raw HTML that MkDocs will not rewrite: one place that knows both URL styles
(`05-s3/` on the web, `05-s3.html` in the offline build)."""

from __future__ import annotations

from collections.abc import Callable

Linker = Callable[[str, str], str]


def page_path(page: str, directory_urls: bool) -> str:
    if page == "index":
        return "" if directory_urls else "index.html"
    return f"{page}/" if directory_urls else f"{page}.html"


def root_prefix(current_url: str) -> str:
    """'../' per folder level of the current page's URL ('05-s3/' -> '../', '05-s3.html' -> '').
    MkDocs' page URLs have no leading slash and the home page is '' (its file's URL is './');
    Zensical's start with '/'. Both kinds give the same prefix."""
    url = current_url.lstrip("/")
    return "" if url in (".", "./") else "../" * url.count("/")


def source_folder(src_path: str) -> str:
    """The folder of a page's source under docs/, as a link base: '' for '05-s3.md', 'a/' for
    'a/b.md'. Zensical rewrites links in our HTML as if written from there."""
    return src_path.rpartition("/")[0] + "/" if "/" in src_path else ""


def linker(current_url: str, current_page: str, directory_urls: bool) -> Linker:
    """link(page, anchor) -> href from the current page."""

    def link(page: str, anchor: str = "") -> str:
        frag = f"#{anchor}" if anchor else ""
        if page == current_page and frag:
            return frag
        return root_prefix(current_url) + page_path(page, directory_urls) + frag

    return link
