"""A jump bar above each debate page's sides, so a phone reader can switch sides.

On a phone the sides stack, and the second starts several screens down. Before each
`<div class="sides">` this adds a short navigation with one link per side, to the side's
own heading anchor (`### Side { #side-… }`); site.css keeps it in view on small screens.
Arguments keep their anchors: nothing inside the sides changes.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from .text import data_text


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


class SideJumpTreeprocessor(Treeprocessor):
    def run(self, root):
        for parent in list(root.iter()):
            for position, sides in reversed(list(enumerate(parent))):
                if sides.tag == "div" and "sides" in _classes(sides):
                    nav = self.jump_bar(sides)
                    if nav is not None:
                        parent.insert(position, nav)

    def jump_bar(self, sides):
        headings = [
            heading
            for side in sides
            if "side" in _classes(side)
            for heading in side.iter("h3")
            if heading.get("id")
        ]
        if len(headings) < 2:
            return None
        nav = etree.Element("nav", {"class": "side-jump", "aria-label": "Sides of this question"})
        items = etree.SubElement(nav, "ol")
        for heading in headings:
            anchor = etree.SubElement(etree.SubElement(items, "li"), "a", {"href": f"#{heading.get('id')}"})
            anchor.text = data_text(self.md, "".join(heading.itertext()).strip())
        return nav
