"""Glossary tooltips (site.js): a term's definition shows beside it on hover or on a tap.

The terms are `<abbr title>` from docs/includes/abbreviations.md. The mouse resting on one,
or a tap, shows the definition; moving away, a tap elsewhere or Esc hides it, and the
title comes back for screen readers. Material's own tooltips are off (mkdocs.yml), so
none of its tooltip elements appear.
"""

from __future__ import annotations

import pytest

from explainer.glossary import INCLUDE, read_terms

from .support import MOBILE
from conftest import ROOT

pytestmark = pytest.mark.browser

DEBATE = "debate/do-suspensions-work/"
TIP = "#glossary-tip"
TERM = ".md-content article abbr"
DEFINITIONS = dict(read_terms((ROOT / "docs" / INCLUDE).read_text(encoding="utf-8")))


def assert_tip_defines(page, term) -> None:
    tip = page.locator(TIP)
    tip.wait_for()
    assert tip.inner_text() == DEFINITIONS[term.inner_text()]
    assert tip.get_attribute("role") == "tooltip"
    assert term.get_attribute("aria-describedby") == "glossary-tip"
    assert term.get_attribute("title") is None, "the browser would show its own tooltip too"
    box, width = tip.bounding_box(), page.evaluate("document.documentElement.clientWidth")
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, "the tooltip runs off the screen"
    assert not page.locator(".md-tooltip2, .md-tooltip").count(), "Material's tooltips are off"


def assert_tip_closed(page, term) -> None:
    page.locator(TIP).wait_for(state="detached")
    assert term.get_attribute("title") == DEFINITIONS[term.inner_text()]
    assert term.get_attribute("aria-describedby") is None


def test_the_mouse_resting_on_a_term_shows_its_definition_and_moving_away_hides_it(page, server):
    page.goto(server.url(DEBATE))
    term = page.locator(TERM).first
    term.hover()
    assert_tip_defines(page, term)
    page.locator(".md-content h1").hover()
    assert_tip_closed(page, term)


def test_esc_hides_the_definition(page, server):
    page.goto(server.url(DEBATE))
    term = page.locator(TERM).first
    term.hover()
    page.locator(TIP).wait_for()
    page.keyboard.press("Escape")
    assert_tip_closed(page, term)


def test_a_tap_shows_the_definition_and_a_second_tap_or_one_elsewhere_hides_it(new_context, server):
    page = new_context(viewport=MOBILE, has_touch=True, is_mobile=True).new_page()
    page.goto(server.url(DEBATE))
    term = page.locator(TERM).first
    term.scroll_into_view_if_needed()
    term.tap()
    assert_tip_defines(page, term)
    term.tap()
    assert_tip_closed(page, term)
    term.tap()
    page.locator(TIP).wait_for()
    page.locator(".md-content h1").tap()
    assert_tip_closed(page, term)


def test_every_term_on_the_page_is_a_glossary_term(page, server):
    page.goto(server.url(DEBATE))
    shown = set(page.locator(TERM).all_inner_texts())
    assert shown and shown <= set(DEFINITIONS), shown - set(DEFINITIONS)
