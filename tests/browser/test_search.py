"""Site search finds the page a reader wants, online and in the offline copy.

Each query lists the pages that answer it (more than one where two are equally right);
at least one of them must be among the first three results. The offline copy is opened
from file:// with every non-file request aborted and recorded: none may be made.
"""

from __future__ import annotations

import pytest

from .support import search
from conftest import built_pages

pytestmark = pytest.mark.browser

HUNTERS, WHOS_WHO, GLOSSARY, TIMELINE = "debate/who-are-the-hunters/", "whos-who/", "glossary/", "timeline/"
NUMBERS_DEBATE, LISTS = "debate/can-the-numbers-be-believed/", "debate/can-volunteer-lists-be-trusted/"
SUSPENSIONS, TALK_BACK = "debate/do-suspensions-work/", "debate/take-down-or-talk-back/"
WATCH, DECIDE = "debate/watch-or-remove/", "debate/who-should-decide/"

SEARCHES = {
    "CtrlSec": {HUNTERS, WHOS_WHO, NUMBERS_DEBATE, LISTS},
    "GhostSec": {WHOS_WHO, HUNTERS, WATCH},
    "Mikro": {"article/", HUNTERS, WHOS_WHO},
    "Berger": {SUSPENSIONS, WHOS_WHO},
    "census": {"numbers/", SUSPENSIONS, NUMBERS_DEBATE},
    "Tunisia": {WATCH, TIMELINE},
    "Dorsey": {HUNTERS, TIMELINE},
    "free speech": {"debate/is-it-a-free-speech-problem/"},
    "DDoS": {GLOSSARY, DECIDE},
    "whitelist": {LISTS, GLOSSARY, "debate/is-it-a-free-speech-problem/"},
    "Think Again Turn Away": {TALK_BACK, TIMELINE, WHOS_WHO},
    "Gilsinan": {"article/", SUSPENSIONS, TALK_BACK, WHOS_WHO},
    "Kronos": {WHOS_WHO, WATCH},
    "46,000": {"numbers/", "", NUMBERS_DEBATE},
    "60,000": {"numbers/", NUMBERS_DEBATE},
    "GIFCT": {GLOSSARY, WHOS_WHO, DECIDE},
    "counter-messaging": {TALK_BACK, GLOSSARY},
    "death threats": {HUNTERS},
    "hacktivism": {GLOSSARY},
    "Conway": {SUSPENSIONS, WHOS_WHO, TIMELINE},
    "BibTeX": {"sources/"},
    "licence": {"about/licence/"},
}


def top_three_message(query, wanted, results):
    return f"search for {query!r}: expected one of {sorted(wanted)} in the first three, got {results[:3]}"


@pytest.fixture(scope="module")
def online_search_page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(server.url())
    yield page
    context.close()


@pytest.fixture(scope="module")
def offline_search(browser, offline_site_dir):
    """A page on the offline copy's home page, and the list of non-file requests it made."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    leaks: list[str] = []

    def is_file(url):
        return url.startswith(("file:", "data:", "blob:", "about:"))

    def block(route):
        if is_file(route.request.url):
            route.continue_()
        else:
            leaks.append(route.request.url)
            route.abort()

    context.route("**/*", block)
    context.on("request", lambda request: None if is_file(request.url) else leaks.append(request.url))
    page = context.new_page()
    page.goto((offline_site_dir / "index.html").as_uri())
    yield page, leaks
    context.close()


@pytest.mark.parametrize("query", SEARCHES)
def test_search_puts_the_right_page_in_the_top_three(online_search_page, query):
    results = search(online_search_page, query)
    assert set(results[:3]) & SEARCHES[query], top_three_message(query, SEARCHES[query], results)


@pytest.mark.parametrize("query", SEARCHES)
def test_offline_search_from_file_puts_the_right_page_in_the_top_three(offline_search, query):
    page, leaks = offline_search
    results = search(page, query)
    assert set(results[:3]) & SEARCHES[query], top_three_message(query, SEARCHES[query], results)
    assert not leaks, f"the offline copy made network requests: {sorted(set(leaks))}"


def test_offline_copy_makes_no_network_request_while_reading(offline_search, offline_site_dir):
    page, leaks = offline_search
    for path in built_pages(offline_site_dir):
        page.goto(path.as_uri())
    search(page, "Tunisia")
    assert not leaks, f"the offline copy made network requests: {sorted(set(leaks))}"


def test_keyboard_alone_opens_search_and_follows_a_result(page, server):
    page.goto(server.url())
    page.keyboard.press("/")
    page.locator("input.md-search__input:focus").wait_for()
    page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for()
    page.keyboard.type("free speech")
    first = page.locator(".md-search-result__list > .md-search-result__item > a").first
    first.wait_for()
    target = first.get_attribute("href").split("?")[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("?")[0] == target
    assert page.url.split("?")[0].endswith("debate/is-it-a-free-speech-problem/")
