"""Site search finds the page a reader wants, online and in the offline copy.

Each query lists the pages that answer it (more than one where two are equally right);
at least one of them must be among the first three results. The offline copy is opened
from file:// with every non-file request aborted and recorded: none may be made.
"""

from __future__ import annotations

import pytest
import yaml

from explainer import data
from explainer.glossary import read_terms, term_anchor

from .support import search, search_results
from conftest import ROOT, built_pages

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
    # The Census's own entry is on the Sources page; watch-or-remove sets out its intelligence section.
    "census": {"numbers/", SUSPENSIONS, NUMBERS_DEBATE, "sources/", WATCH},
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


READER_QUERIES = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
# The main words of each debate question's title: the question must come first.
DEBATE_TITLE_WORDS = {
    "suspensions reduce isis reach": SUSPENSIONS,
    "volunteers lists trusted": LISTS,
    "takedown numbers believed": NUMBERS_DEBATE,
    "decide what comes down": DECIDE,
    "free-speech problem": "debate/is-it-a-free-speech-problem/",
    "take down talk back": TALK_BACK,
    "watch remove": WATCH,
    "hunters": HUNTERS,
}


def reader_query_params() -> list:
    return [pytest.param(entry, id=entry["query"]) for entry in READER_QUERIES]


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


def index_requests(page) -> list[str]:
    requests = []
    page.on("request", lambda request: "search_index" in request.url and requests.append(request.url))
    return requests


def test_a_reader_who_only_reads_never_downloads_the_search_index(page, server):
    requests = index_requests(page)
    page.goto(server.url("numbers/"), wait_until="load")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(1500)
    assert not requests, "the index loads on the reader's first tap, key or focus"
    assert search_results(page, "free speech")[0].startswith("debate/is-it-a-free-speech-problem/")
    assert requests == [server.url("search/search_index.json")]


def test_a_shared_search_link_loads_the_index_and_shows_its_results(page, server):
    requests = index_requests(page)
    page.goto(server.url("?q=Tunisia"))
    page.locator(".md-search-result__item").first.wait_for()
    assert requests == [server.url("search/search_index.json")]


def test_keyboard_alone_opens_search_and_follows_a_result(page, server):
    page.goto(server.url())
    page.keyboard.press("/")
    page.locator("input.md-search__input:focus").wait_for()
    page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for()
    page.keyboard.type("free speech")
    first = page.locator(".md-search-result__list > .md-search-result__item > a").first
    # Results are redrawn as each letter arrives (a redraw takes the focus away): wait for
    # the whole query's first result before moving to it.
    page.wait_for_function(
        "() => (document.querySelector('.md-search-result__list > .md-search-result__item > a')"
        " || {href: ''}).href.includes('/debate/is-it-a-free-speech-problem/')"
    )
    target = first.get_attribute("href").split("?")[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("?")[0] == target
    assert page.url.split("?")[0].endswith("debate/is-it-a-free-speech-problem/")


def test_there_are_at_least_thirty_reader_queries_each_naming_a_built_page():
    assert len(READER_QUERIES) >= 30
    assert all(set(entry) >= {"query", "page", "anchor"} for entry in READER_QUERIES)


@pytest.mark.parametrize("entry", reader_query_params())
def test_a_reader_query_finds_its_page_in_the_top_three(online_search_page, entry):
    results = search(online_search_page, entry["query"])
    assert entry["page"] in results[:3], top_three_message(entry["query"], {entry["page"]}, results)


@pytest.mark.parametrize("entry", reader_query_params())
def test_a_reader_query_finds_its_page_in_the_top_three_offline(offline_search, entry):
    page, leaks = offline_search
    results = search(page, entry["query"])
    assert entry["page"] in results[:3], top_three_message(entry["query"], {entry["page"]}, results)
    assert not leaks, f"the offline copy made network requests: {sorted(set(leaks))}"


@pytest.mark.parametrize("words", DEBATE_TITLE_WORDS)
def test_each_debate_question_ranks_first_for_the_main_words_of_its_title(online_search_page, words):
    results = search(online_search_page, words)
    assert results[:1] == [DEBATE_TITLE_WORDS[words]], f"{words!r}: got {results[:3]}"


def definitions() -> list:
    terms = read_terms((ROOT / "docs" / "includes" / "abbreviations.md").read_text(encoding="utf-8"))
    actors = data.load(ROOT / "docs" / "data").actors.values()
    glossary = {term: f"{GLOSSARY}#{term_anchor(term)}" for term, _ in terms}
    return [pytest.param(term, (anchor,), id=f"term {term}") for term, anchor in glossary.items()] + [
        pytest.param(
            actor["name"],
            # An actor that is also a glossary term is defined in both places; either will do.
            (f"{WHOS_WHO}#{actor['key']}", *([glossary[actor["name"]]] if actor["name"] in glossary else [])),
            id=f"actor {actor['key']}",
        )
        for actor in actors
    ]


@pytest.mark.parametrize(("name", "definitions"), definitions())
def test_a_glossary_term_or_actor_leads_to_its_definition(online_search_page, name, definitions):
    results = search_results(online_search_page, name)
    pages = list(dict.fromkeys(result.partition("#")[0] for result in results))
    # Material matches each word as a prefix, so "takedown" may lead to "takedowns" first.
    assert any(
        any(result.startswith(definition) for result in results) and definition.partition("#")[0] in pages[:3]
        for definition in definitions
    ), f"{name!r}: none of {definitions} among the first three pages' entries: {results[:6]}"


@pytest.mark.parametrize("spelling", ["360000", "360,000", "360 000"])
def test_a_number_is_found_with_or_without_separators(online_search_page, spelling):
    results = search_results(online_search_page, spelling)
    assert "timeline/#twitter-360000-suspensions" in results[:4], f"{spelling!r}: {results[:6]}"
