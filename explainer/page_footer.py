"""The end of every page: its last-updated date (from git) and a "Cite this page" box.

The date is the last commit that touched the page's Markdown file. Without git
history (a source archive) the date is left out rather than guessed; a shallow clone
gives the date of its newest commit, which is no later than the true date.
"""

from __future__ import annotations

import functools
import pathlib
import subprocess
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .formatting import format_date
from .page_context import current_page
from .text import data_text


@functools.lru_cache(maxsize=4)
def last_changes(docs_dir: pathlib.Path) -> dict[str, str]:
    """{page path relative to docs: 'YYYY-MM-DD'} from one `git log` over docs/."""
    try:
        output = subprocess.run(
            ["git", "log", "--format=#%cs", "--name-only", "--relative", "--", "."],
            cwd=docs_dir,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, str] = {}
    date = None
    for line in output.splitlines():
        if line.startswith("#"):
            date = line[1:]
        elif line and date:
            dates.setdefault(line, date)
    return dates


class PageFooterTreeprocessor(Treeprocessor):
    def __init__(self, md, docs_dir: pathlib.Path, site_name: str):
        super().__init__(md)
        self.docs_dir = docs_dir
        self.site_name = site_name

    def run(self, root):
        page = current_page(self.md)
        updated = last_changes(self.docs_dir.resolve()).get(page.src_path)
        footer = etree.SubElement(
            root, "aside", {"class": "page-footer", "aria-label": "Page details and citation"}
        )
        when = etree.SubElement(footer, "p", {"class": "page-updated"})
        if updated:
            when.text = "Last updated: "
            etree.SubElement(when, "time", {"datetime": updated}).text = format_date(updated)
        else:
            when.text = "Last updated: not recorded in this copy (no git history)."
        details = etree.SubElement(footer, "details", {"class": "cite-page"})
        etree.SubElement(details, "summary").text = "Cite this page"
        citation = etree.SubElement(details, "p", {"class": "cite-page-text"})
        parts = [
            f"“{page.title}”." if page.title else "",
            f"{self.site_name}.",
            page.url or "",
            f"Last updated {format_date(updated)}." if updated else "",
        ]
        citation.text = data_text(self.md, " ".join(part for part in parts if part))


class PageFooterExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "docs_dir": ["docs", "The docs folder, inside a git checkout if possible."],
            "site_name": ["", "The site's name, as cited."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        docs_dir = pathlib.Path(self.getConfig("docs_dir"))
        # After the citations list (10), before toc (5): the box closes the page.
        md.treeprocessors.register(
            PageFooterTreeprocessor(md, docs_dir, self.getConfig("site_name")), "page-footer", 9
        )


def makeExtension(**kwargs):
    return PageFooterExtension(**kwargs)
