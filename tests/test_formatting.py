"""explainer.formatting: references, figure values, runs of links."""

import xml.etree.ElementTree as etree

import markdown

from explainer.formatting import (
    add_links,
    as_sentence,
    figure_value,
    reference_text,
)


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
    md = markdown.Markdown()
    paragraph = etree.Element("p")
    paragraph.text = "Reliability: high. "
    add_links(md, paragraph, "Cited on", [("a.md", "A"), ("b.md", "B")])
    add_links(md, paragraph, "Events", [])
    assert (
        written_out(md, paragraph)
        == '<p>Reliability: high. Cited on: <a href="a.md">A</a>, <a href="b.md">B</a>.</p>'
    )


def written_out(md, element) -> str:
    """The element as the page will hold it: serialised, with the stashed data text restored."""
    html = etree.tostring(element, encoding="unicode")
    return md.postprocessors["raw_html"].run(html)
