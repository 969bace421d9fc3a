"""The Sources page: `/// sources` renders the annotated bibliography.

Entries are grouped by type, each under a stable anchor (its key), with the
addresses, the annotation, the reliability note, the pages that cite it and the
timeline events that rest on it. An entry is three paragraphs with plain-text labels
and no glossary tooltips: every element on a ~90-entry page is restyled several times
while Material's script starts, which cost mobile Lighthouse Performance (measured).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from . import vocabulary
from .blockbase import SEARCH_ENTRY, DataBlock, key_list
from .formatting import add_label, add_links, as_sentence, reference_text
from .text import data_text
from .usage import citing_pages

TYPE_HEADING = vocabulary.labels(vocabulary.SOURCE_TYPE)  # in the order the page lists them
TYPE_ORDER = list(TYPE_HEADING)
LISTED = 20  # pages (and events) named in an entry's "Cited on" (and "Events"); the rest are counted
SOURCE_ARTICLE = "cottee-2015-atlantic"  # the story's starting point, listed first
DOWNLOADS = [
    ("downloads/sources.csv", "CSV"),
    ("downloads/sources.json", "JSON"),
    ("downloads/sources.bib", "BibTeX"),
    ("downloads/sources.csl.json", "CSL-JSON"),
]


def external_link(md, parent, url: str, text: str) -> etree.Element:
    anchor = etree.SubElement(parent, "a", {"href": url, "rel": "noopener"})
    anchor.text = data_text(md, text)
    return anchor


def note_span(md, parent, css_class: str, text: str) -> etree.Element:
    span = etree.SubElement(parent, "span", {"class": css_class})
    span.text = data_text(md, text)
    return span


def heading_id(source_type: str) -> str:
    return "type-" + source_type.replace("/", "-").replace(" ", "-")


def capped(items: list, noun: str) -> tuple[list, str]:
    """The first LISTED items and '12 more pages' for the rest, so no entry grows without bound
    (and each stays far below Zensical's 65,536-byte search field, even cited on every page)."""
    if len(items) <= LISTED + 1:  # 'and 1 more page' would save nothing
        return items, ""
    rest = len(items) - LISTED
    return items[:LISTED], f"{rest:,} more {noun}s"


def entry_order(source: dict) -> tuple:
    """The source article first, then by date, undated entries last."""
    return (source["key"] != SOURCE_ARTICLE, "date" not in source, source.get("date", ""), source["key"])


class SourcesBlock(DataBlock):
    NAME = "sources"
    OPTIONS = DataBlock.options("types")

    @staticmethod
    def check_options(options, dataset, docs_dir) -> list[str]:
        """The source types to list, in order."""
        return key_list(options, "types", TYPE_HEADING, "source type") or TYPE_ORDER

    def render(self, block):
        dataset = self.dataset
        types = self.checked
        citing = citing_pages(self.docs_dir)
        events_by_source = dataset.events_by_source
        downloads = etree.SubElement(block, "p", {"class": "downloads"})
        downloads.text = "Download the bibliography: "
        for index, (path, label) in enumerate(DOWNLOADS):
            anchor = etree.SubElement(downloads, "a", {"href": self.site.link(path), "download": ""})
            anchor.text = label
            anchor.tail = ", " if index < len(DOWNLOADS) - 1 else "."
        shown_types = [t for t in types if any(s["type"] == t for s in dataset.sources.values())]
        self.filter_form(block, shown_types, sum(s["type"] in types for s in dataset.sources.values()))
        for source_type in types:
            entries = sorted(
                (s for s in dataset.sources.values() if s["type"] == source_type),
                key=entry_order,
            )
            if not entries:
                continue
            heading = etree.SubElement(block, "h2", {"id": heading_id(source_type)})
            heading.text = TYPE_HEADING[source_type]
            for source in entries:
                self.entry(
                    block, source, citing.get(source["key"], []), events_by_source.get(source["key"], [])
                )

    @staticmethod
    def filter_form(parent, types: list[str], total: int):
        """A type select and a box that narrows the list as you type, which site.js wires;
        without JavaScript site.css hides them and the whole list shows."""
        form = etree.SubElement(
            parent,
            "form",
            {"class": "source-filters", "data-search-exclude": "", "aria-label": "Filter the sources"},
        )
        for name, label in (("type", "Type"), ("text", "Find in the list")):
            group = etree.SubElement(form, "div")
            etree.SubElement(group, "label", {"for": f"source-{name}"}).text = label
        select = etree.SubElement(form[0], "select", {"id": "source-type", "name": "type"})
        etree.SubElement(select, "option", {"value": ""}).text = "All types"
        for source_type in types:
            etree.SubElement(select, "option", {"value": heading_id(source_type)}).text = TYPE_HEADING[
                source_type
            ]
        etree.SubElement(
            form[1], "input", {"id": "source-text", "name": "text", "type": "search", "autocomplete": "off"}
        )
        count = etree.SubElement(
            form, "p", {"class": "source-count", "role": "status", "aria-live": "polite"}
        )
        count.text = f"Showing all {total} sources."

    def entry(self, parent, source, pages, events):
        article = etree.SubElement(parent, "article", {"class": "source-entry", "id": source["key"]})
        # Print shows each address after its link (site.css), so the page carries it once.
        # The reference is the entry's heading (SEARCH_ENTRY): search lists each source.
        reference = etree.SubElement(article, "p", {"class": "source-reference", SEARCH_ENTRY: ""})
        reference.text = data_text(self.md, f"{reference_text(source)} ")
        # The notes on the record (how the date was found, why a link is missing, which copy
        # was read) are spans of their own, so that search can leave them out (search_terms).
        if source.get("date_note"):
            note_span(self.md, reference, "source-date-note", f"({source['date_note']}) ")
        links = [
            (source.get("url"), "Read the source"),
            (source.get("archive_url"), "Archived copy"),
            *[(copy, "Also read at") for copy in source.get("copies", [])],
        ]
        links = [(url, text) for url, text in links if url]
        if source.get("link_withheld"):
            note = f"No link, on purpose: {as_sentence(source['link_withheld'])}"
            note_span(self.md, reference, "source-link-note", note)
        elif not links:
            note_span(self.md, reference, "source-link-note", "No web address was verified for this source.")
        elif not source.get("url"):
            note_span(self.md, reference, "source-link-note", "The original address was not verified. ")
        for index, (url, text) in enumerate(links):
            external_link(self.md, reference, url, text).tail = " · " if index < len(links) - 1 else None
        annotation = etree.SubElement(article, "p", {"class": "source-annotation"})
        annotation.text = data_text(self.md, source["annotation"])
        details = etree.SubElement(article, "p", {"class": "source-details"})
        details.text = data_text(self.md, f"Reliability: {as_sentence(source['reliability'])}")
        if source.get("read_note"):
            note_span(
                self.md,
                details,
                "source-read-note",
                f" Checked for this site: {as_sentence(source['read_note'])}",
            )
        # What cites the entry, and its key: other pages' titles again, so search leaves them out.
        uses = etree.SubElement(details, "span", {"class": "source-uses"})
        uses.text = " "
        shown, more = capped(pages, "page")
        add_links(self.md, uses, "Cited on", [(self.site.link(src), title) for src, title in shown], more)
        shown, more = capped(events, "event")
        add_links(
            self.md,
            uses,
            "Events",
            [(self.site.link(f"timeline.md#{e['id']}"), e["title"]) for e in shown],
            more,
        )
        add_label(self.md, uses, "Key")
        # The key links to its own entry: a permalink, and the text a contributor cites.
        key = etree.SubElement(uses, "a", {"class": "source-key", "href": f"#{source['key']}"})
        key.text = data_text(self.md, source["key"])
