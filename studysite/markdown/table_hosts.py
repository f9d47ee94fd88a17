"""Each Markdown table sits in a <div class="table-host"> of its own.

Material wraps every table:not([class]) in its scroll container when a page loads. Moving a
table out of the article and back matches Material's own `.md-typeset table:not([class]) + *`,
and Chromium then restyles the article's whole subtree: on the largest chapter, all 3,249
elements, once per page load (trace with invalidation tracking). Inside a host of its own the
table has no siblings, so only the host is restyled. The host carries no style.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor


class TableHosts(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "table" and "class" not in child.attrib and parent.get("class") != "table-host":
                    host = etree.Element("div", {"class": "table-host"})
                    host.tail, child.tail = child.tail, None
                    parent.remove(child)
                    host.append(child)
                    parent.insert(index, host)


class TableHostsExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(TableHosts(md), "table_hosts", 1)  # after tables are built


def makeExtension(**kwargs) -> TableHostsExtension:
    return TableHostsExtension(**kwargs)
