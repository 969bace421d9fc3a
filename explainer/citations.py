"""Citations: `[@key]`, `[@key, p. 12]` and `[@a; @b]` become numbered links.

Numbers follow first use on the page. Each citation is one link, `[3]` (Wikipedia's one
bracket style), with an id of its own (cite-1, cite-2… in reading order); citations side
by side form one group, sorted by number: [1][8][9]. A "Sources" list, formatted from
docs/data/sources.yml, is appended to the end of every page that cites anything; each
entry links back to the places it is cited (↑ or ↑ a b c), to the source itself (when it
has a verified address) and to its full entry on the Sources page, and carries its type
and reliability note (hidden: site.js shows the entry as a preview beside a citation).
An unknown key stops the build with the page, line and key.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from .deferred import iter_page
from .errors import ContentError, display_path
from .formatting import append_text, as_sentence, reference_text
from .text import data_text

CITATION_PATTERN = r"\[@([^\]\n]+)\]"
CITE_KEY = re.compile(r"^@([a-z0-9]+(?:-[a-z0-9]+)*)(?:\s*,\s*(.+))?$")
SOURCES_PAGE = "sources.md"
LIST_ID = "sources-on-this-page"
KEY_ATTRIBUTE = "data-cite-key"
CITE_CLASS = "cite"
RUN_CLASS = "cite cite--run"  # a citation with another right after it (site.css)
GROUP_TAG = "cite-group"  # a placeholder for one [@a; @b], unwrapped when numbered


FENCED_CODE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
CODE_SPAN = re.compile(r"(`+).+?\1", re.S)


def outside_code(text: str) -> str:
    """Markdown text without fenced code and code spans, where nothing is a citation or a figure."""
    return CODE_SPAN.sub("", FENCED_CODE.sub("", text))


def cited_in(text: str) -> list[tuple[str, str | None]]:
    """Every (key, locator) cited in Markdown text, in order, outside code; malformed ones skipped.

    The one scanner for citations outside rendering: the usage index, the quotation
    check and `make check` read pages with it, so code that shows `[@key]` as an example
    is never a citation.
    """
    cited = []
    for match in citation_matches(text):
        try:
            cited += parse_citation("@" + match.group(1))
        except ValueError:
            continue
    return cited


def citation_matches(text: str):
    """Each `[@...]` in Markdown text outside code, as a regex match."""
    return re.finditer(CITATION_PATTERN, outside_code(text))


def malformed_message(token: str, part: str) -> str:
    return f"malformed citation '{token}' (at '{part}'); write [@key], [@key, p. 12] or [@a; @b]"


def unknown_key_message(key: str, dataset) -> str:
    return (
        f"unknown source key '{key}'; known keys are listed in "
        f"{display_path(dataset.data_dir / 'sources.yml')}"
    )


def citation_problems(text: str, dataset) -> list[tuple[str, str]]:
    """(token, message) for each malformed citation and unknown key in a page's Markdown,
    as the renderer reports them (`make check` uses this without rendering)."""
    problems, unknown = [], []
    for match in citation_matches(text):
        try:
            cited = parse_citation("@" + match.group(1))
        except ValueError as error:
            problems.append((match.group(0), malformed_message(match.group(0), str(error))))
            continue
        unknown += [
            (f"@{key}", unknown_key_message(key, dataset)) for key, _ in cited if key not in dataset.sources
        ]
    return problems + unknown


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
    """A placeholder for one citation group; the treeprocessor numbers its links and
    puts them in its place (no wrapper: one element per citation)."""
    group = etree.Element(GROUP_TAG)
    for key, locator in cited:
        anchor = etree.SubElement(group, "a", {"class": CITE_CLASS, KEY_ATTRIBUTE: key})
        if locator:
            anchor.set("data-cite-locator", locator)
    return group


def citation_order(anchor: etree.Element) -> tuple[int, int, str]:
    """[1] before [1, p. 3] before [2]; a link left unnumbered (an unknown key) first."""
    number = re.match(r"\[(\d+)(\]?)", anchor.text or "")
    return (int(number.group(1)), not number.group(2), anchor.text) if number else (0, 0, "")


def back_link_label(index: int) -> str:
    """a, b, … z, aa, ab, …: Wikipedia's letters for the places a source is cited."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("a") + rest) + label
    return label


def source_type_label(source_type: str) -> str:
    return source_type[0].upper() + source_type[1:]


class CitationInlineProcessor(InlineProcessor):
    def __init__(self, pattern, md, site):
        super().__init__(pattern, md)
        self.site = site

    def handleMatch(self, match, data_text):
        try:
            cited = parse_citation("@" + match.group(1))
        except ValueError as error:
            self.site.state.citation_problems.append(
                (match.group(0), malformed_message(match.group(0), str(error)))
            )
            cited = []
        return citation_element(cited), match.start(0), match.end(0)


class CitationTreeprocessor(Treeprocessor):
    """Number citations in reading order, check their keys, and append the Sources list."""

    def __init__(self, md, site):
        super().__init__(md)
        self.site = site

    def run(self, root):
        dataset = self.site.dataset
        problems = list(self.site.state.citation_problems)
        numbers: dict[str, int] = {}
        for anchor in list(iter_page(root, self.site, "a")):
            key = anchor.attrib.pop(KEY_ATTRIBUTE, None)
            if key is None:
                continue
            locator = anchor.attrib.pop("data-cite-locator", None)
            if key not in dataset.sources:
                problems.append((f"@{key}", unknown_key_message(key, dataset)))
                continue
            number = numbers.setdefault(key, len(numbers) + 1)
            # No title attribute: Material's tooltips on ~50 citations per page cost mobile
            # Lighthouse 3-4 points of Performance (measured); site.js previews the source.
            anchor.set("href", f"#source-{key}")
            anchor.text = f"[{number}, {locator}]" if locator else f"[{number}]"
        places = self._group(root, self.site)
        if problems:
            raise ContentError([self.site.problem(token, message) for token, message in problems])
        self.site.state.cited_keys = list(numbers)  # for the page's JSON-LD (page_footer)
        if numbers:
            root.append(self.sources_list(dataset, numbers, places))

    @staticmethod
    def _group(root, site) -> dict[str, list[str]]:
        """Unwrap the placeholders: groups side by side (nothing but spaces between them)
        become one run of links sorted by number, [1][8][9]. Then each citation gets its
        id in reading order; returns {key: [citation ids]} for the back-links."""
        for parent in [element for element in iter_page(root, site) if element.find(GROUP_TAG) is not None]:
            children = list(parent)
            for child in children:
                parent.remove(child)
            rebuilt: list[etree.Element] = []
            run: list[etree.Element] = []  # the links of the group being built
            for index, child in enumerate(children):
                if child.tag != GROUP_TAG:
                    rebuilt.append(child)
                    continue
                run += list(child)
                following = children[index + 1] if index + 1 < len(children) else None
                if following is not None and following.tag == GROUP_TAG and not (child.tail or "").strip():
                    continue  # the next group joins this one
                run.sort(key=citation_order)
                # A citation hangs on the word before it, never alone at a line's start.
                if rebuilt and rebuilt[-1].tail and rebuilt[-1].tail[-1:].isspace():
                    rebuilt[-1].tail = rebuilt[-1].tail.rstrip()
                elif not rebuilt and parent.text and parent.text[-1:].isspace():
                    parent.text = parent.text.rstrip()
                for anchor in run:
                    anchor.tail = None
                    anchor.set("class", RUN_CLASS)
                if run:
                    run[-1].set("class", CITE_CLASS)
                    run[-1].tail = child.tail
                    rebuilt += run
                elif rebuilt:  # an empty (malformed) group: keep the text after it
                    rebuilt[-1].tail = (rebuilt[-1].tail or "") + (child.tail or "")
                else:
                    parent.text = (parent.text or "") + (child.tail or "")
                run = []
            parent.extend(rebuilt)
        places: dict[str, list[str]] = {}
        cited = (
            a
            for a in iter_page(root, site, "a")
            if a.get("class") in (CITE_CLASS, RUN_CLASS) and a.get("href")
        )
        for number, anchor in enumerate(cited, 1):
            anchor.set("id", f"cite-{number}")
            places.setdefault(anchor.get("href").removeprefix("#source-"), []).append(f"cite-{number}")
        return places

    @staticmethod
    def back_links(item, ids: list[str]):
        """↑ (one place) or ↑ a b c (several), each a link back to a citation in the text."""
        if len(ids) == 1:
            back = etree.SubElement(
                item,
                "a",
                {"class": "source-backlinks", "href": f"#{ids[0]}", "aria-label": "Back to the citation"},
            )
            back.text = "↑"
            back.tail = " "
            return
        span = etree.SubElement(item, "span", {"class": "source-backlinks"})
        span.text = "↑ "
        for index, cite_id in enumerate(ids):
            letter = back_link_label(index)
            back = etree.SubElement(
                span, "a", {"href": f"#{cite_id}", "aria-label": f"Back to citation {letter}"}
            )
            back.text = letter
            back.tail = " " if index < len(ids) - 1 else None
        span.tail = " "

    def sources_list(self, dataset, numbers, places) -> etree.Element:
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
            self.back_links(item, places.get(key, []))
            # A reference, not prose: no tooltips.
            append_text(self.md, item, reference_text(source) + " ")
            # What the preview adds to the reference (site.js): the type and how far to trust it.
            note = etree.SubElement(item, "span", {"class": "source-note", "hidden": ""})
            note.text = data_text(
                self.md,
                f"{source_type_label(source['type'])}. Reliability: {as_sentence(source['reliability'])}",
            )
            note.tail = " "
            if source.get("url"):  # printed with its address (site.css)
                read = etree.SubElement(item, "a", {"href": source["url"], "rel": "noopener"})
                read.text = "Read the source"
                read.tail = " · "
            full = etree.SubElement(item, "a", {"href": self.site.link(f"{SOURCES_PAGE}#{key}")})
            full.text = "Full entry"
        return section
