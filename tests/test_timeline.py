"""explainer.timeline: events sorted by date, status badges, filters and slices."""

import re

import pytest

from explainer.errors import ContentError

from conftest import ROOT
from helpers import convert


def event_ids(html):
    return re.findall(r'<li class="timeline-event[^"]*"[^>]* id="([^"]+)"', html)


def test_a_slice_renders_one_event_with_date_badge_themes_actors_and_citation():
    html = convert("/// timeline\nthemes: [numbers]\nstatus: [claimed]\n///")
    assert (
        '<li class="timeline-event timeline-event--claimed" data-actors="volunteer-group" '
        'data-themes="numbers" id="group-total">\n'
        '<p class="timeline-when"><a class="timeline-permalink" href="#group-total">'
        '<time datetime="2015-11-19">19 November 2015</time></a> '
        '<span class="status-badge status-badge--claimed">Claimed</span></p>\n'
        '<p class="timeline-title">The group claims a total</p>\n'
        '<p class="timeline-summary">The group says it helped remove many accounts. '
        '<a class="cite" href="#source-group-claim-2015" id="cite-1">[1]</a></p>\n'
        '<p class="timeline-meta">Themes: Takedown numbers. Actors: '
        '<a href="whos-who.md#volunteer-group">Volunteer Group</a>.</p>\n</li>'
    ) in html
    assert (
        '<p class="timeline-more" data-search-exclude=""><a href="timeline.md">See the full timeline</a></p>'
        in html
    )


def test_events_are_sorted_by_date_whatever_the_file_order():
    assert event_ids(convert("/// timeline\nthemes: [numbers]\n///")) == ["census-window", "group-total"]


def test_the_full_timeline_groups_by_year_and_carries_the_filters():
    html = convert("/// timeline\nfilters: true\n///", page="timeline.md")
    assert '<h2 class="timeline-year" id="year-2014">2014</h2>' in html
    assert '<h2 class="timeline-year" id="year-2015">2015</h2>' in html
    assert '<form aria-label="Filter the timeline" class="timeline-filters" data-search-exclude="">' in html
    assert '<option value="volunteer-group">Volunteer Group</option>' in html
    assert 'role="status"' in html and "Showing all 2 events." in html


def test_a_range_is_shown_at_its_precision():
    html = convert("/// timeline\nids: [census-window]\n///")
    assert '<time datetime="2014-09">September to December 2014</time>' in html


def test_indented_header_options_work_too():
    assert event_ids(convert("/// timeline\n    ids: [group-total]\n///")) == ["group-total"]


@pytest.mark.parametrize(
    "body, message",
    [
        ("themes: [speech]", "unknown theme 'speech' in option 'themes'"),
        ("actors: [nobody]", "unknown actor key 'nobody' in option 'actors'"),
        ("them: [numbers]", "unknown option 'them'; this block takes: actors, filters, ids, status, themes"),
        ("themes: [context]", "no event matches these options"),
        ("themes: [numbers", "its options are not valid YAML"),
    ],
)
def test_bad_options_stop_with_a_message(body, message):
    with pytest.raises(ContentError, match=re.escape(message)):
        convert(f"/// timeline\n{body}\n///")


def test_filter_options_are_plain_text_even_when_a_glossary_term_matches():
    html = convert(
        "Volunteer work.\n\n/// timeline\nfilters: true\n///\n\n*[Volunteer]: A glossary entry.",
        page="timeline.md",
        extra_extensions=("abbr",),
    )
    assert "<abbr" in html, "the glossary term is marked up in the prose"
    assert '<option value="volunteer-group">Volunteer Group</option>' in html


def test_a_theme_label_ending_in_a_question_mark_gets_no_extra_full_stop():
    html = convert("/// timeline\n///", docs_dir=ROOT / "docs", page="timeline.md")
    assert "Do suspensions work? Actors:" in html
    assert "?." not in html
