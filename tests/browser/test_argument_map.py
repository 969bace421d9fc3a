"""The argument map's filter and the debate pages' jump bar, as a reader uses them."""

from __future__ import annotations

import pytest

from .support import MOBILE

pytestmark = pytest.mark.browser


def test_the_filter_keeps_only_arguments_with_independent_evidence(page, server):
    page.goto(server.url("argument-map/"))
    items = page.locator(".map-argument")
    total = items.count()
    independent = page.locator('.map-argument[data-independent-evidence="yes"]').count()
    assert 0 < independent < total
    page.get_by_label("Show only the").check()
    assert page.locator(".map-argument:visible").count() == independent
    assert page.locator(".map-count").inner_text() == f"Showing {independent} of {total} arguments."
    page.get_by_label("Show only the").uncheck()
    assert page.locator(".map-argument:visible").count() == total


def test_without_javascript_the_map_lists_everything_and_no_dead_filter(new_context, server):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(server.url("argument-map/"))
    assert not page.locator(".map-filter").is_visible()
    assert page.locator(".map-argument:visible").count() == page.locator(".map-argument").count()


def test_on_a_phone_the_jump_bar_stays_in_view_and_reaches_the_second_side(new_context, server):
    page = new_context(viewport=MOBILE, has_touch=True).new_page()
    page.goto(server.url("debate/do-suspensions-work/"))
    bar = page.locator(".side-jump")
    second = bar.locator("a").nth(1)
    target = second.get_attribute("href")
    page.locator(".side h4").nth(1).scroll_into_view_if_needed()
    assert bar.bounding_box()["y"] >= 0 and bar.is_visible(), "the bar sticks below the header"
    second.tap()
    page.wait_for_function("id => location.hash === id", arg=target)
    heading = page.locator(target).bounding_box()
    assert bar.bounding_box()["y"] + bar.bounding_box()["height"] <= heading["y"] + 1, "not hidden by the bar"
    assert heading["y"] < MOBILE["height"] / 2


def test_the_jump_bar_is_hidden_where_the_sides_sit_side_by_side(page, server):
    page.goto(server.url("debate/do-suspensions-work/"))
    assert not page.locator(".side-jump").is_visible()
