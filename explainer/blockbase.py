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

import dataclasses
import pathlib
import re
import textwrap
import xml.etree.ElementTree as etree

import yaml
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import get_frontmatter
from pymdownx.blocks.block import Block, type_any, type_html_attribute_dict

from . import data
from .deferred import iter_page
from .errors import ContentError, Problem, display_path, line_of, read_utf8

SEARCH_ENTRY = "data-search-entry"
# Every block of ours by name: each DataBlock subclass adds itself when its module is
# imported (explainer.extension imports them all), so the names live only on the classes.
BLOCK_NAMES: dict[str, type] = {}


def header_line(path: pathlib.Path, name: str, occurrence: int) -> int | None:
    """The line of the page's n-th `/// name` block (n = occurrence, from 1)."""
    try:
        uses = [use for use in block_uses(read_utf8(path)) if use.name == name]
    except ContentError:
        uses = []
    return uses[occurrence - 1].line if len(uses) >= occurrence else line_of(path, f"/// {name}")


class OptionError(ValueError):
    """A block's options are wrong; the message says what to write instead."""


def key_list(options: dict, option: str, known, what: str) -> list[str] | None:
    """A list option checked against known keys; None when the option is absent."""
    value = options.get(option)
    if value is None:
        return None
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise OptionError(f"option '{option}' must be a list, such as {option}: [a, b]")
    unknown = [v for v in values if v not in known]
    if unknown:
        raise OptionError(
            f"unknown {what} '{unknown[0]}' in option '{option}'; use one of: {', '.join(sorted(known))}"
        )
    return values


def body_options(text: str, allowed) -> dict:
    """A block's body, read as YAML options; anything else is an OptionError."""
    if not text.strip():
        return {}
    try:
        if data.first_anchor(str(text)):
            raise OptionError(
                "its options use a YAML anchor or alias (&name, *name); write each value out in full"
            )
        options = yaml.load(str(text), Loader=data.YamlLoader)
    except yaml.YAMLError as error:
        raise OptionError(
            f"its options are not valid YAML ({getattr(error, 'problem', error)}); "
            "write one 'option: value' per line"
        ) from None
    if not isinstance(options, dict):
        raise OptionError("its body must be options, one 'option: value' per line")
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise OptionError(
            f"unknown option '{unknown[0]}'; this block takes: {', '.join(sorted(allowed)) or 'none'}"
        )
    return options


UNRECOGNISED = (
    "the block was not recognised; check that its options are spelled as documented in "
    "CONTRIBUTING.md and that it ends with a line '///'"
)


@dataclasses.dataclass(frozen=True)
class BlockUse:
    """One `/// name` block of ours as written in a page, for `make check`."""

    name: str
    line: int  # of the `/// name` header, in the page file
    argument: str | None  # after `|` in the header (ours take none)
    header: dict | None  # pymdownx's indented header options; None when they are not YAML
    body: str


HEADER = re.compile(r"^([ ]*)(/{3,})[ ]*([\w-]+)[ ]*(?:\|[ ]*(.*?)[ ]*)?$")  # pymdownx's RE_START
CODE_FENCE = re.compile(r"^[ ]*(`{3,}|~{3,})")


def block_uses(text: str, first_line: int = 1) -> list[BlockUse]:
    """Every block of ours in a page's Markdown (outside fenced code), with its header line."""
    lines, uses, fence, index = text.split("\n"), [], None, 0
    while index < len(lines):
        line, index = lines[index], index + 1
        if fence:
            fence = None if line.strip().startswith(fence) and not line.strip(fence[0] + " ") else fence
            continue
        if match := CODE_FENCE.match(line):
            fence = match.group(1)
            continue
        match = HEADER.match(line)
        if not match or match.group(3).lower() not in BLOCK_NAMES:
            continue
        indent, slashes, start = len(match.group(1)), match.group(2), index
        header_lines = []
        while index < len(lines) and re.match(r"[ ]{4,}\S", lines[index][indent:]):
            header_lines.append(lines[index][indent:])
            index += 1
        header = get_frontmatter(textwrap.dedent("\n".join(header_lines))) if header_lines else {}
        body = []
        while index < len(lines) and lines[index].strip() != slashes:
            body.append(lines[index][indent:])
            index += 1
        index += 1  # the closing line
        uses.append(
            BlockUse(match.group(3).lower(), first_line + start - 1, match.group(4), header, "\n".join(body))
        )
    return uses


class DataBlock(Block):
    """A block rendered from docs/data; subclasses set NAME, OPTIONS, check_options() and render().

    check_options() is pure (options, data and docs folder in, what render() needs out,
    OptionError on a mistake): the block calls it before rendering, and `make check`
    calls the same function without rendering, so both report the same message.
    """

    ARGUMENT = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        BLOCK_NAMES[cls.NAME] = cls

    @classmethod
    def options(cls, *names):
        return {name: [None, type_any] for name in names}

    @staticmethod
    def check_options(options: dict, dataset: data.Dataset, docs_dir: pathlib.Path):
        """What render() needs from the options (self.checked); raises OptionError."""
        return None

    @classmethod
    def check_use(cls, argument, header: dict | None, body: str, dataset, docs_dir):
        """What the block does with one use on a page, without rendering: pymdownx's own test
        of the header (else the block is left as text), then the body, then check_options()."""
        spec = {**cls.OPTIONS, "attrs": ({}, type_html_attribute_dict)}
        if argument or header is None or set(header) - set(spec):
            raise OptionError(UNRECOGNISED)
        try:
            options = {name: spec[name][1](value) for name, value in header.items()}
        except Exception:  # pymdownx leaves the block as text on any parser error
            raise OptionError(UNRECOGNISED) from None
        options = {**{name: default for name, (default, _) in cls.OPTIONS.items()}, **options}
        options.update(body_options(body, cls.OPTIONS))
        return cls.check_options(options, dataset, docs_dir)

    @property
    def site(self):
        """The entry extension (explainer/extension.py), given to each block as its config."""
        return self.config

    @property
    def docs_dir(self) -> pathlib.Path:
        return self.site.docs_dir

    @property
    def dataset(self) -> data.Dataset:
        return self.site.dataset

    def on_init(self):
        # pymdownx makes one instance per header it meets, in page order, and keeps the
        # tracker for the page: the count says which of the page's blocks this is.
        self.tracker["seen"] = self.occurrence = self.tracker.get("seen", 0) + 1

    def _validate(self, parent, arg, **options) -> bool:
        accepted = super()._validate(parent, arg, **options)
        if not accepted:  # left as text; UnparsedBlockGuard reports it at this line
            self.tracker.setdefault("rejected", []).append(self.occurrence)
        return accepted

    def fail(self, message: str):
        path = self.site.page_file
        line = header_line(path, self.NAME, self.occurrence)
        raise ContentError([Problem(display_path(path), line, f"/// {self.NAME}: {message}")])

    def on_markdown(self):
        return "raw"

    def on_create(self, parent):
        return etree.SubElement(parent, "div", {"class": f"explainer-{self.NAME}"})

    def on_end(self, block):
        try:
            self.options.update(body_options(block.text or "", self.OPTIONS))
            self.checked = self.check_options(self.options, self.dataset, self.docs_dir)
        except OptionError as error:
            self.fail(str(error))
        block.text = None
        self.render(block)

    def render(self, block):
        raise NotImplementedError


class UnparsedBlockGuard(Treeprocessor):
    """Fail when one of our blocks was left as text (pymdownx rejected its options)."""

    def __init__(self, md, site):
        super().__init__(md)
        self.site = site

    def run(self, root):
        for paragraph in root.iter("p"):
            text = (paragraph.text or "").strip()
            name = text[3:].split(maxsplit=1)[0] if text.startswith("///") and len(text) > 3 else ""
            if name in BLOCK_NAMES:
                path = self.site.page_file
                blocks = self.md.parser.blockprocessors["blocks"]
                rejected = blocks.trackers.get(name, {}).get("rejected", [1])
                raise ContentError(
                    [
                        Problem(
                            display_path(path),
                            header_line(path, name, rejected[0]),
                            f"/// {name}: {UNRECOGNISED}",
                        )
                    ]
                )


class SearchEntryTreeprocessor(Treeprocessor):
    """Each SEARCH_ENTRY title becomes an h3 and takes its entry's id."""

    def __init__(self, md, site):
        super().__init__(md)
        self.site = site

    def run(self, root):
        for entry in iter_page(root, self.site):
            for element in entry:
                if SEARCH_ENTRY in element.attrib:
                    del element.attrib[SEARCH_ENTRY]
                    element.tag = "h3"
                    if entry.get("id"):
                        element.set("id", entry.attrib.pop("id"))
