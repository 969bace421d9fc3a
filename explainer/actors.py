"""Who's who: `/// actors` renders docs/data/actors.yml, grouped by kind.

Each actor is a heading with a stable anchor (its key), so site search leads to it,
followed by a one-line description, their role in the story with citations, and links
to the timeline events they appear in.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from . import vocabulary
from .blockbase import DataBlock, key_list
from .citations import citation_element
from .dates import sort_key
from .deferred import defer
from .formatting import add_links
from .text import data_text

KIND_HEADING = vocabulary.labels(vocabulary.ACTOR_KIND)  # in the order the page lists them


class ActorsBlock(DataBlock):
    NAME = "actors"
    OPTIONS = DataBlock.options("kinds")

    @staticmethod
    def check_options(options, dataset, docs_dir) -> list[str]:
        """The kinds of actor to list, in order."""
        return key_list(options, "kinds", KIND_HEADING, "actor kind") or list(KIND_HEADING)

    def render(self, block):
        dataset = self.dataset
        kinds = self.checked
        for kind in kinds:
            actors = sorted(
                (a for a in dataset.actors.values() if a["kind"] == kind), key=lambda a: a["name"].lower()
            )
            if not actors:
                continue
            heading = etree.SubElement(block, "h2", {"id": "kind-" + kind.replace(" ", "-")})
            heading.text = KIND_HEADING[kind]
            entries = etree.SubElement(block, "div", {"class": "actor-list"})
            for actor in actors:
                self.entry(entries, actor, dataset)

    def entry(self, parent, actor, dataset):
        term = etree.SubElement(parent, "h3", {"id": actor["key"]})
        term.text = data_text(self.md, actor["name"])
        if actor.get("pseudonym"):
            note = etree.SubElement(term, "span", {"class": "pseudonym-note"})
            note.text = " (pseudonym)"
        detail = etree.SubElement(parent, "div", {"class": "actor-detail"})
        description = etree.SubElement(detail, "p")
        description.text = data_text(self.md, actor["description"], glossary=True)
        role = etree.SubElement(detail, "p")
        role.text = data_text(self.md, actor["role"] + " ", glossary=True)
        role.append(citation_element([(key, None) for key in actor["sources"]]))
        events = sorted(dataset.events_by_actor.get(actor["key"], []), key=lambda e: sort_key(e["date"]))
        if events:
            # A thousand links on a big timeline: kept out of the steps it doesn't need (deferred.py).
            timeline = etree.Element("p", {"class": "actor-events"})
            detail.append(defer(self.site, timeline))
            add_links(
                self.md,
                timeline,
                "In the timeline",
                [(self.site.link(f"timeline.md#{e['id']}"), e["title"]) for e in events],
            )
