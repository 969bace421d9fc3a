"""The Glossary page: `/// glossary` lists every term in docs/includes/abbreviations.md.

Terms are defined once, in that include, which pymdownx.snippets appends to every
page so each term shows as a tooltip everywhere; this block lists the same text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from .blockbase import DataBlock, DataBlockExtension
from .errors import read_utf8
from .text import data_text

ABBREVIATION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$")
INCLUDE = "includes/abbreviations.md"


def read_terms(text: str) -> list[tuple[str, str]]:
    """[(term, definition)] from abbr lines, sorted case-insensitively."""
    terms = [match.groups() for match in map(ABBREVIATION.match, text.splitlines()) if match]
    return sorted(terms, key=lambda term: term[0].lower())


def term_anchor(term: str) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


class GlossaryBlock(DataBlock):
    NAME = "glossary"

    def render(self, block):
        path = self.docs_dir / INCLUDE
        terms = read_terms(read_utf8(path)) if path.exists() else []
        if not terms:
            self.fail(f"no terms found in docs/{INCLUDE}; add lines like '*[DDoS]: Distributed ...'")
        definitions = etree.SubElement(block, "dl", {"class": "glossary"})
        for term, definition in terms:
            etree.SubElement(definitions, "dt", {"id": term_anchor(term)}).text = data_text(self.md, term)
            etree.SubElement(definitions, "dd").text = data_text(self.md, definition, glossary=True)


class GlossaryExtension(DataBlockExtension):
    BLOCK = GlossaryBlock


def makeExtension(**kwargs):
    return GlossaryExtension(**kwargs)
