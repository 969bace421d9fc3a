"""Whole-output checks: a few representative renders of the fixture project, compared with
reviewed files in tests/golden/. The targeted tests say what matters; these catch any other
change to the HTML, which a reviewer then reads in the diff of the expected file.

After a deliberate change, rewrite the files with `UPDATE_GOLDEN=1 pytest tests/test_golden.py`
and review the diff before committing it.
"""

import os
import pathlib

import pytest

from helpers import convert

GOLDEN = pathlib.Path(__file__).parent / "golden"
CASES = {
    "citations": ("index.md", "Counted [@census-2015], and claimed [@group-claim-2015; @census-2015]."),
    "figure-inline": ("index.md", "The census found [fig:census-min]."),
    "figures-table": ("numbers.md", "/// figures\n///"),
    "timeline": ("timeline.md", "/// timeline\n///"),
    "sources": ("sources.md", "/// sources\n///"),
    "actors": ("whos-who.md", "/// actors\n///"),
    "corrections": ("about/corrections.md", "/// corrections\n///"),
}


@pytest.mark.parametrize("name", CASES)
def test_render_matches_the_reviewed_output(name):
    page, text = CASES[name]
    html = convert(text, page=page) + "\n"
    expected = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(html, encoding="utf-8")
    assert html == expected.read_text(encoding="utf-8"), f"{name}: output differs from {expected}"
