"""explainer.citations: [@key] becomes a numbered link and a per-page Sources list."""

import re

import pytest

from explainer.citations import back_link_label, parse_citation
from explainer.errors import ContentError

from helpers import convert

# As the page's HTML has them: characters above U+00FF as references (compact_html.py).
CENSUS_TITLE = "&#8220;The ISIS Twitter Census&#8221;"
CENSUS_REFERENCE = f"J.M. Berger and Jonathon Morgan (March 2015). {CENSUS_TITLE}. Brookings Institution."
BACK = "&#8593;"  # the ↑ before a source's links back to its citations
CLAIM_REFERENCE = "Example News (19 November 2015). Report of a group's claim."


def cite(key, number, place=1, run=False):
    kind = "cite cite--run" if run else "cite"
    return f'<a class="{kind}" href="#source-{key}" id="cite-{place}">[{number}]</a>'


def test_citation_links_carry_no_title_tooltip():
    """Measured: titles on every citation cost mobile Lighthouse Performance 3-4 points."""
    assert "title=" not in convert("Counted [@census-2015].").split("<section")[0]


def test_one_citation_becomes_a_numbered_link_and_a_sources_list():
    assert convert("Counted [@census-2015].") == (
        f"<p>Counted{cite('census-2015', 1)}.</p>\n"
        '<section aria-labelledby="sources-on-this-page" class="page-sources" data-search-exclude="">'
        '<h2 data-search-exclude="" id="sources-on-this-page">Sources</h2><ol>'
        '<li id="source-census-2015"><a aria-label="Back to the citation" class="source-backlinks" '
        f'href="#cite-1">{BACK}</a> {CENSUS_REFERENCE} '
        '<span class="source-note" hidden="">Research report. '
        "Reliability: Peer-reviewed research report.</span> "
        '<a href="https://example.org/census" rel="noopener">Read the source</a> · '
        '<a href="sources.md#census-2015">Full entry</a></li>'
        "</ol></section>"
    )


def test_numbers_follow_first_use_and_repeat_for_the_same_source():
    html = convert("A [@group-claim-2015]. B [@census-2015]. C [@group-claim-2015].")
    assert cite("group-claim-2015", 1, place=1) in html
    assert cite("census-2015", 2, place=2) in html
    assert cite("group-claim-2015", 1, place=3) in html
    assert html.index('id="source-group-claim-2015"') < html.index('id="source-census-2015"')


def test_a_locator_is_shown_inside_the_brackets_after_the_number():
    html = convert("Quoted [@census-2015, p. 12].")
    assert '<a class="cite" href="#source-census-2015" id="cite-1">[1, p. 12]</a>' in html


def test_every_citation_is_one_link_in_one_bracket_style_with_no_wrapper():
    html = convert("Both [@census-2015; @group-claim-2015]. One [@census-2015].").split("<section")[0]
    assert "<sup" not in html and "cite-group" not in html
    assert html == (
        f"<p>Both{cite('census-2015', 1, 1, run=True)}{cite('group-claim-2015', 2, 2)}. "
        f"One{cite('census-2015', 1, 3)}.</p>\n"
    )


def test_a_group_is_sorted_by_number_however_it_was_written():
    """[@b; @a] and [@b][@a] side by side print [1][2] once a is 1: one group, in order."""
    html = convert(
        "First [@census-2015]. Then [@group-claim-2015; @census-2015] and "
        "[@group-claim-2015] [@census-2015, p. 3][@census-2015]."
    ).split("<section")[0]
    assert html == (
        f"<p>First{cite('census-2015', 1, 1)}. "
        f"Then{cite('census-2015', 1, 2, run=True)}{cite('group-claim-2015', 2, 3)} and"
        f"{cite('census-2015', 1, 4, run=True)}"
        '<a class="cite cite--run" href="#source-census-2015" id="cite-5">[1, p. 3]</a>'
        f"{cite('group-claim-2015', 2, 6)}.</p>\n"
    )


def test_citations_apart_stay_apart():
    html = convert("A [@group-claim-2015] and then [@census-2015].").split("<section")[0]
    assert html == f"<p>A{cite('group-claim-2015', 1, 1)} and then{cite('census-2015', 2, 2)}.</p>\n"


def test_each_source_links_back_to_every_place_it_is_cited_in_reading_order():
    html = convert("A [@census-2015]. B [@group-claim-2015]. C [@census-2015, p. 2]. D [@census-2015].")
    assert (
        f'<li id="source-census-2015"><span class="source-backlinks">{BACK} '
        '<a aria-label="Back to citation a" href="#cite-1">a</a> '
        '<a aria-label="Back to citation b" href="#cite-3">b</a> '
        '<a aria-label="Back to citation c" href="#cite-4">c</a></span> '
    ) in html
    assert (
        '<li id="source-group-claim-2015"><a aria-label="Back to the citation" class="source-backlinks" '
        f'href="#cite-2">{BACK}</a> '
    ) in html
    ids = re.findall(r'id="(cite-\d+)"', html)
    assert ids == ["cite-1", "cite-2", "cite-3", "cite-4"]
    for place in ids:
        assert html.count(f'href="#{place}"') == 1, f"{place} has no single back-link"


def test_back_link_letters_go_on_after_z():
    assert [back_link_label(i) for i in (0, 1, 25, 26, 27, 51, 52)] == ["a", "b", "z", "aa", "ab", "az", "ba"]


def test_citations_from_blocks_join_the_same_numbering_ids_and_back_links():
    html = convert("Counted [@census-2015].\n\n/// timeline\nthemes: [numbers]\nstatus: [claimed]\n///")
    assert cite("group-claim-2015", 2, place=2) in html
    assert f'href="#cite-2">{BACK}</a>' in html


def test_the_sources_list_carries_what_a_preview_shows_hidden():
    """Title, publisher and date (the reference), the type and the reliability note."""
    html = convert("Claimed [@group-claim-2015].")
    assert (
        f"{CLAIM_REFERENCE} "
        '<span class="source-note" hidden="">News report. '
        "Reliability: Self-reported by an interested party.</span> "
        '<a href="sources.md#group-claim-2015">Full entry</a></li>'
    ) in html


def test_a_source_without_a_verified_address_links_only_to_its_full_entry():
    html = convert("Claimed [@group-claim-2015].")
    item = html.split('<li id="source-group-claim-2015">')[1].split("</li>")[0]
    assert "Read the source" not in item
    assert '<a href="sources.md#group-claim-2015">Full entry</a>' in item


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


def test_each_page_starts_with_fresh_state():
    """A malformed citation on one page is not reported again on the next (md.reset())."""
    import markdown

    from explainer.extension import ExplainerExtension

    from helpers import FIXTURE

    site = ExplainerExtension(docs_dir=str(FIXTURE / "docs"))
    md = markdown.Markdown(extensions=[site])
    with pytest.raises(ContentError):
        md.convert("Bad [@Census 2015].")
    assert site.state.citation_problems
    md.reset()
    assert site.state.citation_problems == [] and site.state.cited_keys == []
    assert 'href="#source-census-2015"' in md.convert("Fine [@census-2015].")
    assert site.state.cited_keys == ["census-2015"]
