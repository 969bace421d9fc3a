"""Share cards and page metadata: Open Graph, Twitter card, JSON-LD, and escaped front matter."""

from __future__ import annotations

import io
import json
import pathlib

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from explainer import cards

from conftest import ROOT, built_pages, mkdocs_build
from helpers import convert
from project_copy import copy_project

SITE_URL = "https://the-takedown-debate.github.io/site/"
OPEN_GRAPH = [
    "og:type",
    "og:site_name",
    "og:title",
    "og:description",
    "og:url",
    "og:image",
    "og:image:width",
    "og:image:height",
    "og:image:alt",
]
TWITTER = ["twitter:card", "twitter:title", "twitter:description", "twitter:image", "twitter:image:alt"]


def soup_of(path: pathlib.Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def meta(head, key: str) -> str | None:
    tag = head.find("meta", attrs={"property": key}) or head.find("meta", attrs={"name": key})
    return tag.get("content") if tag else None


def test_every_page_has_open_graph_and_twitter_tags_pointing_at_its_card(site_dir):
    for path in built_pages(site_dir):
        head = soup_of(path).head
        missing = [key for key in OPEN_GRAPH + TWITTER if not meta(head, key)]
        assert not missing, f"{path}: missing {missing}"
        assert meta(head, "og:url") == head.find("link", rel="canonical")["href"]
        assert meta(head, "og:title") == head.title.get_text().rsplit(" - ", 1)[0] or path.parent == site_dir
        assert meta(head, "og:image") == meta(head, "twitter:image")
        assert meta(head, "og:image").startswith(SITE_URL + cards.CARD_DIR + "/")
        assert (meta(head, "og:image:width"), meta(head, "og:image:height")) == ("1200", "630")
        assert meta(head, "twitter:card") == "summary_large_image"
        card = site_dir / meta(head, "og:image").removeprefix(SITE_URL)
        assert card.is_file(), f"{path}: {card} was not built"
    assert meta(soup_of(site_dir / "index.html").head, "og:type") == "website"
    assert meta(soup_of(site_dir / "timeline" / "index.html").head, "og:type") == "article"


def test_every_card_is_a_1200_by_630_png_under_100_kb(site_dir):
    found = sorted((site_dir / cards.CARD_DIR).rglob("*.png"))
    assert len(found) == len(built_pages(site_dir))
    for card in found:
        data = card.read_bytes()
        assert len(data) < 100 * 1024, f"{card.name}: {len(data)} bytes"
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "PNG" and image.size == (1200, 630), card


def test_a_card_is_drawn_again_only_when_its_text_changes(tmp_path, monkeypatch):
    card = cards.Card("assets/cards/x.png", "Watch or remove?", "Site", "A one-line summary.")
    first = cards.render(card, tmp_path)
    monkeypatch.setattr(cards, "draw", lambda card: pytest.fail("redrawn although its text is unchanged"))
    assert cards.render(card, tmp_path) == first
    changed = cards.Card(card.path, "Watch, or remove?", card.site, card.summary)
    with pytest.raises(pytest.fail.Exception):
        cards.render(changed, tmp_path)


def test_debate_cards_carry_the_questions_summary_and_others_do_not():
    by_path = {card.path: card for card in cards.page_cards(ROOT / "docs", "The Takedown Debate")}
    debate = by_path["assets/cards/debate/watch-or-remove.png"]
    assert debate.title == "Watch or remove?" and debate.summary.startswith("Whether pro-ISIS accounts")
    assert by_path["assets/cards/timeline.png"].summary is None
    assert by_path["assets/cards/debate/index.png"].summary is None


def json_ld(path: pathlib.Path) -> dict:
    scripts = soup_of(path).find_all("script", type="application/ld+json")
    assert len(scripts) == 1, f"{path}: {len(scripts)} JSON-LD blocks"
    return json.loads(scripts[0].string)


def test_content_pages_carry_an_article_and_the_home_page_a_website(site_dir):
    home = json_ld(site_dir / "index.html")
    assert home["@type"] == "WebSite" and home["name"] == "The Takedown Debate" and home["url"] == SITE_URL
    for path in built_pages(site_dir):
        if path == site_dir / "index.html":
            continue
        article, soup = json_ld(path), soup_of(path)
        assert article["@type"] == "Article", path
        assert article["headline"] == meta(soup.head, "og:title"), path
        assert article["description"] == meta(soup.head, "description"), path
        assert article["license"] == "https://creativecommons.org/licenses/by/4.0/"
        assert article["publisher"]["name"] == "The Takedown Debate"
        assert article["dateModified"] == soup.select_one(".page-updated time")["datetime"], path
        listed = soup.select(".page-sources li")
        assert len(article.get("citation", [])) == len(listed), path
        for work, item in zip(article.get("citation", []), listed, strict=True):
            assert work["name"] in item.get_text(), path


NO_TOOLTIP_INSIDE = ["a", "code", "pre", "svg", "h1", "h2", "h3", "h4", "h5", "h6"]


def test_glossary_tooltips_stay_out_of_links_headings_code_addresses_and_the_chart(site_dir):
    for path in built_pages(site_dir):
        for abbr in soup_of(path).find_all("abbr"):
            outside = abbr.find_parent(NO_TOOLTIP_INSIDE)
            assert not outside, f"{path}: tooltip inside <{outside.name}>"


def test_a_tooltip_term_inside_a_written_out_address_stays_plain_text():
    html = convert(
        "See https://example.org/the-takedown-debate/ and the takedown of a site.\n\n"
        "## Why a takedown\n\n*[takedown]: A removal.",
        extra_extensions=("abbr", "toc"),
    )
    assert "example.org/the-takedown-debate/" in html
    assert html.count("<abbr") == 1 and '<h2 id="why-a-takedown">Why a takedown</h2>' in html


def test_front_matter_in_the_head_is_escaped(tmp_path):
    project = copy_project(tmp_path / "project")
    nasty = 'Quotes " and <b>tags</b> & </title><script>alert(1)</script>'
    page = project / "docs" / "glossary.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines[1:3] = [f"title: {json.dumps(nasty)}", f"description: {json.dumps(nasty + ' Plain definitions.')}"]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", cwd=project)
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "site" / "glossary" / "index.html").read_text(encoding="utf-8")
    head = html.split("</head>")[0]
    assert "<script>alert(1)</script>" not in html
    soup = BeautifulSoup(head, "html.parser")
    assert soup.title.get_text() == f"{nasty} - The Takedown Debate"
    assert meta(soup, "og:title") == nasty and meta(soup, "description").startswith(nasty)
    assert (
        json.loads(BeautifulSoup(html, "html.parser").find("script", type="application/ld+json").string)[
            "headline"
        ]
        == nasty
    )
