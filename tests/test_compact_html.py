"""compact_html.py: a page's HTML holds no character above U+00FF, and reads the same."""

from __future__ import annotations

import html
import json
import re

from explainer.compact_html import compact_html
from explainer.json_ld import script_json

from helpers import convert


def test_wide_characters_become_references_that_read_as_the_same_text():
    page = "<p>“Quoted” ↑ — 😀 café ·</p>"
    compact = compact_html(page)
    assert compact == "<p>&#8220;Quoted&#8221; &#8593; &#8212; &#128512; café ·</p>"
    assert html.unescape(compact) == page


def test_script_and_style_elements_pass_unchanged():
    # Their text is raw: a browser would read &#8594; there as seven characters.
    page = '<p>→</p><SCRIPT type="x">"→"</SCRIPT><style>p::after{content:"→"}</style><p>→</p>'
    assert compact_html(page) == (
        '<p>&#8594;</p><SCRIPT type="x">"→"</SCRIPT><style>p::after{content:"→"}</style><p>&#8594;</p>'
    )


def test_a_page_without_wide_characters_is_returned_as_it_is():
    page = "<p>Plain text, café and a middle dot ·</p>"
    assert compact_html(page) is page


def test_a_rendered_page_is_all_one_byte_characters_and_keeps_its_text():
    source = "Berger and Morgan's “census” found ↑ accounts [@census-2015]."
    rendered = convert(source)
    assert not re.search("[^\x00-\xff]", rendered), rendered
    assert "“census” found ↑ accounts" in html.unescape(rendered)


def test_the_page_json_ld_is_ascii_and_decodes_to_the_same_value():
    value = {"name": "Islamic State’s network <b>", "note": "😀 & more"}
    text = script_json(value)
    assert text.isascii() and "<" not in text and "&" not in text
    assert json.loads(text) == value
