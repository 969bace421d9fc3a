"""MkDocs hook: a page's HTML is held compressed while MkDocs renders the other pages.

MkDocs turns every page's Markdown into HTML first and writes the pages out only after
the last one, and it keeps each page's HTML to the end of the build, so a whole site's
HTML sits in memory at once. Here each page's HTML is compressed as soon as the other
steps are done with it, given back once Material's search plugin has read the page
(mkdocs_search_view.py gives the plugin its copy), just before MkDocs puts it into the
page's template, and let go once the page is written. The built site is byte-identical
(tests/test_mkdocs_page_html.py). Zensical ignores hooks and doesn't need this.
"""

from __future__ import annotations

import re
import zlib

from mkdocs.plugins import event_priority

COMPRESSED = "explainer_compressed_html"
# What Material's search plugin removes from the HTML it has read, for the template.
SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")


def hold(html: str) -> bytes:
    # Level 1: the fastest; page HTML still shrinks to about a fifth.
    return zlib.compress(html.encode("utf-8"), 1)


def release(held: bytes) -> str:
    return zlib.decompress(held).decode("utf-8")


@event_priority(-100)  # after every other step that reads or changes the HTML
def on_page_content(html, page, config, files):
    setattr(page, COMPRESSED, hold(html))
    return ""  # None would keep the full HTML


@event_priority(-100)  # after the search plugin (0), before the template reads the HTML
def on_page_context(context, page, config, nav):
    held = getattr(page, COMPRESSED, None)
    if held is not None:
        page.content = SEARCH_ATTRIBUTES.sub("", release(held))
        delattr(page, COMPRESSED)
    return context


@event_priority(-100)  # the page is rendered; MkDocs writes it out next
def on_post_page(output, page, config):
    page.content = None
    return output
