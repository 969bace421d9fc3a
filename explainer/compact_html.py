"""A page's HTML leaves the pipeline in one byte a character: the rest as character references.

MkDocs keeps every page's HTML in memory until the whole site is written. CPython stores
a string at one byte per character only while every character is below U+0100: one
curly quote or '↑' in a page doubles the memory of all its HTML (two bytes a character,
four with one emoji). Our pages carry several times stock Material's HTML (source lists,
figures, sides, timeline slices): at 250 synthetic pages (bench/build.py) this step
cuts the build's peak memory from 156 to 136 MB.
Browsers and Material's search parser read `&#8220;` as “: readers and the search index
get the same text. Script and style elements read character references literally, so
they pass unchanged (the page's JSON-LD is ASCII already, see json_ld.script_json).
"""

from __future__ import annotations

import re

from markdown.postprocessors import Postprocessor

RAW_TEXT = re.compile(r"(<(script|style)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)


def references(text: str) -> str:
    """text with each character above U+00FF as &#N;, by Python's own codec: a regular
    expression took 0.3 s to find 6,000 of them in the 10,000-event timeline."""
    return text.encode("latin-1", "xmlcharrefreplace").decode("latin-1")


def is_one_byte(html: str) -> bool:
    try:
        html.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def compact_html(html: str) -> str:
    """html with each character above U+00FF outside script and style written as &#N;."""
    if html.isascii() or is_one_byte(html):
        return html
    parts = RAW_TEXT.split(html)
    # split() gives text, element, tag name, text, ...: rewrite the text between the elements.
    for index in range(0, len(parts), 3):
        parts[index] = references(parts[index])
    del parts[2::3]
    return "".join(parts)


class CompactHtmlPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        return compact_html(text)
