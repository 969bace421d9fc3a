"""explainer.citations: [@key] becomes a numbered link and a per-page Sources list."""

import pytest

from explainer.citations import parse_citation
from explainer.errors import ContentError

from helpers import convert

CENSUS_REFERENCE = (
    "J.M. Berger and Jonathon Morgan (March 2015). “The ISIS Twitter Census”. Brookings Institution."
)
CLAIM_REFERENCE = "Example News (19 November 2015). Report of a group's claim."


def cite(key, number):
    return f'<a href="#source-{key}">{number}</a>'


def test_citation_links_carry_no_title_tooltip():
    """Measured: titles on every citation cost mobile Lighthouse Performance 3-4 points."""
    assert "title=" not in convert("Counted [@census-2015].").split("<section")[0]


def test_one_citation_becomes_a_numbered_link_and_a_sources_list():
    assert convert("Counted [@census-2015].") == (
        f'<p>Counted <sup class="citation">[{cite("census-2015", 1)}]</sup>.</p>\n'
        '<section aria-labelledby="sources-on-this-page" class="page-sources" data-search-exclude="">'
        '<h2 data-search-exclude="" id="sources-on-this-page">Sources</h2><ol>'
        f'<li id="source-census-2015">{CENSUS_REFERENCE} <a href="https://example.org/census" rel="noopener">'
        'Read the source</a> · <a href="sources.md#census-2015">Full entry</a></li>'
        "</ol></section>"
    )


def test_numbers_follow_first_use_and_repeat_for_the_same_source():
    html = convert("A [@group-claim-2015]. B [@census-2015]. C [@group-claim-2015].")
    assert html.count(cite("group-claim-2015", 1)) == 2
    assert html.count(cite("census-2015", 2)) == 1
    assert html.index('id="source-group-claim-2015"') < html.index('id="source-census-2015"')


def test_a_locator_is_shown_after_the_number():
    html = convert("Quoted [@census-2015, p. 12].")
    assert '[<a href="#source-census-2015">1, p. 12</a>]' in html


def test_several_keys_in_one_bracket_are_separate_links():
    html = convert("Both [@census-2015; @group-claim-2015].")
    assert (f'<sup class="citation">[{cite("census-2015", 1)}, {cite("group-claim-2015", 2)}]</sup>') in html


def test_a_source_without_a_verified_address_links_only_to_its_full_entry():
    html = convert("Claimed [@group-claim-2015].")
    assert (
        f'<li id="source-group-claim-2015">{CLAIM_REFERENCE} '
        '<a href="sources.md#group-claim-2015">Full entry</a></li>' in html
    )


def test_full_entry_links_are_relative_to_the_citing_page():
    html = convert("Deep [@census-2015].", page="debate/question.md")
    assert '<a href="../sources.md#census-2015">Full entry</a>' in html


def test_a_page_without_citations_gets_no_sources_list():
    assert convert("Nothing cited.") == "<p>Nothing cited.</p>"


def test_citations_in_code_are_left_alone():
    assert convert("`[@census-2015]`") == "<p><code>[@census-2015]</code></p>"


def test_an_unknown_key_names_the_page_the_key_and_where_keys_live():
    with pytest.raises(ContentError) as error:
        convert("Bad [@berger-2015].")
    message = str(error.value)
    assert "index.md" in message
    assert "unknown source key 'berger-2015'" in message
    assert "sources.yml" in message


def test_a_malformed_citation_is_an_error_not_text():
    with pytest.raises(ContentError, match=r"malformed citation '\[@Census 2015\]'"):
        convert("Bad [@Census 2015].")


def test_parse_citation_reads_keys_and_locators():
    assert parse_citation("@a, p. 3; @b-c") == [("a", "p. 3"), ("b-c", None)]


def test_the_citation_scanner_ignores_code_spans_and_fenced_code():
    from explainer.usage import cited_keys

    text = "Cited [@census-2015]. Shown as code: `[@group-claim-2015]`.\n\n```\n[@other-key]\n```\n"
    assert cited_keys(text) == ["census-2015"]
