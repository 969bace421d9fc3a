"""explainer.formatting: dates at their precision, references, figure values, runs of links."""

import xml.etree.ElementTree as etree

from explainer.formatting import (
    add_links,
    as_sentence,
    figure_value,
    format_date,
    format_when,
    reference_text,
)


def test_dates_keep_their_precision():
    assert format_date("2015") == "2015"
    assert format_date("2015-02") == "February 2015"
    assert format_date("2015-03-05") == "5 March 2015"


def test_ranges_are_written_as_briefly_as_possible():
    assert format_when({"start": "2014-09", "end": "2014-12"}) == "September to December 2014"
    assert format_when({"start": "2015-07-02", "end": "2015-07-04"}) == "2 to 4 July 2015"
    assert format_when({"start": "2015-04", "end": "2015-05"}) == "April to May 2015"
    assert format_when({"start": "2014-12", "end": "2015-02"}) == "December 2014 to February 2015"


def test_circa_and_notes_are_shown():
    assert format_when("2015-03", circa=True) == "Around March 2015"
    assert format_when("2015-03-11", note="on or before") == "11 March 2015 (on or before)"


def test_reference_text_uses_authors_or_the_publisher():
    source = {"title": "T", "publisher": "P", "date": "2015-10", "authors": ["A"]}
    assert reference_text(source) == "A (October 2015). “T”. P."
    assert reference_text({"title": "D", "title_is_description": True, "publisher": "P"}) == "P (n.d.). D."


def test_figure_values_show_qualifier_range_and_unit():
    assert (
        figure_value({"value": 46000, "qualifier": "at least", "unit": "accounts"})
        == "at least 46,000 accounts"
    )
    assert (
        figure_value({"value": {"low": 60000, "high": 70000}, "unit": "accounts"}) == "60,000–70,000 accounts"
    )
    assert figure_value({"value": 3.4, "unit": "percent"}) == "3.4%"


def test_a_field_ends_with_exactly_one_full_stop():
    assert as_sentence("Peer-reviewed research report") == "Peer-reviewed research report."
    assert as_sentence("Peer-reviewed research report.") == "Peer-reviewed research report."
    assert as_sentence("Who decides?") == "Who decides?"


def test_labelled_links_follow_the_text_and_nothing_is_added_without_links():
    paragraph = etree.Element("p")
    paragraph.text = "Reliability: high. "
    add_links(paragraph, "Cited on", [("a.md", "A"), ("b.md", "B")])
    add_links(paragraph, "Events", [])
    assert (
        etree.tostring(paragraph, encoding="unicode")
        == '<p>Reliability: high. Cited on: <a href="a.md">A</a>, <a href="b.md">B</a>.</p>'
    )
