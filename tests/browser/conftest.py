"""Browser fixtures: the built site served on 127.0.0.1, and one headless Chromium.

The site is built once (the session fixtures in tests/conftest.py) and served by a
background http.server on a random free port. Debian's /usr/bin/chromium is driven
through Playwright's sync API, launched once per session; each test opens its own
context (viewport, colour scheme) or borrows a shared one. Without Chromium the tests
fail and say how to install it: CI installs it, so a skip would hide a broken setup.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Error as PlaywrightError

from .support import CHROMIUM, CHROMIUM_FLAGS, DESKTOP, SiteServer, search
from conftest import build_once, built_pages

TABS_AT_ONCE = 6


@pytest.fixture(scope="session")
def server(site_dir):
    site = SiteServer(site_dir)
    yield site
    site.close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run `make browser-deps` (installs Debian's chromium)", pytrace=False
        )
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def new_context(browser):
    """Opens contexts for one test and closes them after it: new_context(viewport, scheme)."""
    opened = []

    def open_context(viewport=DESKTOP, color_scheme="light", **options):
        context = browser.new_context(viewport=viewport, color_scheme=color_scheme, **options)
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()


@pytest.fixture(scope="module")
def reading_page(browser):
    """reading_page(viewport): a light-scheme page kept for the module's tests that only load
    a page and read it (no clicks, hovers, storage or listeners), one per viewport. Each such
    test loads its own page first; a new tab costs more than a page load."""
    kept = {}

    def page_for(viewport=DESKTOP):
        key = (viewport["width"], viewport["height"])
        if key not in kept:
            kept[key] = browser.new_context(viewport=viewport, color_scheme="light").new_page()
        return kept[key]

    yield page_for
    for page in kept.values():
        page.context.close()


@pytest.fixture
def page(new_context):
    """A fresh desktop page in the light scheme."""
    return new_context().new_page()


@pytest.fixture(scope="session")
def every_page_visit(browser, server, site_dir, tmp_path_factory):
    """Loads every built page once (and runs one search), recording what the pages did.

    Returns (outside, errors): the addresses of requests to anything but the local
    server (each one aborted), and the console errors and uncaught exceptions, per page.
    One visit per test run: the first xdist worker to ask makes it, the others read its record.
    """

    def record(path):
        path.write_text(json.dumps(visit_every_page(browser, server, site_dir)), encoding="utf-8")

    outside, errors = json.loads(build_once(tmp_path_factory, "every-page-visit.json", record).read_text())
    return outside, errors


def visit_every_page(browser, server, site_dir) -> tuple[list[str], list[str]]:
    """every_page_visit's visit. Pages load a few at a time in tabs of one context, so their
    waits for the network to fall quiet (half a second each after the last request) overlap;
    the tabs are reused from one group of pages to the next (a new tab costs more than a load)."""
    context = browser.new_context(viewport=DESKTOP)
    outside: list[str] = []
    errors: list[str] = []
    names: dict = {}  # each tab -> the page it shows

    def owner(request) -> str:
        try:
            return names.get(request.frame.page, "?")
        except PlaywrightError:  # a worker's request has no frame
            return "a worker"

    def guard(route):
        if server.is_local(route.request.url):
            route.continue_()
        else:
            outside.append(f"{owner(route.request)}: {route.request.url}")
            route.abort()

    def open_tab():
        tab = context.new_page()
        tab.on(
            "console",
            lambda message: (
                errors.append(f"{names[tab]}: console {message.text}") if message.type == "error" else None
            ),
        )
        tab.on("pageerror", lambda error: errors.append(f"{names[tab]}: uncaught {error}"))
        return tab

    context.route("**/*", guard)
    paths = [path.relative_to(site_dir).as_posix() for path in built_pages(site_dir)]
    tabs = [open_tab() for _ in range(min(TABS_AT_ONCE, len(paths)))]
    for start in range(0, len(paths), TABS_AT_ONCE):
        group = list(zip(tabs, paths[start : start + TABS_AT_ONCE], strict=False))  # the last may be short
        for tab, path in group:
            names[tab] = path
            tab.goto(server.url(path))
            tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        for tab, _ in group:
            tab.wait_for_load_state("networkidle")
    last = group[-1][0]
    names[last] = "search"  # from the last page visited, as a reader would search
    search(last, "CtrlSec")
    context.close()
    return outside, errors
