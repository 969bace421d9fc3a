"""Figures: every number the site quotes, from docs/data/figures.yml, with its type.

Inline, `[fig:census-accounts-min]` prints the value, a label saying whether it is a
claim, a research estimate, a platform statement, a press report or a government
statement, and its citation.
`/// figures` prints the table of all figures (or those of `types:` / `ids:`).
"""

from __future__ import annotations

import pathlib
import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor

from . import data
from .blockbase import DataBlock, DataBlockExtension, key_list
from .citations import citation_element, outside_code
from .errors import ContentError, Problem, display_path, line_of
from .formatting import TYPE_LABEL, figure_value, format_when, sort_key
from .page_context import current_page
from .text import data_text

FIGURE_PATTERN = r"\[fig:([^\]\s]*)\]"


def type_label(parent, figure_type: str) -> etree.Element:
    label = etree.SubElement(
        parent, "span", {"class": f"figure-type figure-type--{figure_type.replace(' ', '-')}"}
    )
    label.text = TYPE_LABEL[figure_type]
    return label


def figure_inline(md, figure: dict) -> etree.Element:
    """<span class="figure">value <label>, said by who</span> + citation."""
    span = etree.Element("span", {"class": "figure"})
    value = etree.SubElement(span, "strong", {"class": "figure-value"})
    value.text = data_text(md, figure_value(figure), glossary=True)
    value.tail = " ("
    label = type_label(span, figure["type"])
    who = f" by {figure['who']})" if figure["type"] == "claim" else f", {figure['who']})"
    label.tail = data_text(md, who, glossary=True)
    span.append(citation_element([(key, None) for key in figure["sources"]]))
    return span


def unknown_figure_message(match: re.Match) -> str:
    return f"unknown figure id '{match.group(1)}' in {match.group(0)}; use an id from docs/data/figures.yml"


def figure_problems(text: str, dataset) -> list[tuple[str, str]]:
    """(token, message) for each [fig:id] in a page's Markdown, outside code, whose id is unknown:
    what the renderer reports (`make check` uses this without rendering)."""
    return [
        (match.group(0), unknown_figure_message(match))
        for match in re.finditer(FIGURE_PATTERN, outside_code(text))
        if match.group(1) not in dataset.figures
    ]


class FigureInlineProcessor(InlineProcessor):
    def __init__(self, pattern, md, docs_dir):
        super().__init__(pattern, md)
        self.docs_dir = docs_dir

    def handleMatch(self, match, data_text):
        figures = data.load(self.docs_dir / "data").figures
        figure_id = match.group(1)
        if figure_id not in figures:
            path = self.docs_dir / current_page(self.md).src_path
            raise ContentError(
                [Problem(display_path(path), line_of(path, match.group(0)), unknown_figure_message(match))]
            )
        return figure_inline(self.md, figures[figure_id]), match.start(0), match.end(0)


class FiguresBlock(DataBlock):
    NAME = "figures"
    OPTIONS = DataBlock.options("types", "ids")

    @staticmethod
    def check_options(options, dataset, docs_dir) -> list[dict]:
        """The figures the table lists, by date."""
        types = key_list(options, "types", TYPE_LABEL, "figure type")
        ids = key_list(options, "ids", dataset.figures, "figure id")
        chosen = [
            f
            for f in dataset.figures.values()
            if (types is None or f["type"] in types) and (ids is None or f["id"] in ids)
        ]
        return sorted(chosen, key=lambda f: (sort_key(f["date"]), f["id"]))

    def render(self, block):
        chosen = self.checked
        wrapper = etree.SubElement(block, "div", {"class": "md-typeset__table figures-table"})
        table = etree.SubElement(wrapper, "table")
        head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        for text in ("Figure", "What it counts", "Type", "Who says it", "When", "Source"):
            etree.SubElement(head, "th", {"scope": "col"}).text = text
        body = etree.SubElement(table, "tbody")
        for figure in chosen:
            row = etree.SubElement(body, "tr", {"id": f"figure-{figure['id']}"})
            etree.SubElement(row, "td").text = data_text(self.md, figure_value(figure), glossary=True)
            counts = etree.SubElement(row, "td")
            counts.text = data_text(
                self.md,
                figure["counts"] + (f". {figure['note']}" if figure.get("note") else ""),
                glossary=True,
            )
            type_label(etree.SubElement(row, "td"), figure["type"])
            etree.SubElement(row, "td").text = data_text(self.md, figure["who"], glossary=True)
            etree.SubElement(row, "td").text = data_text(self.md, format_when(figure["date"]))
            cell = etree.SubElement(row, "td")
            cell.append(citation_element([(key, None) for key in figure["sources"]]))


class FiguresExtension(DataBlockExtension):
    BLOCK = FiguresBlock

    def extendMarkdown(self, md):
        super().extendMarkdown(md)
        docs_dir = pathlib.Path(self.getConfig("docs_dir"))
        # Before citations (175) and links, so [fig:id] is never read as a link.
        md.inlinePatterns.register(FigureInlineProcessor(FIGURE_PATTERN, md, docs_dir), "figure", 176)


def makeExtension(**kwargs):
    return FiguresExtension(**kwargs)
