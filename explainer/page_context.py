"""The one module that knows whether MkDocs or Zensical runs the Markdown.

Python-Markdown does not know the current file or the site. MkDocs registers a
'relpath' treeprocessor that holds the page's file and the site's config; Zensical
registers a 'rendering_context' preprocessor that holds the page and its config. This
module reads either, so the rest of the package stays portable. Outside both (unit
tests, the checker) `host()` is None and the entry extension's own options stand in.
"""

from __future__ import annotations

import dataclasses
import os
import pathlib
import posixpath
import sys

try:  # MkDocs prints a BuildError's message without a traceback.
    from mkdocs.exceptions import BuildError as ReportedError
except ImportError:  # Zensical, or the checker without MkDocs installed.
    ReportedError = Exception


@dataclasses.dataclass(frozen=True)
class PageInfo:
    src_path: str  # relative to docs_dir, with forward slashes, e.g. debate/watch-or-remove.md
    title: str | None = None  # the front matter's title, else the navigation's
    url: str | None = None  # absolute canonical URL when known
    description: str | None = None  # the front matter's description


@dataclasses.dataclass(frozen=True)
class Host:
    """What MkDocs or Zensical knows and the extensions need: the page and the site's settings."""

    page: PageInfo
    docs_dir: pathlib.Path
    site_name: str
    site_url: str
    repo_url: str


def _zensical_context(md):
    for processor in md.preprocessors:
        if processor.__class__.__name__ == "ContextPreprocessor" and hasattr(processor, "page"):
            return processor
    return None


def host(md) -> Host | None:
    """The page and site settings from MkDocs or Zensical; None outside both.

    Kept on md for as long as the host's page object is the same: a big page asks for
    it once per link (thousands of times), and building it each time cost seconds."""
    relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
    context = _zensical_context(md) if relpath is None else None
    page = relpath.file if relpath is not None else getattr(context, "page", None)
    cached = getattr(md, "_explainer_host", None)
    if cached is not None and page is not None and cached[0] is page:
        return cached[1]
    found = _host(relpath, context)
    md._explainer_host = (page, found)
    return found


def _host(relpath, context) -> Host | None:
    if relpath is not None:  # MkDocs
        file, config = relpath.file, relpath.config
        page = getattr(file, "page", None)
        meta = getattr(page, "meta", None) or {}
        info = PageInfo(
            file.src_uri,
            meta.get("title") or getattr(page, "title", None),
            getattr(page, "canonical_url", None),
            meta.get("description"),
        )
        return Host(
            info,
            pathlib.Path(config["docs_dir"]),
            config["site_name"] or "",
            config["site_url"] or "",
            config["repo_url"] or "",
        )
    if context is not None:
        page, config = context.page, context.config or {}
        site_url = config.get("site_url") or ""
        url = site_url.rstrip("/") + "/" + page.url.lstrip("/") if site_url else None
        meta = getattr(page, "meta", None) or {}
        info = PageInfo(
            page.path.replace("\\", "/"), meta.get("title") or page.title, url, meta.get("description")
        )
        docs_dir = pathlib.Path(config.get("root_dir") or ".") / config.get("docs_dir", "docs")
        return Host(
            info,
            docs_dir,
            config.get("site_name") or "",
            site_url,
            config.get("repo_url") or "",
        )
    return None


def relative_link(here: str, target: str) -> str:
    """A link from page `here` to target (a docs-relative .md path with optional #anchor).

    Both MkDocs and Zensical rewrite relative .md links to the built page's URL and
    check them; neither rewrites links that start with '/'. The page's links are
    memoised for the page (ExplainerExtension.link).
    """
    path, _, anchor = target.partition("#")
    relative = "" if path == here else _relative_path(path, posixpath.dirname(here))
    return relative + (f"#{anchor}" if anchor else "")


def _relative_path(path: str, start: str) -> str:
    """posixpath.relpath for two docs-relative paths, without the working folder it looks up
    on every call (most of the cost of a page's links on a big site)."""
    parts, base = path.split("/"), start.split("/") if start else []
    if ".." in parts or ".." in base or "." in parts or "." in base or "" in parts or "" in base:
        return posixpath.relpath(path, start or ".")
    common = 0
    while common < min(len(parts), len(base)) and parts[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def exit_cleanly_on_error(md, error_type: type[Exception]) -> None:
    """Make an error_type stop the build with its own lines, never a traceback.

    MkDocs needs nothing: it prints a BuildError's (ReportedError's) message itself.
    Zensical reports any Python exception from rendering with a traceback, so there this
    instance's convert() prints our message and ends the process with status 1.
    """
    if _zensical_context(md) is None:
        return
    convert = md.convert

    def guarded(source: str) -> str:
        try:
            return convert(source)
        except error_type as error:
            print(error, file=sys.stderr, flush=True)
            sys.stdout.flush()
            os._exit(1)

    md.convert = guarded
