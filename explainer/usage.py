"""Which pages cite which sources, for the Sources page's "Cited on" links.

Reads every Markdown page under docs/ (not the generated HTML), so it gives the same
answer under MkDocs, Zensical and the checker, whatever order pages are built in.
"""

from __future__ import annotations

import functools
import pathlib
import re

import yaml

from .citations import CITATION_PATTERN, parse_citation

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
SKIPPED_FOLDERS = ("includes/", "data/")


def page_files(docs_dir: pathlib.Path) -> list[pathlib.Path]:
    """Every page the site builds, in a stable order."""
    return sorted(
        path
        for path in docs_dir.rglob("*.md")
        if not path.relative_to(docs_dir).as_posix().startswith(SKIPPED_FOLDERS)
    )


def front_matter(text: str) -> dict:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def cited_keys(text: str) -> list[str]:
    """Keys cited in a page's Markdown, in order of first use, ignoring fenced code."""
    keys = []
    for match in re.finditer(CITATION_PATTERN, FENCE.sub("", text)):
        try:
            cited = parse_citation("@" + match.group(1))
        except ValueError:
            continue
        keys += [key for key, _ in cited if key not in keys]
    return keys


@functools.lru_cache(maxsize=4)
def _index(docs_dir: pathlib.Path, stamp: tuple) -> dict[str, list[tuple[str, str]]]:
    citing: dict[str, list[tuple[str, str]]] = {}
    for path in page_files(docs_dir):
        text = path.read_text(encoding="utf-8")
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
