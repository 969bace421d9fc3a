"""explainer.timeline: events sorted by date, status badges, filters and slices."""

import re

import pytest

from explainer import data, timeline
from explainer.errors import ContentError

from conftest import ROOT
from helpers import FIXTURE, convert, copy_fixture, replace_in


def event_ids(html):
    return re.findall(r'<li class="timeline-event[^"]*"[^>]* id="([^"]+)"', html)


def test_a_slice_renders_one_event_with_date_badge_themes_actors_and_citation():
    html = convert("/// timeline\nthemes: [numbers]\nstatus: [claimed]\n///")
    assert (
        '<li class="timeline-event" data-actors="volunteer-group" '
        'data-status="claimed" data-themes="numbers" id="group-total">\n'
        '<p class="timeline-when"><a class="timeline-permalink" href="#group-total">'
        '<time datetime="2015-11-19">19 November 2015</time></a> '
        '<span class="status-badge status-badge--claimed">Claimed</span></p>\n'
        '<p class="timeline-title">The group claims a total</p>\n'
        '<p class="timeline-summary">The group says it helped remove many accounts. '
        '<a class="cite" href="#source-group-claim-2015" id="cite-1">[1]</a></p>\n'
        '<p class="timeline-meta">Themes: '
        '<a href="timeline.md?theme=numbers#group-total">Takedown numbers</a>. Actors: '
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
    assert "Do suspensions work?</a> Actors:" in html
    assert "?." not in html and "?</a>." not in html


def full_timeline(docs_dir=FIXTURE / "docs"):
    return convert("/// timeline\nfilters: true\n///", docs_dir=docs_dir, page="timeline.md")


def test_the_status_filter_offers_the_schemas_statuses_that_events_use():
    schema = data._validator("timeline").schema["items"]["properties"]["status"]["enum"]
    assert list(timeline.STATUS_LABEL) == schema == ["documented", "claimed", "disputed"]
    html = full_timeline()
    select = re.search(r'<select id="timeline-status" name="status">(.*?)</select>', html).group(1)
    # The fixture has no disputed event, so its filter offers the two statuses it uses.
    assert re.findall(r'<option value="([^"]*)">([^<]*)</option>', select) == [
        ("", "All statuses"),
        ("documented", "Documented"),
        ("claimed", "Claimed"),
    ]
    assert html.count("data-status=") == 2 and 'data-status="claimed"' in html


def test_lanes_come_from_the_schema_and_the_actors_lane_field():
    schema = data._validator("common").schema["$defs"]["lane"]
    assert list(timeline.LANE_LABEL) == schema["enum"]
    assert list(timeline.LANE_LABEL)[:5] == [
        "volunteers",
        "platforms",
        "governments",
        "researchers-press",
        "isis",
    ]
    assert timeline.LANE_LABEL["platforms"] == "Twitter and other platforms"
    dataset = data.load(FIXTURE / "docs" / "data")
    assert timeline.event_lanes(dataset.events["group-total"], dataset.actors) == ["volunteers"]
    event = {**dataset.events["census-window"], "lanes": ["isis"]}
    assert timeline.event_lanes(event, dataset.actors) == ["researchers-press", "isis"]


def overview(html):
    return re.search(r'<svg aria-hidden="true" class="timeline-overview".*?</svg>', html, re.S).group(0)


def test_the_overview_has_a_lane_per_kind_of_actor_and_a_year_axis():
    svg = overview(full_timeline())
    assert re.findall(r'<text class="overview-lane"[^>]*>([^<]*)</text>', svg) == [
        "Volunteers",
        "Researchers and press",
    ]  # only the lanes the fixture's events reach
    assert re.findall(r'<text text-anchor="middle"[^>]*>(\d{4})</text>', svg) == ["2014", "2015"]
    assert 'viewBox="0 0 360 ' in svg and "<script" not in svg


def test_each_overview_marker_links_to_its_event_with_a_shape_per_status():
    svg = overview(full_timeline())
    markers = re.findall(
        r'<a class="overview-marker status--(\w+)" href="#([^"]+)" tabindex="-1">'
        r'<title>([^<]*)</title><use href="#overview-mark-(\w+)"',
        svg,
    )
    assert sorted(markers) == [
        ("claimed", "group-total", "19 November 2015: The group claims a total (Claimed)", "diamond"),
        (
            "documented",
            "census-window",
            "September to December 2014: Census data window (Documented)",
            "circle",
        ),
    ]
    shapes = timeline.STATUS_SHAPE
    assert len(set(shapes.values())) == len(shapes) == 3  # documented, claimed, disputed differ
    # Each shape a marker uses is drawn once, with its invisible hit area, centred on the marker.
    for shape, tag in (("diamond", "polygon"), ("circle", "circle")):
        drawn = re.search(rf'<g id="overview-mark-{shape}"><{tag} [^>]*></{tag}>(<rect [^>]*>)', svg)
        assert drawn and 'class="overview-hit"' in drawn.group(1) and 'x="-12.25"' in drawn.group(1)


def test_the_overview_key_names_every_status_and_the_year_links_jump_to_headings():
    html = full_timeline()
    caption = re.search(r"<figcaption>(.*?)</figcaption>", html, re.S).group(1)
    assert "Documented, " in caption and "Claimed, " in caption and "Disputed." in caption
    nav = re.search(r'<nav aria-label="Jump to a year" class="timeline-years"[^>]*>(.*?)</nav>', html).group(
        1
    )
    assert re.findall(r'<a href="#(year-\d{4})">', nav) == ["year-2014", "year-2015"]
    assert 'id="year-2014"' in html and 'id="year-2015"' in html


def test_an_event_in_every_lane_and_an_event_in_none_is_refused(tmp_path):
    docs = copy_fixture(tmp_path) / "docs"
    replace_in(docs / "data" / "timeline.yml", "actors: [volunteer-group]", "actors: []")
    with pytest.raises(ContentError, match=r"timeline.yml:8: \[0\].lanes: the event has no lane"):
        data.validate(docs / "data")
    replace_in(docs / "data" / "timeline.yml", "actors: []", "actors: []\n  lanes: [isis]")
    svg = overview(full_timeline(docs))
    assert '<text class="overview-lane" x="6" y="' in svg and ">ISIS</text>" in svg


def test_markers_in_one_lane_never_overlap_and_move_only_as_far_as_allowed():
    # (x, furthest right it may move): the 24.5-wide hit areas of one row never overlap,
    # rows are MARK_GAP apart, and a marker moves only rightwards and within its limit.
    spans = [(10.0, 14.0), (12.0, 12.0), (14.0, 60.0), (30.0, 30.0), (31.0, 36.0), (80.0, 80.0)]
    placed = timeline.stack_rows(spans)
    for (x, furthest), (_, at) in zip(spans, placed, strict=True):
        assert x <= at <= furthest
    for row in {row for row, _ in placed}:
        xs = [at for r, at in placed if r == row]
        assert all(b - a >= timeline.MARK_GAP >= timeline.TARGET for a, b in zip(xs, xs[1:], strict=False))
    assert placed[2] == (0, 10.0 + timeline.MARK_GAP)  # moved right to share the first row
    assert max(row for row, _ in placed) == 3  # 12, 30 and 31 may not move far enough to share one


def test_theme_labels_link_to_the_timeline_filtered_by_that_theme_from_any_page():
    html = convert("/// timeline\nids: [census-window]\n///", page="debate/question.md")
    assert '<a href="../timeline.md?theme=suspensions#census-window">Do suspensions work?</a>' in html
    on_timeline = full_timeline()
    assert '<a href="?theme=numbers#census-window">Takedown numbers</a>.' in on_timeline


def test_the_full_timelines_citations_are_numbered_in_reading_order_with_the_pages_own():
    # Its event lists stay out of the page tree (explainer/deferred.py); the citation step
    # still reads them where they stand, between the text before and after the block.
    html = convert(
        "Before [@group-claim-2015].\n\n/// timeline\nfilters: true\n///\n\nAfter [@census-2015].",
        page="timeline.md",
    )
    cites = re.findall(r'<a class="cite" href="#source-([a-z0-9-]+)" id="(cite-\d+)">\[(\d+)\]</a>', html)
    assert cites == [
        ("group-claim-2015", "cite-1", "1"),  # before the block
        ("census-2015", "cite-2", "2"),  # census-window, the first event by date
        ("group-claim-2015", "cite-3", "1"),  # group-total
        ("census-2015", "cite-4", "2"),  # after the block
    ]
    places = [html.index(f'id="{name}"') for name in ("census-window", "cite-2", "group-total", "cite-3")]
    assert places == sorted(places)
    assert html.count("<explainer-deferred") == 0 and html.count('<ol class="timeline-events">') == 2


def test_the_full_timelines_big_parts_get_search_entries_and_line_breaks():
    # Written out on their own (explainer/deferred.py), after the search steps read them.
    html = convert("/// timeline\nfilters: true\n///", page="timeline.md", keep=("search-terms",))
    assert "explainer-deferred" not in html and "\x02" not in html
    assert '<h3 class="timeline-title" id="group-total">' in html  # a search entry
    assert '<p class="timeline-meta" data-search-exclude="">' in html  # left out of search
    assert '<a class="cite" data-search-exclude="" href="#source-group-claim-2015"' in html
    assert '</h3>\n<p class="timeline-summary">' in html  # line breaks as on the page


def test_the_big_parts_links_are_rewritten_by_mkdocs_and_numbers_spelled_for_search(site_dir):
    # Each deferred part meets MkDocs' link rewriting before it is written out.
    timeline = (site_dir / "timeline" / "index.html").read_text(encoding="utf-8")
    whos_who = (site_dir / "whos-who" / "index.html").read_text(encoding="utf-8")
    for page in (timeline, whos_who):
        assert not re.search(r'href="[^"]*\.md[#"]', page)
    assert 'href="../whos-who/#' in timeline and 'href="../timeline/#' in whos_who
    summaries = re.findall(r'<p class="timeline-summary">.*?</p>', timeline)
    assert any('<span class="search-variants" hidden="hidden">' in summary for summary in summaries)
