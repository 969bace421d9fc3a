"""`/// page-list`: links to other pages, each with its title, summary and reading time,
read from the pages themselves.

    /// page-list
    pages: [debate/do-suspensions-work.md, debate/watch-or-remove.md]
    ///

lists the pages as cards, each with its front matter's `title` and its reading time, and
its `summary` (one line on what the evidence shows, in Markdown with citations) or, for a
page without one, its `description`. The page's front matter is the one copy of both. As a reading path:

    /// page-list
    within: 5
    pages: [debate/index.md]
    ///

an ordered list under a heading ("In 5 minutes", or `title:`), with each page's reading
time and the path's total: the sum of the times the pages themselves show. `within:`
stops the build when the total is longer than it promises.
"""

from __future__ import annotations

import dataclasses
import pathlib
import xml.etree.ElementTree as etree

from . import citations
from .blockbase import DataBlock, OptionError
from .errors import read_utf8
from .reading_time import label, page_minutes
from .text import data_text
from .usage import front_matter


def path_total(page_times: list[int]) -> int:
    """A path's total: the sum of the minutes each page shows, so the numbers add up."""
    return sum(page_times)


def page_facts(docs_dir: pathlib.Path, src_path: str, dataset=None) -> tuple[str, str, str, int]:
    """(path, title, summary, minutes) of a page, from its front matter and text; the summary
    is the `summary` (Markdown, checked for citations) or else the plain `description`."""
    path = pathlib.Path(docs_dir) / src_path
    if not path.is_file() or path.suffix != ".md":
        raise OptionError(f"no page '{src_path}'; give paths of .md files relative to docs/")
    meta = front_matter(read_utf8(path))
    title, description = meta.get("title"), meta.get("description")
    if not isinstance(title, str) or not isinstance(description, str):
        raise OptionError(f"'{src_path}' needs a 'title' and a 'description' in its front matter")
    summary = meta.get("summary")
    if summary is not None:
        if not isinstance(summary, str) or not summary.strip():
            raise OptionError(f"'{src_path}': its front matter 'summary' must be one line of text")
        for token, message in citations.citation_problems(summary, dataset) if dataset else []:
            raise OptionError(f"'{src_path}': its front matter 'summary' has {token}: {message}")
        description = Summary(summary)
    return src_path, title, description, page_minutes(docs_dir, src_path)[0]


class Summary(str):
    """A page's `summary`: page text in Markdown (with citations), not an escaped data string."""


@dataclasses.dataclass(frozen=True)
class Listing:
    pages: list[tuple[str, str, str, int]]
    path_title: str | None  # None: question cards, else a reading path under this heading
    total: int


class PageListBlock(DataBlock):
    NAME = "page-list"
    OPTIONS = DataBlock.options("pages", "title", "within")

    @staticmethod
    def check_options(options, dataset, docs_dir) -> Listing:
        pages, within, title = options.get("pages"), options.get("within"), options.get("title")
        if not isinstance(pages, list) or not pages or not all(isinstance(p, str) for p in pages):
            raise OptionError("option 'pages' must be a list of pages, such as pages: [debate/index.md]")
        if within is not None and (not isinstance(within, int) or isinstance(within, bool) or within < 1):
            raise OptionError("option 'within' must be a whole number of minutes, such as within: 5")
        if title is not None and not isinstance(title, str):
            raise OptionError("option 'title' must be text, such as title: For students")
        found = [page_facts(docs_dir, src, dataset) for src in pages]
        total = path_total([minutes for *_, minutes in found])
        if within is not None and total > within:
            raise OptionError(f"the pages take {total} minutes to read, more than 'within: {within}'")
        path_title = title or (f"In {within} minutes" if within is not None else None)
        return Listing(found, path_title, total)

    def render(self, block):
        listing = self.checked
        if listing.path_title is None:
            self.cards(block, listing.pages)
        else:
            self.path(block, listing)

    def cards(self, block, found):
        grid = etree.SubElement(block, "div", {"class": "grid cards page-cards"})
        items = etree.SubElement(grid, "ul")
        for src, title, description, minutes in found:
            item = etree.SubElement(items, "li")
            heading = etree.SubElement(etree.SubElement(item, "p"), "strong")
            anchor = etree.SubElement(heading, "a", {"href": self.site.link(src)})
            anchor.text = data_text(self.md, title)
            summary = etree.SubElement(item, "p")
            # A summary is Markdown, like the page it comes from, so its citations are numbered
            # on this page; a description is plain text.
            is_markdown = isinstance(description, Summary)
            summary.text = str(description) if is_markdown else data_text(self.md, description, glossary=True)
            etree.SubElement(summary, "span", {"class": "page-time"}).text = f" ({label(minutes)})"

    def path(self, block, listing: Listing):
        section = etree.SubElement(block, "section", {"class": "reading-path"})
        etree.SubElement(section, "h3").text = data_text(self.md, listing.path_title)
        summary = etree.SubElement(section, "p", {"class": "path-total"})
        count = len(listing.pages)
        summary.text = f"{count} page{'s' if count > 1 else ''}, {listing.total} min in total"
        ordered = etree.SubElement(section, "ol")
        for src, page_title, _, minutes in listing.pages:
            item = etree.SubElement(ordered, "li")
            anchor = etree.SubElement(item, "a", {"href": self.site.link(src)})
            anchor.text = data_text(self.md, page_title)
            anchor.tail = f" ({label(minutes)})"
