"""Turn print-site's combined page into a book: cover, contents with page numbers, the chapters,
the answer keys gathered at the back, and appendices.

print-site (PDF=true) puts every page of the nav on one page, with ids prefixed by page. This
module rearranges that page; it adds no facts of its own. Chapter names come from
data/chapters.yml, counts from the content itself, and the online-only pages' descriptions from
their front matter. `Book.entries` is the book's tree: the contents page and the PDF outline are
both written from it, so they cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from studysite.importer.import_notes import plain_title
from studysite.model.chapters import Chapter
from studysite.render.html_templates import templates

# Pages printed as appendices, in this order, after the chapters and the answer keys.
APPENDICES = ("limits", "calculators", "changes", "diagrams")
HOME = "index"
PAGE_REF = "saa-page-ref"  # a span whose text becomes the page number of data-for's target


class BookError(Exception):
    pass


@dataclass
class Entry:
    title: str
    target: str  # element id; the contents links to it, so the PDF has a named destination
    label: str = ""  # "1", "A": printed before the title
    children: list[Entry] = field(default_factory=list)


@dataclass
class OnlinePage:
    page: str  # its file name without .md, e.g. exam
    url: str
    title: str
    description: str


@dataclass
class Book:
    html: str
    entries: list[Entry]  # the contents' tree, below the cover and the contents page

    def walk(self) -> list[Entry]:
        out: list[Entry] = []
        stack = list(reversed(self.entries))
        while stack:
            e = stack.pop()
            out.append(e)
            stack.extend(reversed(e.children))
        return out


def assemble(html: str, chapters: tuple[Chapter, ...], online: list[OnlinePage], meta: dict[str, str]) -> Book:
    soup = BeautifulSoup(html, "lxml")
    root = soup.find(id="print-site-page")
    if root is None:
        raise BookError("the print page has no #print-site-page: is mkdocs-print-site-plugin enabled (PDF=true)?")
    pages = {s["id"]: s for s in root.select("section.print-page[id]") if "md-section" not in s.get("class", [])}

    # Widgets are online-only; the quizzes' questions are in the HTML already. print-site's
    # Material sheet sets its own page footer; the book keeps docs/stylesheets/print.css's.
    for tag in soup.select('script[src$="javascripts/core.js"], link[href$="css/print-site-material.css"]'):
        tag.decompose()
    for deferred in root.select("noscript.saa-deferred"):
        deferred.unwrap()

    body: list[Tag] = []
    entries: list[Entry] = []

    home = _take(pages, HOME)
    entries.append(Entry("Introduction", HOME))
    body.append(home)

    notes = _part(soup, "saa-part-notes", "Study notes")
    keys = _part(soup, "saa-part-answers", "Answer keys")
    notes_entry, keys_entry = Entry("Study notes", "saa-part-notes"), Entry("Answer keys", "saa-part-answers")
    body += [notes]
    chapter_pages = [f"{number:02d}-{chapter.slug}" for number, chapter in enumerate(chapters, start=1)]
    for number, (page_id, chapter) in enumerate(zip(chapter_pages, chapters, strict=True), start=1):
        section = _take(pages, page_id)
        kicker = _kicker(soup, f"chapter-{page_id}", f"Chapter {number}")
        section.insert(0, kicker)
        entry = Entry(chapter.title, kicker["id"], str(number))
        for h2 in section.find_all("h2", recursive=False):
            if h2.get("id"):
                entry.children.append(Entry(_text(h2), h2["id"]))
        notes_entry.children.append(entry)
        notes.append(section)
        key = section.select_one("section.quiz-key")
        if key is not None:
            keys.append(_answer_key(soup, key, section, page_id, number, chapter.title, keys_entry))
    entries += [notes_entry, keys_entry]
    body.append(keys)

    appendices = _part(soup, "saa-part-appendices", "Appendices")
    app_entry = Entry("Appendices", "saa-part-appendices")
    letters = iter("ABCDEFGHIJ")
    for page_id in APPENDICES:
        section = _take(pages, page_id)
        letter = next(letters)
        kicker = _kicker(soup, f"appendix-{page_id}", f"Appendix {letter}")
        section.insert(0, kicker)
        app_entry.children.append(Entry(_text(section.find("h1")), kicker["id"], letter))
        appendices.append(section)
    letter = next(letters)
    online_html = templates.get_template("book_online.html").render(letter=letter, pages=online)
    appendices.append(BeautifulSoup(online_html, "html.parser"))
    app_entry.children.append(Entry("Online-only features", "appendix-online", letter))
    entries.append(app_entry)
    body.append(appendices)

    if pages:
        names = ", ".join(sorted(pages))
        raise BookError(
            f"the print page has pages the book does not place: {names}. Add each to APPENDICES in "
            "studysite/book/assemble.py, or to print-site's exclude list in mkdocs.yml if it only works online"
        )

    cover = templates.get_template("book_cover.html").render(meta=meta, counts=_counts(notes, appendices))
    contents = templates.get_template("book_contents.html").render(entries=entries, page_ref=PAGE_REF)
    root.clear()
    root.append(BeautifulSoup(cover + contents, "html.parser"))
    for part in body:
        root.append(part)
    _fix_links(root, soup, [HOME, *chapter_pages, *APPENDICES], {o.page: o.url for o in online})
    return Book(str(soup), entries)


def _take(pages: dict[str, Tag], page_id: str) -> Tag:
    try:
        section = pages.pop(page_id)
    except KeyError:
        raise BookError(
            f"the print page has no page '{page_id}'. Check data/chapters.yml against docs/ and the nav in mkdocs.yml"
        ) from None
    return section.extract()


def _part(soup: BeautifulSoup, part_id: str, title: str) -> Tag:
    part = soup.new_tag("section", attrs={"class": "saa-part", "id": part_id})
    h1 = soup.new_tag("h1", attrs={"class": "saa-part-title"})
    h1.string = title
    part.append(h1)
    return part


def _kicker(soup: BeautifulSoup, kicker_id: str, text: str) -> Tag:
    kicker = soup.new_tag("p", attrs={"class": "saa-kicker", "id": kicker_id})
    kicker.string = text
    return kicker


def _answer_key(soup, key: Tag, chapter: Tag, page_id: str, number: int, title: str, keys_entry: Entry) -> Tag:
    """Move a chapter's answer key to the back; the quiz says where it went."""
    key_id = f"answers-{page_id}"
    key.extract()
    key["id"] = key_id
    key["class"] = ["saa-answer-key"]
    heading = key.find(class_="quiz-key-title")
    new = soup.new_tag("h2", attrs={"class": "saa-answer-key-title"})
    new.string = f"{number}. {title}"
    if heading is not None:
        heading.replace_with(new)
    else:
        key.insert(0, new)
    quiz = chapter.select_one("section.quiz")
    count = len(quiz.select("li.quiz-q"))
    # The web page's intro is about checking answers online; the book says where they are.
    intro = BeautifulSoup(
        f'<p class="quiz-intro saa-key-ref">{count} scenario questions on this chapter. The answers, and why '
        f'each is right, are in <a href="#{key_id}">Answer keys, chapter {number}</a>, on page '
        f'<span class="{PAGE_REF}" data-for="{key_id}">000</span>.</p>',
        "html.parser",
    )
    old = quiz.select_one("p.quiz-intro")
    if old is not None:
        old.replace_with(intro)
    else:
        quiz.insert(0, intro)
    keys_entry.children.append(Entry(title, key_id, str(number)))
    return key


def _text(tag: Tag | None) -> str:
    """A heading's words, without its permalink's ¶ or emoji."""
    if tag is None:
        return ""
    words = (t for t in tag.find_all(string=True) if not t.find_parent("a", class_="headerlink"))
    return plain_title(" ".join(w.strip() for w in words if w.strip()))


def _counts(notes: Tag, appendices: Tag) -> dict[str, int]:
    return {
        "chapters": len(notes.select("p.saa-kicker")),
        "questions": len(notes.select("li.quiz-q")),
        "diagrams": len(notes.select("figure.diagram")),
        "numbers": len(appendices.find(id="limits").select("table tbody tr")),
        "corrections": len(appendices.find(id="changes").select("dl.changes > dt")),
    }


CODE_LINE = re.compile(r"__codelineno-")


def _fix_links(root: Tag, soup: BeautifulSoup, pages: list[str], online: dict[str, str]) -> None:
    """In-book links must land in the book: an online-only page gets its web address, an anchor
    print-site prefixed with its page when it was not the page's own loses the prefix, and code
    line numbers stop being links."""
    ids = {t["id"] for t in soup.select("[id]")}
    dangling = []
    for link in root.select('a[href^="#"]'):
        target = link["href"][1:]
        if target in ids:
            continue
        page = next((p for p in [*pages, *online] if target.startswith(p + "-")), None)
        if target in online:
            link["href"] = online[target]
        elif CODE_LINE.search(target):
            link.unwrap()
        elif page and target[len(page) + 1 :] in ids:
            link["href"] = "#" + target[len(page) + 1 :]
        elif page in online:
            link["href"] = online[page] + "#" + target[len(page) + 1 :]
        else:
            dangling.append(target)
    if dangling:
        shown = ", ".join(sorted(set(dangling))[:8])
        raise BookError(f"{len(dangling)} links in the book lead nowhere, e.g. #{shown}. Fix the link in its page under docs/")
