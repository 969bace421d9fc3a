"""The numbers chart and the timeline overview in a browser: keyboard, touch and a 390 px phone.

Expected contents come from docs/data, so the tests follow the data as it grows. The
screenshots saved under bench/out/ (git-ignored) are for reviewers; nothing is compared.
"""

from __future__ import annotations

import collections

import pytest

from explainer import data

from .support import ROOT, overlapping, wait_until_settled
from .test_accessibility import axe_violations, describe

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DATASET = data.load(ROOT / "docs" / "data")
OUT = ROOT / "bench" / "out"
SHOWN_MARKS = ".overview-marker:not([style*='display: none'])"


def phone(new_context, scheme="light"):
    """A touch phone page at 390 px."""
    return new_context(viewport=PHONE, color_scheme=scheme, has_touch=True, is_mobile=True).new_page()


def shown_marker_events(page) -> set[str]:
    ids = "marks => marks.map(m => m.getAttribute('href').slice(1))"
    return set(page.eval_on_selector_all(SHOWN_MARKS, ids))


def shown_event_ids(page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "li.timeline-event:not([hidden])",
            "items => items.map(i => i.querySelector('.timeline-title').id)",
        )
    )


def in_view(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    header = page.locator(".md-header").bounding_box()
    return box is not None and header["height"] - 1 <= box["y"] < page.viewport_size["height"]


# The chart.


def test_focusing_a_chart_point_with_the_keyboard_opens_its_details(page, server):
    page.goto(server.url("numbers/"))
    details = page.locator(".chart-details")
    assert details.is_hidden()
    first = page.locator(".chart-point").first
    for _ in range(400):  # Tab from the top of the page until a chart point has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.chart-point')"):
            break
    else:
        raise AssertionError("Tab never reached a chart point")
    title = page.evaluate("document.activeElement.querySelector('title').textContent")
    assert first.evaluate("(point, active) => point === document.activeElement", None)
    assert details.is_visible() and details.inner_text().startswith(title)
    # Its link leads to the point's row in the table beside the chart.
    row = page.evaluate("document.activeElement.getAttribute('href')")
    assert details.locator("a").get_attribute("href") == row
    assert page.locator(f"tr{row}").count() == 1


def test_tapping_a_chart_point_on_a_phone_opens_its_details_in_place(new_context, server):
    page = phone(new_context)
    page.goto(server.url("numbers/"))
    point = page.locator(".chart-point").nth(2)
    point.evaluate("point => point.scrollIntoView({block: 'center'})")  # clear of the fixed header
    before = page.evaluate("window.scrollY")
    point.locator(".chart-hit").tap()
    details = page.locator(".chart-details")
    assert details.is_visible()
    assert details.inner_text().startswith(point.locator("title").text_content())
    assert point.get_attribute("aria-current") == "true"
    assert page.evaluate("window.scrollY") == before, "the tap opened the details without jumping away"
    # A second point replaces the first one's details.
    other = page.locator(".chart-point").nth(0)
    other.locator(".chart-hit").tap()
    assert details.inner_text().startswith(other.locator("title").text_content())
    assert page.locator(".chart-point[aria-current]").count() == 1


def test_chart_text_is_at_least_12px_on_a_390px_phone(new_context, server):
    page = phone(new_context)
    page.goto(server.url("numbers/"))
    sizes = page.eval_on_selector_all(
        "svg.chart",
        """charts => charts.map(svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return Math.min(...[...svg.querySelectorAll('text')].map(
                t => parseFloat(getComputedStyle(t).fontSize) * scale));
        })""",
    )
    types = {f["type"] for f in DATASET.figures.values() if f.get("chart")}
    assert len(sizes) == len(types)  # one chart per charted type
    assert min(sizes) >= 12, sizes
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_on_a_desktop_the_charts_sit_side_by_side_with_text_of_12px_or_more(reading_page, server):
    page = reading_page()
    page.goto(server.url("numbers/"))
    layout = page.eval_on_selector_all(
        "svg.chart",
        """charts => charts.map(svg => {
            const box = svg.getBoundingClientRect();
            const scale = box.width / svg.viewBox.baseVal.width;
            return {left: box.left, text: Math.min(...[...svg.querySelectorAll('text')].map(
                t => parseFloat(getComputedStyle(t).fontSize) * scale))};
        })""",
    )
    assert len({round(chart["left"]) for chart in layout}) == 2, layout  # two columns
    assert min(chart["text"] for chart in layout) >= 12, layout


def test_the_chart_downloads_are_served(reading_page, server):
    page = reading_page()
    page.goto(server.url("numbers/"))
    for label, kind in (("CSV", "text/csv"), ("SVG", "image/svg+xml")):
        href = page.locator(".chart-downloads a", has_text=label).get_attribute("href")
        response = page.request.get(server.url("numbers/") + href)
        assert response.ok and kind in response.headers["content-type"], (href, response.headers)


# The timeline.


def test_the_status_filter_and_the_overview_follow_each_other(page, server):
    page.goto(server.url("timeline/"))
    every = set(DATASET.events)
    assert shown_marker_events(page) == shown_event_ids(page) == every
    statuses = collections.Counter(event["status"] for event in DATASET.events.values())
    rarest = min(statuses, key=lambda status: (statuses[status], status))
    page.select_option("#timeline-status", rarest)
    wanted = {key for key, event in DATASET.events.items() if event["status"] == rarest}
    assert shown_event_ids(page) == wanted
    assert shown_marker_events(page) == wanted  # hidden events' markers are hidden too
    assert f"status={rarest}" in page.url
    # Every shown marker has the status's shape class, and links to a shown event.
    marker = page.locator(SHOWN_MARKS).first
    assert f"status--{rarest}" in marker.get_attribute("class")
    event_id = marker.get_attribute("href").removeprefix("#")
    marker.click()
    assert page.url.endswith(f"#{event_id}") and in_view(page, f"#{event_id}")
    # The address restores both on load; Show all brings every marker back.
    page.goto(server.url(f"timeline/?status={rarest}"))
    assert shown_marker_events(page) == wanted
    page.locator(".timeline-filters button[type=reset]").click()
    page.wait_for_function("() => !location.search.includes('status=')")
    assert shown_marker_events(page) == every


def test_jumping_to_a_year_works_on_a_390px_phone(new_context, server):
    page = phone(new_context)
    page.goto(server.url("timeline/"))
    years = sorted(
        {
            key
            for key in (
                e["date"] if isinstance(e["date"], str) else e["date"]["start"]
                for e in DATASET.events.values()
            )
        }
    )
    last_year = years[-1][:4]
    link = page.locator(f".timeline-years a[href='#year-{last_year}']")
    box = link.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, box  # a target a thumb can hit
    link.tap()
    page.wait_for_function("hash => location.hash === hash", arg=f"#year-{last_year}")
    assert in_view(page, f"#year-{last_year}")


# Each marker's whole box (its invisible hit area), in CSS px, and whether a point just
# inside its top-left corner hits the marker itself (scrolled to the middle of the screen).
MARKER_TARGETS = """() => [...document.querySelectorAll('.overview-marker')].map(mark => {
    mark.scrollIntoView({block: 'center'});
    const box = mark.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + 1, box.top + 1);
    return {event: mark.getAttribute('href').slice(1), left: box.left, top: box.top + scrollY,
            right: box.right, bottom: box.bottom + scrollY,
            corner: Boolean(hit && hit.closest('.overview-marker') === mark)};
})"""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_every_overview_marker_is_a_24px_target_that_overlaps_no_other(new_context, server, viewport):
    """WCAG 2.2 target size: each marker's hit area is at least 24x24 CSS px, all of it its own."""
    if viewport == "phone":
        page = phone(new_context)
    else:
        page = new_context().new_page()
    page.goto(server.url("timeline/"))
    boxes = page.evaluate(MARKER_TARGETS)
    assert len(boxes) == page.locator(".overview-marker").count() >= len(DATASET.events)
    small = [b for b in boxes if b["right"] - b["left"] < 24 or b["bottom"] - b["top"] < 24]
    assert not small, small[:3]
    assert not overlapping(boxes, "event")
    assert all(b["corner"] for b in boxes), [b["event"] for b in boxes if not b["corner"]]


def test_tapping_a_marker_near_its_corner_goes_to_its_event(new_context, server):
    page = phone(new_context)
    page.goto(server.url("timeline/"))
    marker = page.locator(".overview-marker").nth(7)
    box = marker.evaluate(
        "mark => { mark.scrollIntoView({block: 'center'}); return mark.getBoundingClientRect().toJSON(); }"
    )
    page.touchscreen.tap(box["right"] - 2, box["bottom"] - 2)  # on the hit area, clear of the shape
    event_id = marker.get_attribute("href").removeprefix("#")
    page.wait_for_function("hash => location.hash === hash", arg=f"#{event_id}")
    assert in_view(page, f"#{event_id}")


def test_a_filter_hides_the_links_to_years_it_empties(page, server):
    page.goto(server.url("timeline/"))
    first_year = min(
        (e["date"] if isinstance(e["date"], str) else e["date"]["start"])[:4] for e in DATASET.events.values()
    )
    statuses_that_year = {
        e["status"]
        for e in DATASET.events.values()
        if (e["date"] if isinstance(e["date"], str) else e["date"]["start"]).startswith(first_year)
    }
    absent = sorted(set(e["status"] for e in DATASET.events.values()) - statuses_that_year)
    if not absent:
        pytest.skip(f"every status has an event in {first_year}")
    page.select_option("#timeline-status", absent[0])
    assert page.locator(f".timeline-years a[href='#year-{first_year}']").is_hidden()


def test_a_theme_label_opens_the_timeline_filtered_by_that_theme(page, server):
    page.goto(server.url("timeline/"))
    link = page.locator(".timeline-meta a[href*='?theme=']").nth(5)
    theme = link.get_attribute("href").split("theme=")[1].split("#")[0]
    event_id = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_function("search => location.search === search", arg=f"?theme={theme}")
    wanted = {key for key, event in DATASET.events.items() if theme in event["themes"]}
    assert page.locator("#timeline-theme").input_value() == theme
    assert shown_event_ids(page) == wanted == shown_marker_events(page)
    assert in_view(page, f"#{event_id}")


def test_no_accessibility_violations_with_details_open_and_a_filter_on(new_context, server):
    for scheme in ("light", "dark"):
        page = phone(new_context, scheme)
        page.goto(server.url("numbers/"))
        wait_until_settled(page, scheme)
        page.locator(".chart-point .chart-hit").first.tap()
        violations = axe_violations(page)
        assert not violations, f"numbers, details open ({scheme}):\n{describe(violations)}"
        page.goto(server.url("timeline/?status=claimed"))
        wait_until_settled(page, scheme)
        violations = axe_violations(page)
        assert not violations, f"timeline, filtered ({scheme}):\n{describe(violations)}"


def test_save_390px_screenshots_for_review(new_context, server):
    """Not a check: bench/out/visuals-*.png show the chart and the overview as a phone does."""
    OUT.mkdir(parents=True, exist_ok=True)
    page = phone(new_context)
    page.goto(server.url("numbers/"))
    wait_until_settled(page)
    page.locator(".figure-chart").screenshot(path=str(OUT / "visuals-numbers-chart-390.png"))
    page.screenshot(path=str(OUT / "visuals-numbers-390.png"), full_page=True)
    page.goto(server.url("timeline/"))
    wait_until_settled(page)
    page.screenshot(path=str(OUT / "visuals-timeline-390.png"))
    page.locator(".timeline-overview-figure").screenshot(path=str(OUT / "visuals-timeline-overview-390.png"))
    for name in ("numbers-chart", "numbers", "timeline", "timeline-overview"):
        assert (OUT / f"visuals-{name}-390.png").stat().st_size > 1000
