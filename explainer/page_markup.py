"""The HTML policy for what a page's Markdown may write: nothing that runs or embeds.

Python-Markdown passes raw HTML, `{: ...}` attributes and link targets through as they
are, so a page could carry a script. A page may not contain <script>, <iframe>, <object>,
<embed>, <base>, <meta> or <form> elements, an on* attribute (in HTML, in `{: ...}` or in
a block's `attrs:`), or a javascript:, data: or vbscript: address. The source is read,
not rendered, so `make check` and the build (PageMarkupGuard) report the same line.
Code (fenced blocks and `inline code`) is skipped: it is printed, never run. Control
characters, which a browser may drop or read unpredictably, are refused everywhere.
"""

from __future__ import annotations

import html
import pathlib
import re
from html.parser import HTMLParser

from markdown.preprocessors import Preprocessor

from .errors import ContentError, Problem, display_path

FORBIDDEN_TAGS = {
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "meta",
    "form",
}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "srcset",
}
FORBIDDEN_SCHEME = re.compile(r"(javascript|data|vbscript):", re.IGNORECASE)
NO_SCRIPT = "pages may not run scripts"

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1[`~]*[ \t]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
ATTRIBUTE = re.compile(r"""([^\s={}:]+)\s*=\s*("[^"]*"|'[^']*'|[^\s}]+)""")
LINK_TARGET = re.compile(r"\]\(\s*<?([^)>\s]*)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
BLOCK_ATTRS = re.compile(r"^(\s*)attrs\s*:(.*(?:\n\1\s+\S.*)*)", re.MULTILINE)
ON_KEY = re.compile(r"""(?:^|[\s{,'"])(on[a-z]+)['"]?\s*:""", re.IGNORECASE)


SNIPPET_LINE = re.compile(r"""^\s*-{1,}8<-{1,}\s+(["'])(.+?)\1\s*$""", re.MULTILINE)
SNIPPET_BLOCK = re.compile(r"^\s*-{1,}8<-{1,}\s*\n(.*?)^\s*-{1,}8<-{1,}\s*$", re.MULTILINE | re.DOTALL)


def snippet_problems(text: str, includes: pathlib.Path) -> list[tuple[int, str]]:
    """A `--8<--` include names a file inside docs/includes/, so a page can publish
    nothing else (mkdocs.yml, .git/config, a data file); a missing one is named here
    with its line instead of the snippets extension's traceback."""
    found = []
    names = [(m.start(2), m.group(2)) for m in SNIPPET_LINE.finditer(text)]
    for block in SNIPPET_BLOCK.finditer(text):
        offset = block.start(1)
        for line in block.group(1).splitlines(keepends=True):
            if line.strip() and not line.lstrip().startswith(";"):
                names.append((offset, line.strip()))
            offset += len(line)
    root = includes.resolve()
    for offset, name in names:
        file = re.sub(r"(:[0-9]*)+$|:[A-Za-z0-9_-]+$", "", name)  # line ranges and sections
        target = (includes / file).resolve()
        if pathlib.PurePath(file).is_absolute() or root not in target.parents or not target.is_file():
            found.append(
                (
                    _line(text, offset),
                    f"snippet '{name}' is not a file in docs/includes/; a page may include only "
                    "files there, named relative to it (such as abbreviations.md)",
                )
            )
    return found


def _blank(match: re.Match) -> str:
    """The match with every character but line breaks made a space, so lines keep their numbers."""
    return re.sub(r"[^\n]", " ", match.group(0))


def without_code(text: str) -> str:
    return CODE_SPAN.sub(_blank, FENCE.sub(_blank, text))


def forbidden_address(value: str) -> str | None:
    """The scheme a browser would read in value (entities decoded, spaces and controls
    dropped, as browsers do), if it is one a page may not link to."""
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(value or ""))
    match = FORBIDDEN_SCHEME.match(cleaned)
    return match.group(0).lower() if match else None


def _attribute_problem(name: str, value: str | None, where: str) -> str | None:
    name = name.lower()
    if name.startswith("on"):
        return f"the '{name}' attribute {where} is not allowed ({NO_SCRIPT}); remove it"
    scheme = forbidden_address(value) if name in URL_ATTRIBUTES else None
    if scheme:
        return f"a {scheme} address in '{name}' {where} is not allowed; link to an https:// address or a page"
    return None


class _RawHtml(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag in FORBIDDEN_TAGS:
            self.found.append(
                (
                    line,
                    f"<{tag}> is not allowed in a page (it could run a script, embed another page "
                    "or redirect); remove it",
                )
            )
        for name, value in attrs:
            message = _attribute_problem(name, value, f"on <{tag}>")
            if message:
                self.found.append((line, message))

    handle_startendtag = handle_starttag


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def markup_problems(text: str, includes: pathlib.Path | None = None) -> list[tuple[int, str]]:
    """(line in text, message) for each thing in a page's Markdown the policy forbids;
    with includes (docs/includes), each snippet it names too."""
    found = snippet_problems(without_code(text), includes) if includes else []
    found += [
        (
            _line(text, match.start()),
            f"the control character U+{ord(match.group(0)):04X} is not allowed in a "
            "page; delete it (your editor may not show it)",
        )
        for match in CONTROL.finditer(text)
    ]
    text = without_code(text)
    parser = _RawHtml()
    parser.feed(text)
    parser.close()
    found += parser.found
    for match in ATTR_LIST.finditer(text):
        for name, value in ATTRIBUTE.findall(match.group(1)):
            message = _attribute_problem(name, value.strip("'\""), "in '{: ...}'")
            if message:
                found.append((_line(text, match.start()), message))
    for match in BLOCK_ATTRS.finditer(text):
        for key in ON_KEY.findall(match.group(2)):
            found.append(
                (
                    _line(text, match.start(2)),
                    f"the '{key}' attribute in a block's attrs: is not allowed ({NO_SCRIPT}); remove it",
                )
            )
    for pattern in (LINK_TARGET, REFERENCE):
        for match in pattern.finditer(text):
            scheme = forbidden_address(match.group(1))
            if scheme:
                found.append(
                    (
                        _line(text, match.start(1)),
                        f"a link to a {scheme} address is not allowed; link to an https:// address or a page",
                    )
                )
    return sorted(set(found))


def page_problems(
    file: str, text: str, first_line: int = 1, includes: pathlib.Path | None = None
) -> list[Problem]:
    """The problems of a page (or its body starting at first_line) as one line each."""
    return [
        Problem(file, first_line + line - 1, message) for line, message in markup_problems(text, includes)
    ]


class PageMarkupGuard(Preprocessor):
    """Stops the build at a page that breaks the policy, before any of it is parsed."""

    def __init__(self, md, site):
        super().__init__(md)
        self.site = site

    def run(self, lines):
        includes = self.site.docs_dir / "includes"
        problems = markup_problems("\n".join(lines), includes)
        if problems:
            path = self.site.page_file
            try:  # the page's own lines, front matter included, as make check counts them
                whole = path.read_text(encoding="utf-8-sig")
                first = whole.count("\n", 0, max(whole.find("\n".join(lines)[:200]), 0)) + 1
            except OSError:
                first = 1
            raise ContentError(page_problems(display_path(path), "\n".join(lines), first, includes))
        return lines
