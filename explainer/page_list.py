"""`/// page-list`: links to other pages, each with its title, summary and reading time,
read from the pages themselves.

    /// page-list
    pages: [debate/do-suspensions-work.md, debate/watch-or-remove.md]
    ///

lists the pages as cards, each with its front matter's `title` and `description` (the
one copy of a page's summary) and its reading time. As a reading path:

    /// page-list
    within: 5
    pages: [debate/index.md]
    ///

an ordered list under a heading ("In 5 minutes", or `title:`), with each page's reading
time and the path's total: the sum of the times the pages themselves show. `within:`
stops the build when the total is longer than it promises.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from .blockbase import DataBlock, DataBlockExtension
from .errors import read_utf8
from .page_context import link
from .reading_time import label, page_minutes
from .text import data_text
from .usage import front_matter


def path_total(page_times: list[int]) -> int:
    """A path's total: the sum of the minutes each page shows, so the numbers add up."""
    return sum(page_times)


class PageListBlock(DataBlock):
    NAME = "page-list"
    OPTIONS = DataBlock.options("pages", "title", "within")

    def page(self, src_path: str) -> tuple[str, str, int]:
        """(title, description, minutes) of a page, from its front matter and text."""
        path = self.docs_dir / src_path
        if not path.is_file() or path.suffix != ".md":
            self.fail(f"no page '{src_path}'; give paths of .md files relative to docs/")
        meta = front_matter(read_utf8(path))
        title, description = meta.get("title"), meta.get("description")
        if not isinstance(title, str) or not isinstance(description, str):
            self.fail(f"'{src_path}' needs a 'title' and a 'description' in its front matter")
        return title, description, page_minutes(self.docs_dir, src_path)[0]

    def render(self, block):
        pages = self.options.get("pages")
        if not isinstance(pages, list) or not pages or not all(isinstance(p, str) for p in pages):
            self.fail("option 'pages' must be a list of pages, such as pages: [debate/index.md]")
        within, title = self.options.get("within"), self.options.get("title")
        if within is not None and (not isinstance(within, int) or isinstance(within, bool) or within < 1):
            self.fail("option 'within' must be a whole number of minutes, such as within: 5")
        if title is not None and not isinstance(title, str):
            self.fail("option 'title' must be text, such as title: For students")
        found = [(src, *self.page(src)) for src in pages]
        if within is None and title is None:
            self.cards(block, found)
        else:
            self.path(block, found, title or f"In {within} minutes", within)

    def cards(self, block, found):
        grid = etree.SubElement(block, "div", {"class": "grid cards page-cards"})
        items = etree.SubElement(grid, "ul")
        for src, title, description, minutes in found:
            item = etree.SubElement(items, "li")
            heading = etree.SubElement(etree.SubElement(item, "p"), "strong")
            anchor = etree.SubElement(heading, "a", {"href": link(self.md, src)})
            anchor.text = data_text(self.md, title)
            summary = etree.SubElement(item, "p")
            summary.text = data_text(self.md, description, glossary=True)
            etree.SubElement(summary, "span", {"class": "page-time"}).text = f" ({label(minutes)})"

    def path(self, block, found, title: str, within: int | None):
        total = path_total([minutes for *_, minutes in found])
        if within is not None and total > within:
            self.fail(f"the pages take {total} minutes to read, more than 'within: {within}'")
        section = etree.SubElement(block, "section", {"class": "reading-path"})
        etree.SubElement(section, "h3").text = data_text(self.md, title)
        summary = etree.SubElement(section, "p", {"class": "path-total"})
        count = len(found)
        summary.text = f"{count} page{'s' if count > 1 else ''}, {total} min in total"
        ordered = etree.SubElement(section, "ol")
        for src, page_title, _, minutes in found:
            item = etree.SubElement(ordered, "li")
            anchor = etree.SubElement(item, "a", {"href": link(self.md, src)})
            anchor.text = data_text(self.md, page_title)
            anchor.tail = f" ({label(minutes)})"


class PageListExtension(DataBlockExtension):
    BLOCK = PageListBlock


def makeExtension(**kwargs):
    return PageListExtension(**kwargs)
