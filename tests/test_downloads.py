"""explainer.downloads: the CSV opens as text in a spreadsheet and the BibTeX parses as written."""

import csv
import io
import pathlib

import pytest

from explainer.data import Dataset
from explainer.downloads import bibtex_escape, sources_bibtex, sources_csv, timeline_csv

SOURCE = {
    "key": "evil-2015",
    "type": "news report",
    "title": '=HYPERLINK("https://x.test")',
    "publisher": "+Example",
    "authors": ["@someone", "-minus"],
    "date": "2015-03",
    "annotation": "\tTabbed.",
    "reliability": "\rReturned.",
}
EVENT = {
    "id": "evil-event",
    "date": "2015-03",
    "title": "-2+3",
    "summary": "=1+1",
    "status": "claimed",
    "themes": ["numbers"],
    "actors": [],
    "sources": ["evil-2015"],
}


def dataset(source=SOURCE, event=EVENT) -> Dataset:
    return Dataset({source["key"]: source}, {event["id"]: event}, {}, {}, {}, pathlib.Path("."))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_csv_cell_that_a_spreadsheet_would_run_as_a_formula_starts_with_a_quote(start):
    text = sources_csv(dataset({**SOURCE, "title": f"{start}SUM(A1:A9)"}))
    row = next(csv.DictReader(io.StringIO(text, newline="")))
    assert row["title"] == f"'{start}SUM(A1:A9)"


def test_every_column_is_neutralised_and_plain_cells_are_left_alone():
    row = next(csv.DictReader(io.StringIO(sources_csv(dataset()), newline="")))
    assert row["title"] == '\'=HYPERLINK("https://x.test")'
    assert row["publisher"] == "'+Example"
    assert row["authors"] == "'@someone; -minus"
    assert row["annotation"] == "'\tTabbed." and row["reliability"] == "'\rReturned."
    assert row["key"] == "evil-2015" and row["date"] == "2015-03"
    event = next(csv.DictReader(io.StringIO(timeline_csv(dataset()), newline="")))
    assert event["title"] == "'-2+3" and event["summary"] == "'=1+1"


def test_bibtex_escapes_backslashes_and_never_leaves_a_brace_unbalanced():
    assert bibtex_escape("a\\b") == r"a\textbackslash{}b"
    assert bibtex_escape("}, evil = {x") == r"\textbraceright{}, evil = \textbraceleft{}x"
    assert (
        bibtex_escape("50% & $3 #1 a_b ~ ^") == r"50\% \& \$3 \#1 a\_b \textasciitilde{} \textasciicircum{}"
    )
    assert bibtex_escape("two\nlines\r\n") == "two lines"


def test_a_title_that_tries_to_close_its_entry_stays_inside_its_field():
    hostile = {**SOURCE, "title": "x}}\n@misc{injected,\n  title = {\\input{/etc/passwd}"}
    text = sources_bibtex(dataset(hostile))
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0, text
    assert depth == 0, text
    entry_starts = [line for line in text.splitlines() if line.startswith("@")]
    assert entry_starts == ["@misc{evil-2015,"], text
    assert "\\input" not in text
