"""Behaviour: timeline filters and anchors, the remembered palette, clean consoles.

The timeline's expected contents come from docs/data/timeline.yml, so the tests follow
the data as it grows; themes and actors are chosen from it, not named here.
"""

from __future__ import annotations

import collections

import pytest

from explainer import data
from explainer.timeline import select_events

from .support import CHROMIUM, CHROMIUM_FLAGS, DESKTOP, PAGES, ROOT, wait_until_settled

pytestmark = pytest.mark.browser

EVENTS = data.load(ROOT / "docs" / "data").events
SHOWN = "li.timeline-event:not([hidden])"


def rarest(field: str) -> str:
    """The theme or actor on the fewest events: the filter that hides the most."""
    counts = collections.Counter(value for event in EVENTS.values() for value in event[field])
    return min(counts, key=lambda value: (counts[value], value))


def expected_ids(theme: str = "", actor: str = "") -> set[str]:
    return {
        key
        for key, event in EVENTS.items()
        if (not theme or theme in event["themes"]) and (not actor or actor in event["actors"])
    }


def shown_ids(page) -> set[str]:
    # On the full timeline an event's id is on its title heading.
    return set(
        page.eval_on_selector_all(
            SHOWN, "items => items.map(item => item.querySelector('.timeline-title').id)"
        )
    )


def page_order() -> list[str]:
    """Event ids in the order the timeline shows them (by date)."""
    return [event["id"] for event in select_events(EVENTS)]


def in_viewport(page, selector: str) -> bool:
    """The element's top edge is on screen, below Material's fixed header."""
    box = page.locator(selector).bounding_box()
    header = page.locator(".md-header").bounding_box()
    return box is not None and header["height"] <= box["y"] < page.viewport_size["height"]


def test_the_filters_show_with_javascript_and_stay_hidden_without_it(new_context, server):
    page = new_context().new_page()
    page.goto(server.url("timeline/"))
    assert page.locator(".timeline-filters").is_visible()
    page = new_context(java_script_enabled=False).new_page()
    page.goto(server.url("timeline/"))
    assert not page.locator(".timeline-filters").is_visible(), "the filters need site.js"
    assert shown_ids(page) == set(EVENTS), "without JavaScript every event is shown"


ROOT_CLASS_CHANGES = """
window.__rootClassChanges = [];
new MutationObserver(records => records.forEach(record => {
  const root = document.documentElement, now = root.className;
  if (record.target === root && document.body && record.oldValue !== now) {
    window.__rootClassChanges.push([record.oldValue, now]);
  }
})).observe(document, {attributes: true, attributeFilter: ["class"], attributeOldValue: true, subtree: true});
"""


@pytest.mark.parametrize("path", ["", "numbers/"])
def test_the_root_class_is_final_before_the_body_is_read(new_context, server, path):
    # A change to <html>'s class after the body exists restyles every element (Material's
    # table:not([class]) rules): the head script sets what Material's scripts would set.
    page = new_context().new_page()
    page.add_init_script(ROOT_CLASS_CHANGES)
    page.goto(server.url(path))
    wait_until_settled(page)
    assert page.evaluate("window.__rootClassChanges") == []
    classes = page.evaluate("document.documentElement.className").split()
    assert {"js", "js-focus-visible"} <= set(classes) and "no-js" not in classes


def test_choosing_a_theme_shows_exactly_the_events_with_that_theme(page, server):
    theme = rarest("themes")
    page.goto(server.url("timeline/"))
    assert shown_ids(page) == set(EVENTS), "before filtering every event is shown"
    page.select_option("#timeline-theme", theme)
    assert shown_ids(page) == expected_ids(theme)
    assert f"theme={theme}" in page.url
    assert (
        page.locator(".timeline-count").inner_text()
        == f"Showing {len(expected_ids(theme))} of {len(EVENTS)} events."
    )


def test_choosing_an_actor_narrows_the_events_to_that_actor(page, server):
    actor = rarest("actors")
    page.goto(server.url("timeline/"))
    page.select_option("#timeline-actor", actor)
    assert shown_ids(page) == expected_ids(actor=actor)
    assert f"actor={actor}" in page.url


def test_year_headings_of_years_with_no_shown_event_are_hidden(page, server):
    page.goto(server.url("timeline/"))
    page.select_option("#timeline-theme", rarest("themes"))
    for heading in page.locator("h2.timeline-year").all():
        events = heading.locator("xpath=following-sibling::ol[1]").locator(SHOWN).count()
        assert heading.is_visible() == (events > 0), heading.inner_text()


def test_a_theme_in_the_address_applies_the_filter_on_load(page, server):
    theme, actor = rarest("themes"), ""
    page.goto(server.url(f"timeline/?theme={theme}"))
    assert page.input_value("#timeline-theme") == theme
    assert page.input_value("#timeline-actor") == actor
    assert shown_ids(page) == expected_ids(theme)


def test_show_all_clears_the_filters_and_the_address(page, server):
    page.goto(server.url(f"timeline/?theme={rarest('themes')}"))
    page.locator(".timeline-filters button[type=reset]").click()
    page.wait_for_function(
        "n => document.querySelectorAll('li.timeline-event:not([hidden])').length === n", arg=len(EVENTS)
    )
    assert "theme=" not in page.url


def test_an_event_anchor_brings_the_event_into_view(page, server):
    last = page_order()[-1]
    page.goto(server.url(f"timeline/#{last}"))
    assert in_viewport(page, f"#{last}")


def test_an_event_anchor_shows_its_event_even_when_the_filter_in_the_address_hides_it(page, server):
    theme = rarest("themes")
    hidden = next(key for key in page_order()[::-1] if key not in expected_ids(theme))
    page.goto(server.url(f"timeline/?theme={theme}#{hidden}"))
    assert page.locator(f"#{hidden}").is_visible()
    assert in_viewport(page, f"#{hidden}")
    assert page.input_value("#timeline-theme") == ""


def test_the_dark_palette_choice_survives_a_reload_and_a_navigation(new_context, server):
    page = new_context(color_scheme="light").new_page()
    page.goto(server.url())
    wait_until_settled(page, "light")
    page.locator("label.md-header__button[for='__palette_1']").click()
    wait_until_settled(page, "dark")
    page.reload()
    wait_until_settled(page, "dark")
    page.locator(".md-sidebar--primary a.md-nav__link[href$='timeline/']").first.click()
    page.wait_for_url("**/timeline/")
    wait_until_settled(page, "dark")


def test_no_page_logs_a_console_error(every_page_visit):
    _, errors = every_page_visit
    assert not errors, "console errors:\n" + "\n".join(errors)


@pytest.mark.parametrize("path", ["", "debate/watch-or-remove/", "timeline/"])
def test_a_page_shows_when_it_was_last_updated(reading_page, server, path):
    assert path in PAGES
    page = reading_page()
    page.goto(server.url(path))
    updated = page.locator(".page-footer .page-updated")
    assert updated.is_visible()
    assert updated.inner_text().startswith("Last updated")


def test_nothing_moves_sideways_when_the_page_grows_long_enough_to_scroll(browser, server):
    """The page paints before it is fully parsed, so the scrollbar may appear after the
    first paint; the layout must not shift when it does."""
    # Playwright hides scrollbars by default; desktop browsers show them.
    with_scrollbars = browser.browser_type.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, ignore_default_args=["--hide-scrollbars"]
    )
    try:
        page = with_scrollbars.new_page(viewport=DESKTOP)
        page.goto(server.url("timeline/"))
        header_x = "document.querySelector('.md-header__inner').getBoundingClientRect().x"
        when_scrolling = page.evaluate(header_x)
        page.evaluate("document.querySelector('.md-main').style.display = 'none'")
        assert page.evaluate("document.documentElement.scrollHeight <= innerHeight"), "still scrolls"
        assert page.evaluate(header_x) == when_scrolling
    finally:
        with_scrollbars.close()
