"""explainer.search_terms: numbers in every spelling, and repeated parts left out of search."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from explainer.citations import CITE_CLASS
from explainer.search_terms import LEFT_OUT, LINKS_LEFT_OUT

from helpers import convert, docs_with_source_fields


def render(text: str, page: str = "index.md") -> BeautifulSoup:
    html = convert(text, page=page, keep=("search-terms",))
    return BeautifulSoup(html, "html.parser")


def test_a_number_gets_its_other_spellings_in_a_hidden_span():
    soup = render("Twitter said 360,000 accounts.")
    span = soup.select_one("p > span.search-variants")
    assert span.has_attr("hidden") and span.get_text() == "360000 360 000"


def test_citation_marks_are_left_out_of_search():
    soup = render("Counted [@census-2015].")
    marks = soup.select(f"a.{CITE_CLASS}")
    assert marks and all(mark.has_attr("data-search-exclude") for mark in marks)


def test_a_pages_related_events_are_left_out_but_the_full_timeline_is_not():
    slice_ = render("/// timeline\nids: [group-total]\n///", page="index.md")
    assert slice_.select_one(".timeline--slice").has_attr("data-search-exclude")
    full = render("/// timeline\nfilters: true\n///", page="timeline.md")
    assert not full.select_one(".timeline--full").has_attr("data-search-exclude")
    assert full.select(".timeline-title") and not full.select(".timeline-title[data-search-exclude]")
    # Each event's themes and actors are the same few names on every event.
    assert all(meta.has_attr("data-search-exclude") for meta in full.select(".timeline-meta"))
    # Each event's date and status line comes before its title heading, so search filed it
    # under the year heading: one line per event, which outgrew Zensical's field limit.
    whens = full.select(".timeline-when")
    assert whens and all(when.has_attr("data-search-exclude") for when in whens)


def test_a_sources_annotation_stays_but_its_uses_notes_and_link_words_are_left_out(tmp_path):
    docs = docs_with_source_fields(
        tmp_path, "  date_note: Date from the page address\n  read_note: Read a stored copy on 2026-11-29.\n"
    )
    html = convert("/// sources\n///", docs_dir=docs, page="sources.md", keep=("search-terms",))
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select(".source-annotation[data-search-exclude], .source-details[data-search-exclude]")
    for part in ("source-uses", "source-date-note", "source-link-note", "source-read-note"):
        found = soup.select(f".{part}")
        assert found and all(element.has_attr("data-search-exclude") for element in found), part
    links = soup.select(".source-reference a")
    assert links and all(link.has_attr("data-search-exclude") for link in links)


def test_the_record_of_corrections_is_left_out():
    soup = render("/// corrections\n///", page="about/corrections.md")
    assert soup.select_one(".corrections-list").has_attr("data-search-exclude")


def test_a_pages_chosen_figures_are_left_out_but_the_full_table_is_not():
    chosen = render("/// figures\nids: [census-min]\n///", page="index.md")
    assert chosen.select_one(".figures--selection")
    cells = chosen.select("td")
    assert cells and all(cell.find_parent(attrs={"data-search-exclude": True}) for cell in cells)
    full = render("/// figures\n///", page="numbers.md")
    assert full.select("td") and not full.select("[data-search-exclude] td")
    # The type badge is one of five labels on every figure.
    assert all(badge.has_attr("data-search-exclude") for badge in full.select(".figure-type"))


def test_the_charts_drawings_are_left_out_but_their_data_table_is_not():
    soup = render("/// figure-chart\n///", page="numbers.md")
    panels = soup.select(".chart-panel")
    assert panels and all(panel.has_attr("data-search-exclude") for panel in panels)
    assert soup.select(".chart-table td") and not soup.select("[data-search-exclude] .chart-table")


def test_a_left_out_element_holding_its_own_tag_is_left_out_through_its_children():
    # Material's parser ends a left-out <div> at the first </div> inside it.
    soup = render(
        '<div class="map-question" markdown>\n<div markdown>\n\nOne.\n\n</div>\n'
        "<div markdown>\n\nTwo.\n\n</div>\n</div>"
    )
    outer = soup.select_one(".map-question")
    assert not outer.has_attr("data-search-exclude")
    assert all(inner.has_attr("data-search-exclude") for inner in outer.find_all("div"))


def test_a_heading_inside_a_left_out_part_is_left_out_too():
    # Material's search would otherwise list it as an empty result under the page's title.
    soup = render('<section class="map-question" markdown>\n\n## A question\n\nText.\n\n</section>')
    assert soup.select_one("section").has_attr("data-search-exclude")
    assert soup.select_one("h2").has_attr("data-search-exclude")


def test_a_number_only_in_a_left_out_part_gets_no_spellings():
    soup = render("Counted *360,000*{: .cite } and 46,000.")
    assert soup.select_one("em.cite").has_attr("data-search-exclude")
    assert soup.select_one(".search-variants").get_text() == "46000 46 000"


def test_a_number_in_an_inline_figure_gets_its_other_spellings():
    soup = render("They estimated [fig:census-min] in 2014.")
    assert soup.select_one("p > span.search-variants").get_text() == "46000 46 000"


def test_every_left_out_class_says_why():
    assert all(reason.strip() for reason in {**LEFT_OUT, **LINKS_LEFT_OUT}.values())


# The built site's search index (Material's search plugin reads the rendered pages).


def index_docs(site_dir) -> list[dict]:
    return json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_the_built_index_holds_no_repeated_interface_text(site_dir):
    text = "\n".join(f"{doc['title']}\n{doc['text']}" for doc in index_docs(site_dir))
    for repeated in (
        "Cite this page",
        "Cited on:",
        "Events:",
        "Themes:",
        "In the timeline:",
        "It now says:",
        "Read the source",
        "Corrected on",
        "It said:",
        "Checked for this site",
        "Date from the page address",
        "Sources on this page",
    ):
        assert repeated not in text, f"{repeated!r} is in the search index"
    # The home page explains the marks with an example, "like [1]"; the debate pages carry hundreds.
    debate = "\n".join(doc["text"] for doc in index_docs(site_dir) if doc["location"].startswith("debate/"))
    assert not re.search(r"\[\d+\]", debate), "citation marks are in the search index"


def test_the_built_index_finds_the_corrections_page_by_its_introduction(site_dir):
    corrections = [doc for doc in index_docs(site_dir) if doc["location"].startswith("about/corrections/")]
    assert [doc["location"] for doc in corrections] == ["about/corrections/"]
    assert "we fix it and record the fix here" in corrections[0]["text"]
    assert "Why:" not in corrections[0]["text"]


def test_the_built_index_still_holds_each_source_event_and_actor(site_dir):
    docs = {doc["location"]: doc for doc in index_docs(site_dir)}
    sources = [doc for location, doc in docs.items() if location.startswith("sources/#")]
    events = [doc for location, doc in docs.items() if location.startswith("timeline/#")]
    actors = [doc for location, doc in docs.items() if location.startswith("whos-who/#")]
    assert len(sources) > 50 and all(doc["title"] for doc in sources)
    assert sum(bool(doc["text"]) for doc in sources) > 50
    assert len(events) > 30 and len(actors) > 20
    assert "Reliability:" in docs["sources/#berger-morgan-2015-census"]["text"]
