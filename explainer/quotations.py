"""Quotations: every double-quoted string on the site is someone's exact, recorded words.

A quotation ("…" or “…”) on a page must match an excerpt of a source cited in the same
paragraph, list item, table row or heading; in a data file, an excerpt of one of the
entry's own sources (a source entry's text: its own excerpts). Excerpts live in
docs/data/sources.yml, word for word, at most MAX_EXCERPT_WORDS words each.

Titles of works go in italics and terms, names of operations and labels in single
quotation marks ‘…’, so nothing but a quotation is ever in double quotation marks.
Matching ignores case, typographic quote and dash differences, and the punctuation at a
quotation's ends; an ellipsis or a [bracketed insertion] may join pieces that appear, in
that order, in one excerpt.
"""

from __future__ import annotations

import dataclasses
import pathlib
import re

from .citations import cited_in
from .errors import Problem, display_path
from .figures import FIGURE_PATTERN
from .usage import FRONT_MATTER, lines_outside_blocks

MAX_EXCERPT_WORDS = 25
MARK_HINT = "if it is not a quotation, mark a title with *italics* and a term or name with ‘single quotes’"

QUOTATION = re.compile(r"\"([^\"\n]+)\"|“([^”\n]+)”")
UNIT_START = re.compile(r"^\s*(#{1,6}\s|\||[-*+]\s|\d+\.\s)")
NOT_TEXT = [
    re.compile(r"`[^`\n]*`"),  # code spans
    re.compile(r"<[^>\n]*>"),  # HTML tags and their attributes
    re.compile(r"\{[:#.][^}\n]*\}|\{ [#.][^}\n]*\}"),  # attribute lists
    re.compile(r"(?<=\])\([^)\n]*\)"),  # link targets and link titles
    re.compile(r"^\s*(!!!|\?\?\?\+?)\s+\S+(\s+\"[^\"\n]*\")?"),  # admonition syntax and title
]
DATA_TEXT_FIELDS = {
    "sources": ("annotation", "reliability", "date_note", "read_note", "link_withheld"),
    "timeline": ("title", "summary", "date_note"),
    "actors": ("name", "description", "role"),
    "figures": ("unit", "counts", "who", "note"),
    "corrections": ("said", "says", "why"),
}
TYPOGRAPHIC = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "…": "...",
        "\u00a0": " ",
    }
)
JOINS = re.compile(r"\.\.\.|\[[^\]]*\]")


@dataclasses.dataclass(frozen=True)
class Unit:
    """A paragraph, list item, table row or heading: the span a citation covers."""

    line: int
    text: str


def normalise(text: str) -> str:
    """Fold typographic quotes and dashes, spacing and case, for word-for-word comparison."""
    return re.sub(r"\s+", " ", text.translate(TYPOGRAPHIC)).strip().casefold()


def word_count(text: str) -> int:
    return len(re.findall(r"[\w'’]+(?:[-.,][\w'’]+)*", text))


def _pieces(quotation: str) -> list[str]:
    pieces = [piece.strip(" ,.;:!?'\"-()") for piece in JOINS.split(normalise(quotation))]
    return [piece for piece in pieces if piece]


def matches(quotation: str, excerpts: list[str]) -> bool:
    """True when the quotation's pieces appear, in order and as whole words, in one excerpt."""
    pieces = _pieces(quotation)
    if not pieces:
        return True
    for excerpt in map(normalise, excerpts):
        position = 0
        for piece in pieces:
            found = re.compile(r"(?<!\w)" + re.escape(piece) + r"(?!\w)").search(excerpt, position)
            if not found:
                break
            position = found.end()
        else:
            return True
    return False


def quotations_in(text: str) -> list[str]:
    return [first or second for first, second in QUOTATION.findall(text)]


def page_units(markdown_text: str) -> list[Unit]:
    """The text units of a page, with code, HTML, attributes and block bodies removed.

    The front matter's description is a unit too: it is shown in search results and cards.
    """
    units, current, start = [], [], 0
    match = FRONT_MATTER.match(markdown_text)
    if match:
        description = re.search(r"^description:\s*(.+)$", match.group(1), re.M)
        if description:
            units.append(Unit(2 + match.group(1)[: description.start()].count("\n"), description.group(1)))
    offset = markdown_text[: match.end()].count("\n") if match else 0
    body = markdown_text[match.end() :] if match else markdown_text
    for number, line in lines_outside_blocks(body, offset + 1):
        for pattern in NOT_TEXT:
            line = pattern.sub(" ", line)
        if not line.strip() or UNIT_START.match(line):
            if current:
                units.append(Unit(start, " ".join(current)))
            current = []
            if not line.strip():
                continue
        if not current:
            start = number
        current.append(line.strip())
    if current:
        units.append(Unit(start, " ".join(current)))
    return units


def _cited_sources(text: str, dataset) -> list[str]:
    keys = [key for key, _ in cited_in(text)]
    for figure_id in re.findall(FIGURE_PATTERN, text):
        keys += dataset.figures.get(figure_id, {}).get("sources", [])
    return list(dict.fromkeys(keys))


def _excerpt_texts(dataset, keys) -> list[str]:
    return [excerpt["text"] for key in keys for excerpt in dataset.sources.get(key, {}).get("excerpts", [])]


def _problem(file, line, quotation, keys, field="") -> Problem:
    if not keys:
        return Problem(
            file,
            line,
            f'quotation "{quotation}" has no citation beside it; cite the '
            f"source whose excerpt holds these words; {MARK_HINT}",
            field,
        )
    return Problem(
        file,
        line,
        f'quotation "{quotation}" matches no excerpt of {", ".join(keys)}; '
        f"record the exact words as an excerpt of one of them in docs/data/sources.yml; "
        f"{MARK_HINT}",
        field,
    )


def check_page(path: pathlib.Path, dataset) -> list[Problem]:
    problems = []
    for unit in page_units(path.read_text(encoding="utf-8")):
        keys = _cited_sources(unit.text, dataset)
        excerpts = _excerpt_texts(dataset, keys)
        problems += [
            _problem(display_path(path), unit.line, quotation, keys)
            for quotation in quotations_in(unit.text)
            if not matches(quotation, excerpts)
        ]
    return problems


def check_data(dataset) -> list[Problem]:
    """Quotations in the data files' text fields, and excerpts over the length limit."""
    from .data import ID_FIELD

    problems = []
    for name, fields in DATA_TEXT_FIELDS.items():
        file, lines = display_path(dataset.data_dir / f"{name}.yml"), dataset.lines[name]
        for index, entry in enumerate(dataset.entries(name)):
            keys = [entry[ID_FIELD[name]]] if name == "sources" else entry.get("sources", [])
            excerpts = _excerpt_texts(dataset, keys)
            for field in fields:
                problems += [
                    _problem(file, lines.get((index, field)), quotation, keys, f"[{index}].{field}")
                    for quotation in quotations_in(str(entry.get(field, "")))
                    if not matches(quotation, excerpts)
                ]
            for position, excerpt in enumerate(entry.get("excerpts", []) if name == "sources" else []):
                words = word_count(excerpt["text"])
                if words > MAX_EXCERPT_WORDS:
                    problems.append(
                        Problem(
                            file,
                            lines.get((index, "excerpts", position, "text")),
                            f"the excerpt runs to {words} words; keep the words the site "
                            f"quotes, at most {MAX_EXCERPT_WORDS}",
                            f"[{index}].excerpts[{position}].text",
                        )
                    )
    return problems
