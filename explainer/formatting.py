"""Text shared by every renderer: <time> elements, one-line references, figures, and
"Label: link, link." runs of links. Dates are parsed and formatted in dates.py.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from . import vocabulary
from .dates import bounds, format_date, format_when
from .text import data_text, source

TYPE_LABEL = vocabulary.labels(vocabulary.FIGURE_TYPE)  # figure type -> "Research estimate"


def time_element(md, date, circa=False) -> etree.Element:
    """<time datetime="..."> carrying the machine-readable start of the date."""
    element = etree.Element("time", {"datetime": bounds(date)[0]})
    element.text = data_text(md, format_when(date, circa))
    return element


def authors_text(authors: list[str] | None) -> str:
    if not authors:
        return ""
    if len(authors) == 1:
        return authors[0]
    if len(authors) > 3:
        return f"{authors[0]} et al."
    return ", ".join(authors[:-1]) + " and " + authors[-1]


def reference_text(source: dict) -> str:
    """A one-line reference: 'Authors (date). "Title". Publisher.'"""
    title = source["title"] if source.get("title_is_description") else f"“{source['title']}”"
    date = format_date(source["date"]) if source.get("date") else "n.d."
    who = authors_text(source.get("authors"))
    lead = f"{who} ({date})." if who else f"{source['publisher']} ({date})."
    tail = "" if not who or source["publisher"] in who else f" {source['publisher']}."
    return f"{lead} {title}.{tail}"


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def figure_value(figure: dict) -> str:
    """'60,000–70,000 accounts', 'at least 46,000 accounts', '63 percent'."""
    value = figure["value"]
    text = f"{number(value['low'])}–{number(value['high'])}" if isinstance(value, dict) else number(value)
    unit = figure["unit"]
    text = f"{text}%" if unit == "percent" else f"{text} {unit}"
    return f"{figure['qualifier']} {text}" if figure.get("qualifier") else text


def as_sentence(text: str) -> str:
    """The text ending with one full stop (data fields may or may not carry their own)."""
    return text if text.endswith((".", "!", "?")) else text + "."


def add_links(md, paragraph, label: str, links: list[tuple[str, str]], more: str = ""):
    """Appends 'Label: a, b, c.' to a paragraph, after a space if it has text already;
    with more, 'Label: a, b, c and <more>.' (such as '12 more pages')."""
    if not links:
        return
    add_label(md, paragraph, label)
    for index, (href, text) in enumerate(links):
        anchor = etree.SubElement(paragraph, "a", {"href": href})
        anchor.text = data_text(md, text)
        # Plain: no inline pattern needs to read ", " (thousands of them on a long timeline).
        anchor.tail = AtomicString(", " if index < len(links) - 1 else (f" and {more}." if more else "."))


def add_label(md, paragraph, label: str):
    """Appends 'Label: ', after a space if the paragraph's text so far doesn't end in one."""
    children = list(paragraph)
    so_far = source(children[-1].tail if children else paragraph.text)
    append_text(md, paragraph, ("" if not so_far or so_far.endswith(" ") else " ") + f"{label}: ")


def append_text(md, element, text: str):
    """Adds text after the element's last child (or to its text if it has none)."""
    children = list(element)
    target, attribute = (children[-1], "tail") if children else (element, "text")
    before = getattr(target, attribute)
    setattr(target, attribute, data_text(md, source(before) + text, getattr(before, "glossary", False)))
