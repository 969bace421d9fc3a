"""Print: a printed page is the text and its sources, with their addresses, and no navigation."""

from __future__ import annotations

import pytest

from explainer import data

from .support import ROOT

pytestmark = pytest.mark.browser

DEBATE_PAGE = "debate/watch-or-remove/"
NAVIGATION = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".md-content__button",
]


def display(page, selector: str, pseudo: str | None = None) -> list[str]:
    return page.eval_on_selector_all(
        selector, "(elements, pseudo) => elements.map(e => getComputedStyle(e, pseudo).display)", pseudo
    )


@pytest.fixture
def printed(page, server):
    """Opens a path with print media emulated."""

    def open_printed(path):
        page.emulate_media(media="print")
        page.goto(server.url(path))
        return page

    return open_printed


def test_printed_debate_page_hides_the_navigation_and_keeps_the_text(printed):
    page = printed(DEBATE_PAGE)
    for selector in NAVIGATION:
        assert set(display(page, selector)) <= {"none"}, f"{selector} is printed"
    assert page.locator("article.md-content__inner h1").is_visible()
    assert page.locator(".page-sources li").first.is_visible()


def test_printed_sources_page_shows_each_address_once(printed):
    page = printed("sources/")
    links = page.locator(".source-reference a[href^='http']")
    printed_after = links.evaluate_all(  # one call for every link, not two per link
        "links => links.map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])"
    )
    assert printed_after
    for href, after in printed_after:
        assert after == f'" <{href}>"', f"address not printed once: {after}"
    page.emulate_media(media="screen")
    after = links.first.evaluate("a => getComputedStyle(a, '::after').content")
    assert after in ("none", "normal"), "addresses show on screen"


def test_printed_debate_page_lists_the_address_of_each_source(printed):
    sources = data.load(ROOT / "docs" / "data").sources
    page = printed(DEBATE_PAGE)
    items = page.locator(".page-sources li").evaluate_all(
        "items => items.map(li => [li.id, li.innerText + [...li.querySelectorAll('a')]"
        ".map(a => getComputedStyle(a, '::after').content).join(' ')])"
    )
    assert items
    for item_id, shown in items:
        url = sources[item_id.removeprefix("source-")].get("url")
        assert not url or url in shown, f"{url} is not printed"
