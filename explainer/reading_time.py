"""Reading time: how long each page takes to read, shown under its title.

One rate for the whole site, WORDS_PER_MINUTE. A page's words are counted from its
Markdown, so every page and every reading path (explainer/page_list.py) gets the same
answer whatever order pages are built in: the text outside front matter, fenced code and
`///` data blocks, without citations, HTML tags, link addresses and attribute lists.
Data blocks are left out because they are reference lists that readers scan, not read;
a page that shows a whole list (a block without `ids:`) says "plus the list below".
"""

from __future__ import annotations

import functools
import pathlib
import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from .errors import read_utf8
from .readability import WORD
from .usage import FRONT_MATTER, lines_outside_blocks

WORDS_PER_MINUTE = 200
# Blocks that list entries (data, or the argument map's arguments): without `ids:`, a whole list.
LIST_BLOCKS = ("timeline", "figures", "sources", "actors", "glossary", "corrections", "argument-map")

NOISE = [
    re.compile(r"\[@[^\]]*\]"),  # citations
    re.compile(r"\[fig:[^\]]*\]"),  # inline figures (a handful of words each)
    re.compile(r"\{[:#.][^}]*\}|\{ #[^}]*\}"),  # attribute lists
    re.compile(r"<[^>]*>"),  # HTML tags
    re.compile(r"\]\([^)]*\)"),  # link addresses (the link text stays)
    re.compile(r"^\*\[[^\]]*\]:.*$"),  # abbreviation definitions
]
BLOCK_START = re.compile(r"^\s*///\s*([a-z-]+)\s*$")


def page_words(text: str) -> int:
    """Words a reader reads in a page's Markdown (see the module's docstring)."""
    body = text[FRONT_MATTER.match(text).end() :] if FRONT_MATTER.match(text) else text
    count = 0
    for _, line in lines_outside_blocks(body):
        for pattern in NOISE:
            line = pattern.sub(" ", line)
        count += len(WORD.findall(line))
    return count


def has_list(text: str) -> bool:
    """True when the page shows a whole data list: a block with no `ids:` option."""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        match = BLOCK_START.match(line)
        if not match or match.group(1) not in LIST_BLOCKS:
            continue
        body = []
        for following in lines[number + 1 :]:
            if following.strip() == "///":
                break
            body.append(following)
        if not any(option.strip().startswith("ids:") for option in body):
            return True
    return False


def minutes(words: int) -> int:
    """Whole minutes at WORDS_PER_MINUTE, never less than one."""
    return max(1, round(words / WORDS_PER_MINUTE))


def label(minutes_: int) -> str:
    return f"{minutes_} min read"


@functools.lru_cache(maxsize=256)
def _page(path: pathlib.Path, stamp: int) -> tuple[int, bool]:
    text = read_utf8(path)
    return minutes(page_words(text)), has_list(text)


def page_minutes(docs_dir, src_path: str) -> tuple[int, bool]:
    """(minutes, shows a whole list) for a page given relative to docs_dir; re-read when it changes."""
    path = (pathlib.Path(docs_dir) / src_path).resolve()
    return _page(path, path.stat().st_mtime_ns)


class ReadingTimeTreeprocessor(Treeprocessor):
    """Adds 'N min read' after the page's title (its first h1)."""

    def __init__(self, md, site):
        super().__init__(md)
        self.site = site

    def run(self, root):
        page = self.site.page
        if not self.site.page_file.is_file():
            return
        count, shows_list = page_minutes(self.site.docs_dir, page.src_path)
        note = etree.Element("p", {"class": "reading-time", "data-search-exclude": ""})
        note.text = label(count) + (", plus the list below" if shows_list else "")
        children = list(root)
        title = next((i for i, child in enumerate(children) if child.tag == "h1"), None)
        root.insert(0 if title is None else title + 1, note)
