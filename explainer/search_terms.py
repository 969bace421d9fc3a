"""What the search index holds: numbers in every spelling, and no repeated parts.

Numbers are found however a reader types them: 360000, 360,000 or 360 000. Material's
search splits text into words at spaces and punctuation, so "360,000" on a page is one
word and a search for "360000" or "360 000" would miss it. This extension adds, at the
end of each paragraph, list item or cell that holds a large number, a hidden span with
the number's other spellings. The span is `hidden` (never shown, never read aloud), but
it is in the page's HTML, which is what the search index is built from. Parts of the
page left out of the index (data-search-exclude) and graphics are skipped.

Parts that repeat what another page holds, or the same words on every entry, are left
out of the index (LEFT_OUT, LINKS_LEFT_OUT): they drew hits away from the prose and made
the index larger than it need be. Each is named by its class; the modules that render
them own their markup, this one decides what search reads.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from . import deferred
from .citations import CITE_CLASS
from .deferred import iter_page
from .text import sources_in

# 1,000 and up with separators (comma, no-break or thin space), or five digits and up
# without (four bare digits are usually a year).
NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:[,\u00a0\u202f]\d{3})+|\d{5,})(?![\d]|[.,]\d)")
TEXT_BLOCKS = {"p", "li", "td", "th", "dd", "dt", "figcaption", "caption", "blockquote"}
SKIPPED = {"svg", "pre", "code", "script", "style"}
SPAN_CLASS = "search-variants"
EXCLUDE = "data-search-exclude"
# class -> why search leaves elements of that class out.
LEFT_OUT = {
    CITE_CLASS: "citation marks: numbers that point to the page's own source list",
    "timeline--slice": "a page's related events: copies of the timeline's own entries",
    "timeline-meta": "each event's themes and actors: the same few names on every event",
    "timeline-when": "each event's date and status: read before its title heading, so search "
    "filed them under the year, one line per event (the year outgrew Zensical's field limit)",
    "actor-events": "each actor's events: titles repeated from the timeline",
    "source-date-note": "how a source's date was worked out ('Date from the page address'): "
    "a note on the record, not what the source says",
    "source-link-note": "why a source has no link or no original address: a note on the record",
    "source-read-note": "'Checked for this site': which copy was read, and when",
    "source-uses": "the pages and events citing each source, and its key: titles from other pages",
    "correction-note": "'Corrected on ...: what changed' under the title of every corrected page",
    "corrections-list": "the record of corrections: what each page used to say (wording the site "
    "withdrew, where a search for a fact should not land), what it says now (the page holds it) "
    "and why (a reason that reads as a fragment without the rest); the page's introduction "
    "keeps it findable",
    "figures--selection": "a page's chosen figures: rows of the full table on The numbers",
    "figure-type": "each figure's type badge: one of five labels, on every figure",
    "chart-panels": "the charts' points, axes and labels: the figures in the table below them",
    "map-question": "the argument map's questions and sides: the debate pages' own headings",
    "side-jump": "a debate page's links to each side: the sides' own headings",
}
# class -> why search leaves the links inside elements of that class out.
LINKS_LEFT_OUT = {
    "source-reference": "'Read the source', 'Archived copy': the same words in every source's title",
}


def spellings(number: str) -> list[str]:
    """'360,000' -> ['360000', '360,000', '360 000'], the digits grouped each way."""
    digits = re.sub(r"\D", "", number)
    groups = []
    for end in range(len(digits), 0, -3):
        groups.insert(0, digits[max(0, end - 3) : end])
    return [digits, ",".join(groups), " ".join(groups)]


def variants(text: str) -> list[str]:
    """Every other spelling of each large number in text, once each, in order."""
    found: list[str] = []
    for match in NUMBER.finditer(text):
        for spelling in spellings(match.group(1)):
            if spelling != match.group(1) and spelling not in found:
                found.append(spelling)
    return found


def plain_text(md, element) -> str:
    """The element's text as a reader sees it: data strings (stashed, see text.py) included."""
    pieces = [sources_in(md, element.text)]
    for child in element:
        pieces += ["" if EXCLUDE in child.attrib else plain_text(md, child), sources_in(md, child.tail)]
    return "".join(pieces)


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def leave_out_repeated_parts(root, site):
    """Marks each LEFT_OUT element, and the links inside each LINKS_LEFT_OUT one, data-search-exclude."""
    for element in iter_page(root, site):
        if "class" not in element.attrib:  # most elements of a big page; skipped cheaply
            continue
        classes = set(element.get("class").split())
        if classes & LEFT_OUT.keys():
            leave_out(element, site)
        if classes & LINKS_LEFT_OUT.keys():
            for link in iter_page(element, site, "a"):
                link.set(EXCLUDE, "")


def leave_out(element, site):
    """Marks the element data-search-exclude, and each heading inside it.

    Material's search parser tells elements apart by tag name alone, so a left-out <div>
    would end at the first </div> inside it (the charts' second panel was indexed). Where
    the element holds one of its own tag, its children are marked instead: the element's
    own text is then indexed, which for the wrappers left out here is only whitespace.
    """
    inside = list(iter_page(element, site))[1:]
    # Material's search starts a result at every heading, even inside a part it leaves out
    # (an empty result under the page's title), so those are marked too.
    for part in inside:
        if part.tag in HEADINGS:
            part.set(EXCLUDE, "")
    if any(part.tag == element.tag for part in inside):
        for child in deferred.children(element, site):
            leave_out(child, site)
    else:
        element.set(EXCLUDE, "")


class SearchTermsTreeprocessor(Treeprocessor):
    def __init__(self, md, site):
        super().__init__(md)
        self.site = site

    def run(self, root):
        leave_out_repeated_parts(root, self.site)
        self._visit(root)

    def _visit(self, element):
        if element.tag in SKIPPED or EXCLUDE in element.attrib:
            return
        children = deferred.children(element, self.site)
        if element.tag in TEXT_BLOCKS and not any(child.tag in TEXT_BLOCKS for child in children):
            extra = variants(plain_text(self.md, element))
            if extra:
                span = etree.SubElement(element, "span", {"class": SPAN_CLASS, "hidden": "hidden"})
                span.text = AtomicString(" ".join(extra))
            return
        for child in children:
            self._visit(child)
