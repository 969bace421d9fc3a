"""Citation previews, target sizes and back-links (explainer/citations.py and site.js).

A citation shows its source from the page's own Sources list in place: on hover, on
keyboard focus and on a tap, and from file:// too. Esc, a second tap or moving away
closes it. Every citation is a 24x24 px target that leaves the line height alone, and
each Sources entry links back to the places it is cited. The Sources page's type select
and text box narrow its list (and without JavaScript the whole list shows).
"""

from __future__ import annotations

import re

import pytest

from explainer import data
from explainer.dates import format_date

from .support import MOBILE, overlapping
from conftest import ROOT

pytestmark = pytest.mark.browser

DEBATE = "debate/do-suspensions-work/"
PREVIEW = "#cite-preview"
SOURCES = data.load(ROOT / "docs" / "data").sources
PHONE = {"width": 390, "height": 844}


def key_of(page, citation: str) -> str:
    return page.get_attribute(citation, "href").removeprefix("#source-")


def assert_preview_shows_the_source(page, citation: str):
    """Title, publisher, date, type label and reliability note, and the two links."""
    preview = page.locator(PREVIEW)
    preview.wait_for()
    source = SOURCES[key_of(page, citation)]
    text = " ".join(preview.inner_text().split())
    assert source["title"] in text
    assert source["publisher"] in text
    assert (format_date(source["date"]) if source.get("date") else "n.d.") in text
    assert source["type"].capitalize().split("/")[0] in text
    assert " ".join(source["reliability"].split()).rstrip(".") in text
    assert preview.get_attribute("role") == "dialog"
    assert preview.get_attribute("aria-label") == f"Source {page.inner_text(citation)}"
    assert page.get_attribute(citation, "aria-expanded") == "true"
    assert page.get_attribute(citation, "aria-controls") == "cite-preview"
    full = preview.get_by_role("link", name="Full entry")
    assert re.search(rf"sources(/|\.html)#{source['key']}$", full.get_attribute("href"))
    if source.get("url"):
        assert preview.get_by_role("link", name="Read the source").get_attribute("href") == source["url"]
    assert not preview.locator(".source-backlinks").count(), "the back-links belong in the list only"
    assert preview.is_visible() and preview.bounding_box()["width"] > 100


def test_hovering_a_citation_previews_its_source_and_moving_away_closes_it(page, server):
    page.goto(server.url(DEBATE))
    page.hover("#cite-1")
    assert_preview_shows_the_source(page, "#cite-1")
    # The reader can move onto the preview to use its links; it stays open.
    page.hover(f"{PREVIEW} >> text=Full entry")
    page.wait_for_timeout(400)  # longer than the close delay: still open
    assert page.locator(PREVIEW).is_visible()
    page.mouse.move(5, 700)
    page.locator(PREVIEW).wait_for(state="detached")
    assert page.get_attribute("#cite-1", "aria-expanded") == "false"


def test_hovering_another_citation_previews_that_one_instead(page, server):
    page.goto(server.url(DEBATE))
    page.hover("#cite-1")
    page.locator(PREVIEW).wait_for()
    later = page.locator(".md-content a.cite").nth(5)
    later.hover()
    page.wait_for_function("() => document.getElementById('cite-1').ariaExpanded === 'false'")
    assert_preview_shows_the_source(page, f"#{later.get_attribute('id')}")
    assert page.locator(PREVIEW).count() == 1


def test_keyboard_focus_opens_the_preview_tab_enters_it_and_esc_closes_it(page, server):
    page.goto(server.url(DEBATE))
    page.focus("#cite-1")
    assert_preview_shows_the_source(page, "#cite-1")
    # The preview follows the citation in the Tab order: its links are reachable.
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('cite-preview').contains(document.activeElement)")
    page.keyboard.press("Escape")
    page.locator(PREVIEW).wait_for(state="detached")
    assert page.evaluate("document.activeElement.id") == "cite-1", "Esc must return focus to the citation"
    assert page.get_attribute("#cite-1", "aria-expanded") == "false"
    # Tab goes on to the next citation, which previews its own source.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "cite-2"
    assert_preview_shows_the_source(page, "#cite-2")
    page.keyboard.press("Escape")
    page.locator(PREVIEW).wait_for(state="detached")


def test_enter_on_a_citation_goes_to_its_entry_in_the_list(page, server):
    page.goto(server.url(DEBATE))
    page.focus("#cite-1")
    page.locator(PREVIEW).wait_for()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(f"#source-{key_of(page, '#cite-1')}$"))
    assert not page.locator(PREVIEW).count()


def test_keyboard_focus_moving_elsewhere_closes_the_preview(page, server):
    page.goto(server.url(DEBATE))
    page.focus("#cite-1")
    page.locator(PREVIEW).wait_for()
    page.focus(".md-content h1 + * a, .md-header a")
    page.locator(PREVIEW).wait_for(state="detached")


def test_a_tap_opens_the_preview_in_place_and_a_second_tap_closes_it(new_context, server):
    page = new_context(viewport=MOBILE, has_touch=True, is_mobile=True).new_page()
    page.goto(server.url(DEBATE))
    citation = page.locator("#cite-3")
    citation.scroll_into_view_if_needed()
    citation.tap()
    assert_preview_shows_the_source(page, "#cite-3")
    assert "#" not in page.url, "a tap must preview in place, not jump to the list"
    box = page.locator(PREVIEW).bounding_box()
    width = page.evaluate("document.documentElement.clientWidth")
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, "the preview runs off the screen"
    citation.tap()
    page.locator(PREVIEW).wait_for(state="detached")
    # A tap somewhere else closes it too.
    citation.tap()
    page.locator(PREVIEW).wait_for()
    page.locator(".md-content h1").tap()
    page.locator(PREVIEW).wait_for(state="detached")


def test_a_click_goes_to_the_entry_and_its_back_link_returns_to_the_citation(page, server):
    page.goto(server.url(DEBATE))
    key = key_of(page, "#cite-4")
    page.click("#cite-4")
    page.wait_for_url(re.compile(f"#source-{key}$"))
    assert not page.locator(PREVIEW).count()
    entry = page.locator(f"#source-{key}")
    back = entry.locator(".source-backlinks[href='#cite-4'], .source-backlinks a[href='#cite-4']")
    back.click()
    page.wait_for_url(re.compile("#cite-4$"))
    assert page.evaluate("document.querySelector(':target').id") == "cite-4"
    assert page.locator("#cite-4").is_visible()
    top = page.locator("#cite-4").bounding_box()["y"]
    assert 0 <= top <= page.viewport_size["height"], "the back-link did not bring the citation into view"


@pytest.mark.parametrize("path", [DEBATE, "", "numbers/", "timeline/", "whos-who/"])
def test_every_citation_is_a_24px_target_that_keeps_the_line_height(reading_page, server, path):
    page = reading_page()
    page.goto(server.url(path))
    measured = page.evaluate(
        """() => [...document.querySelectorAll('.md-content a.cite')].map(cite => {
            const box = cite.getBoundingClientRect();
            // One line of the citation's own text with it and without it (same styles).
            const line = html => {
                const probe = document.createElement('span');
                probe.style.cssText = 'display:block;white-space:nowrap';
                probe.innerHTML = html;
                cite.parentElement.append(probe);
                const height = probe.getBoundingClientRect().height;
                probe.remove();
                return height;
            };
            return {id: cite.id, width: box.width, height: box.height,
                    with: line('Text ' + cite.outerHTML.replace(/ id="[^"]*"/, '')), without: line('Text')};
        })"""
    )
    assert len(measured) > 10
    for cite in measured:
        if not cite["width"]:  # inside a hidden part of the page (a filtered-out event)
            continue
        assert cite["width"] >= 24 and cite["height"] >= 24, f"{path}: {cite}"
        assert cite["with"] == cite["without"], f"{path}: the citation changes the line height: {cite}"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_every_back_link_is_a_24px_target_that_overlaps_no_other(new_context, server, viewport):
    """The ↑ and each letter a b c after a Sources entry, on a touch phone and a desktop."""
    if viewport == "phone":
        page = new_context(viewport=PHONE, has_touch=True, is_mobile=True).new_page()
    else:
        page = new_context().new_page()
    page.goto(server.url(DEBATE))
    entries = page.evaluate(
        """() => [...document.querySelectorAll('.page-sources li')].map(entry =>
            [...entry.querySelectorAll('.source-backlinks a, a.source-backlinks')].map(link => {
                const box = link.getBoundingClientRect();
                return {href: link.getAttribute('href'), width: box.width, height: box.height,
                        left: box.left, right: box.right, top: box.top, bottom: box.bottom};
            }))"""
    )
    links = [link for entry in entries for link in entry]
    assert len(links) > 20 and any(len(entry) > 10 for entry in entries)  # long runs wrap on a phone
    small = [link for link in links if link["width"] < 24 or link["height"] < 24]
    assert not small, small[:3]
    for entry in entries:
        assert not overlapping(entry, "href")


@pytest.mark.parametrize("path", [DEBATE, "", "numbers/"])
def test_targets_in_a_group_do_not_overlap(reading_page, server, path):
    """Side by side in a line, and line above line where a group wraps in a figure table's
    narrow Source column on a desktop. (Between lines of prose a 29px target may overhang
    the 25.6px line by 3.4px, which axe's target-size rule accepts.)"""
    page = reading_page()
    page.goto(server.url(path))
    overlaps = page.evaluate(
        """() => [...document.querySelectorAll('.md-content a.cite')].flatMap(cite => {
            const a = cite.getBoundingClientRect();
            return [...cite.parentElement.querySelectorAll(':scope > a.cite')]
                .filter(other => other !== cite && a.width)
                .filter(other => {
                    const b = other.getBoundingClientRect();
                    const sameLine = Math.abs(a.top - b.top) < 1;
                    return (sameLine || cite.parentElement.tagName === 'TD') &&
                        Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
                        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
                })
                .map(other => cite.id + ' overlaps ' + other.id);
        })"""
    )
    assert page.locator(".md-content a.cite--run").count(), "no group of citations on the page"
    assert page.locator(".md-content td a.cite--run").count() or path == DEBATE
    assert not overlaps, overlaps[:4]


def test_a_group_reads_in_number_order(page, server):
    page.goto(server.url(""))
    groups = page.evaluate(
        """() => [...document.querySelectorAll('.md-content a.cite--run')]
            .filter(cite => {
                const before = cite.previousElementSibling;  // the first of its group
                return !before || !before.matches('a.cite--run');
            })
            .map(first => {
                const numbers = [];
                for (let cite = first; cite && cite.matches('a.cite'); cite = cite.nextElementSibling) {
                    numbers.push(parseInt(cite.textContent.slice(1)));
                    if (!cite.matches('.cite--run')) break;
                }
                return numbers;
            })"""
    )
    assert groups
    for numbers in groups:
        assert numbers == sorted(numbers), numbers


def test_the_preview_works_from_the_offline_copy(browser, offline_site_dir):
    context = browser.new_context()
    try:
        context.route(re.compile(r"^(?!file:|data:|blob:|about:)"), lambda route: route.abort())
        page = context.new_page()
        page.goto((offline_site_dir / "debate" / "do-suspensions-work.html").as_uri())
        page.hover("#cite-1")
        assert_preview_shows_the_source(page, "#cite-1")
    finally:
        context.close()


def shown_entries(page) -> list[dict]:
    """The visible Sources entries: their key, type heading and text."""
    return page.eval_on_selector_all(
        ".source-entry",
        """entries => entries.filter(entry => !entry.hidden).map(entry => {
            let heading = entry.previousElementSibling;
            while (heading.tagName !== 'H2') heading = heading.previousElementSibling;
            return {key: entry.querySelector('.source-reference').id, type: heading.id,
                    heading_shown: !heading.hidden, text: entry.textContent.toLowerCase()};
        })""",
    )


def test_the_sources_type_filter_and_text_box_narrow_the_list(page, server):
    page.goto(server.url("sources/"))
    everything = shown_entries(page)
    total = len(everything)
    count = page.locator(".source-count")
    assert count.inner_text() == f"Showing all {total} sources."
    # Real, labelled form controls.
    page.get_by_label("Type").select_option("type-news-report")
    news = shown_entries(page)
    assert news and all(entry["type"] == "type-news-report" and entry["heading_shown"] for entry in news)
    assert len(news) == sum(entry["type"] == "type-news-report" for entry in everything)
    assert page.eval_on_selector_all("h2[id^='type-']:not([hidden])", "hs => hs.map(h => h.id)") == [
        "type-news-report"
    ]
    assert count.inner_text() == f"Showing {len(news)} of {total} sources."
    page.get_by_label("Type").select_option("")
    box = page.get_by_label("Find in the list")
    box.press_sequentially("berger morgan")  # narrows as you type: every word must appear
    found = shown_entries(page)
    assert 0 < len(found) < total
    assert all("berger" in entry["text"] and "morgan" in entry["text"] for entry in found)
    assert found == [e for e in everything if "berger" in e["text"] and "morgan" in e["text"]]
    shown_types = {entry["type"] for entry in found}
    hidden_headings = page.eval_on_selector_all("h2[id^='type-'][hidden]", "hs => hs.map(h => h.id)")
    assert hidden_headings and not shown_types & set(hidden_headings)
    assert count.inner_text() == f"Showing {len(found)} of {total} sources."
    box.fill("")
    assert len(shown_entries(page)) == total
    assert count.inner_text() == f"Showing all {total} sources."


def test_without_javascript_the_sources_list_is_whole_and_the_form_hidden(new_context, server):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(server.url("sources/"))
    assert not page.locator(".source-filters").is_visible()
    assert page.locator(".source-entry").count() == page.locator(".source-entry:visible").count() > 50
