"""feed.xml: an Atom feed of corrections and new or substantially changed pages."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as etree

from bs4 import BeautifulSoup

from explainer import data, feed

from conftest import ROOT, built_pages
from helpers import FIXTURE

NS = {"atom": feed.ATOM}


def parse_atom(text: str) -> etree.Element:
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == f"{{{feed.ATOM}}}feed"
    for tag in ("id", "title", "updated", "author/atom:name"):
        assert root.find(f"atom:{tag}", NS) is not None, f"feed has no {tag}"
    for entry in root.findall("atom:entry", NS):
        for tag in ("id", "title", "updated", "summary"):
            assert (entry.findtext(f"atom:{tag}", namespaces=NS) or "").strip(), f"entry without {tag}"
        assert entry.find("atom:link[@rel='alternate']", NS).get("href").startswith("http")
    return root


def updated(root) -> list[str]:
    return [entry.findtext("atom:updated", namespaces=NS) for entry in root.findall("atom:entry", NS)]


def test_each_correction_is_an_entry_linked_to_its_record():
    entries = feed.entries(FIXTURE / "docs", "https://example.org/fixture/")
    corrections = data.load(FIXTURE / "docs" / "data").corrections
    for correction in corrections.values():
        entry = next(e for e in entries if e.id.endswith(f":correction/{correction['id']}"))
        assert entry.link == f"https://example.org/fixture/about/corrections/#{correction['id']}"
        assert entry.title == "Correction: Timeline"
        assert correction["says"] in entry.summary and correction["said"] in entry.summary
        assert entry.updated == f"{correction['date']}T00:00:00Z"


def test_the_fixture_feed_is_atom_newest_first():
    root = parse_atom(feed.atom(FIXTURE / "docs", "https://example.org/fixture", "Fixture"))
    assert updated(root) == sorted(updated(root), reverse=True) and updated(root)
    assert root.findtext("atom:updated", namespaces=NS) == updated(root)[0]


def test_the_built_feed_lists_every_page_once_as_new_and_every_correction(site_dir):
    root = parse_atom((site_dir / "feed.xml").read_text(encoding="utf-8"))
    assert updated(root) == sorted(updated(root), reverse=True)
    titles = [entry.findtext("atom:title", namespaces=NS) for entry in root.findall("atom:entry", NS)]
    ids = [entry.findtext("atom:id", namespaces=NS) for entry in root.findall("atom:entry", NS)]
    assert len(ids) == len(set(ids)), "entry ids repeat"
    corrections = data.load(ROOT / "docs" / "data").corrections
    assert sum(title.startswith("Correction: ") for title in titles) == len(corrections)
    assert any(title.startswith(("New page: ", "Updated page")) for title in titles)


def test_without_git_history_the_feed_still_builds_from_the_corrections(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURE / "docs", docs)
    entries = feed.entries(docs, "https://example.org/")
    assert entries and all(entry.title.startswith("Correction: ") for entry in entries)


def test_every_page_links_to_the_feed_in_its_head(site_dir):
    for path in [*built_pages(site_dir), site_dir / "404.html"]:
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head
        link = head.select_one("link[rel=alternate][type='application/atom+xml']")
        assert link is not None and link["href"].endswith("feed.xml"), path


def test_the_corrections_page_links_to_the_feed_visibly(site_dir):
    soup = BeautifulSoup(
        (site_dir / "about" / "corrections" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert soup.select_one("article a[href$='feed.xml']").get_text(strip=True)
