"""Which page is being rendered, for the extensions that link across pages.

Python-Markdown does not know the current file. MkDocs registers a 'relpath'
treeprocessor that holds it; Zensical registers a 'rendering_context' preprocessor.
This is the one place that reads either, so the rest of the package stays portable.
Outside both (unit tests, the checker) the page is the docs root's index.md.
"""

from __future__ import annotations

import dataclasses
import functools
import posixpath


@dataclasses.dataclass(frozen=True)
class PageInfo:
    src_path: str  # relative to docs_dir, with forward slashes, e.g. debate/watch-or-remove.md
    title: str | None = None  # the front matter's title, else the navigation's
    url: str | None = None  # absolute canonical URL when known
    description: str | None = None  # the front matter's description


def zensical_context(md):
    """Zensical's rendering-context preprocessor, or None outside Zensical."""
    for processor in md.preprocessors:
        if processor.__class__.__name__ == "ContextPreprocessor" and hasattr(processor, "page"):
            return processor
    return None


def current_page(md) -> PageInfo:
    relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
    if relpath is not None:  # MkDocs
        file = relpath.file
        page = getattr(file, "page", None)
        meta = getattr(page, "meta", None) or {}
        return PageInfo(
            file.src_uri,
            meta.get("title") or getattr(page, "title", None),
            getattr(page, "canonical_url", None),
            meta.get("description"),
        )
    context = zensical_context(md)
    if context is not None:
        page = context.page
        site_url = (getattr(context, "config", None) or {}).get("site_url") or ""
        url = site_url.rstrip("/") + "/" + page.url.lstrip("/") if site_url else None
        meta = getattr(page, "meta", None) or {}
        return PageInfo(
            page.path.replace("\\", "/"), meta.get("title") or page.title, url, meta.get("description")
        )
    return PageInfo(getattr(md, "explainer_page", "index.md"))


def link(md, target: str) -> str:
    """A link from the current page to target (a docs-relative .md path with optional #anchor).

    Both MkDocs and Zensical rewrite relative .md links to the built page's URL and
    check them; neither rewrites links that start with '/'.
    """
    return relative_link(current_page(md).src_path, target)


@functools.lru_cache(maxsize=65536)
def relative_link(here: str, target: str) -> str:
    """link() from the page here: memoised, as a page links to the same few pages many times."""
    path, _, anchor = target.partition("#")
    relative = "" if path == here else posixpath.relpath(path, posixpath.dirname(here) or ".")
    return relative + (f"#{anchor}" if anchor else "")
