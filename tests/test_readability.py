"""Plain language: the grade formula, what counts as prose, and the limits on the real pages."""

from explainer import readability
from explainer.readability import prose_blocks, score, syllables

from conftest import ROOT


def test_syllables_are_estimated_by_vowel_groups():
    assert [syllables(w) for w in ("cat", "twitter", "suspended", "make", "little", "2015")] == [
        1,
        2,
        3,
        1,
        2,
        2,
    ]


def test_headings_quotations_tables_argued_by_lines_and_blocks_are_not_prose():
    text = (
        "---\ntitle: T\n---\n# A heading\n\n| a | table |\n\n**Argued by:** Someone [@k]\n\n"
        '/// timeline\nids: [x]\n///\n\nOne sentence here "with a long quotation in it" [@k].\n'
    )
    assert prose_blocks(text) == [(14, "One sentence here it .")]


def test_the_grade_follows_the_flesch_kincaid_formula():
    result = score("page", [(1, "The cat sat. The dog ran.")])
    words, sentences, syllable_count = 6, 2, 6
    expected = 0.39 * words / sentences + 11.8 * syllable_count / words - 15.59
    assert result.grade == round(expected, 1)
    assert result.sentences == 2 and result.longest_words == 3


def test_initials_and_abbreviations_do_not_end_a_sentence():
    result = score("page", [(1, "J.M. Berger wrote it for the U.S. government. It ran.")])
    assert result.sentences == 2


def test_every_page_is_at_most_grade_10_with_no_sentence_over_35_words():
    scores = [readability.score_file(path) for path in readability.site_files(ROOT / "docs")]
    for item in scores:
        print(item)
    failing = [str(item) for item in scores if not item.passes]
    assert not failing, "\n".join(failing)
