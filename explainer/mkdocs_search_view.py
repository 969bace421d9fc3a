"""MkDocs hook: Material's search reads each page without the parts it leaves out anyway.

Material's search plugin walks a page's whole HTML with Python's HTML parser, including
every element marked `data-search-exclude`, whose text it then drops. On this site
those are most of the markup (source lists, filters, the timeline's overview), so the
walk was the build's biggest single cost. Here, just before the plugin reads the page,
the page's HTML is replaced by a copy without those elements; mkdocs_page_html.py puts
the whole HTML back for the page's template once search is done. For the site's pages
the search index is byte-identical (tests/test_mkdocs_search_view.py compares what the
plugin finds in each page and in its copy). One difference by design: the plugin tells
elements apart by tag name only, so it ends a left-out element at the first end tag of
the same name inside it and indexes the rest; the copy leaves the whole element out, as
its marker asks (search_terms.leave_out() avoids that case in the site's own markup).
Zensical ignores hooks and has its own search.
"""

from __future__ import annotations

import re

from material.plugins.search.plugin import void as VOID_TAGS  # the tags the plugin never closes
from mkdocs.plugins import event_priority

from explainer.mkdocs_page_html import COMPRESSED, release

EXCLUDED = "data-search-exclude"
MARKER = re.compile(re.escape(EXCLUDED), re.IGNORECASE)  # the parser lower-cases names
# An attribute is a name, then perhaps a value (quoted or not).
NAME = r"""[^\s"'>/=]+"""
VALUE = r"""(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
# A start tag, attribute by attribute, so the marker counts only as an attribute's name.
START_TAG = re.compile(rf"<([a-zA-Z][^\s/>]*)((?:\s+{NAME}{VALUE})*)\s*/?>")
ATTRIBUTE_NAME = re.compile(rf"\s+({NAME}){VALUE}")


def _end_of_element(html: str, tag: str, start: int) -> int | None:
    """Where the element whose start tag ends at start closes, or None if it never does."""
    same_tag = re.compile(rf"<(/?){re.escape(tag)}(?=[\s/>])[^>]*>", re.IGNORECASE)
    depth = 1
    for match in same_tag.finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return None


# Entries whose title is a heading inside their element (blockbase.SEARCH_ENTRY): the
# plugin, on leaving each, looks back through every section before it to find where to
# go on, which is quadratic in the number of entries (seconds at 10,000 events). Without
# their start and end tags it finds the same sections with the same text, as long as
# what follows an entry is another entry or the end of their parent (NEXT_IS_SAFE):
# text after an entry inside the same parent would otherwise join the entry's section.
ENTRY_START = r'<(li|article) class="(?:timeline-event|source-entry)"'
ENTRY = re.compile(ENTRY_START + "[^>]*>")
NEXT_IS_SAFE = re.compile(rf"\s*(?:</|{ENTRY_START})")


def _without_entry_tags(html: str) -> str:
    kept, position = [], 0
    for start_tag in ENTRY.finditer(html):
        if start_tag.start() < position:
            continue
        end = _end_of_element(html, start_tag.group(1), start_tag.end())
        if end is None:
            break
        if not NEXT_IS_SAFE.match(html, end):
            continue
        end_tag_start = html.rfind("<", 0, end)
        kept += [html[position : start_tag.start()], html[start_tag.end() : end_tag_start]]
        position = end
    kept.append(html[position:])
    return "".join(kept)


def search_view(html: str) -> str:
    """html without its data-search-exclude elements (left as they are where unclosed),
    and without the tags around each entry (ENTRY)."""
    return _without_entry_tags(_without_excluded(html))


def _without_excluded(html: str) -> str:
    kept, position = [], 0
    while found := MARKER.search(html, position):
        marker = found.start()
        tag_start = html.rfind("<", position, marker)
        start_tag = START_TAG.match(html, tag_start) if tag_start != -1 else None
        if (
            start_tag is None
            or start_tag.end() <= marker
            or EXCLUDED not in (name.lower() for name in ATTRIBUTE_NAME.findall(start_tag.group(2)))
        ):
            kept.append(html[position : marker + len(EXCLUDED)])
            position = marker + len(EXCLUDED)
            continue
        tag = start_tag.group(1).lower()
        if tag in VOID_TAGS or start_tag.group(0).endswith("/>"):
            end = start_tag.end()
        else:
            end = _end_of_element(html, tag, start_tag.end())
            if end is None:
                break
        kept.append(html[position:tag_start])
        position = end
    kept.append(html[position:])
    return "".join(kept)


@event_priority(50)  # after nothing that changes the HTML, before the search plugin (0)
def on_page_context(context, page, config, nav):
    held = getattr(page, COMPRESSED, None)
    if held is not None:
        page.content = search_view(release(held))
    return context
