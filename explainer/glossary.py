"""The Glossary page: `/// glossary` lists every term in docs/includes/abbreviations.md.

Terms are defined once, in that include, which pymdownx.snippets appends to every
page so each term shows as a tooltip everywhere; this block lists the same text. Each
term is a heading with a stable anchor (term-…), so site search leads to its definition.

Python-Markdown's abbr extension marks a term wherever its letters appear; this module
also takes the tooltip back out where it does not belong: inside a link, a heading
(whose text becomes its anchor and its entry in the contents), code, the chart, and
a web address written out in the text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from .blockbase import DataBlock, OptionError
from .errors import read_utf8
from .text import data_text

ABBREVIATION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$")
INCLUDE = "includes/abbreviations.md"
NO_TOOLTIP_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "svg", "option", "title"}
ADDRESS_SO_FAR = re.compile(r"\S*://\S*$")


def read_terms(text: str) -> list[tuple[str, str]]:
    """[(term, definition)] from abbr lines, sorted case-insensitively."""
    terms = [match.groups() for match in map(ABBREVIATION.match, text.splitlines()) if match]
    return sorted(terms, key=lambda term: term[0].lower())


def term_anchor(term: str) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


class GlossaryBlock(DataBlock):
    NAME = "glossary"

    @staticmethod
    def check_options(options, dataset, docs_dir) -> list[tuple[str, str]]:
        """The terms to list."""
        path = docs_dir / INCLUDE
        terms = read_terms(read_utf8(path)) if path.exists() else []
        if not terms:
            raise OptionError(f"no terms found in docs/{INCLUDE}; add lines like '*[DDoS]: Distributed ...'")
        return terms

    def render(self, block):
        block.set("class", "glossary")
        for term, definition in self.checked:
            # A heading is never a tooltip: the term's own name is plain text.
            etree.SubElement(block, "h2", {"id": term_anchor(term)}).text = data_text(self.md, term)
            etree.SubElement(block, "p").text = data_text(self.md, definition, glossary=True)


def unwrap(parent: etree.Element, element: etree.Element) -> None:
    """Replace element by its text, keeping the text around it."""
    index = list(parent).index(element)
    text = (element.text or "") + (element.tail or "")
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    parent.remove(element)


class TooltipPlacesTreeprocessor(Treeprocessor):
    """Removes glossary <abbr> tooltips from links, headings, code, graphics and addresses."""

    def run(self, root):
        self._visit(root, inside=False)

    def _visit(self, element, inside: bool):
        inside = inside or element.tag in NO_TOOLTIP_INSIDE
        for child in list(element):
            if child.tag == "abbr" and (inside or self._in_address(element, child)):
                unwrap(element, child)
            else:
                self._visit(child, inside)

    @staticmethod
    def _in_address(parent, abbr) -> bool:
        index = list(parent).index(abbr)
        before = parent.text if index == 0 else parent[index - 1].tail
        return bool(ADDRESS_SO_FAR.search(before or ""))
