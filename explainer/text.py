"""Text from the data files, on its one way into HTML: escaped here, never parsed.

Renderers put every string from docs/data (and the glossary include's terms and page
titles from front matter) into the page with `data_text()`. It escapes the string
itself and hands Python-Markdown the result as stashed HTML, so the tree holds only a
placeholder and no later step (inline patterns, raw HTML, attr_list's `{: ...}`, abbr)
ever reads data as markup: `<script>` in a title is printed, not run. Glossary <abbr>
tooltips, when asked for, are added between the escaped pieces when the page is
written out, once every abbreviation on the page is known.
"""

from __future__ import annotations

import functools
import html
import re

from markdown.util import ETX, HTML_PLACEHOLDER_RE, STX, AtomicString


class DataText(AtomicString):
    """The placeholder that stands in the tree for one escaped data string."""

    source: str
    glossary: bool


class _EscapedHtml(str):
    """The escaped string; str() adds the page's glossary tooltips when they were asked for."""

    def __new__(cls, md, value: str, glossary: bool):
        self = super().__new__(cls, escape(value))
        self.md, self.value, self.glossary = md, value, glossary
        return self

    def __str__(self) -> str:
        if not self.glossary:
            return str.__str__(self)
        abbr = self.md.treeprocessors["abbr"] if "abbr" in self.md.treeprocessors else None
        return escape(self.value, getattr(abbr, "abbrs", None))


def data_text(md, value: str, glossary: bool = False) -> DataText:
    """A placeholder for value as escaped HTML (with glossary tooltips if glossary=True).

    The same string on the same page gets the same placeholder: a big timeline repeats
    its labels, dates and actor names thousands of times, each escaped and stashed once.
    """
    stash = md.htmlStash
    seen = getattr(stash, "explainer_data_text", None)
    if seen is None or seen[0] is not stash.rawHtmlBlocks:  # a new page empties the stash
        seen = stash.explainer_data_text = (stash.rawHtmlBlocks, {})
    placeholder = seen[1].get((value, glossary))
    if placeholder is None:
        placeholder = DataText(stash.store(_EscapedHtml(md, value, glossary)))
        placeholder.source, placeholder.glossary = value, glossary
        seen[1][value, glossary] = placeholder
    return placeholder


def source(text: str | None) -> str:
    """The data string behind a placeholder (or the text itself, if it is none)."""
    return getattr(text, "source", text or "")


def sources_in(md, text: str | None) -> str:
    """The text with the data string behind each placeholder in it: inline patterns turn a
    placeholder into a plain string (one of several in a run of text) and lose its source."""
    stash = md.htmlStash.rawHtmlBlocks

    def data(match: re.Match) -> str:
        index = int(match.group(1))
        return getattr(stash[index], "value", "") if index < len(stash) else ""

    text = source(text)
    return HTML_PLACEHOLDER_RE.sub(data, text) if STX in text else text


def escape(value: str, abbreviations: dict[str, str] | None = None) -> str:
    """value as HTML: every character escaped, glossary terms wrapped in <abbr>.

    STX and ETX (Python-Markdown's placeholder marks) are dropped, so data can never
    name a stashed piece of the page.
    """
    value = value.replace(STX, "").replace(ETX, "")
    terms = tuple(term for term, title in abbreviations.items() if title) if abbreviations else ()
    if not terms:
        return html.escape(value, quote=False)
    pattern = _terms_pattern(terms)
    pieces, last = [], 0
    for match in pattern.finditer(value):
        title = html.escape(abbreviations[match.group(0)], quote=False).replace('"', "&quot;")
        pieces += [
            html.escape(value[last : match.start()], quote=False),
            f'<abbr title="{title}">{html.escape(match.group(0), quote=False)}</abbr>',
        ]
        last = match.end()
    return "".join(pieces) + html.escape(value[last:], quote=False)


@functools.lru_cache(maxsize=8)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern:
    """One pattern for the page's glossary terms, longest first; built once, not once per string."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(terms, key=len, reverse=True))) + r")\b")
