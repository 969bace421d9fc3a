"""The corrections record: listed newest first, and a note on each corrected page."""

from explainer.corrections import newest_first

from helpers import convert


def test_entries_are_listed_newest_first_with_a_pages_entries_of_one_day_together():
    entries = {
        "a": {"id": "a", "date": "2026-01-02", "page": "one.md"},
        "b": {"id": "b", "date": "2026-03-01", "page": "two.md"},
        "c": {"id": "c", "date": "2026-01-02", "page": "two.md"},
        "d": {"id": "d", "date": "2026-01-02", "page": "one.md"},
    }
    assert [e["id"] for e in newest_first(entries)] == ["b", "a", "d", "c"]


def test_the_block_shows_date_page_what_changed_why_and_sources():
    html = convert("/// corrections\n///", page="about/corrections.md")
    assert '<li class="correction" id="2026-11-29-timeline-1">' in html
    assert (
        '<time datetime="2026-11-29">29 November 2026</time> · <a href="../timeline.md">Timeline</a>' in html
    )
    assert "<strong>It said:</strong> The fixture said the wrong month." in html
    assert "<strong>It now says:</strong> The fixture now gives the right month." in html
    assert "<strong>Why:</strong> The cited source gives the right month." in html
    assert 'href="#source-census-2015"' in html


def test_a_corrected_page_says_so_under_its_title_and_links_to_the_entry():
    html = convert("# Timeline\n\nText.", page="timeline.md")
    assert html.startswith(
        '<h1>Timeline</h1>\n<p class="correction-note">Corrected on 29 November 2026: '
        '<a href="about/corrections.md#2026-11-29-timeline-1">what changed</a>.</p>'
    )


def test_a_page_without_corrections_has_no_note():
    assert "correction-note" not in convert("# Home\n\nText.", page="index.md")
