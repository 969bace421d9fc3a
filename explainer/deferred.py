"""Big generated parts of a page stay out of its tree and are written out on their own.

A block that renders thousands of elements from data (the full timeline's event lists
and overview, Who's who's event links) hands each big part to `defer()`, which keeps it
aside and leaves one placeholder element in its place. Most steps have nothing to do in
such a part: its text is already final (stashed data text, see text.py). Walking
150,000 elements for nothing cost seconds at 10,000 timeline events (bench/events.py),
so those steps walk the small tree only:

- before DeferredTreeprocessor (5.5): inline patterns, abbr, attr_list, our glossary
  and side-jump steps (the citation step, 10, reads the parts in place, `iter_page()`);
- DeferredTreeprocessor (5.5) gives each part Python-Markdown's line breaks and hands
  its ids to MkDocs' anchor list (`mkdocs_extract_anchors`, when it is there);
- toc (5) finds no heading in a part (entry titles become headings at 4.5), so the
  contents are the same without them; our search entries (4.5) and search terms (4)
  read the parts in place, through `iter_page()` and `children()`;
- DeferredHtmlTreeprocessor (0.5) writes each part out with the page's own serializer
  and stashes the HTML, as Python-Markdown stashes raw HTML; the placeholder becomes
  the stash's block placeholder, which the raw-HTML postprocessor swaps back. The
  steps after it (MkDocs' link rewriting and checks, 0) run on each part first; only
  unescape (0), which has nothing to do in a part, and the page's serializer skip them.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

PLACEHOLDER = "explainer-deferred"


def defer(site, part: etree.Element) -> etree.Element:
    """A placeholder for part, which DeferredHtmlTreeprocessor writes out in its place."""
    site.state.deferred.append(part)
    return etree.Element(PLACEHOLDER, {"data-part": str(len(site.state.deferred) - 1)})


def _part(deferred: list, placeholder: etree.Element) -> etree.Element:
    return deferred[int(placeholder.get("data-part"))]


def iter_page(root: etree.Element, site, tag: str | None = None):
    """Every element of the page in reading order (as root.iter(tag)), deferred parts included."""
    deferred = site.state.deferred
    if not deferred:
        yield from root.iter(tag)
        return
    for element in root.iter():
        if element.tag == PLACEHOLDER:
            yield from _part(deferred, element).iter(tag)
        elif tag is None or element.tag == tag:
            yield element


def children(element: etree.Element, site) -> list[etree.Element]:
    """The element's children, each deferred part in its placeholder's place."""
    deferred = site.state.deferred
    return [_part(deferred, c) if c.tag == PLACEHOLDER else c for c in element]


class _PartsStep(Treeprocessor):
    """A step over the page's deferred parts."""

    def __init__(self, md, site):
        super().__init__(md)
        self.site = site

    def placed_parts(self, root: etree.Element) -> list[tuple[etree.Element, int, etree.Element]]:
        """(parent, index of the placeholder, part) for every part the page holds."""
        deferred = self.site.state.deferred
        if not deferred:
            return []
        return [
            (parent, index, _part(deferred, child))
            for parent in root.iter()
            for index, child in enumerate(parent)
            if child.tag == PLACEHOLDER
        ]


class DeferredTreeprocessor(_PartsStep):
    """Each part gets the line breaks the rest of the page got, and MkDocs learns its ids."""

    def run(self, root):
        placed = self.placed_parts(root)
        if not placed:
            return
        prettify, anchors = (
            self.md.treeprocessors[name] if name in self.md.treeprocessors else None
            for name in ("prettify", "mkdocs_extract_anchors")
        )
        for parent, index, part in placed:
            part.tail = parent[index].tail
            if prettify is not None:
                prettify.run(part)  # Python-Markdown's public step, as on the rest of the page
            if anchors is not None:
                anchors.run(part)  # the same ids (entries keep theirs when they move to a title)


class DeferredHtmlTreeprocessor(_PartsStep):
    """Each part written out and stashed as raw HTML, in its placeholder's place."""

    NAME = "explainer-deferred-html"

    def run(self, root):
        placed = self.placed_parts(root)
        if not placed:
            return
        steps = self.md.treeprocessors
        after = list(steps)[steps.get_index_for_name(self.NAME) + 1 :]
        # The steps still to come (MkDocs' link rewriting, 0) run on each part here, but
        # unescape: a part holds none of its placeholders (no Markdown was parsed there).
        after = [step for step in after if "unescape" not in steps or step is not steps["unescape"]]
        links: dict[str, str] = {}  # one page's links, as MkDocs rewrote them
        for parent, index, part in placed:
            for step in after:
                if hasattr(step, "path_to_url"):
                    _rewrite_links(step, part, links)
                else:
                    step.run(part)
            tail, part.tail = part.tail, None
            stashed = etree.Element("p")
            stashed.text = self.md.htmlStash.store(self.md.serializer(part))
            stashed.tail = tail
            parent[index] = stashed


def _rewrite_links(relpath, part: etree.Element, links: dict[str, str]) -> None:
    """MkDocs' link rewriting (its relpath step's run()), once per distinct link: a part
    repeats the same few links thousands of times (an actor, a source, a theme)."""
    for element in part.iter():
        attribute = "href" if element.tag == "a" else "src" if element.tag == "img" else None
        url = element.get(attribute) if attribute else None
        if url is None:
            continue
        if url not in links:
            links[url] = relpath.path_to_url(url)
        element.set(attribute, links[url])
