"""feed.xml: an Atom feed of what changed on the site, built from data and git, never by hand.

One entry per correction in docs/data/corrections.yml (linked to its entry on the
Corrections page), and one per new or substantially changed page from git history: the
commit that added a page, and each later commit that changed at least
SUBSTANTIAL_LINES lines of it. Without git history only the corrections are listed.
Newest first: every correction, and at most MAX_PAGE_ENTRIES page changes.

site_files.py adds the file to the MkDocs and Zensical builds; the same function runs
alone: `python -m explainer.feed SITE_URL > feed.xml`.
"""

from __future__ import annotations

import dataclasses
import pathlib
import sys
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

from . import data
from .corrections import CORRECTIONS_PAGE, page_title
from .dates import day_start_utc, utc_timestamp
from .history import git
from .usage import SKIPPED_FOLDERS, front_matter

ATOM = "http://www.w3.org/2005/Atom"
SUBSTANTIAL_LINES = 20
MAX_PAGE_ENTRIES = 50
FEED_PATH = "feed.xml"


@dataclasses.dataclass(frozen=True)
class Entry:
    id: str
    updated: str  # an RFC 3339 date-time
    title: str
    link: str
    summary: str


@dataclasses.dataclass(frozen=True)
class PageChange:
    commit: str
    when: str  # RFC 3339
    page: str  # relative to docs/
    lines: int
    new: bool


def page_url(src_path: str) -> str:
    """'debate/x.md' -> 'debate/x/', 'index.md' -> '', 'debate/index.md' -> 'debate/'."""
    path = src_path.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


def page_changes(docs_dir: pathlib.Path) -> list[PageChange]:
    """New pages and substantial changes, oldest first, from one `git log --numstat`."""
    output = git(docs_dir, "log", "--reverse", "--format=#%H %cI", "--numstat", "--relative", "--", ".")
    if output is None:
        return []
    changes, seen, commit, when = [], set(), "", ""
    for line in output.splitlines():
        if line.startswith("#"):
            commit, when = line[1:].split(" ", 1)
            when = utc_timestamp(when)
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].endswith(".md") or parts[2].startswith(SKIPPED_FOLDERS):
            continue
        added, removed, page = parts
        lines = int(added) + int(removed) if added.isdigit() and removed.isdigit() else 0
        if not (docs_dir / page).is_file():
            continue
        new = page not in seen
        seen.add(page)
        if new or lines >= SUBSTANTIAL_LINES:
            changes.append(PageChange(commit, when, page, lines, new))
    return changes


def _meta(docs_dir: pathlib.Path, page: str) -> dict:
    return front_matter((docs_dir / page).read_text(encoding="utf-8"))


def entries(docs_dir: pathlib.Path, site_url: str) -> list[Entry]:
    docs_dir = pathlib.Path(docs_dir).resolve()
    site_url = site_url.rstrip("/") + "/"
    host = urlsplit(site_url).netloc or "localhost"
    found = []
    for correction in data.load(docs_dir / "data").corrections.values():
        title = page_title(docs_dir, correction["page"])
        found.append(
            Entry(
                id=f"tag:{host},{correction['date']}:correction/{correction['id']}",
                updated=day_start_utc(correction["date"]),
                title=f"Correction: {title}",
                link=f"{site_url}{page_url(CORRECTIONS_PAGE)}#{correction['id']}",
                summary=(
                    f"{correction['says']} Before, the page said: {correction['said']} {correction['why']}"
                ),
            )
        )
    changes = sorted(page_changes(docs_dir), key=lambda change: change.when, reverse=True)
    for change in changes[:MAX_PAGE_ENTRIES]:
        meta = _meta(docs_dir, change.page)
        title = str(meta.get("title") or change.page)
        description = str(meta.get("description") or "")
        what = "New page" if change.new else f"Updated page ({change.lines} lines changed)"
        found.append(
            Entry(
                id=f"tag:{host},{change.when[:10]}:page/{change.page}/{change.commit[:12]}",
                updated=change.when,
                title=f"{what}: {title}",
                link=site_url + page_url(change.page),
                summary=f"{what}. {description}".strip(),
            )
        )
    found.sort(key=lambda entry: entry.updated, reverse=True)
    return found


def atom(docs_dir: pathlib.Path, site_url: str, site_name: str) -> str:
    """The feed as Atom 1.0 XML text."""
    site_url = site_url.rstrip("/") + "/"
    listed = entries(docs_dir, site_url)
    etree.register_namespace("", ATOM)
    feed = etree.Element(f"{{{ATOM}}}feed")

    def add(parent, tag, text=None, **attributes):
        element = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text
        return element

    add(feed, "id", site_url)
    add(feed, "title", f"{site_name}: changes and corrections")
    add(feed, "updated", listed[0].updated if listed else "1970-01-01T00:00:00Z")
    add(feed, "link", rel="self", type="application/atom+xml", href=site_url + FEED_PATH)
    add(feed, "link", rel="alternate", type="text/html", href=site_url)
    author = add(feed, "author")
    add(author, "name", site_name)
    for entry in listed:
        item = add(feed, "entry")
        add(item, "id", entry.id)
        add(item, "title", entry.title)
        add(item, "updated", entry.updated)
        add(item, "link", rel="alternate", type="text/html", href=entry.link)
        add(item, "summary", entry.summary)
    etree.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(feed, encoding="unicode") + "\n"


if __name__ == "__main__":
    site = sys.argv[1] if len(sys.argv) > 1 else "https://the-takedown-debate.github.io/site/"
    sys.stdout.write(atom(pathlib.Path("docs"), site, "The Takedown Debate"))
