"""The site's one Markdown extension, `explainer` in mkdocs.yml: it registers every feature.

Each module renders one feature; this one puts them all into the Markdown pipeline, in
order, and is what they share (`site` below): the page being rendered, the docs folder
and the site's settings (from MkDocs or Zensical, see page_context.py), the data, and
the page's state (PageState), made afresh for every page.
"""

from __future__ import annotations

import dataclasses
import pathlib

from pymdownx.blocks import BlocksExtension

from . import data, page_context
from .actors import ActorsBlock
from .argument_map import ArgumentMapBlock
from .bibliography import SourcesBlock
from .blockbase import SearchEntryTreeprocessor, UnparsedBlockGuard
from .chart import FigureChartBlock
from .citations import CITATION_PATTERN, CitationInlineProcessor, CitationTreeprocessor
from .compact_html import CompactHtmlPostprocessor
from .corrections import CorrectionNote, CorrectionsBlock
from .deferred import DeferredHtmlTreeprocessor, DeferredTreeprocessor
from .errors import ContentError, Problem, display_path, line_of
from .figures import FIGURE_PATTERN, FigureInlineProcessor, FiguresBlock
from .glossary import GlossaryBlock, TooltipPlacesTreeprocessor
from .offline_copy import OfflineCopyBlock
from .page_footer import PageFooterTreeprocessor
from .page_list import PageListBlock
from .page_markup import PageMarkupGuard
from .reading_time import ReadingTimeTreeprocessor
from .search_terms import SearchTermsTreeprocessor
from .side_jump import SideJumpTreeprocessor
from .timeline import TimelineBlock

BLOCKS = (
    TimelineBlock,
    SourcesBlock,
    ActorsBlock,
    FiguresBlock,
    FigureChartBlock,
    GlossaryBlock,
    CorrectionsBlock,
    OfflineCopyBlock,
    ArgumentMapBlock,
    PageListBlock,
)


@dataclasses.dataclass
class PageState:
    """What rendering one page collects; the extension starts a new one for every page."""

    citation_problems: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (text, message)
    cited_keys: list[str] = dataclasses.field(default_factory=list)  # in order, for the JSON-LD
    dataset: data.Dataset | None = None  # loaded once per page, see ExplainerExtension.dataset
    deferred: list = dataclasses.field(default_factory=list)  # big parts kept aside (deferred.py)
    # A page links to the same few pages many times; kept for one page only, as a cache
    # across pages would hold every page's links until the end of the build.
    links: dict[tuple[str, str], str] = dataclasses.field(default_factory=dict)  # {(here, target): link}


class ExplainerExtension(BlocksExtension):
    def __init__(self, **kwargs):
        outside = "Only outside MkDocs and Zensical (unit tests, make check): "
        self.config = {
            "docs_dir": ["docs", outside + "the docs folder; its data/ holds the YAML files."],
            "page": ["index.md", outside + "the page being rendered, relative to docs_dir."],
            "site_name": ["", outside + "the site's name, as cited."],
            "site_url": ["", outside + "the published site's address."],
            "repo_url": ["", outside + "the repository whose issue form reports an error."],
        }
        super().__init__(**kwargs)
        self.state = PageState()

    def extendMarkdownBlocks(self, md, block_mgr):
        self.md = md
        md.registerExtension(self)  # so md.reset() resets the page state
        for block in BLOCKS:
            block_mgr.register(block, self)  # each block reads the site as its config
        # Before links (160-170), so [fig:id] and [@key] are never read as links; figures
        # before citations, after escapes (180).
        md.inlinePatterns.register(FigureInlineProcessor(FIGURE_PATTERN, md, self), "figure", 176)
        md.inlinePatterns.register(CitationInlineProcessor(CITATION_PATTERN, md, self), "citation", 175)
        # Before snippets (32) and raw HTML (20), so lines are the page's own: no script
        # or embed, on* attribute or javascript:/data: address (explainer/page_markup.py).
        md.preprocessors.register(PageMarkupGuard(md, self), "explainer-page-markup", 33)
        # Treeprocessors, highest priority first. After inline parsing (20):
        md.treeprocessors.register(UnparsedBlockGuard(md, self), "explainer-block-guard", 21)
        # Before toc (5), so the Sources list heading joins the contents:
        md.treeprocessors.register(CitationTreeprocessor(md, self), "citation-list", 10)
        # After the Sources list: the footer closes the page.
        md.treeprocessors.register(PageFooterTreeprocessor(md, self), "page-footer", 9)
        # After the blocks and inline parsing (20), before toc (5); the note is no heading.
        md.treeprocessors.register(ReadingTimeTreeprocessor(md, self), "reading-time", 8)
        # After attr_list (8) gives the headings their ids; the bar has no heading, so
        # running before or after toc (5) leaves the contents the same.
        md.treeprocessors.register(SideJumpTreeprocessor(md), "explainer-side-jump", 7)
        # After abbr (7) marks the terms, before toc (5) reads the headings.
        md.treeprocessors.register(TooltipPlacesTreeprocessor(md), "glossary-tooltip-places", 6)
        # Big generated parts (deferred.py): line breaks and MkDocs' anchors after the
        # glossary's steps (6), before toc and MkDocs' anchors (5).
        md.treeprocessors.register(DeferredTreeprocessor(md, self), "explainer-deferred", 5.5)
        # After toc (5): entry headings stay out of the table of contents.
        md.treeprocessors.register(SearchEntryTreeprocessor(md, self), "explainer-search-entries", 4.5)
        # After the citations are numbered, so the note's link is not renumbered.
        md.treeprocessors.register(CorrectionNote(md, self), "explainer-correction-note", 4)
        # Last: every other part of the page is in place, headings untouched.
        md.treeprocessors.register(SearchTermsTreeprocessor(md, self), "search-terms", 4)
        # After every step that reads the big parts, before unescape and MkDocs' links (0).
        md.treeprocessors.register(DeferredHtmlTreeprocessor(md, self), DeferredHtmlTreeprocessor.NAME, 0.5)
        # Last of all, after the raw HTML (30) and MkDocs' own steps: the page's final text.
        md.postprocessors.register(CompactHtmlPostprocessor(md), "explainer-compact-html", 0)
        page_context.exit_cleanly_on_error(md, ContentError)

    def reset(self):
        self.state = PageState()

    # What the features share -------------------------------------------------------------

    @property
    def host(self) -> page_context.Host | None:
        return page_context.host(self.md)

    def _setting(self, name: str):
        host = self.host
        return getattr(host, name) if host is not None else self.getConfig(name)

    @property
    def page(self) -> page_context.PageInfo:
        host = self.host
        return host.page if host is not None else page_context.PageInfo(self.getConfig("page"))

    @property
    def docs_dir(self) -> pathlib.Path:
        return pathlib.Path(self._setting("docs_dir"))

    @property
    def site_name(self) -> str:
        return self._setting("site_name")

    @property
    def site_url(self) -> str:
        return self._setting("site_url")

    @property
    def repo_url(self) -> str:
        return self._setting("repo_url")

    @property
    def dataset(self) -> data.Dataset:
        """The validated data (data.load caches it across pages while no file changes)."""
        if self.state.dataset is None:
            self.state.dataset = data.load(self.docs_dir / "data")
        return self.state.dataset

    def link(self, target: str) -> str:
        """A relative link from this page to target, a docs-relative .md path with optional #anchor."""
        key = (self.page.src_path, target)
        links = self.state.links
        if key not in links:
            links[key] = page_context.relative_link(*key)
        return links[key]

    @property
    def page_file(self) -> pathlib.Path:
        return self.docs_dir / self.page.src_path

    def problem(self, token: str, message: str) -> Problem:
        """A problem on this page, at the first line that contains token."""
        return Problem(display_path(self.page_file), line_of(self.page_file, token), message)

    def fail(self, token: str, message: str):
        raise ContentError([self.problem(token, message)])
