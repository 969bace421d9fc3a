"""Layout on a phone and a desktop: no sideways scrolling, the home page's first screens,
reading times, and the figure tables as cards.

Screens are the sizes the issue measured: a 390x844 phone and a 1280x800 desktop. The
home page's screenshots at 390 px go to bench/out/ (git-ignored) for a reviewer to look at.
"""

from __future__ import annotations

import re

import pytest

from explainer.usage import front_matter

from .support import DESKTOP, PAGES, ROOT

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
SCREENSHOTS = ROOT / "bench" / "out"
DEBATE_PAGES = sorted((ROOT / "docs" / "debate").glob("*.md"))

# Each element wider than the page's box, unless it sits in a box that scrolls sideways
# and itself fits (a code block, a wide table in Material's scroll wrapper). A box that
# only clips does not count: what it cuts off is lost to the reader.
OVERFLOWING = """() => {
  const width = document.scrollingElement.clientWidth;
  const scrolls = element => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
  const found = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    let parent = element.parentElement, contained = false;
    for (; parent && parent !== document.body; parent = parent.parentElement) {
      if (scrolls(parent) && parent.getBoundingClientRect().right <= width + 1) { contained = true; break; }
    }
    const name = `${element.tagName.toLowerCase()}.${element.className}`;
    if (!contained) found.push(`${name} ends at ${Math.round(box.right)}px`);
  }
  return found.slice(0, 5);
}"""


def top_of(page, selector: str) -> float:
    """Where the element starts, in CSS px from the top of the page."""
    return page.eval_on_selector(selector, "e => e.getBoundingClientRect().top + scrollY")


def bottom_of(page, selector: str) -> float:
    return page.eval_on_selector(selector, "e => e.getBoundingClientRect().bottom + scrollY")


def test_no_page_scrolls_sideways_on_a_phone(reading_page, server):
    page = reading_page(PHONE)
    wide = {}
    for path in PAGES:
        page.goto(server.url(path))
        scroll_width, client_width = page.evaluate(
            "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
        )
        overflowing = page.evaluate(OVERFLOWING)
        if scroll_width > PHONE["width"] or scroll_width > client_width or overflowing:
            wide[path or "home"] = (scroll_width, overflowing)
    assert not wide, f"pages wider than a {PHONE['width']} px phone: {wide}"


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "desktop"])
def test_the_first_screen_holds_the_at_a_glance_panel(reading_page, server, viewport):
    page = reading_page(viewport)
    page.goto(server.url())
    assert top_of(page, ".at-a-glance") < viewport["height"]
    assert bottom_of(page, ".at-a-glance") <= viewport["height"], "the panel runs past the first screen"
    panel = page.locator(".at-a-glance")
    for label in ("When:", "Who:", "What happened:", "Key numbers:", "The debate:"):
        assert panel.get_by_text(label, exact=True).is_visible()
    # Every key number carries its type badge and a citation.
    numbers = panel.locator(".figure-list li")
    assert numbers.count() >= 3
    for index in range(numbers.count()):
        assert numbers.nth(index).locator(".figure-type").is_visible()
        assert numbers.nth(index).locator("a.cite").count() >= 1
    if viewport == PHONE:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / "home-390.png")
        page.screenshot(path=SCREENSHOTS / "home-390-full.png", full_page=True)


def test_the_eight_questions_start_within_one_and_a_half_phone_screens(reading_page, server):
    page = reading_page(PHONE)
    page.goto(server.url())
    cards = page.locator(".page-cards li")
    assert cards.count() == len(DEBATE_PAGES) - 1  # every question; its index page is a path
    assert top_of(page, ".page-cards li") <= 1.5 * PHONE["height"]


def test_each_question_is_summed_up_by_its_own_page_summary_with_citations(reading_page, server):
    """One source of truth: the home page prints each page's front-matter summary."""
    page = reading_page()
    page.goto(server.url())
    shown = {
        link.split("/")[-2]: (text, cited)
        for link, text, cited in page.eval_on_selector_all(
            ".page-cards li",
            "items => items.map(i => [i.querySelector('a').href, i.querySelector('p + p').textContent,"
            " i.querySelectorAll('p + p a.cite').length])",
        )
    }
    for path in DEBATE_PAGES:
        if path.stem == "index":
            continue
        summary = front_matter(path.read_text(encoding="utf-8"))["summary"]
        text, cited = shown[path.stem]
        assert re.sub(r"\[\d+\]", "", text).startswith(re.sub(r"\s*\[@[^\]]+\]", "", summary)), path.name
        assert cited == summary.count("[@"), f"{path.name}: each citation of the summary is a link"


def test_reading_paths_list_their_pages_in_order_and_add_up(page, server):
    page.goto(server.url())
    paths = page.locator(".reading-path")
    titles = [title.rstrip("¶") for title in paths.locator("h3").all_inner_texts()]  # ¶: permalink
    assert titles == ["In 5 minutes", "For students", "For researchers"]
    other = page.context.new_page()
    for index in range(paths.count()):
        path = paths.nth(index)
        times = [int(t.split("(")[-1].split()[0]) for t in path.locator("li").all_inner_texts()]
        total = path.locator(".path-total").inner_text()
        assert total.endswith(f"{sum(times)} min in total"), total
        # Each page listed shows the same time on its own page (opened in a second tab).
        for link, minutes in zip(path.locator("li a").all(), times, strict=True):
            other.goto(link.evaluate("a => a.href"))
            assert other.locator(".reading-time").inner_text().startswith(f"{minutes} min read")


# The page's reading-time note as Playwright would see it (is_visible: a box that is not
# empty and not visibility:hidden), read in one call per page.
READING_TIME = """() => {
  const notes = document.querySelectorAll('article .reading-time');
  if (notes.length !== 1) return {count: notes.length};
  const note = notes[0], box = note.getBoundingClientRect();
  return {
    count: 1,
    visible: box.width > 0 && box.height > 0 && getComputedStyle(note).visibility !== 'hidden',
    text: note.innerText,
    top: box.top + scrollY,
    title_bottom: document.querySelector('article h1').getBoundingClientRect().bottom + scrollY,
  };
}"""


def test_every_page_shows_its_reading_time_under_its_title(reading_page, server):
    page = reading_page(DESKTOP)
    missing = []
    for path in PAGES:
        page.goto(server.url(path))
        note = page.evaluate(READING_TIME)
        if note["count"] != 1 or not note["visible"]:
            missing.append(path or "home")
            continue
        text = note["text"]
        if not text.split(" min read")[0].isdigit() or note["top"] < note["title_bottom"]:
            missing.append(f"{path or 'home'}: {text!r}")
    assert not missing, f"pages without a reading time under the title: {missing}"


def test_figure_tables_are_cards_on_a_phone_and_tables_on_a_desktop(reading_page, server):
    phone = reading_page(PHONE)
    phone.goto(server.url("numbers/"))
    rows = phone.locator(".figures-table tbody tr")
    assert rows.count() > 10
    card = rows.first
    card.scroll_into_view_if_needed()
    assert card.evaluate("r => getComputedStyle(r).display") == "block"
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    labels = card.locator("td").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)"
    )
    assert labels[1:] == ['"What it counts: "', '"Type: "', '"Who says it: "', '"When: "', '"Source: "']
    # Every cell of the card is stacked in full width, not squeezed into a column.
    widths = card.locator("td").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().width)")
    assert min(widths) > 0.8 * box["width"]
    header = phone.locator(".figures-table thead").bounding_box()
    assert header is None or header["height"] <= 1  # for screen readers only
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=SCREENSHOTS / "numbers-cards-390.png")
    desk = reading_page(LAPTOP)
    desk.goto(server.url("numbers/"))
    assert desk.locator(".figures-table tbody tr").first.evaluate("r => getComputedStyle(r).display") == (
        "table-row"
    )


# One page of each type a reader meets, for the 390 px screenshots under bench/out/.
PAGE_TYPES = {
    "home": "",
    "debate": "debate/do-suspensions-work/",
    "argument-map": "argument-map/",
    "timeline": "timeline/",
    "numbers": "numbers/",
    "sources": "sources/",
    "whos-who": "whos-who/",
}


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_each_page_type_at_390_px_for_the_record(reading_page, server, kind):
    """Not a check of its own: each page type's first phone screen, saved for review as
    bench/out/<type>-390.png; the page must show its title and reading time."""
    page = reading_page(PHONE)
    page.goto(server.url(PAGE_TYPES[kind]))
    assert page.locator("article .reading-time").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{kind}-390.png")
