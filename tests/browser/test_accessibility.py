"""Accessibility: axe-core finds nothing on any page, and the keyboard reaches everything.

axe-core 4.12.1 (bundled with axe-playwright-python) runs with all its default rules on
every page, in the light and dark palettes, at desktop and mobile widths. Any violation
of a WCAG 2.x A or AA rule fails, and so does a serious or critical best-practice one.
No rule is switched off: fix the page, the override or site.css instead.

An opened part of a page (the search dialog, the navigation drawer, a citation preview,
a glossary tooltip) is checked on its own elements and the control that opened it, with
every rule: the rest of that page, unchanged, is checked whole in the same palette and
size by test_page_has_no_accessibility_violations. A state that changes the page itself (a
filtered list hides entries and headings) is checked on the whole page.
"""

from __future__ import annotations

import pathlib

import axe_playwright_python
import pytest

from .support import DESKTOP, MOBILE, PAGES, wait_until_settled

pytestmark = pytest.mark.browser

# Two speed-ups of axe's colour-contrast rule (most of axe's time) that leave its results as
# they are (the same violations, passes and data on every page, compared when they were made):
# - axe is compiled for old browsers, so each private field of its colour objects lives in a
#   WeakMap, and the rule makes thousands of those objects a page: WeakMap upkeep and its
#   garbage collection were a quarter of the rule's time. While axe's script is read (only
#   then: its private fields are its only WeakMaps and WeakSets made at that point), both are
#   stand-ins that keep each field under a symbol on its object; the page's scripts, which
#   run after, get the real ones back.
# - the rule parses the same few computed colour strings thousands of times a page (colour.js,
#   a third of its time); each string's parse is remembered.
FIELDS_ON_THEIR_OBJECTS = """;window.__realWeak = [WeakMap, WeakSet];
window.WeakMap = class {
  constructor() { this.key = Symbol("private field"); }
  has(object) { return Object.prototype.hasOwnProperty.call(object, this.key); }
  get(object) { return object[this.key]; }
  set(object, value) { object[this.key] = value; return this; }
};
window.WeakSet = class {
  constructor() { this.key = Symbol("private brand"); }
  has(object) { return object[this.key] === true; }
  add(object) { object[this.key] = true; return this; }
};
try {
"""
REAL_WEAK_COLLECTIONS_BACK = """
} finally {
  [window.WeakMap, window.WeakSet] = window.__realWeak;
  delete window.__realWeak;
}"""
REMEMBER_COLOUR_PARSES = """;(() => {
  const Color = axe.commons.color.Color;
  const parse = Color.prototype.parseString;
  const parsed = new Map();
  Color.prototype.parseString = function (text) {
    const rgba = parsed.get(text);
    if (!rgba) {
      parse.call(this, text);  // throws on a colour it cannot read, which is then not cached
      parsed.set(text, [this.r, this.g, this.b, this.alpha]);
    } else {
      [this.r, this.g, this.b, this.alpha] = rgba;
    }
    return this;
  };
  Color.prototype.parseString.remembers = true;
})();"""
AXE_SOURCE = (
    FIELDS_ON_THEIR_OBJECTS
    + (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    + REAL_WEAK_COLLECTIONS_BACK
    + REMEMBER_COLOUR_PARSES
)
WCAG_TAGS = {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}
SETTINGS = {
    "light-desktop": ("light", DESKTOP),
    "dark-desktop": ("dark", DESKTOP),
    "light-mobile": ("light", MOBILE),
    "dark-mobile": ("dark", MOBILE),
}


def blocking(violation: dict) -> bool:
    return bool(WCAG_TAGS & set(violation["tags"])) or violation["impact"] in ("serious", "critical")


def axe_violations(page, within: list[str] | None = None) -> list[dict]:
    """The violations axe reports on the page as it is now that this suite does not accept.

    Every rule runs on the whole page, or with within (CSS selectors) on those elements and
    what they hold: an opened part of a page whose closed state a whole-page run has checked
    in the same palette and size. The CSS selectors that name failing elements are costly
    to compute, so they are worked out (in a second run) only when axe finds one.
    """
    if not page.evaluate("typeof window.axe === 'object'"):  # not injected by the context
        page.evaluate(AXE_SOURCE)
    sped_up = "axe.commons.color.Color.prototype.parseString.remembers && !window.__realWeak"
    assert page.evaluate(sped_up), "axe's script changed: see REMEMBER_COLOUR_PARSES"
    if within:
        assert all(page.locator(selector).count() for selector in within), within
    run = "([context, options]) => axe.run(context ? {include: context} : document, options)"
    context = [[selector] for selector in within] if within else None
    options = {"resultTypes": ["violations"], "selectors": False}
    results = page.evaluate(run, [context, options])
    if not any(blocking(violation) for violation in results["violations"]):
        return []
    results = page.evaluate(run, [context, {"resultTypes": ["violations"]}])
    return [violation for violation in results["violations"] if blocking(violation)]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]} -- {summary[:240]}")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def setting_pages(browser):
    """One page per palette and viewport, reused across the pages of the site."""
    opened = {}

    def page_for(setting):
        if setting not in opened:
            scheme, viewport = SETTINGS[setting]
            context = browser.new_context(viewport=viewport, color_scheme=scheme)
            context.add_init_script(AXE_SOURCE)  # on every page it loads, before axe_violations
            opened[setting] = context.new_page()
        return opened[setting]

    yield page_for
    for page in opened.values():
        page.context.close()


@pytest.fixture(scope="module")
def state_pages(browser):
    """state_pages(scheme, viewport): one page per palette and viewport for the tests below
    that open part of a page. Each test loads its page afresh (a new document: nothing open,
    nothing focused); the mouse is moved off the page first, so no hover carries over."""
    opened = {}

    def page_for(scheme, viewport):
        key = (scheme, viewport["width"], viewport["height"])
        if key not in opened:
            opened[key] = browser.new_context(viewport=viewport, color_scheme=scheme).new_page()
        opened[key].mouse.move(-1, -1)
        return opened[key]

    yield page_for
    for page in opened.values():
        page.context.close()


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path or "home")
@pytest.mark.parametrize("setting", SETTINGS)
def test_page_has_no_accessibility_violations(setting_pages, server, setting, path):
    page = setting_pages(setting)
    page.goto(server.url(path))
    wait_until_settled(page, SETTINGS[setting][0])
    violations = axe_violations(page)
    assert not violations, f"/{path} ({setting}):\n{describe(violations)}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_search_with_results_has_no_accessibility_violations(state_pages, server, scheme):
    page = state_pages(scheme, DESKTOP)
    page.goto(server.url())
    wait_until_settled(page, scheme)
    page.keyboard.press("/")
    page.keyboard.type("CtrlSec")
    page.locator(".md-search-result__item").first.wait_for()
    wait_until_settled(page, scheme)
    violations = axe_violations(page, within=[".md-header"])  # the dialog and its results
    assert not violations, f"search dialog ({scheme}):\n{describe(violations)}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_mobile_navigation_has_no_accessibility_violations(state_pages, server, scheme):
    page = state_pages(scheme, MOBILE)
    page.goto(server.url("debate/watch-or-remove/"))
    wait_until_settled(page, scheme)
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator(".md-sidebar--primary").wait_for(state="visible")
    wait_until_settled(page, scheme)
    violations = axe_violations(page, within=[".md-header", ".md-sidebar--primary", ".md-overlay"])
    assert not violations, f"navigation drawer ({scheme}):\n{describe(violations)}"


# Popups on a debate page: how a reader opens each, the popup, and what opened it.
POPUPS = {
    "citation preview": (lambda page: page.focus("#cite-1"), "#cite-preview", "#cite-1"),
    "glossary tooltip": (
        lambda page: page.locator(".md-content article abbr").first.hover(),
        "#glossary-tip",
        "[aria-describedby='glossary-tip']",
    ),
}


@pytest.mark.parametrize("popup", POPUPS)
@pytest.mark.parametrize("setting", SETTINGS)
def test_an_open_popup_has_no_accessibility_violations(state_pages, server, setting, popup):
    scheme, viewport = SETTINGS[setting]
    open_popup, shown, opener = POPUPS[popup]
    page = state_pages(scheme, viewport)
    page.goto(server.url("debate/do-suspensions-work/"))
    wait_until_settled(page, scheme)
    open_popup(page)
    page.locator(shown).wait_for()
    violations = axe_violations(page, within=[shown, opener])
    assert not violations, f"{popup} ({setting}):\n{describe(violations)}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_filtered_sources_list_has_no_accessibility_violations(state_pages, server, scheme):
    page = state_pages(scheme, MOBILE)
    page.goto(server.url("sources/"))
    wait_until_settled(page, scheme)
    page.get_by_label("Type").select_option("type-news-report")
    page.get_by_label("Find in the list").fill("twitter")
    violations = axe_violations(page)
    assert not violations, f"filtered Sources ({scheme}):\n{describe(violations)}"


def shown_event_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "li.timeline-event:not([hidden])", "items => items.map(i => i.querySelector('.timeline-title').id)"
    )


def matching_event_ids(page, theme: str = "", actor: str = "") -> list[str]:
    """The events whose data-themes and data-actors include the given theme and actor."""
    return page.eval_on_selector_all(
        "li.timeline-event",
        """(items, [theme, actor]) => items
        .filter(i => (!theme || i.dataset.themes.split(' ').includes(theme)) &&
                     (!actor || i.dataset.actors.split(' ').includes(actor)))
        .map(i => i.querySelector('.timeline-title').id)""",
        [theme, actor],
    )


def tab_to(page, selector: str, limit: int = 300):
    """Presses Tab until the element matching selector has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"{selector} was not reached in {limit} presses of Tab")


def test_keyboard_alone_changes_the_timeline_filters(page, server):
    page.goto(server.url("timeline/"))
    everything = shown_event_ids(page)
    tab_to(page, "#timeline-theme")
    page.keyboard.press("ArrowDown")
    theme = page.input_value("#timeline-theme")
    assert theme, "ArrowDown on the theme select did not choose a theme"
    assert shown_event_ids(page) == matching_event_ids(page, theme) != everything
    tab_to(page, "#timeline-actor", limit=3)
    page.keyboard.press("ArrowDown")
    actor = page.input_value("#timeline-actor")
    assert actor, "ArrowDown on the actor select did not choose an actor"
    assert shown_event_ids(page) == matching_event_ids(page, theme, actor)
    tab_to(page, ".timeline-filters button[type=reset]", limit=3)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('li.timeline-event:not([hidden])').length === n", arg=len(everything)
    )
