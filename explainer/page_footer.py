"""The end of every page: when it last changed, a "Report an error" link and "Cite this page".

The date is the last commit that touched the page's Markdown file, and the revision is
the short hash of the commit the site was built from. Without git history (a source
archive) the date is left out rather than guessed and the revision is "unreleased"; a
shallow clone gives the date of its newest commit, which is no later than the true date.

"Report an error" opens the repository's Correction issue form with the page's title and
address filled in (GitHub issue forms read `?template=&title=&<field id>=`).
"Cite this page" gives APA, MLA, Chicago and BibTeX (explainer/cite.py). The same facts
sit on the box as data attributes, so site.js can cite an argument or a timeline event
by its anchor in the same formats. The box is left out of the search index.

The box also carries the page's JSON-LD (explainer/json_ld.py).
"""

from __future__ import annotations

import functools
import pathlib
import xml.etree.ElementTree as etree
from urllib.parse import quote, urlencode

from markdown.treeprocessors import Treeprocessor

from . import cite, json_ld
from .dates import format_date
from .history import git
from .offline_copy import add_offline_link
from .text import data_text

CORRECTION_FORM = "correction.yml"


@functools.lru_cache(maxsize=4)
def last_changes(docs_dir: pathlib.Path) -> dict[str, str]:
    """{page path relative to docs: 'YYYY-MM-DD'} from one `git log` over docs/."""
    output = git(docs_dir, "log", "--format=#%cs", "--name-only", "--relative", "--", ".")
    if output is None:
        return {}
    dates: dict[str, str] = {}
    date = None
    for line in output.splitlines():
        if line.startswith("#"):
            date = line[1:]
        elif line and date:
            dates.setdefault(line, date)
    return dates


@functools.lru_cache(maxsize=4)
def revision(docs_dir: pathlib.Path) -> str:
    """The short hash of the checked-out commit, or 'unreleased' outside git."""
    return (git(docs_dir, "rev-parse", "--short", "HEAD") or "").strip() or cite.UNRELEASED


def report_link(repo_url: str, title: str | None, url: str | None) -> str:
    """The Correction issue form, its title and Page field filled in."""
    fields = {"template": CORRECTION_FORM, "title": f"Correction: {title or ''}".strip()}
    if url:
        fields["page"] = url
    return f"{repo_url.rstrip('/')}/issues/new?{urlencode(fields, quote_via=quote)}"


class PageFooterTreeprocessor(Treeprocessor):
    def __init__(self, md, site):
        super().__init__(md)
        self.site = site

    def run(self, root):
        page, site_name = self.site.page, self.site.site_name
        docs_dir = self.site.docs_dir.resolve()
        updated = last_changes(docs_dir).get(page.src_path)
        work = cite.Work(
            title=page.title or site_name,
            site=site_name,
            url=page.url or "",
            date=updated,
            revision=revision(docs_dir),
        )
        footer = etree.SubElement(
            root,
            "aside",
            {
                "class": "page-footer",
                "aria-label": "Page details and citation",
                "data-search-exclude": "",
                "data-cite-site": work.site,
                "data-cite-title": work.title,
                "data-cite-url": work.url,
                "data-cite-date": work.date or "",
                "data-cite-revision": work.revision,
            },
        )
        when = etree.SubElement(footer, "p", {"class": "page-updated"})
        if updated:
            when.text = "Last updated: "
            etree.SubElement(when, "time", {"datetime": updated}).text = format_date(updated)
            when[-1].tail = f" (revision {work.revision})."
        else:
            when.text = f"Last updated: not recorded in this copy (no git history). Revision {work.revision}."
        if self.site.repo_url:
            report = etree.SubElement(footer, "p", {"class": "page-report"})
            etree.SubElement(
                report,
                "a",
                {"href": report_link(self.site.repo_url, page.title, page.url), "class": "report-error"},
            ).text = "Report an error on this page"
        if self.site.site_url:
            add_offline_link(footer, self.site.site_url, docs_dir.parent, "Offline copy:")
        details = etree.SubElement(footer, "details", {"class": "cite-page"})
        etree.SubElement(details, "summary").text = "Cite this page"
        formats = etree.SubElement(details, "dl", {"class": "cite-formats"})
        for name, text in cite.formats(work).items():
            etree.SubElement(formats, "dt").text = name
            entry = etree.SubElement(formats, "dd")
            block = etree.SubElement(entry, "pre" if name == "BibTeX" else "p", {"class": "cite-text"})
            block.text = data_text(self.md, text)  # a citation, not prose: no tooltips
        printed = etree.SubElement(footer, "p", {"class": "cite-print"})
        printed.text = data_text(self.md, "Cite this page: " + cite.formats(work)["APA"])
        sources = [self.site.dataset.sources[key] for key in self.site.state.cited_keys]
        footer.append(json_ld.script(page, site_name, updated, sources))
