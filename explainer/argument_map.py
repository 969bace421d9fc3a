"""The Argument map page: `/// argument-map` lists every question, its sides and their arguments.

The map is read from the debate pages themselves, never kept by hand: the questions in
the order docs/debate/index.md lists them, each page's sides (`### Side { #side-… }`
inside `<section class="side">`) and arguments (`#### Argument { #arg-… .voice-… }`).
For each argument it shows:

- who argues it (the page's "Argued by:" line) and the kind of voice, from the
  heading's class: an independent voice, a party to the dispute, both, or an unnamed source;
- the kinds of evidence behind it, from the types of the sources and figures it cites;
- a link to the argument on its page.

A filter (site.js) shows only the arguments backed by independent evidence.
"""

from __future__ import annotations

import dataclasses
import pathlib
import re
import xml.etree.ElementTree as etree

from . import vocabulary
from .blockbase import DataBlock
from .citations import cited_in
from .errors import ContentError, Problem, display_path, line_of, read_utf8
from .figures import FIGURE_PATTERN, type_label
from .formatting import TYPE_LABEL
from .text import data_text

DEBATE_INDEX = "debate/index.md"
QUESTION_LINK = re.compile(r"^## \[(.+?)\]\(([a-z0-9-]+\.md)\)\s*$", re.M)
SIDE_HEADING = re.compile(r"^### (.+?) \{ #(side-[a-z0-9-]+) \}\s*$")
ARGUMENT_HEADING = re.compile(r"^#### (.+?) \{ #(arg-[a-z0-9-]+)(?: \.voice-([a-z]+))? \}\s*$")
ARGUED_BY = re.compile(r"^\*\*(Argued by|Noted by):\*\*\s*(.+)$")
CITATION = re.compile(r"\s*\[@[^\]]*\]")

# The kinds of voice an argument heading may name, as `.voice-KIND`, with their labels.
VOICES = {
    "independent": "Independent voice",
    "party": "Party to the dispute",
    "mixed": "Parties and independent voices",
    "unnamed": "Unnamed source",
}
# What kind of evidence each source type gives. `make check` names a schema type this
# lacks, which counts meanwhile as a claim, never as independent evidence. A party's own
# words relayed by the press are its claim.
EVIDENCE_OF_SOURCE_TYPE = {
    "news report": "press report",
    "feature": "press report",
    "interview/profile": "press report",
    "opinion": "press report",
    "blog post": "press report",
    "reference work": "press report",
    "press release": "press report",
    "research report": "research estimate",
    "journal article": "research estimate",
    "government document": "government statement",
    "platform statement": "platform statement",
}


def evidence_of(source: dict) -> str:
    """The source's own `evidence` where its type would mislabel it, else its type's kind."""
    return source.get("evidence") or EVIDENCE_OF_SOURCE_TYPE.get(source["type"], "claim")


# Evidence from someone with no stake in the dispute; the filter keeps arguments with it.
INDEPENDENT_EVIDENCE = ("research estimate", "press report")


@dataclasses.dataclass
class Argument:
    anchor: str
    title: str
    voice: str
    evidence: list[str]
    speakers: dict[str, str] = dataclasses.field(default_factory=dict)  # "Argued by"/"Noted by" line

    @property
    def argued_label(self) -> str:
        """ "Argued by", or "Noted by" when the page names no one arguing it."""
        return "Argued by" if "Argued by" in self.speakers or not self.speakers else "Noted by"

    @property
    def argued_by(self) -> str:
        return self.speakers.get(self.argued_label, "")

    @property
    def independent_evidence(self) -> bool:
        return any(kind in INDEPENDENT_EVIDENCE for kind in self.evidence)


@dataclasses.dataclass
class Side:
    anchor: str
    title: str
    arguments: list[Argument] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Question:
    page: str  # docs-relative, e.g. debate/watch-or-remove.md
    title: str
    sides: list[Side] = dataclasses.field(default_factory=list)


def evidence_kinds(text: str, voice: str, dataset) -> list[str]:
    """The kinds of evidence an argument's text cites, in the figures' type order."""
    kinds = {evidence_of(dataset.sources[key]) for key, _ in cited_in(text)}
    kinds |= {dataset.figures[ident]["type"] for ident in re.findall(FIGURE_PATTERN, text)}
    if voice in ("party", "mixed") and "press report" in kinds:
        kinds.add("claim")
        if voice == "party":
            kinds.discard("press report")
    return sorted(kinds, key=vocabulary.values(vocabulary.FIGURE_TYPE).index)


def read_question(docs_dir: pathlib.Path, page: str, title: str, dataset) -> Question:
    path = docs_dir / page
    question = Question(page, title)
    argument_lines: list[str] = []
    argument = None

    def close_argument():
        if argument is not None:
            argument.evidence = evidence_kinds("\n".join(argument_lines), argument.voice, dataset)

    for number, line in enumerate(read_utf8(path).splitlines(), start=1):
        side_match, argument_match = SIDE_HEADING.match(line), ARGUMENT_HEADING.match(line)
        if side_match:
            close_argument()
            argument = None
            question.sides.append(Side(side_match.group(2), side_match.group(1)))
        elif argument_match:
            close_argument()
            title_text, anchor, voice = argument_match.groups()
            if voice not in VOICES or not question.sides:
                raise ContentError(
                    [
                        Problem(
                            display_path(path),
                            number,
                            f"argument '{anchor}' "
                            + (
                                "comes before any side heading ('### Side { #side-… }')"
                                if voice in VOICES
                                else f"needs its kind of voice, written "
                                f"{{ #{anchor} .voice-KIND }} with KIND one of: {', '.join(VOICES)}"
                            ),
                        )
                    ]
                )
            argument = Argument(anchor, title_text, voice, [])
            argument_lines = []
            question.sides[-1].arguments.append(argument)
        elif argument is not None:
            by = ARGUED_BY.match(line)
            if by:
                argument.speakers.setdefault(by.group(1), CITATION.sub("", by.group(2)).strip())
            argument_lines.append(line)
        if line.strip() == "</section>":
            close_argument()
            argument = None
    close_argument()
    return question


def read_questions(docs_dir: pathlib.Path, dataset) -> list[Question]:
    """Every question the debate index lists, in its order."""
    index = docs_dir / DEBATE_INDEX
    links = QUESTION_LINK.findall(read_utf8(index))
    if not links:
        raise ContentError(
            [
                Problem(
                    display_path(index),
                    line_of(index, "## "),
                    "lists no questions; write each as '## [Question](page.md)'",
                )
            ]
        )
    return [read_question(docs_dir, f"debate/{page}", title, dataset) for title, page in links]


class ArgumentMapBlock(DataBlock):
    NAME = "argument-map"
    OPTIONS = DataBlock.options()

    @staticmethod
    def check_options(options, dataset, docs_dir):
        """The questions the map shows; a debate page's mistake is reported at its own line."""
        return read_questions(pathlib.Path(docs_dir), dataset)

    def render(self, block):
        questions = self.checked
        count = sum(len(side.arguments) for q in questions for side in q.sides)
        independent = sum(
            arg.independent_evidence for q in questions for side in q.sides for arg in side.arguments
        )
        # The filter works only with JavaScript, so it starts hidden and site.js shows it.
        filter_form = etree.SubElement(block, "form", {"class": "map-filter", "hidden": ""})
        label = etree.SubElement(filter_form, "label")
        etree.SubElement(label, "input", {"type": "checkbox", "name": "independent"})
        label_text = etree.SubElement(label, "span")
        kinds = " or ".join(f"a {TYPE_LABEL[kind].lower()}" for kind in INDEPENDENT_EVIDENCE)
        label_text.text = f"Show only the {independent} arguments backed by independent evidence ({kinds})"
        status = etree.SubElement(filter_form, "p", {"class": "map-count", "role": "status"})
        status.text = f"Showing all {count} arguments."
        for question in questions:
            self.question_section(block, question)

    def question_section(self, parent, question: Question):
        section = etree.SubElement(parent, "section", {"class": "map-question"})
        heading = etree.SubElement(section, "h2")
        anchor = etree.SubElement(heading, "a", {"href": self.site.link(question.page)})
        anchor.text = data_text(self.md, question.title)
        sides = etree.SubElement(section, "div", {"class": "map-sides"})
        for side in question.sides:
            column = etree.SubElement(sides, "div", {"class": "map-side"})
            title = etree.SubElement(column, "h3")
            side_link = etree.SubElement(
                title, "a", {"href": self.site.link(f"{question.page}#{side.anchor}")}
            )
            side_link.text = data_text(self.md, side.title)
            items = etree.SubElement(column, "ul", {"data-search-exclude": ""})
            for argument in side.arguments:
                self.argument_item(items, question, argument)

    def argument_item(self, parent, question: Question, argument: Argument):
        item = etree.SubElement(
            parent,
            "li",
            {
                "class": "map-argument",
                "data-independent-evidence": "yes" if argument.independent_evidence else "no",
            },
        )
        title = etree.SubElement(item, "a", {"href": self.site.link(f"{question.page}#{argument.anchor}")})
        title.text = data_text(self.md, argument.title)
        details = etree.SubElement(item, "dl")
        rows = [
            (argument.argued_label, argument.argued_by or "see the argument"),
            ("Voice", VOICES[argument.voice]),
            ("Evidence", None if argument.evidence else "none cited"),
        ]
        for term_text, value in rows:
            term = etree.SubElement(details, "dt")
            term.text = term_text
            definition = etree.SubElement(details, "dd", {"class": f"map-{term_text.split()[0].lower()}"})
            if value:
                definition.text = data_text(self.md, value)
        # The Evidence row (the last): each kind as the badge figures wear, labelled from the schema.
        for index, kind in enumerate(argument.evidence):
            type_label(definition, kind).tail = " " if index < len(argument.evidence) - 1 else None
