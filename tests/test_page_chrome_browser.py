"""The page chrome that overrides/main.html and docs/javascripts/boot.js take over from
Material to spare phones whole-page restyles: the colour toggle, the search index loaded on
demand, and links made absolute before instant navigation looks at them."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser
CHAPTER = "14-serverless/"


def scheme(page) -> dict:
    return page.evaluate("""() => ({
        body: document.body.getAttribute('data-md-color-scheme'),
        meta: document.querySelector('meta[name=color-scheme]').content,
        canvas: getComputedStyle(document.documentElement).colorScheme,
        toggle: [...document.querySelectorAll('[data-saa-palette] label')].filter(l => !l.hidden).map(l => l.title),
    })""")


@pytest.mark.parametrize(("system", "body", "meta"), [("light", "default", "light"), ("dark", "slate", "dark")])
def test_first_visit_follows_the_system_scheme(page, system, body, meta):
    page.emulate_media(color_scheme=system)
    page.goto(f"{page.base}/{CHAPTER}")
    s = scheme(page)
    assert (s["body"], s["meta"]) == (body, meta)
    assert s["toggle"] == ["Switch to light mode" if system == "dark" else "Switch to dark mode"]
    # The address bar's colour, read from the palette sheet without computing styles, is the header's.
    header = page.evaluate("""() => '#' + getComputedStyle(document.querySelector('.md-header')).backgroundColor
        .match(/\\d+/g).slice(0, 3).map(v => (+v).toString(16).padStart(2, '0')).join('')""")
    assert page.evaluate("document.querySelector('meta[name=theme-color]').content") == header


def test_toggle_by_mouse_and_keyboard_is_kept_across_pages_and_reloads(page):
    page.emulate_media(color_scheme="light")
    page.goto(f"{page.base}/{CHAPTER}")
    page.locator("[data-saa-palette] label:not([hidden])").click()
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    s = scheme(page)
    assert (s["body"], s["meta"], s["toggle"]) == ("slate", "dark", ["Switch to light mode"])
    stored = page.evaluate("__md_get('__palette')")
    assert stored == {
        "index": 1,
        "color": {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "indigo", "accent": "deep-orange"},
    }
    assert page.evaluate("document.querySelector('meta[name=theme-color]').content").startswith("#")

    page.locator(".md-footer__link--next").click()  # instant navigation
    page.wait_for_url("**/15-cloudfront/", timeout=30_000)  # a busy 2-core runner can take seconds
    assert scheme(page)["body"] == "slate"
    page.reload()
    assert scheme(page)["body"] == "slate"  # Material's inline script applies the stored choice

    # Keyboard only: focus the checked toggle and press Enter, as in Material.
    page.focus("[data-saa-palette] input:checked")
    page.keyboard.press("Enter")
    s = scheme(page)
    assert (s["body"], s["meta"]) == ("default", "light")
    assert page.evaluate("document.activeElement.id") == "__palette_0"


@pytest.mark.parametrize("junk", ["{not json", json.dumps({"index": 7, "color": None}), json.dumps([1, 2])])
def test_corrupt_palette_storage_falls_back_to_the_system(page, junk):
    page.emulate_media(color_scheme="dark")
    page.goto(f"{page.base}/")
    page.evaluate("([k, v]) => localStorage.setItem(__md_scope.pathname + '.' + k, v)", ["__palette", junk])
    page.reload()
    assert scheme(page)["body"] == "slate"  # and the page fixture fails on any JavaScript error


def test_search_index_loads_when_search_opens_and_search_works(page):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url) if "search_index" in r.url else None)
    page.goto(f"{page.base}/{CHAPTER}")
    page.wait_for_load_state("networkidle")
    assert requested == []
    page.keyboard.press("/")  # Material's shortcut focuses the search box
    page.keyboard.type("transit gateway")
    page.wait_for_selector(".md-search-result__item")
    assert len(requested) == 1 and "Transit" in page.locator(".md-search-result").inner_text()


def test_search_terms_in_the_address_load_the_index_at_once(page):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url) if "search_index" in r.url else None)
    page.goto(f"{page.base}/{CHAPTER}?h=lambda")
    page.wait_for_selector("article mark")  # Material highlights the terms, which needs the index
    assert len(requested) == 1


def test_links_are_made_absolute_before_material_starts(page):
    # Count relative-to-absolute rewrites (scripts aside: a new src does not reload them): by boot.js (delivered before Material's bundle has
    # run, so before it sets window.document$) and after. Material's own pass must find none.
    page.add_init_script("""
        window.__rewrites = {before: 0, after: 0};
        new MutationObserver(rs => rs.forEach(r => {
            if (r.target.tagName !== 'SCRIPT' && r.oldValue && !/^(?:[a-z]+:)?\\/\\//i.test(r.oldValue)) window.__rewrites[window.document$ ? 'after' : 'before']++; if (window.document$) console.log('late rewrite', r.target.outerHTML.slice(0, 120));
        })).observe(document, {subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['href', 'src']});
    """)
    page.goto(f"{page.base}/{CHAPTER}")
    rewrites = page.evaluate("window.__rewrites")
    assert rewrites["before"] > 500 and rewrites["after"] == 0, rewrites
    # Stylesheets are @imports, never <link>s that a rewrite would reload.
    assert page.evaluate("document.querySelectorAll('link[rel=stylesheet]').length") == 0
    assert page.evaluate("[...document.styleSheets].flatMap(s => [...s.cssRules]).filter(r => r.href).length") >= 7
