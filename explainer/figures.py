"""Figures: every number the site quotes, from docs/data/figures.yml, with its type.

Inline, `[fig:census-accounts-min]` prints the value, a badge saying whether it is a
claim, a research estimate, a platform statement, a press report or a government
statement, who says it, and its citation. `[fig:census-accounts-min, named]` leaves out
who says it, for a sentence that already names them ("Berger and Morgan estimated
that ..."): the renderer and `make check` check that the paragraph does name them.
`/// figures` prints the table of all figures (or those of `types:` / `ids:`); on a phone
each row is a card (site.css), its cells labelled by their `data-label`. With
`layout: list` it is a short list instead, in the order of `ids:` (the home page's key numbers).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor

from .blockbase import DataBlock, OptionError, key_list
from .citations import citation_element, outside_code
from .dates import format_when, sort_key
from .formatting import TYPE_LABEL, figure_value
from .text import data_text

# One group, the id, so re.findall gives ids; an option follows a comma: [fig:id, named].
FIGURE_PATTERN = r"\[fig:([^\]\s,]*)(?:\s*,[^\]]*)?\]"
NAMED = "named"
COLUMNS = ("Figure", "What it counts", "Type", "Who says it", "When", "Source")
LAYOUTS = ("table", "list")
# Words in a `who` that name no one: a named paragraph must hold one of the others.
NOT_NAMES = {"The", "And", "An", "As", "Of", "By", "In", "On", "Its", "His", "Her"}


def type_label(parent, figure_type: str) -> etree.Element:
    label = etree.SubElement(
        parent, "span", {"class": f"figure-type figure-type--{figure_type.replace(' ', '-')}"}
    )
    label.text = TYPE_LABEL[figure_type]
    return label


def figure_inline(md, figure: dict, named: bool = False) -> etree.Element:
    """<span class="figure">value <badge> by who</span> + citation; 'by who' only when not named."""
    span = etree.Element("span", {"class": "figure"})
    value = etree.SubElement(span, "strong", {"class": "figure-value"})
    value.text = data_text(md, figure_value(figure), glossary=True)
    value.tail = " "
    label = type_label(span, figure["type"])
    if not named:
        label.tail = data_text(md, f" by {figure['who']}", glossary=True)
    span.append(citation_element([(key, None) for key in figure["sources"]]))
    return span


def names_in(who: str) -> list[str]:
    """The words of a `who` that name someone: 'J.M. Berger and Jonathon Morgan' -> Berger, ..."""
    return [
        word.rstrip(".")
        for word in re.findall(r"[A-Z][\w.'’-]+", who)
        if word not in NOT_NAMES and len(word.rstrip(".")) >= 3
    ]


def figure_problem(match: re.Match, paragraph: str, dataset) -> str | None:
    """What is wrong with one [fig:...] in its paragraph, or None: the one rule for the
    renderer and `make check`."""
    token, figure_id = match.group(0), match.group(1)
    if figure_id not in dataset.figures:
        return f"unknown figure id '{figure_id}' in {token}; use an id from docs/data/figures.yml"
    option = token[len(f"[fig:{figure_id}") : -1].strip(" ,")
    if option and option != NAMED:
        return f"unknown option '{option}' in {token}; write [fig:{figure_id}] or [fig:{figure_id}, {NAMED}]"
    who = dataset.figures[figure_id]["who"]
    names = names_in(who)  # a `who` with no capitalised name ("the group") cannot be checked
    if option and names and not any(re.search(rf"\b{re.escape(name)}\b", paragraph) for name in names):
        return (
            f"{token}: the paragraph does not name '{who}'; name them in the sentence "
            f"or write [fig:{figure_id}] so the figure says who says it"
        )
    return None


def figure_problems(text: str, dataset) -> list[tuple[str, str]]:
    """(token, message) for each [fig:...] in a page's Markdown, outside code, that is wrong:
    what the renderer reports (`make check` uses this without rendering). A paragraph here
    is the text between blank lines."""
    problems = []
    for paragraph in re.split(r"\n\s*\n", outside_code(text)):
        for match in re.finditer(FIGURE_PATTERN, paragraph):
            message = figure_problem(match, paragraph, dataset)
            if message:
                problems.append((match.group(0), message))
    return problems


class FigureInlineProcessor(InlineProcessor):
    def __init__(self, pattern, md, site):
        super().__init__(pattern, md)
        self.site = site

    def handleMatch(self, match, paragraph):
        dataset = self.site.dataset
        message = figure_problem(match, paragraph, dataset)
        if message:
            self.site.fail(match.group(0), message)
        named = match.group(0) != f"[fig:{match.group(1)}]"
        figure = figure_inline(self.md, dataset.figures[match.group(1)], named)
        return figure, match.start(0), match.end(0)


class FiguresBlock(DataBlock):
    NAME = "figures"
    OPTIONS = DataBlock.options("types", "ids", "layout")

    @staticmethod
    def check_options(options, dataset, docs_dir) -> tuple[str, list[dict]]:
        """(layout, figures): a table by date, or a list in the order of `ids`."""
        types = key_list(options, "types", TYPE_LABEL, "figure type")
        ids = key_list(options, "ids", dataset.figures, "figure id")
        layout = options.get("layout") or "table"
        if layout not in LAYOUTS:
            raise OptionError(f"option 'layout' must be one of: {', '.join(LAYOUTS)}")
        chosen = [
            f
            for f in dataset.figures.values()
            if (types is None or f["type"] in types) and (ids is None or f["id"] in ids)
        ]
        if layout == "list" and ids:  # the page chose which numbers lead
            return layout, sorted(chosen, key=lambda f: ids.index(f["id"]))
        return layout, sorted(chosen, key=lambda f: (sort_key(f["date"]), f["id"]))

    def render(self, block):
        layout, chosen = self.checked
        if any(self.options.get(option) is not None for option in ("ids", "types")):
            # A page's chosen figures: rows that the full table on The numbers holds too.
            block.set("class", f"{block.get('class', '')} figures--selection".strip())
        if layout == "list":
            self.render_list(block, chosen)
            return
        # Wrapped as Material's script wraps a table, and classed so that the script leaves it
        # be: moving a long table restyled all of it as the page loaded (about 110 ms on The
        # numbers). site.css gives .figures-data Material's table styles.
        wrapper = etree.SubElement(block, "div", {"class": "md-typeset__table figures-table"})
        scroll = etree.SubElement(wrapper, "div", {"class": "md-typeset__scrollwrap"})
        inner = etree.SubElement(scroll, "div", {"class": "md-typeset__table"})
        table = etree.SubElement(inner, "table", {"class": "figures-data"})
        head = etree.SubElement(etree.SubElement(table, "thead"), "tr")
        for text in COLUMNS:
            etree.SubElement(head, "th", {"scope": "col"}).text = text
        body = etree.SubElement(table, "tbody")
        for figure in chosen:
            row = etree.SubElement(body, "tr", {"id": f"figure-{figure['id']}"})
            cells = [etree.SubElement(row, "td", {"data-label": column}) for column in COLUMNS]
            cells[0].text = data_text(self.md, figure_value(figure), glossary=True)
            cells[1].text = data_text(
                self.md,
                figure["counts"] + (f". {figure['note']}" if figure.get("note") else ""),
                glossary=True,
            )
            type_label(cells[2], figure["type"])
            cells[3].text = data_text(self.md, figure["who"], glossary=True)
            cells[4].text = data_text(self.md, format_when(figure["date"]))
            cells[5].append(citation_element([(key, None) for key in figure["sources"]]))

    def render_list(self, block, chosen):
        """Each figure as one item: value and badge, then what it counts, who and when."""
        items = etree.SubElement(block, "ul", {"class": "figure-list"})
        for figure in chosen:
            item = etree.SubElement(items, "li")
            value = etree.SubElement(item, "strong", {"class": "figure-value"})
            value.text = data_text(self.md, figure_value(figure), glossary=True)
            value.tail = " "
            type_label(item, figure["type"]).tail = " "
            counts = etree.SubElement(item, "span", {"class": "figure-counts"})
            counts.text = data_text(
                self.md, f"{figure['counts']}; {figure['who']}, {format_when(figure['date'])}", glossary=True
            )
            item.append(citation_element([(key, None) for key in figure["sources"]]))
