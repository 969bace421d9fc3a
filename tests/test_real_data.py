"""The real data and pages: sources behind every event, known keys, unique anchors, typed figures."""

import re
from collections import Counter
from html.parser import HTMLParser

from explainer import data
from explainer.usage import cited_keys

from conftest import ROOT, built_pages

DATA = data.load(ROOT / "docs" / "data")


def test_the_data_validates():
    assert len(DATA.sources) >= 80 and len(DATA.events) >= 50
    assert len(DATA.actors) >= 20 and len(DATA.figures) >= 40


def test_every_event_has_a_source():
    assert all(event["sources"] for event in DATA.events.values())


def test_every_disputed_event_cites_more_than_one_source():
    disputed = [e for e in DATA.events.values() if e["status"] == "disputed"]
    assert disputed
    assert all(len(e["sources"]) >= 2 for e in disputed), [e["id"] for e in disputed if len(e["sources"]) < 2]


def test_every_cited_key_exists(docs_pages):
    for page in docs_pages:
        unknown = set(cited_keys(page.read_text(encoding="utf-8"))) - set(DATA.sources)
        assert not unknown, f"{page}: {unknown}"


def test_every_figure_has_a_type_and_a_source():
    for figure in DATA.figures.values():
        assert figure["type"] in (
            "claim",
            "research estimate",
            "platform statement",
            "press report",
            "government statement",
        )
        assert figure["sources"]


def test_self_reported_totals_are_claims():
    for figure in DATA.figures.values():
        if re.search(r"\b(CtrlSec|GhostSec|Ghost Security|Anonymous|Mikro)\b", figure["who"]):
            assert figure["type"] == "claim", figure["id"]


def test_every_url_comes_from_the_research_dossier():
    dossier = ROOT.parent / "shared" / "research" / "dossier.md"
    if not dossier.exists():
        import pytest

        pytest.skip("the research dossier is not beside the project")
    text = dossier.read_text(encoding="utf-8")
    for source in DATA.sources.values():
        for url in [source.get("url"), source.get("archive_url"), *source.get("copies", [])]:
            assert url is None or url in text, f"{source['key']}: {url}"


class IdParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = []

    def handle_starttag(self, tag, attrs):
        self.ids += [value for name, value in attrs if name == "id"]


def test_all_anchors_are_unique_on_every_built_page(site_dir):
    for html in built_pages(site_dir):
        parser = IdParser()
        parser.feed(html.read_text(encoding="utf-8"))
        repeated = [i for i, n in Counter(parser.ids).items() if n > 1]
        assert not repeated, f"{html}: {repeated}"


def test_event_actor_and_source_anchors_do_not_collide():
    keys = list(DATA.events) + list(DATA.actors) + list(DATA.sources)
    assert len(keys) == len(set(keys))


def test_the_schemas_are_valid_and_each_data_file_points_editors_at_its_schema():
    import json

    import jsonschema

    for name in data.FILES:
        schema = json.loads((ROOT / "explainer" / "schemas" / f"{name}.schema.json").read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        first_line = (ROOT / "docs" / "data" / f"{name}.yml").read_text().splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=../../explainer/schemas/{name}.schema.json"
