"""Big generated parts of a page join its tree late, past the steps that have nothing to do there.

A block that renders thousands of elements from data (the full timeline's event lists
and overview) hands each big part to `defer()`, which keeps it aside and leaves one
placeholder element in its place. Python-Markdown's inline patterns, abbr, attr_list
and our glossary and side-jump steps then walk a small tree: the part's text is
already final (stashed data text, see text.py) and its links already relative, so
they would find nothing there, but walking 150,000 elements cost seconds at 10,000
timeline events (bench/events.py). DeferredTreeprocessor (priority 5.5) puts each
part in its place, with Python-Markdown's line breaks, before the table of contents
and MkDocs' anchors (5), the search entries (4.5), the search terms (4) and MkDocs'
link rewriting (0), which all see the whole page. The citation step (10) runs earlier
and reads the parts where they stand, through `iter_page()`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

PLACEHOLDER = "explainer-deferred"


def defer(site, part: etree.Element) -> etree.Element:
    """A placeholder for part, which DeferredTreeprocessor puts back in its place."""
    site.state.deferred.append(part)
    return etree.Element(PLACEHOLDER, {"data-part": str(len(site.state.deferred) - 1)})


def iter_page(root: etree.Element, site, tag: str | None = None):
    """Every element of the page in reading order (as root.iter(tag)), deferred parts included."""
    deferred = site.state.deferred
    if not deferred:
        yield from root.iter(tag)
        return
    for element in root.iter():
        if element.tag == PLACEHOLDER:
            yield from deferred[int(element.get("data-part"))].iter(tag)
        elif tag is None or element.tag == tag:
            yield element


class DeferredTreeprocessor(Treeprocessor):
    def __init__(self, md, site):
        super().__init__(md)
        self.site = site

    def run(self, root):
        deferred = self.site.state.deferred
        if not deferred:
            return
        prettify = self.md.treeprocessors["prettify"] if "prettify" in self.md.treeprocessors else None
        for parent in [element for element in root.iter() if any(c.tag == PLACEHOLDER for c in element)]:
            for index, child in enumerate(list(parent)):
                if child.tag != PLACEHOLDER:
                    continue
                part = deferred[int(child.get("data-part"))]
                part.tail = child.tail
                if prettify is not None:
                    prettify.run(part)  # the line breaks the rest of the page got
                parent.remove(child)
                parent.insert(index, part)
