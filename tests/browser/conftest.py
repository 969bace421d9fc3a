"""Browser fixtures: the built site served on 127.0.0.1, and one headless Chromium.

The site is built once (the session fixtures in tests/conftest.py) and served by a
background http.server on a random free port. Debian's /usr/bin/chromium is driven
through Playwright's sync API, launched once per session; each test opens its own
context (viewport, colour scheme) or borrows a shared one. Without Chromium the tests
fail and say how to install it: CI installs it, so a skip would hide a broken setup.
"""

from __future__ import annotations

import pytest

from .support import CHROMIUM, CHROMIUM_FLAGS, DESKTOP, SiteServer, search
from conftest import built_pages


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


@pytest.fixture
def page(new_context):
    """A fresh desktop page in the light scheme."""
    return new_context().new_page()


@pytest.fixture(scope="session")
def every_page_visit(browser, server, site_dir):
    """Loads every built page once (and runs one search), recording what the pages did.

    Returns (outside, errors): the addresses of requests to anything but the local
    server (each one aborted), and the console errors and uncaught exceptions, per page.
    """
    context = browser.new_context(viewport=DESKTOP)
    outside: list[str] = []
    errors: list[str] = []
    current = {"page": ""}

    def guard(route):
        if server.is_local(route.request.url):
            route.continue_()
        else:
            outside.append(f"{current['page']}: {route.request.url}")
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            errors.append(f"{current['page']}: console {message.text}") if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(f"{current['page']}: uncaught {error}"))
    for path in built_pages(site_dir):
        current["page"] = path.relative_to(site_dir).as_posix()
        page.goto(server.url(current["page"]))
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
    current["page"] = "search"
    search(page, "CtrlSec")
    context.close()
    return outside, errors
