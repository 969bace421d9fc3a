"""The page's JSON-LD (schema.org): a WebSite for the home page, an Article for every
other page, with the sources it cites as citations. The page footer carries it."""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree

from markdown.util import AtomicString

CONTENT_LICENCE = "https://creativecommons.org/licenses/by/4.0/"
HOME = "index.md"


def source_work(source: dict) -> dict:
    """A source as a schema.org CreativeWork."""
    work = {
        "@type": "CreativeWork",
        "name": source["title"],
        "publisher": {"@type": "Organization", "name": source["publisher"]},
    }
    if source.get("authors"):
        work["author"] = [{"@type": "Person", "name": name} for name in source["authors"]]
    if source.get("date"):
        work["datePublished"] = source["date"]
    if source.get("url"):
        work["url"] = source["url"]
    return work


def json_ld(page, site_name: str, updated: str | None, sources: list[dict]) -> dict:
    """schema.org data for the page: a WebSite for the home page, else an Article."""
    publisher = {"@type": "Organization", "name": site_name}
    if page.src_path == HOME:
        found = {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": site_name,
            "description": page.description or "",
            "license": CONTENT_LICENCE,
            "publisher": publisher,
        }
    else:
        found = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": page.title or site_name,
            "description": page.description or "",
            "license": CONTENT_LICENCE,
            "publisher": publisher,
            "isPartOf": {"@type": "WebSite", "name": site_name},
        }
        if updated:
            found["dateModified"] = updated
        if sources:
            found["citation"] = [source_work(source) for source in sources]
    if page.url:
        found["url"] = page.url
    return found


def script_json(value: dict) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' that could end the element, and ASCII
    (\\u escapes), since compact_html.py leaves script elements as they are."""
    text = json.dumps(value, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script(page, site_name: str, updated: str | None, sources: list[dict]) -> etree.Element:
    """The <script type="application/ld+json"> element for the page."""
    element = etree.Element("script", {"type": "application/ld+json"})
    element.text = AtomicString(script_json(json_ld(page, site_name, updated, sources)))
    return element
