"""What the book needs from the printed PDF: where each named destination landed, and the
finishing pass that writes the outline from the book's tree and packs the file small."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from studysite.book.assemble import Entry


def destinations(path: Path) -> dict[str, int]:
    """1-based page of every named destination Chromium wrote (one per in-book link target)."""
    with pikepdf.open(path) as pdf:
        index = {page.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        dests = pdf.Root.get("/Dests", pikepdf.Dictionary())
        return {str(name)[1:]: index[dests[name][0].objgen] for name in dests.keys()}


def finish(printed: Path, out: Path, entries: list[Entry], title: str) -> None:
    """Write the outline (cover, contents, then the book's tree) and save with compressed object
    streams: the tagged structure tree is most of the file, and it compresses well."""
    with pikepdf.open(printed) as pdf:
        dests = pdf.Root.get("/Dests", pikepdf.Dictionary())

        def item(entry: Entry) -> pikepdf.OutlineItem:  # every target has a destination: print_book checked
            name = pikepdf.Name("/" + entry.target)
            label = f"{entry.label}. " if entry.label and entry.label.isdigit() else f"{entry.label} · " if entry.label else ""
            node = pikepdf.OutlineItem(label + entry.title, dests[name])
            node.children.extend(item(child) for child in entry.children)
            return node

        with pdf.open_outline() as outline:
            outline.root.clear()
            outline.root.append(pikepdf.OutlineItem("Cover", 0))
            outline.root.append(pikepdf.OutlineItem("Contents", 1))
            outline.root.extend(item(e) for e in entries)
        pdf.Root.PageMode = pikepdf.Name.UseOutlines
        pdf.docinfo["/Title"] = title
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
