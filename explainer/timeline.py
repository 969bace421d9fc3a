"""The timeline: `/// timeline` renders events from docs/data/timeline.yml.

With `filters: true` (the Timeline page) it shows every event grouped by year, plus
theme and actor filters that site.js wires; without JavaScript the full list stays.
With `themes:`, `actors:`, `status:` or `ids:` it embeds a slice, for example the
events behind one debate question. Events are sorted by date whatever the file order.
Event text is atomic (plain text, no glossary tooltips) and each event is as few
elements as it can be: every element on the full timeline is restyled several times
while Material's script starts, which cost mobile Lighthouse Performance (measured).

On the full timeline each event's title becomes a heading that carries the event's id
(timeline/#<id>), so site search lists each event as its own entry and leads to it
(blockbase.SEARCH_ENTRY); the page's contents stay a list of years.
"""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as etree

from markdown.util import AtomicString as Plain

from . import dates, vocabulary
from .blockbase import SEARCH_ENTRY, DataBlock, OptionError, key_list
from .citations import citation_element
from .dates import format_when, sort_key
from .deferred import defer
from .formatting import add_label, add_links, time_element
from .text import data_text

# The vocabularies come from the schemas, so a status, theme or lane added there reaches
# the badges, the filters and the overview without a second list here.
STATUS_LABEL = vocabulary.labels(vocabulary.STATUS)
THEME_LABEL = vocabulary.labels(vocabulary.THEME)
LANE_LABEL = vocabulary.labels(vocabulary.LANE)
# Overview markers: one shape per status; `make check` names a status this lacks (drawn as a square).
STATUS_SHAPE = {"documented": "circle", "claimed": "diamond", "disputed": "triangle"}
SHAPE_OF_NEW_STATUS = "square"  # a status added to the schema before it has a shape here
TIMELINE_PAGE = "timeline.md"
OVERVIEW_WIDTH = 360  # CSS px at which the overview's 13px text is drawn (see site.css)
MARK = 4.5  # a marker's radius
# Each marker is a link with an invisible square hit area around it, TARGET wide, that no
# other marker's overlaps: markers in one row of a lane sit at least TARGET apart, and rows
# TARGET apart. That is at least 24x24 CSS px (WCAG 2.2 target size) wherever the overview
# is drawn at least 353 px wide, as on a 390 px phone (358 px); wider screens enlarge it.
TARGET = 24.5
MARK_GAP = TARGET  # closest two markers in one row of a lane, centre to centre
# To share a row with an earlier marker, one may sit up to a month later than its date (never
# past its year's end): at a glance by year that is unseen, and it saves rows.
NUDGE_YEARS = 1 / 12
LANE_LABEL_X = 6
MARK_ID = "overview-mark-"  # + shape: the id of the shape each marker <use>s


def select_events(events: dict, themes=None, actors=None, statuses=None, ids=None) -> list[dict]:
    """Events matching every given filter, sorted by date."""
    chosen = [
        event
        for event in events.values()
        if (themes is None or set(themes) & set(event["themes"]))
        and (actors is None or set(actors) & set(event["actors"]))
        and (statuses is None or event["status"] in statuses)
        and (ids is None or event["id"] in ids)
    ]
    return sorted(chosen, key=lambda event: sort_key(event["date"]))


def event_lanes(event: dict, actors: dict) -> list[str]:
    """The overview lanes an event appears in, in lane order: its actors' lanes and its own."""
    chosen = {actors[key]["lane"] for key in event["actors"]} | set(event.get("lanes", []))
    return [lane for lane in LANE_LABEL if lane in chosen]


def stack_rows(spans: list[tuple[float, float]]) -> list[tuple[int, float]]:
    """A row and an x for each marker, given its x and the furthest right it may move
    (sorted by x): the first row it fits in at least MARK_GAP after that row's last marker."""
    ends: list[float] = []  # each row's last x
    reach = _RowReach()
    placed = []
    for x, furthest in spans:
        row = reach.first_at_most(furthest, len(ends))
        if row == len(ends):
            ends.append(x)
        else:
            ends[row] = max(x, ends[row] + MARK_GAP)
        reach.set(row, ends[row] + MARK_GAP)
        placed.append((row, ends[row]))
    return placed


class _RowReach:
    """Where each row's next marker may start (its last x + MARK_GAP), in a min-tree, so the
    first row with room is found in a few steps however many rows a big timeline stacks."""

    def __init__(self):
        self.leaves = 1
        self.tree = [math.inf, math.inf]  # tree[1] is the root; leaf i is tree[leaves + i]

    def first_at_most(self, limit: float, rows: int) -> int:
        """The first row whose value is at most limit, or rows (a new row) if none is."""
        tree = self.tree
        if tree[1] > limit:
            return rows
        node = 1
        while node < self.leaves:
            node = 2 * node if tree[2 * node] <= limit else 2 * node + 1
        return node - self.leaves

    def set(self, row: int, value: float):
        if row >= self.leaves:
            values = self.tree[self.leaves :]
            self.leaves *= 2
            self.tree = [math.inf] * (2 * self.leaves)
            self.tree[self.leaves : self.leaves + len(values)] = values
            for node in range(self.leaves - 1, 0, -1):
                self.tree[node] = min(self.tree[2 * node], self.tree[2 * node + 1])
        node = self.leaves + row
        self.tree[node] = value
        node //= 2
        while node:
            self.tree[node] = min(self.tree[2 * node], self.tree[2 * node + 1])
            node //= 2


def hit_area(parent, x: float, y: float) -> etree.Element:
    """The marker's target: a TARGET-wide square, transparent in site.css, over the shape
    (site.css styles it through each marker's <use>)."""
    half = TARGET / 2
    return etree.SubElement(
        parent,
        "rect",
        {
            "class": "overview-hit",
            "x": f"{x - half:.2f}",
            "y": f"{y - half:.2f}",
            "width": str(TARGET),
            "height": str(TARGET),
        },
    )


def status_shape(status: str) -> str:
    return STATUS_SHAPE.get(status, SHAPE_OF_NEW_STATUS)


def overview_marker(parent, shape: str, x: float, y: float) -> etree.Element:
    if shape == "circle":
        return etree.SubElement(parent, "circle", {"cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": str(MARK)})
    r = MARK * 1.25
    points = {
        "diamond": [(0, -r), (r, 0), (0, r), (-r, 0)],
        "triangle": [(0, -r), (r, r * 0.8), (-r, r * 0.8)],
        "square": [(-MARK, -MARK), (MARK, -MARK), (MARK, MARK), (-MARK, MARK)],
    }[shape]
    return etree.SubElement(
        parent, "polygon", {"points": " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in points)}
    )


def status_badge(parent, status: str) -> etree.Element:
    badge = etree.SubElement(parent, "span", {"class": f"status-badge status-badge--{status}"})
    badge.text = Plain(STATUS_LABEL[status])
    return badge


class TimelineBlock(DataBlock):
    NAME = "timeline"
    OPTIONS = DataBlock.options("themes", "actors", "status", "ids", "filters")

    @staticmethod
    def check_options(options, dataset, docs_dir) -> list[dict]:
        """The events the block shows, sorted by date."""
        events = select_events(
            dataset.events,
            key_list(options, "themes", THEME_LABEL, "theme"),
            key_list(options, "actors", dataset.actors, "actor key"),
            key_list(options, "status", STATUS_LABEL, "status"),
            key_list(options, "ids", dataset.events, "event id"),
        )
        if not events:
            raise OptionError(
                "no event matches these options; widen them or add events to docs/data/timeline.yml"
            )
        return events

    def render(self, block):
        dataset = self.dataset
        filters = self.options.get("filters") is True
        events = self.checked
        block.set("class", "timeline" + (" timeline--full" if filters else " timeline--slice"))
        if filters:
            block.set("data-timeline-filters", "")
            self.filter_form(block, events, dataset)
            years = list(dict.fromkeys(dates.year(dates.start(e["date"])) for e in events))
            self.year_links(block, years)
            self.overview(block, events, dataset)
            for year, group in itertools.groupby(events, key=lambda e: dates.year(dates.start(e["date"]))):
                heading = etree.SubElement(block, "h2", {"id": f"year-{year}", "class": "timeline-year"})
                heading.text = Plain(year)
                events_of_year = self.event_list(None, list(group), dataset, search_entries=True)
                block.append(defer(self.site, events_of_year))
            status = etree.SubElement(
                block,
                "p",
                {
                    "class": "timeline-count",
                    "role": "status",
                    "aria-live": "polite",
                    "data-search-exclude": "",
                },
            )
            status.text = Plain(f"Showing all {len(events)} events.")
        else:
            self.event_list(block, events, dataset)
            more = etree.SubElement(block, "p", {"class": "timeline-more", "data-search-exclude": ""})
            anchor = etree.SubElement(more, "a", {"href": self.site.link(TIMELINE_PAGE)})
            anchor.text = Plain("See the full timeline")

    def event_list(self, parent, events, dataset, search_entries=False) -> etree.Element:
        """The events as a list, in parent (or on its own if parent is None)."""
        attributes = {"class": "timeline-events"}
        ordered = (
            etree.Element("ol", attributes) if parent is None else etree.SubElement(parent, "ol", attributes)
        )
        for event in events:
            self.event_item(ordered, event, dataset, search_entries)
        return ordered

    def event_item(self, parent, event, dataset, search_entries=False):
        item = etree.SubElement(
            parent,
            "li",
            {
                "class": "timeline-event",
                "id": event["id"],
                "data-themes": " ".join(event["themes"]),
                "data-actors": " ".join(event["actors"]),
                "data-status": event["status"],
            },
        )
        header = etree.SubElement(item, "p", {"class": "timeline-when"})
        permalink = etree.SubElement(header, "a", {"class": "timeline-permalink", "href": f"#{event['id']}"})
        permalink.append(time_element(self.md, event["date"], event.get("circa", False)))
        permalink.tail = Plain(" ")
        if event.get("date_note"):
            note = etree.SubElement(header, "span", {"class": "date-note"})
            note.text = data_text(self.md, f"({event['date_note']})", glossary=True)
            note.tail = Plain(" ")
        status_badge(header, event["status"])
        title = etree.SubElement(
            item, "p", {"class": "timeline-title", **({SEARCH_ENTRY: ""} if search_entries else {})}
        )
        title.text = data_text(self.md, event["title"])
        summary = etree.SubElement(item, "p", {"class": "timeline-summary"})
        summary.text = data_text(self.md, event["summary"] + " ")
        summary.append(citation_element([(key, None) for key in event["sources"]]))
        meta = etree.SubElement(item, "p", {"class": "timeline-meta"})
        add_label(self.md, meta, "Themes")
        timeline = self.site.link(TIMELINE_PAGE)
        for index, theme in enumerate(event["themes"]):  # each opens the timeline filtered by it
            anchor = etree.SubElement(meta, "a", {"href": f"{timeline}?theme={theme}#{event['id']}"})
            anchor.text = Plain(THEME_LABEL[theme])
            last = index == len(event["themes"]) - 1
            anchor.tail = Plain(", " if not last else (" " if THEME_LABEL[theme].endswith("?") else "."))
        add_links(
            self.md,
            meta,
            "Actors",
            [(self.site.link(f"whos-who.md#{key}"), dataset.actors[key]["name"]) for key in event["actors"]],
        )

    def filter_form(self, parent, events, dataset):
        """Theme, actor and status selects that site.js wires; site.css hides them without JavaScript."""
        form = etree.SubElement(
            parent,
            "form",
            {"class": "timeline-filters", "data-search-exclude": "", "aria-label": "Filter the timeline"},
        )
        used_themes = [t for t in THEME_LABEL if any(t in e["themes"] for e in events)]
        used_actors = sorted(
            {a for e in events for a in e["actors"]}, key=lambda key: dataset.actors[key]["name"].lower()
        )
        used_statuses = [s for s in STATUS_LABEL if any(e["status"] == s for e in events)]
        for name, label, values in (
            ("theme", "Theme", [(t, THEME_LABEL[t]) for t in used_themes]),
            ("actor", "Actor", [(a, dataset.actors[a]["name"]) for a in used_actors]),
            ("status", "Status", [(s, STATUS_LABEL[s]) for s in used_statuses]),
        ):
            group = etree.SubElement(form, "div", {"class": "timeline-filter"})
            field = etree.SubElement(group, "label", {"for": f"timeline-{name}"})
            field.text = Plain(label)
            select = etree.SubElement(group, "select", {"id": f"timeline-{name}", "name": name})
            option = etree.SubElement(select, "option", {"value": ""})
            option.text = Plain(f"All {label.lower()}{'es' if label.endswith('s') else 's'}")
            for value, text in values:
                option = etree.SubElement(select, "option", {"value": value})
                option.text = data_text(self.md, text)  # no glossary markup inside <option>
        reset = etree.SubElement(form, "button", {"type": "reset", "class": "md-button"})
        reset.text = Plain("Show all")

    def year_links(self, parent, years):
        """Links to each year's heading: a jump-to-year control that needs no script."""
        nav = etree.SubElement(
            parent,
            "nav",
            {"class": "timeline-years", "aria-label": "Jump to a year", "data-search-exclude": ""},
        )
        nav.text = Plain("Jump to: ")
        for year in years:
            etree.SubElement(nav, "a", {"href": f"#year-{year}"}).text = Plain(year)

    def overview(self, parent, events, dataset):
        """All events at a glance, drawn at build time: one lane per kind of actor on a year
        axis, one marker shape per status, each marker a link to its event in the list.

        The list below holds every event with the same links, so the overview is a picture
        for sighted readers: hidden from assistive technology and out of the Tab order."""
        starts = [dates.year_fraction(dates.start(e["date"])) for e in events]
        first, last = math.floor(min(starts)), math.floor(max(starts)) + 1
        # The edge markers' hit areas stay inside the drawing (an SVG clips what overflows).
        left, right = TARGET / 2, OVERVIEW_WIDTH - TARGET / 2

        def x_of(year):
            return left + (year - first) / (last - first) * (right - left)

        svg = etree.Element(
            "svg",
            {
                "class": "timeline-overview",
                "xmlns": "http://www.w3.org/2000/svg",
                "aria-hidden": "true",
                "focusable": "false",
            },
        )
        # Each marker is a <use> of its shape and hit area, drawn once here: a third fewer
        # elements, which at 10,000 events is a second of the build (bench/events.py).
        shapes = etree.SubElement(svg, "defs")
        for shape in dict.fromkeys(status_shape(e["status"]) for e in events):
            mark = etree.SubElement(shapes, "g", {"id": f"{MARK_ID}{shape}"})
            overview_marker(mark, shape, 0, 0)
            hit_area(mark, 0, 0)
        marks = etree.Element("g", {"class": "overview-marks"})
        y = 0
        lanes = [event_lanes(e, dataset.actors) for e in events]
        for lane, label in LANE_LABEL.items():
            in_lane = [
                (x_of(s), x_of(min(s + NUDGE_YEARS, math.floor(s) + 1)), e)
                for s, e, its_lanes in zip(starts, events, lanes, strict=True)
                if lane in its_lanes
            ]
            if not in_lane:
                continue
            heading = etree.SubElement(
                svg, "text", {"x": str(LANE_LABEL_X), "y": str(y + 14), "class": "overview-lane"}
            )
            heading.text = Plain(label)
            in_lane.sort(key=lambda marker: marker[0])
            placed = stack_rows([(x, furthest) for x, furthest, _ in in_lane])
            rows = [row for row, _ in placed]
            top = y + 20 + MARK + 1
            for (_, _, event), (row, x) in zip(in_lane, placed, strict=True):
                anchor = etree.SubElement(
                    marks,
                    "a",
                    {
                        "href": f"#{event['id']}",
                        "tabindex": "-1",
                        "class": f"overview-marker status--{event['status']}",
                    },
                )
                etree.SubElement(anchor, "title").text = data_text(
                    self.md,
                    f"{format_when(event['date'], event.get('circa', False))}: {event['title']} "
                    f"({STATUS_LABEL[event['status']]})",
                )
                shape = status_shape(event["status"])
                etree.SubElement(
                    anchor,
                    "use",
                    {"href": f"#{MARK_ID}{shape}", "x": f"{x:.2f}", "y": f"{top + row * MARK_GAP:.2f}"},
                )
            y = top + max(rows) * MARK_GAP + MARK + 6
            etree.SubElement(
                svg,
                "line",
                {
                    "x1": str(LANE_LABEL_X),
                    "x2": str(OVERVIEW_WIDTH - LANE_LABEL_X),
                    "y1": f"{y:.1f}",
                    "y2": f"{y:.1f}",
                    "class": "overview-rule",
                },
            )
        for year in range(first, last + 1):
            x = x_of(year)
            etree.SubElement(
                svg,
                "line",
                {
                    "x1": f"{x:.1f}",
                    "x2": f"{x:.1f}",
                    "y1": "0",
                    "y2": f"{y + 4:.1f}",
                    "class": "overview-year",
                },
            )
            if year < last:
                label = etree.SubElement(
                    svg,
                    "text",
                    {"x": f"{(x + x_of(year + 1)) / 2:.1f}", "y": f"{y + 18:.1f}", "text-anchor": "middle"},
                )
                label.text = Plain(str(year))
        svg.append(marks)
        height = y + 24
        svg.set("viewBox", f"0 0 {OVERVIEW_WIDTH} {height:.0f}")
        svg.set("width", str(OVERVIEW_WIDTH))
        svg.set("height", f"{height:.0f}")
        figure = etree.Element("figure", {"class": "timeline-overview-figure", "data-search-exclude": ""})
        parent.append(defer(self.site, figure))
        caption = etree.SubElement(figure, "figcaption")
        caption.text = Plain(
            "Every event at a glance, by year, in a lane for each kind of actor it involves. "
            "Select a mark to go to its event. Key: "
        )
        for index, (status, label) in enumerate(STATUS_LABEL.items()):
            key = etree.SubElement(
                caption,
                "svg",
                {
                    "class": "overview-key",
                    "viewBox": "-6 -6 12 12",
                    "width": "12",
                    "height": "12",
                    "aria-hidden": "true",
                    "focusable": "false",
                },
            )
            overview_marker(
                etree.SubElement(key, "g", {"class": f"status--{status}"}),
                status_shape(status),
                0,
                0,
            )
            key.tail = Plain(f" {label}" + (", " if index < len(STATUS_LABEL) - 1 else "."))
        figure.append(svg)
