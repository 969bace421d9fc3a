"""What the data blocks (timeline, sources, actors, figures, chart, glossary) share.

Each is a pymdownx `blocks` block whose body is YAML options, closed by `///`:

    /// timeline
    themes: [suspensions]
    ///

(pymdownx's indented header options work too.) Options are checked here against the
data, so a typo stops the build with the page, line and fix. pymdownx leaves a block
with a bad header as plain text; the guard below turns that silent failure into an error.

A block marks the title of each entry that site search should list on its own (a
timeline event, a source) with SEARCH_ENTRY. After the table of contents is built, that
title becomes an h3 holding its entry's id: Material's search makes a result of each
heading with an id, so a search leads to the entry, while the page's contents (and its
permalink icons) stay as they were.
"""

from __future__ import annotations

import pathlib
import xml.etree.ElementTree as etree

import yaml
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_any

from . import data
from .errors import ContentError, Problem, display_path, line_of
from .page_context import current_page

SEARCH_ENTRY = "data-search-entry"
BLOCK_NAMES = (
    "timeline",
    "sources",
    "actors",
    "figures",
    "figure-chart",
    "glossary",
    "corrections",
    "offline-copy",
)


class DataBlock(Block):
    """A block rendered from docs/data; subclasses set NAME, OPTIONS and render()."""

    ARGUMENT = False

    @classmethod
    def options(cls, *names):
        return {name: [None, type_any] for name in names}

    @property
    def docs_dir(self) -> pathlib.Path:
        return pathlib.Path(self.config["docs_dir"])

    @property
    def dataset(self) -> data.Dataset:
        return data.load(self.docs_dir / "data")

    def fail(self, message: str):
        path = self.docs_dir / current_page(self.md).src_path
        raise ContentError(
            [Problem(display_path(path), line_of(path, f"/// {self.NAME}"), f"/// {self.NAME}: {message}")]
        )

    def key_list(self, option: str, known, what: str) -> list[str] | None:
        """A list option checked against known keys; None when the option is absent."""
        value = self.options.get(option)
        if value is None:
            return None
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            self.fail(f"option '{option}' must be a list, such as {option}: [a, b]")
        unknown = [v for v in values if v not in known]
        if unknown:
            self.fail(
                f"unknown {what} '{unknown[0]}' in option '{option}'; use one of: {', '.join(sorted(known))}"
            )
        return values

    def on_markdown(self):
        return "raw"

    def on_create(self, parent):
        return etree.SubElement(parent, "div", {"class": f"explainer-{self.NAME}"})

    def on_end(self, block):
        self.options.update(self.body_options(block.text or ""))
        block.text = None
        self.render(block)

    def body_options(self, text: str) -> dict:
        """The block's body, read as YAML options; anything else is an error."""
        if not text.strip():
            return {}
        try:
            if data.first_anchor(str(text)):
                self.fail(
                    "its options use a YAML anchor or alias (&name, *name); write each value out in full"
                )
            options = yaml.load(str(text), Loader=data.YamlLoader)
        except yaml.YAMLError as error:
            self.fail(
                f"its options are not valid YAML ({getattr(error, 'problem', error)}); "
                "write one 'option: value' per line"
            )
        if not isinstance(options, dict):
            self.fail("its body must be options, one 'option: value' per line")
        unknown = sorted(set(options) - set(self.OPTIONS))
        if unknown:
            allowed = ", ".join(sorted(self.OPTIONS)) or "none"
            self.fail(f"unknown option '{unknown[0]}'; this block takes: {allowed}")
        return options

    def render(self, block):
        raise NotImplementedError


class UnparsedBlockGuard(Treeprocessor):
    """Fail when one of our blocks was left as text (pymdownx rejected its options)."""

    def __init__(self, md, docs_dir):
        super().__init__(md)
        self.docs_dir = pathlib.Path(docs_dir)

    def run(self, root):
        for paragraph in root.iter("p"):
            text = (paragraph.text or "").strip()
            name = text[3:].split(maxsplit=1)[0] if text.startswith("///") and len(text) > 3 else ""
            if name in BLOCK_NAMES:
                path = self.docs_dir / current_page(self.md).src_path
                raise ContentError(
                    [
                        Problem(
                            display_path(path),
                            line_of(path, f"/// {name}"),
                            f"/// {name}: the block was not recognised; check that "
                            "its options are spelled as documented in CONTRIBUTING.md "
                            "and that it ends with a line '///'",
                        )
                    ]
                )


class SearchEntryTreeprocessor(Treeprocessor):
    """Each SEARCH_ENTRY title becomes an h3 and takes its entry's id."""

    def run(self, root):
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in [e for e in root.iter() if SEARCH_ENTRY in e.attrib]:
            del element.attrib[SEARCH_ENTRY]
            element.tag = "h3"
            entry = parents[element]
            if entry.get("id"):
                element.set("id", entry.attrib.pop("id"))


class DataBlockExtension(BlocksExtension):
    """Registers one DataBlock subclass, given as BLOCK."""

    BLOCK: type[DataBlock]

    def __init__(self, **kwargs):
        self.config = {"docs_dir": ["docs", "The docs folder; its data/ holds the YAML files."]}
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md, block_mgr):
        block_mgr.register(self.BLOCK, self.getConfigs())
        md.treeprocessors.register(
            UnparsedBlockGuard(md, self.getConfig("docs_dir")), "explainer-block-guard", 21
        )
        # After toc (5): entry headings stay out of the table of contents.
        md.treeprocessors.register(SearchEntryTreeprocessor(md), "explainer-search-entries", 4.5)
