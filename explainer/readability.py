"""Plain-language check: the Flesch–Kincaid grade of each page's prose, and its longest sentence.

The site is written for a general reader (about grade 9). This module extracts the prose
a reader reads as running text, leaving out headings, quotations, tables, "Argued by"
lines, generated blocks and source lists, and scores it with the Flesch–Kincaid grade
formula: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
Syllables are counted by a vowel-group rule, so a grade is an estimate to within about
half a grade, the same for every page.

`python -m explainer.readability [FILE ...]` prints one line per page and exits 1 when a
page scores above MAX_GRADE or has a sentence longer than MAX_SENTENCE_WORDS.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import pathlib
import re
import sys

from .citations import CITATION_PATTERN
from .figures import FIGURE_PATTERN
from .quotations import QUOTATION
from .usage import FRONT_MATTER, lines_outside_blocks

MAX_GRADE = 10.0
MAX_SENTENCE_WORDS = 35

# Data fields a reader meets as running text on the timeline and Who's who pages.
DATA_PROSE_FIELDS = {"timeline.yml": ("summary",), "actors.yml": ("description", "role")}

SKIPPED_LINE = re.compile(
    r"^\s*(#|\||<|!!!|\?\?\?|\*\[|>|---|\*\*(Argued|Noted) by:\*\*|\*\*Independent voices:\*\*)"
)
LIST_ITEM = re.compile(r"^\s*([-*+]|\d+\.)\s+")
INLINE_NOISE = [
    (re.compile(r"\{[:#.][^}]*\}|\{ #[^}]*\}"), ""),  # attribute lists
    (re.compile(CITATION_PATTERN), ""),  # citations
    (re.compile(FIGURE_PATTERN), "this figure"),  # inline figures
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images keep their text
    (re.compile(r"`[^`]*`"), ""),  # code
    (re.compile(r"[*_]{1,3}"), ""),  # emphasis marks
]
ABBREVIATION = re.compile(r"(\b(?:[A-Z]|e\.g|i\.e|vs|etc|Dr|Mr|Mrs|Ms|St|No|p|pp|approx|U\.S|U\.K)\.)$")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9’'.,-]*[A-Za-z0-9]|[A-Za-z0-9]")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# "-ed" and "-es" add no syllable, except after t or d ("waited") and s, z, c, g or x ("boxes").
SILENT_ENDING = re.compile(r"(?<![td])ed$|(?<![szcgx])es$")


@dataclasses.dataclass(frozen=True)
class Sentence:
    line: int
    text: str

    @property
    def words(self) -> list[str]:
        return WORD.findall(self.text)


@dataclasses.dataclass(frozen=True)
class Score:
    name: str
    grade: float
    words: int
    sentences: int
    longest: Sentence | None

    @property
    def longest_words(self) -> int:
        return len(self.longest.words) if self.longest else 0

    @property
    def passes(self) -> bool:
        return self.grade <= MAX_GRADE and self.longest_words <= MAX_SENTENCE_WORDS

    def __str__(self) -> str:
        verdict = "ok" if self.passes else "TOO HARD"
        longest = (
            f"longest sentence {self.longest_words} words at line {self.longest.line}: "
            f"{self.longest.text[:90]}{'…' if len(self.longest.text) > 90 else ''}"
            if self.longest
            else "no prose"
        )
        return (
            f"{self.name}: grade {self.grade:.1f} ({self.words} words, {self.sentences} "
            f"sentences) {verdict}; {longest}"
        )


@functools.lru_cache(maxsize=65536)  # a site's prose repeats its words
def syllables(word: str) -> int:
    """Estimated syllables in one word; a number counts as two."""
    if any(ch.isdigit() for ch in word):
        return 2
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 0
    count = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    elif SILENT_ENDING.search(word) and count > 1:
        count -= 1
    return max(count, 1)


def _clean(text: str) -> str:
    text = QUOTATION.sub("it", text)
    for pattern, replacement in INLINE_NOISE:
        text = pattern.sub(replacement, text)
    return re.sub(r"\s+", " ", text).strip()


def _split_sentences(text: str, line: int) -> list[Sentence]:
    sentences, start = [], 0
    for match in re.finditer(r"[.!?](?=\s+[\"“‘(]?[A-Z0-9])", text):
        if ABBREVIATION.search(text[start : match.end()]):
            continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    sentences.append(text[start:].strip())
    return [Sentence(line, s) for s in sentences if WORD.search(s)]


def prose_blocks(markdown_text: str) -> list[tuple[int, str]]:
    """(first line, text) of each paragraph or list item a reader reads as running prose."""
    body = FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), markdown_text, count=1)
    blocks, current, start = [], [], 0
    for number, line in lines_outside_blocks(body):
        if not line.strip() or SKIPPED_LINE.match(line) or LIST_ITEM.match(line):
            if current:
                blocks.append((start, " ".join(current)))
            current = []
            if not line.strip() or SKIPPED_LINE.match(line):
                continue
            line = LIST_ITEM.sub("", line)
        if not current:
            start = number
        current.append(line.strip())
    if current:
        blocks.append((start, " ".join(current)))
    return [(line, _clean(text)) for line, text in blocks if _clean(text)]


def score(name: str, blocks: list[tuple[int, str]]) -> Score:
    sentences = [s for line, text in blocks for s in _split_sentences(text, line)]
    words = [w for s in sentences for w in s.words]
    if not words:
        return Score(name, 0.0, 0, 0, None)
    grade = 0.39 * len(words) / len(sentences) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
    longest = max(sentences, key=lambda s: len(s.words))
    return Score(name, round(grade, 1), len(words), len(sentences), longest)


def data_blocks(path: pathlib.Path) -> list[tuple[int, str]]:
    """The prose fields of one data file, each with its line."""
    from .data import read_yaml  # only the data files need YAML

    entries, lines = read_yaml(path)
    fields = DATA_PROSE_FIELDS.get(path.name, ())
    return [
        (lines.get((index, field), 0), _clean(str(entry[field])))
        for index, entry in enumerate(entries)
        for field in fields
        if entry.get(field)
    ]


def score_file(path: pathlib.Path, name: str | None = None) -> Score:
    name = name or str(path)
    if path.suffix == ".yml":
        return score(name, data_blocks(path))
    return score(name, prose_blocks(path.read_text(encoding="utf-8")))


def site_files(docs_dir: pathlib.Path) -> list[pathlib.Path]:
    """Every page, plus the data files whose prose is shown as running text."""
    from .usage import page_files

    return page_files(docs_dir) + [docs_dir / "data" / name for name in DATA_PROSE_FIELDS]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "files",
        nargs="*",
        type=pathlib.Path,
        help="pages or data files (default: every page and prose data file)",
    )
    parser.add_argument("--docs-dir", default="docs", type=pathlib.Path)
    args = parser.parse_args(argv)
    scores = [score_file(path) for path in (args.files or site_files(args.docs_dir))]
    for item in scores:
        print(item)
    failing = [s for s in scores if not s.passes]
    if failing:
        print(
            f"readability: {len(failing)} page(s) above grade {MAX_GRADE:g} or with a sentence over "
            f"{MAX_SENTENCE_WORDS} words. Split long sentences and prefer short, common words.",
            file=sys.stderr,
        )
        return 1
    print(
        f"readability: every page at grade {MAX_GRADE:g} or below, no sentence over "
        f"{MAX_SENTENCE_WORDS} words."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
