"""mkdocs_search_view.py: Material's search reads each page without its left-out parts,
and finds exactly what it found in the whole page."""

from __future__ import annotations

import re

from material.plugins.search.plugin import Parser

from explainer.mkdocs_search_view import search_view

from conftest import built_pages


def test_an_excluded_element_goes_whole_with_its_nested_elements_of_the_same_tag():
    html = '<p>A</p><div data-search-exclude=""><div><p>B</p></div>C</div><p>D</p>'
    assert search_view(html) == "<p>A</p><p>D</p>"


def test_an_excluded_void_element_goes_alone():
    assert search_view('<p>A<input data-search-exclude type="checkbox">B</p>') == "<p>AB</p>"


def test_the_marker_counts_only_as_an_attribute_name():
    html = (
        '<p title="data-search-exclude">A</p><code>&lt;p data-search-exclude&gt;</code>'
        "<p>data-search-exclude</p>"
    )
    assert search_view(html) == html


def test_an_element_that_never_closes_is_left_as_it_is():
    html = "<p>A</p><section data-search-exclude><p>B</p>"
    assert search_view(html) == html


def test_upper_case_and_unquoted_attributes_are_found():
    assert search_view("<P>A</P><UL class=x DATA-SEARCH-EXCLUDE><li>B</li></ul>") == "<P>A</P>"


def test_an_entry_loses_its_own_tags_and_keeps_what_is_inside():
    html = (
        '<ol><li class="timeline-event" data-status="claimed"><h3 id="a">A</h3><ul><li>x</li></ul></li>\n'
        '<li class="timeline-event"><h3 id="b">B</h3></li></ol>'
        '<section><article class="source-entry"><h3 id="c">C</h3></article></section><p>D</p>'
    )
    assert search_view(html) == (
        '<ol><h3 id="a">A</h3><ul><li>x</li></ul>\n<h3 id="b">B</h3></ol>'
        '<section><h3 id="c">C</h3></section><p>D</p>'
    )
    assert sections(search_view(html)) == sections(html)


def test_an_entry_keeps_its_tags_when_other_content_follows_it_in_the_same_parent():
    html = '<ol><li class="timeline-event"><h3 id="a">A</h3></li><li><p>B</p></li></ol>'
    assert search_view(html) == html


def sections(html: str) -> list[tuple]:
    """What Material's search plugin indexes: each section not left out, with its text."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    # Stripped, as the plugin's create_entry_for_section() does.
    return [
        (s.id, "".join(s.title).strip(), "".join(s.text).strip()) for s in parser.data if not s.is_excluded()
    ]


def test_search_finds_the_same_sections_and_text_in_every_real_page_and_its_view(site_dir):
    compared = 0
    for page in built_pages(site_dir):
        content = re.search(r"<article[^>]*>(.*)</article>", page.read_text(encoding="utf-8"), re.S)
        if content is None or "data-search-exclude" not in content.group(1):
            continue
        html = content.group(1)
        assert len(search_view(html)) < len(html), page
        assert sections(search_view(html)) == sections(html), page
        compared += 1
    assert compared >= 15
