"""Citations: `[@key]`, `[@key, p. 12]` and `[@a; @b]` become numbered links.

Numbers follow first use on the page. A "Sources" list, formatted from
docs/data/sources.yml, is appended to the end of every page that cites anything; each
entry links to the source itself (when it has a verified address) and to its full
entry on the Sources page. An unknown key stops the build
with the page, line and key.
"""

from __future__ import annotations

import pathlib
import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from . import data
from .errors import ContentError, Problem, display_path, exit_cleanly_on_error, line_of
from .formatting import reference_text
from .page_context import current_page, link, zensical_context
from .text import data_text

CITATION_PATTERN = r"\[@([^\]\n]+)\]"
CITE_KEY = re.compile(r"^@([a-z0-9]+(?:-[a-z0-9]+)*)(?:\s*,\s*(.+))?$")
SOURCES_PAGE = "sources.md"
LIST_ID = "sources-on-this-page"
KEY_ATTRIBUTE = "data-cite-key"


FENCED_CODE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
CODE_SPAN = re.compile(r"(`+).+?\1", re.S)


def cited_in(text: str) -> list[tuple[str, str | None]]:
    """Every (key, locator) cited in Markdown text, in order, outside code; malformed ones skipped.

    The one scanner for citations outside rendering: the usage index and the quotation
    check read pages with it, so code that shows `[@key]` as an example is never a citation.
    """
    cited = []
    for match in re.finditer(CITATION_PATTERN, CODE_SPAN.sub("", FENCED_CODE.sub("", text))):
        try:
            cited += parse_citation("@" + match.group(1))
        except ValueError:
            continue
    return cited


def parse_citation(text: str) -> list[tuple[str, str | None]]:
    """'@a, p. 3; @b' -> [('a', 'p. 3'), ('b', None)]; raises ValueError on a malformed part."""
    cited = []
    for part in text.split(";"):
        match = CITE_KEY.match(part.strip())
        if not match:
            raise ValueError(part.strip())
        cited.append((match.group(1), match.group(2)))
    return cited


def citation_element(cited: list[tuple[str, str | None]]) -> etree.Element:
    """A placeholder <sup> for one citation group; the treeprocessor numbers it."""
    sup = etree.Element("sup", {"class": "citation"})
    for key, locator in cited:
        anchor = etree.SubElement(sup, "a", {KEY_ATTRIBUTE: key})
        if locator:
            anchor.set("data-cite-locator", locator)
    return sup


class CitationInlineProcessor(InlineProcessor):
    def handleMatch(self, match, data_text):
        try:
            cited = parse_citation("@" + match.group(1))
        except ValueError as error:
            self.md.explainer_citation_problems.append(
                (
                    match.group(0),
                    f"malformed citation "
                    f"'{match.group(0)}' (at '{error}'); write [@key], [@key, p. 12] or [@a; @b]",
                )
            )
            cited = []
        return citation_element(cited), match.start(0), match.end(0)


class CitationTreeprocessor(Treeprocessor):
    """Number citations in reading order, check their keys, and append the Sources list."""

    def __init__(self, md, docs_dir: pathlib.Path):
        super().__init__(md)
        self.docs_dir = docs_dir

    def run(self, root):
        dataset = data.load(self.docs_dir / "data")
        page = current_page(self.md)
        problems = [(token, message) for token, message in self.md.explainer_citation_problems]
        numbers: dict[str, int] = {}
        for anchor in list(root.iter("a")):
            key = anchor.attrib.pop(KEY_ATTRIBUTE, None)
            if key is None:
                continue
            locator = anchor.attrib.pop("data-cite-locator", None)
            if key not in dataset.sources:
                problems.append(
                    (
                        f"@{key}",
                        f"unknown source key '{key}'; known keys are listed in "
                        f"{display_path(dataset.data_dir / 'sources.yml')}",
                    )
                )
                continue
            number = numbers.setdefault(key, len(numbers) + 1)
            # No title attribute: Material's tooltips on ~50 citations per page cost mobile
            # Lighthouse 3-4 points of Performance (measured); the Sources list is one tap away.
            anchor.set("href", f"#source-{key}")
            anchor.text = f"{number}, {locator}" if locator else str(number)
        self._bracket(root)
        if problems:
            path = self.docs_dir / page.src_path
            raise ContentError(
                [Problem(display_path(path), line_of(path, token), message) for token, message in problems]
            )
        self.md.explainer_cited_keys = list(numbers)  # for the page's JSON-LD (page_footer)
        if numbers:
            root.append(self.sources_list(dataset, numbers))

    @staticmethod
    def _bracket(root):
        """Write each group as [1, 3] with the numbers as separate links."""
        for sup in root.iter("sup"):
            if sup.get("class") != "citation":
                continue
            anchors = list(sup)
            if not anchors:
                continue
            sup.text = "["
            for anchor in anchors[:-1]:
                anchor.tail = ", "
            anchors[-1].tail = "]"

    def sources_list(self, dataset, numbers) -> etree.Element:
        # Out of the search index, heading and all: every page repeats its sources, and
        # each source has its own entry on the Sources page.
        section = etree.Element(
            "section", {"class": "page-sources", "aria-labelledby": LIST_ID, "data-search-exclude": ""}
        )
        heading = etree.SubElement(section, "h2", {"id": LIST_ID, "data-search-exclude": ""})
        heading.text = "Sources"
        ordered = etree.SubElement(section, "ol")
        for key in numbers:
            source = dataset.sources[key]
            item = etree.SubElement(ordered, "li", {"id": f"source-{key}"})
            item.text = data_text(
                self.md, reference_text(source) + " "
            )  # a reference, not prose: no tooltips
            if source.get("url"):  # printed with its address (site.css)
                read = etree.SubElement(item, "a", {"href": source["url"], "rel": "noopener"})
                read.text = "Read the source"
                read.tail = " · "
            full = etree.SubElement(item, "a", {"href": link(self.md, f"{SOURCES_PAGE}#{key}")})
            full.text = "Full entry"
        return section


class CitationExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"docs_dir": ["docs", "The docs folder; its data/ holds sources.yml."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        self.md = md
        md.registerExtension(self)
        md.explainer_citation_problems = []
        md.explainer_cited_keys = []
        docs_dir = pathlib.Path(self.getConfig("docs_dir"))
        # After escapes (180), before links (160-170), so [@key] is never read as a link.
        md.inlinePatterns.register(CitationInlineProcessor(CITATION_PATTERN, md), "citation", 175)
        # After inline parsing (20), before toc (5), so the list heading joins the contents.
        md.treeprocessors.register(CitationTreeprocessor(md, docs_dir), "citation-list", 10)
        if zensical_context(md) is not None:
            exit_cleanly_on_error(md)

    def reset(self):
        self.md.explainer_citation_problems = []
        self.md.explainer_cited_keys = []


def makeExtension(**kwargs):
    return CitationExtension(**kwargs)
