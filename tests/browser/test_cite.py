"""Citing: copy buttons work by keyboard, arguments and events have their own citation,
the browser's formats match the build's, printing keeps the citation, and a missing
address gets the 404 page with the way back."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from explainer import cite

from .support import DESKTOP

pytestmark = pytest.mark.browser

DEBATE_PAGE = "debate/watch-or-remove/"


@pytest.fixture
def clipboard_page(new_context, server):
    context = new_context(DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    return context.new_page()


def test_each_citation_format_is_copied_with_the_keyboard(clipboard_page, server):
    page = clipboard_page
    page.goto(server.url(DEBATE_PAGE))
    summary = page.locator(".cite-page summary")
    summary.focus()
    page.keyboard.press("Enter")
    for name in ("APA", "MLA", "Chicago", "BibTeX"):
        button = page.get_by_role("button", name=f"Copy {name} citation of this page")
        button.focus()
        page.keyboard.press("Enter")
        page.locator(".cite-status", has_text=f"{name} citation copied.").wait_for()
        shown = button.locator("xpath=preceding-sibling::*[1]").inner_text()
        assert page.evaluate("navigator.clipboard.readText()") == shown


def test_the_browser_cites_an_argument_exactly_as_explainer_cite_does(page, server):
    page.goto(server.url(DEBATE_PAGE))
    page.wait_for_function("() => document.querySelector('.page-footer').dataset.citeReady")
    facts = page.evaluate("({...document.querySelector('.page-footer').dataset})")
    heading = page.locator(".md-content h4[id^='arg-']").first
    anchor = heading.get_attribute("id")
    page.locator(".cite-anchor__toggle").first.click()
    shown = page.eval_on_selector_all(
        ".cite-anchor__panel:not([hidden]) .cite-text", "blocks => blocks.map(b => b.textContent)"
    )
    work = cite.Work(
        title=heading.evaluate("h => h.firstChild.textContent.trim()"),
        site=facts["citeSite"],
        url=f"{facts['citeUrl']}#{anchor}",
        date=facts["citeDate"] or None,
        revision=facts["citeRevision"],
        container=facts["citeTitle"],
        anchor=anchor,
    )
    assert shown == list(cite.formats(work).values())


def test_every_argument_and_event_can_be_cited_by_its_anchor(page, server):
    page.goto(server.url(DEBATE_PAGE))
    page.wait_for_function("() => document.querySelector('.page-footer').dataset.citeReady")
    arguments = page.locator(".md-content h4[id^='arg-']").count()
    events = page.locator(".md-content .timeline-event[id]").count()
    assert arguments > 0 and page.locator(".cite-anchor__toggle").count() == arguments + events
    toggle = page.get_by_role("button", name="Cite this event", exact=False).first
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    panel = page.locator("#" + toggle.get_attribute("aria-controls"))
    texts = panel.locator(".cite-text").all_inner_texts()
    event_id = toggle.evaluate("b => b.closest('.timeline-event').id")
    assert len(texts) == 4 and all(f"#{event_id}" in text for text in texts)


def test_a_printed_page_includes_its_citation(page, server):
    page.emulate_media(media="print")
    page.goto(server.url(DEBATE_PAGE))
    printed = page.locator(".cite-print")
    assert printed.is_visible() and printed.inner_text().startswith("Cite this page: The Takedown Debate.")
    assert not page.locator(".cite-anchor__toggle").first.is_visible()


def test_a_missing_address_gets_the_404_page_with_search_questions_and_timeline(page, server):
    response = page.goto(server.url("debate/no-such-page/"))
    assert response.status == 404
    assert page.locator("article h1").inner_text().startswith("Page not found")
    assert page.locator("form[role=search] input[name=q]").is_visible()
    links = page.eval_on_selector_all(
        ".not-found-questions a, article a[href$='timeline/']",
        "links => links.map(a => a.getAttribute('href'))",
    )
    assert len(links) == 9
    root = urlsplit(page.evaluate("new URL(__md_scope).href")).path
    for href in links:
        assert href.startswith(root)
        assert page.request.get(server.url(href.removeprefix(root))).status == 200, href


def test_the_404_page_has_no_accessibility_violation(page, server):
    from .test_accessibility import axe_violations, describe

    # The 404 page's links start at the site's root path (/site/ on GitHub Pages); the
    # test server serves the site at /, so those requests are sent there.
    page.goto(server.url("no-such-page/"))
    root = urlsplit(page.evaluate("new URL(__md_scope).href")).path
    page.route(
        f"**{root}**",
        lambda route: route.continue_(
            url=route.request.url.replace(f"{server.origin}{root}", f"{server.origin}/", 1)
        ),
    )
    page.reload()
    page.wait_for_function("() => document.body.dataset.mdColorScheme")
    violations = axe_violations(page)
    assert not violations, describe(violations)
