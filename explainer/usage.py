"""Which pages cite which sources, for the Sources page's "Cited on" links.

Reads every Markdown page under docs/ (not the generated HTML), so it gives the same
answer under MkDocs, Zensical and the checker, whatever order pages are built in.
"""

from __future__ import annotations

import functools
import pathlib
import re

import yaml

from .citations import cited_in
from .data import YamlLoader, first_anchor
from .errors import ContentError, read_utf8

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
SKIPPED_FOLDERS = ("includes/", "data/")


def page_files(docs_dir: pathlib.Path) -> list[pathlib.Path]:
    """Every page the site builds, in a stable order."""
    return sorted(
        path
        for path in docs_dir.rglob("*.md")
        if not path.relative_to(docs_dir).as_posix().startswith(SKIPPED_FOLDERS)
    )


def front_matter(text: str) -> dict:
    """A page's front matter as a dict; {} when it is missing, not YAML, or uses anchors."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}
    try:
        if first_anchor(match.group(1)):
            return {}
        meta = yaml.load(match.group(1), Loader=YamlLoader)
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


BLOCK_FENCE = re.compile(r"^\s*(```|~~~|///)")


def lines_outside_blocks(text: str, first_number: int = 1):
    """(line number, line) for each line of Markdown outside fenced code and /// blocks:
    what a reader reads as text, for the quotation and reading-level checks."""
    fence = None
    for number, line in enumerate(text.splitlines(), first_number):
        match = BLOCK_FENCE.match(line)
        if fence:
            if match and match.group(1) == fence and not line.strip()[len(fence) :].strip():
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        yield number, line


def cited_keys(text: str) -> list[str]:
    """Keys cited in a page's Markdown, in order of first use, ignoring code."""
    return list(dict.fromkeys(key for key, _ in cited_in(text)))


@functools.lru_cache(maxsize=4)
def _index(docs_dir: pathlib.Path, stamp: tuple) -> dict[str, list[tuple[str, str]]]:
    citing: dict[str, list[tuple[str, str]]] = {}
    for path in page_files(docs_dir):
        try:
            text = read_utf8(path)
        except ContentError:  # `make check` names the file; here it just cites nothing
            continue
        src = path.relative_to(docs_dir).as_posix()
        title = str(front_matter(text).get("title") or src)
        for key in cited_keys(text):
            citing.setdefault(key, []).append((src, title))
    return citing


def citing_pages(docs_dir) -> dict[str, list[tuple[str, str]]]:
    """{source key: [(page path, page title), ...]}, re-read when a page changes."""
    docs_dir = pathlib.Path(docs_dir).resolve()
    stamp = tuple((p.as_posix(), p.stat().st_mtime_ns) for p in page_files(docs_dir))
    return _index(docs_dir, stamp)
