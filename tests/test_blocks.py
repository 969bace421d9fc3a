"""The Sources, Who's who, figures and glossary blocks (the chart: test_chart.py)."""

import re

import pytest

from explainer.errors import ContentError

from helpers import FIXTURE, convert, docs_with_source_fields


def test_sources_are_grouped_by_type_with_anchor_annotation_reliability_and_backlinks():
    html = convert("/// sources\n///", page="sources.md")
    assert '<h2 id="type-research-report">Research reports</h2>' in html
    # The reference is the entry's heading and holds its anchor (a search entry of its own).
    assert '<article class="source-entry">\n<h3 class="source-reference" id="census-2015">' in html
    assert '<p class="source-annotation">A count of pro-ISIS accounts.</p>' in html
    assert '<a href="https://example.org/census" rel="noopener">Read the source</a></h3>' in html
    assert (
        '<p class="source-details">Reliability: Peer-reviewed research report.<span class="source-uses"> '
        'Cited on: <a href="index.md">Home</a>. '
        'Events: <a href="timeline.md#census-window">Census data window</a>. '
        'Key: <a class="source-key" href="#census-2015">census-2015</a></span></p>'
    ) in html
    assert "No web address was verified for this source." in html


def test_sources_page_links_the_downloads():
    html = convert("/// sources\n///", page="sources.md")
    for name in ("sources.csv", "sources.json", "sources.bib", "sources.csl.json"):
        assert f'href="downloads/{name}"' in html


def test_actors_have_anchors_roles_with_citations_and_their_events():
    html = convert("/// actors\n///", page="whos-who.md")
    assert '<h2 id="kind-research-organisation">Research organisations</h2>' in html
    assert '<h3 id="researchers">The Researchers</h3>' in html
    assert '<a href="timeline.md#census-window">Census data window</a>' in html


def test_an_inline_figure_prints_value_type_who_and_citation():
    html = convert("[fig:group-removed]")
    assert (
        '<span class="figure"><strong class="figure-value">60,000&#8211;70,000 accounts</strong> '
        '<span class="figure-type figure-type--claim">Claim</span> by the group'
        '<a class="cite" href="#source-group-claim-2015" id="cite-1">[1]</a></span>'
    ) in html


def test_a_named_figure_leaves_out_who_the_sentence_already_names():
    html = convert("Berger and Morgan estimated [fig:census-min, named].")
    assert (
        '<strong class="figure-value">at least 46,000 accounts</strong> '
        '<span class="figure-type figure-type--research-estimate">Research estimate</span>'
        '<a class="cite" href="#source-census-2015"'
    ) in html
    assert "Jonathon Morgan" not in html.partition("<section")[0]


def test_a_named_figure_in_a_paragraph_that_names_no_one_is_an_error():
    with pytest.raises(ContentError, match="does not name 'J.M. Berger and Jonathon Morgan'"):
        convert("Researchers estimated [fig:census-min, named].")


def test_an_unknown_figure_option_is_an_error():
    with pytest.raises(ContentError, match=r"unknown option 'quiet'.*\[fig:census-min, named\]"):
        convert("Berger found [fig:census-min, quiet].")


def test_an_unknown_figure_is_an_error():
    with pytest.raises(ContentError, match="unknown figure id 'nope'"):
        convert("[fig:nope]")


def test_the_figures_table_lists_type_date_and_source_with_labelled_cells():
    html = convert("/// figures\n///")
    assert html.count('<tr id="figure-') == 2
    assert '<td data-label="Type"><span class="figure-type figure-type--claim">Claim</span></td>' in html
    assert '<td data-label="When">September to December 2014</td>' in html
    # Every cell carries its column's name, for the phone layout's labels.
    assert html.count("<td data-label=") == html.count("<td") == 12


def test_the_figures_list_keeps_the_given_order_with_badge_who_and_when():
    html = convert("/// figures\nlayout: list\nids: [group-removed, census-min]\n///")
    assert html.index("60,000&#8211;70,000 accounts") < html.index("at least 46,000 accounts")
    assert '<ul class="figure-list">' in html and "<table" not in html
    assert (
        '<span class="figure-type figure-type--claim">Claim</span> '
        '<span class="figure-counts">accounts the group says it helped remove; the group, October 2015</span>'
    ) in html


def test_an_unknown_figures_layout_is_an_error():
    with pytest.raises(ContentError, match="option 'layout' must be one of: table, list"):
        convert("/// figures\nlayout: cards\n///")


def test_the_glossary_lists_every_abbreviation_sorted(tmp_path):
    docs = tmp_path / "docs"
    (docs / "includes").mkdir(parents=True)
    (docs / "data").symlink_to(FIXTURE / "docs" / "data")
    (docs / "includes" / "abbreviations.md").write_text(
        "*[GEC]: Global Engagement Center.\n*[DDoS]: Distributed denial of service.\n"
    )
    html = convert("/// glossary\n///", docs_dir=docs)
    assert (
        '<div class="glossary">\n<h2 id="term-ddos">DDoS</h2>\n<p>Distributed denial of service.</p>\n'
        '<h2 id="term-gec">GEC</h2>\n<p>Global Engagement Center.</p>\n</div>'
    ) in html


def test_a_block_with_a_bad_header_is_an_error_not_text():
    with pytest.raises(ContentError, match="the block was not recognised"):
        convert("/// timeline | an argument\n///")


def test_a_withheld_link_says_why_and_what_was_read_is_printed(tmp_path):
    docs = docs_with_source_fields(
        tmp_path,
        "  link_withheld: The page lists accounts.\n  read_note: Read a stored copy on 2026-11-29.\n",
    )
    html = convert("/// sources\n///", docs_dir=docs, page="sources.md")
    assert "No link, on purpose: The page lists accounts." in html
    assert "Checked for this site: Read a stored copy on 2026-11-29." in html


def test_the_sources_page_lists_the_source_article_first_then_by_date_with_undated_last():
    from explainer import data

    from conftest import ROOT

    html = convert("/// sources\n///", docs_dir=ROOT / "docs", page="sources.md")
    sources = data.load(ROOT / "docs" / "data").sources
    features = html.split('id="type-feature"')[1].split("<h2")[0]
    keys = re.findall(r'<h3[^>]* id="([^"]+)"', features)
    assert keys[0] == "cottee-2015-atlantic"
    dated = [("date" in sources[key]) for key in keys[1:]]
    assert dated == sorted(dated, reverse=True), "an undated entry comes before a dated one"


def test_make_check_finds_a_named_figure_whose_paragraph_names_no_one():
    from explainer import data, figures

    dataset = data.load(FIXTURE / "docs" / "data")
    text = "Berger estimated [fig:census-min, named].\n\nResearchers estimated [fig:census-min, named].\n"
    assert [token for token, _ in figures.figure_problems(text, dataset)] == ["[fig:census-min, named]"]
    assert "does not name 'J.M. Berger and Jonathon Morgan'" in figures.figure_problems(text, dataset)[0][1]
