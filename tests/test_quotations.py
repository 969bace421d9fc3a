"""Quotations: every double-quoted string is a recorded excerpt of a source cited beside it."""

import re

import pytest

from explainer import data, quotations
from explainer.quotations import matches, page_units, quotations_in
from explainer.usage import page_files

from conftest import ROOT

ARTICLE = ROOT.parent / "shared" / "research" / "source-article.txt"
ATLANTIC_KEY = "cottee-2015-atlantic"


def test_a_fragment_of_an_excerpt_matches():
    assert matches("ethically ambiguous", ["He uses methods that are not only ethically ambiguous, but also"])


def test_matching_ignores_case_typographic_quotes_dashes_and_end_punctuation():
    assert matches("We're saving lives,", ["“we’re saving lives” — he said"])
    assert matches("Half a message", ["We have half a message: ‘Don't do this.’"])


def test_an_ellipsis_joins_pieces_found_in_order_in_one_excerpt():
    assert matches("not working for me … per se", ["not working for me or with me per se"])
    assert not matches("per se … not working for me", ["not working for me or with me per se"])


def test_a_bracketed_insertion_is_skipped():
    assert matches("We survive[s] off donations", ["We survive off donations"])


def test_a_word_inside_another_word_does_not_match():
    assert not matches("he", ["there"])


def test_changed_words_do_not_match():
    assert not matches("ethically dubious", ["not only ethically ambiguous"])


def test_quotations_are_found_in_straight_and_curly_marks():
    assert quotations_in('He said "one" and “two” but ‘three’ is a term.') == ["one", "two"]


def test_units_split_paragraphs_list_items_and_headings_and_skip_syntax():
    text = (
        '---\ntitle: T\ndescription: A page.\n---\n\n# Head\n\n!!! abstract "Short answer"\n'
        '    First "a" [@k].\n\n- item "b"\n- item "c"\n\n/// timeline\nids: ["x"]\n///\n\n'
        '<div class="sides" markdown>\n\nA `"code"` span and a [link](https://x.org "title").\n'
    )
    units = page_units(text)
    assert [u.line for u in units] == [3, 6, 9, 11, 12, 20]
    assert [quotations_in(u.text) for u in units] == [[], [], ["a"], ["b"], ["c"], []]


def test_every_excerpt_has_at_most_the_word_limit():
    dataset = data.load(ROOT / "docs" / "data")
    for source in dataset.sources.values():
        for excerpt in source.get("excerpts", []):
            assert quotations.word_count(excerpt["text"]) <= quotations.MAX_EXCERPT_WORDS, excerpt


def test_every_quotation_on_the_real_site_matches_a_cited_excerpt():
    dataset = data.load(ROOT / "docs" / "data")
    pages = page_files(ROOT / "docs") + sorted((ROOT / "docs" / "includes").glob("*.md"))
    problems = [p for page in pages for p in quotations.check_page(page, dataset)]
    problems += quotations.check_data(dataset)
    assert not problems, "\n".join(map(str, problems))


def _folded(text: str) -> str:
    """Only typographic quote and dash differences are ignored, and line breaks."""
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."})
    return re.sub(r"\s+", " ", text.translate(table))


def test_every_excerpt_of_the_atlantic_article_is_word_for_word_in_its_text():
    if not ARTICLE.exists():
        pytest.skip(f"the source article is not beside the project ({ARTICLE})")
    article = _folded(ARTICLE.read_text(encoding="utf-8"))
    excerpts = data.load(ROOT / "docs" / "data").sources[ATLANTIC_KEY].get("excerpts", [])
    assert excerpts
    missing = [e["text"] for e in excerpts if _folded(e["text"]) not in article]
    assert not missing, missing
