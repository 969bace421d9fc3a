"""Corrections: the public record in docs/data/corrections.yml, and a note on each corrected page.

`/// corrections` lists every factual correction, newest first, each with a stable anchor
(its id): the date, the page, what the site said, what it says now, why, and the sources.
Every page named in the record gets a short "Corrected on DATE" note under its title that
links to its entries, so a reader of the page learns it changed and can see how.
"""

from __future__ import annotations

import pathlib
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from .blockbase import DataBlock
from .citations import citation_element
from .dates import descending_key, format_date
from .errors import Problem, display_path
from .formatting import time_element
from .text import data_text
from .usage import front_matter

CORRECTIONS_PAGE = "about/corrections.md"


def newest_first(corrections: dict[str, dict]) -> list[dict]:
    """Newest date first; within a day, one page's entries together (pages in the order they
    first appear in the file, entries in file order), so a page's note can link to the first."""
    entries = list(corrections.values())
    first_seen = {}
    for position, entry in enumerate(entries):
        first_seen.setdefault((entry["date"], entry["page"]), position)
    return sorted(
        entries, key=lambda entry: (descending_key(entry["date"]), first_seen[(entry["date"], entry["page"])])
    )


def missing_pages(dataset, docs_dir: pathlib.Path) -> list[Problem]:
    """Entries whose page does not exist (checked by `make check`, which knows the pages)."""
    path, lines = dataset.data_dir / "corrections.yml", dataset.lines["corrections"]
    return [
        Problem(
            display_path(path),
            lines.get((index, "page")),
            f"page '{entry['page']}' does not exist; "
            "give the corrected page's path under docs/, such as debate/who-should-decide.md",
            f"[{index}].page",
        )
        for index, entry in enumerate(dataset.corrections.values())
        if not (docs_dir / entry["page"]).is_file()
    ]


def page_title(docs_dir: pathlib.Path, page: str) -> str:
    path = docs_dir / page
    return str(front_matter(path.read_text(encoding="utf-8")).get("title") or page)


class CorrectionsBlock(DataBlock):
    NAME = "corrections"
    OPTIONS = DataBlock.options()

    def render(self, block):
        entries = newest_first(self.dataset.corrections)
        if not entries:
            empty = etree.SubElement(block, "p")
            empty.text = "No corrections have been made yet."
            return
        listing = etree.SubElement(block, "ol", {"class": "corrections-list", "reversed": "reversed"})
        for entry in entries:
            self.entry(listing, entry)

    def entry(self, parent, entry):
        item = etree.SubElement(parent, "li", {"id": entry["id"], "class": "correction"})
        where = etree.SubElement(item, "p", {"class": "correction-where"})
        where.append(time_element(self.md, entry["date"]))
        where[-1].tail = " · "
        target = entry["page"] + (f"#{entry['anchor']}" if entry.get("anchor") else "")
        page = etree.SubElement(where, "a", {"href": self.site.link(target)})
        page.text = data_text(self.md, page_title(self.docs_dir, entry["page"]))
        for label, field in (("It said", "said"), ("It now says", "says"), ("Why", "why")):
            paragraph = etree.SubElement(item, "p", {"class": f"correction-{field}"})
            strong = etree.SubElement(paragraph, "strong")
            strong.text = f"{label}:"
            strong.tail = data_text(self.md, f" {entry[field]} ")
            if field == "why":
                paragraph.append(citation_element([(key, None) for key in entry["sources"]]))


class CorrectionNote(Treeprocessor):
    """Adds "Corrected on DATE" under the page title when the record names this page."""

    def __init__(self, md, site):
        super().__init__(md)
        self.site = site

    def run(self, root):
        page = self.site.page.src_path
        entries = [e for e in newest_first(self.site.dataset.corrections) if e["page"] == page]
        if not entries:
            return
        latest = [entry for entry in entries if entry["date"] == entries[0]["date"]]
        note = etree.Element("p", {"class": "correction-note"})
        note.text = f"Corrected on {format_date(latest[0]['date'])}: "
        anchor = etree.SubElement(
            note, "a", {"href": self.site.link(f"{CORRECTIONS_PAGE}#{latest[0]['id']}")}
        )
        anchor.text = "what changed"
        # The record lists a page's corrections of one day together, from the one linked.
        anchor.tail = f" ({len(latest)} corrections, listed together)." if len(latest) > 1 else "."
        title = next((index for index, child in enumerate(root) if child.tag == "h1"), None)
        root.insert(0 if title is None else title + 1, note)
