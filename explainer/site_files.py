"""The build's extra files: the data downloads, feed.xml and the share cards.

Markdown extensions cannot add files to a build, so these come from one function that
needs neither MkDocs nor Zensical: the MkDocs hook (mkdocs_files.py) adds its files to
the build, and tools/zensical_build.py writes them into Zensical's finished site.
MkDocs keeps a generated file's content until the end of the build, so the hook gets
them as files in the project's .cache/ instead (cached_site_files): the downloads grow
with the data, and the cards with the pages.
"""

from __future__ import annotations

import functools
import hashlib
import pathlib
import shutil
from collections.abc import Callable

from . import cards, data, downloads, feed
from .cache_files import kept, write_whole

LOCAL_URL = "http://127.0.0.1:8000/"  # the feed's links when no site_url is set


def text_files(docs_dir: pathlib.Path, site_name: str, site_url: str) -> dict[str, Callable[[], str]]:
    """{path in the site: what makes its text}: the data downloads and the feed."""
    dataset = data.load(docs_dir / "data")
    files = {path: functools.partial(render, dataset) for path, render in downloads.FILES.items()}
    files[feed.FEED_PATH] = functools.partial(feed.atom, docs_dir, site_url or LOCAL_URL, site_name)
    return files


def site_files(docs_dir, site_name: str, site_url: str, card_cache: pathlib.Path) -> dict[str, str | bytes]:
    """{path in the site: content} for every extra file; cards are cached in card_cache."""
    docs_dir = pathlib.Path(docs_dir)
    files: dict[str, str | bytes] = {
        path: make() for path, make in text_files(docs_dir, site_name, site_url).items()
    }
    for card in cards.page_cards(docs_dir, site_name):
        files[card.path] = cards.render(card, card_cache)
    return files


def cached_site_files(
    docs_dir, site_name: str, site_url: str, cache: pathlib.Path
) -> dict[str, pathlib.Path]:
    """{path in the site: the file holding it} for every extra file: the feed written into
    cache/site-files/; the downloads, which come from the data alone, kept in a folder of
    cache/site-files/ named by the data's fingerprint (and made again only when it
    changes: at 10,000 events the timeline's took half a second a build); the cards as
    cached in cache/cards/."""
    docs_dir = pathlib.Path(docs_dir)
    fingerprint = data.load(docs_dir / "data").fingerprint
    folder = None  # where this data's downloads are kept, when the data has a fingerprint
    if fingerprint is not None:
        key = hashlib.sha256(f"{fingerprint}\n{site_name}\n{site_url}".encode()).hexdigest()[:32]
        folder = cache / "site-files" / "downloads-by-data" / key
    files = {}
    for path, make in text_files(docs_dir, site_name, site_url).items():
        if folder is not None and path in downloads.FILES:
            files[path] = kept(folder / path, lambda make=make: make().encode("utf-8"))
        else:
            files[path] = write_whole(cache / "site-files" / path, make().encode("utf-8"))
    if folder is not None:
        _remove_others(folder)
    for card in cards.page_cards(docs_dir, site_name):
        files[card.path] = cards.cached(card, cache / "cards")
    return files


def _remove_others(current: pathlib.Path) -> None:
    """Downloads kept for data that has since changed: only the current ones are needed."""
    for folder in current.parent.iterdir():
        if folder != current:
            shutil.rmtree(folder, ignore_errors=True)


def write_site_files(site_dir, docs_dir, site_name: str, site_url: str, card_cache) -> list[str]:
    """Write site_files() into a built site; returns their paths."""
    files = site_files(docs_dir, site_name, site_url, card_cache)
    for path, content in files.items():
        target = pathlib.Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return sorted(files)
