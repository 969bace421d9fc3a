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
import xml.etree.ElementTree as etree

from .blockbase import SEARCH_ENTRY, DataBlock, DataBlockExtension, OptionError, key_list
from .citations import citation_element
from .formatting import add_links, as_sentence, sort_key, time_element
from .page_context import link
from .text import data_text

STATUS_LABEL = {"documented": "Documented", "claimed": "Claimed", "disputed": "Disputed"}
THEME_LABEL = {
    "suspensions": "Do suspensions work?",
    "accuracy": "Accuracy of lists",
    "numbers": "Takedown numbers",
    "oversight": "Who decides",
    "free-speech": "Free speech",
    "counter-messaging": "Counter-messaging",
    "intelligence": "Intelligence value",
    "hunters": "The hunters",
    "platform-policy": "Platform policy",
    "context": "Context",
}
TIMELINE_PAGE = "timeline.md"


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


def status_badge(parent, status: str) -> etree.Element:
    badge = etree.SubElement(parent, "span", {"class": f"status-badge status-badge--{status}"})
    badge.text = STATUS_LABEL[status]
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
            for year, group in itertools.groupby(events, key=lambda e: sort_key(e["date"])[0][:4]):
                heading = etree.SubElement(block, "h2", {"id": f"year-{year}", "class": "timeline-year"})
                heading.text = year
                self.event_list(block, list(group), dataset, search_entries=True)
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
            status.text = f"Showing all {len(events)} events."
        else:
            self.event_list(block, events, dataset)
            more = etree.SubElement(block, "p", {"class": "timeline-more", "data-search-exclude": ""})
            anchor = etree.SubElement(more, "a", {"href": link(self.md, TIMELINE_PAGE)})
            anchor.text = "See the full timeline"

    def event_list(self, parent, events, dataset, search_entries=False):
        ordered = etree.SubElement(parent, "ol", {"class": "timeline-events"})
        for event in events:
            self.event_item(ordered, event, dataset, search_entries)

    def event_item(self, parent, event, dataset, search_entries=False):
        item = etree.SubElement(
            parent,
            "li",
            {
                "class": f"timeline-event timeline-event--{event['status']}",
                "id": event["id"],
                "data-themes": " ".join(event["themes"]),
                "data-actors": " ".join(event["actors"]),
            },
        )
        header = etree.SubElement(item, "p", {"class": "timeline-when"})
        permalink = etree.SubElement(header, "a", {"class": "timeline-permalink", "href": f"#{event['id']}"})
        permalink.append(time_element(self.md, event["date"], event.get("circa", False)))
        permalink.tail = " "
        if event.get("date_note"):
            note = etree.SubElement(header, "span", {"class": "date-note"})
            note.text = data_text(self.md, f"({event['date_note']})", glossary=True)
            note.tail = " "
        status_badge(header, event["status"])
        title = etree.SubElement(
            item, "p", {"class": "timeline-title", **({SEARCH_ENTRY: ""} if search_entries else {})}
        )
        title.text = data_text(self.md, event["title"])
        summary = etree.SubElement(item, "p", {"class": "timeline-summary"})
        summary.text = data_text(self.md, event["summary"] + " ")
        summary.append(citation_element([(key, None) for key in event["sources"]]))
        meta = etree.SubElement(item, "p", {"class": "timeline-meta"})
        themes = ", ".join(THEME_LABEL[theme] for theme in event["themes"])
        meta.text = data_text(self.md, as_sentence(f"Themes: {themes}"))
        add_links(
            self.md,
            meta,
            "Actors",
            [(link(self.md, f"whos-who.md#{key}"), dataset.actors[key]["name"]) for key in event["actors"]],
        )

    def filter_form(self, parent, events, dataset):
        """Theme and actor selects that site.js wires; site.css hides them without JavaScript."""
        form = etree.SubElement(
            parent,
            "form",
            {"class": "timeline-filters", "data-search-exclude": "", "aria-label": "Filter the timeline"},
        )
        used_themes = [t for t in THEME_LABEL if any(t in e["themes"] for e in events)]
        used_actors = sorted(
            {a for e in events for a in e["actors"]}, key=lambda key: dataset.actors[key]["name"].lower()
        )
        for name, label, values in (
            ("theme", "Theme", [(t, THEME_LABEL[t]) for t in used_themes]),
            ("actor", "Actor", [(a, dataset.actors[a]["name"]) for a in used_actors]),
        ):
            group = etree.SubElement(form, "div", {"class": "timeline-filter"})
            field = etree.SubElement(group, "label", {"for": f"timeline-{name}"})
            field.text = label
            select = etree.SubElement(group, "select", {"id": f"timeline-{name}", "name": name})
            option = etree.SubElement(select, "option", {"value": ""})
            option.text = f"All {label.lower()}s"
            for value, text in values:
                option = etree.SubElement(select, "option", {"value": value})
                option.text = data_text(self.md, text)  # no glossary markup inside <option>
        reset = etree.SubElement(form, "button", {"type": "reset", "class": "md-button"})
        reset.text = "Show all"


class TimelineExtension(DataBlockExtension):
    BLOCK = TimelineBlock


def makeExtension(**kwargs):
    return TimelineExtension(**kwargs)
