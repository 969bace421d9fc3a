"""How to cite a page, or a part of one, in APA, MLA, Chicago and BibTeX.

A Work is what a citation needs: the title, the site, the address, the day it last
changed and the revision the site was built from. A part of a page (an argument, a
timeline event) is a Work whose `container` is the page's title and whose `anchor` is
its id. overrides/assets/javascripts/site.js builds the same four formats in the
reader's browser for any anchor; a browser test checks both agree on a whole page.
"""

from __future__ import annotations

import dataclasses
import re

from .dates import MONTH_NAME, parts
from .downloads import bibtex_escape

UNRELEASED = "unreleased"
MLA_MONTH = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


@dataclasses.dataclass(frozen=True)
class Work:
    title: str
    site: str
    url: str
    date: str | None  # YYYY-MM-DD, the day it last changed; None when unknown
    revision: str  # a short commit hash, or UNRELEASED
    container: str | None = None  # the page's title, when citing a part of it
    anchor: str | None = None


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _sentence(text: str) -> str:
    """text with a full stop, unless it already ends a sentence: 'Watch or remove?' stays."""
    return text if text.endswith((".", "?", "!")) else text + "."


def _day(date: str | None) -> tuple[int, int, int] | None:
    return parts(date) if date else None


def apa(work: Work) -> str:
    day = _day(work.date)
    when = f"{day[0]}, {MONTH_NAME[day[1]]} {day[2]}" if day else "n.d."
    within = f" In {_sentence(work.container)}" if work.container else ""
    revision = f"(Revision {work.revision})"
    return f"{work.site}. ({when}). {_sentence(work.title)}{within} {revision}. {work.url}".rstrip()


def mla(work: Work) -> str:
    day = _day(work.date)
    when = f" {day[2]} {MLA_MONTH[day[1] - 1]} {day[0]}," if day else ""
    within = f" {work.container}," if work.container else ""
    return (
        f"“{_sentence(work.title)}”{within} {work.site}, revision {work.revision},{when} {work.url}".rstrip(
            " ,"
        )
        + "."
    )


def chicago(work: Work) -> str:
    day = _day(work.date)
    when = f" Last modified {MONTH_NAME[day[1]]} {day[2]}, {day[0]}." if day else ""
    within = f" In {_sentence(work.container)}" if work.container else ""
    return (
        f"{work.site}. “{_sentence(work.title)}”{within}{when} Revision {work.revision}. {work.url}".rstrip()
    )


def bibtex(work: Work) -> str:
    day = _day(work.date)
    fields = {
        "author": "{" + bibtex_escape(work.site) + "}",
        "title": bibtex_escape(work.title),
        "howpublished": bibtex_escape(work.container or work.site),
    }
    if day:
        fields["year"], fields["month"] = str(day[0]), str(day[1])
    if work.url:
        fields["url"] = work.url
    fields["note"] = (
        f"Last changed {work.date}, revision {work.revision}" if day else f"Revision {work.revision}"
    )
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@misc{{{slug(work.site)}-{work.anchor or slug(work.title)},\n{body}\n}}"


def formats(work: Work) -> dict[str, str]:
    return {"APA": apa(work), "MLA": mla(work), "Chicago": chicago(work), "BibTeX": bibtex(work)}
