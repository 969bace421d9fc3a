"""explainer.vocabulary: source types, figure types, statuses, themes, lanes and actor kinds
are defined once, in the schemas, and a value added there either reaches every page and
download or `make check` names what is missing."""

import json
import shutil
import subprocess
import sys

from explainer import actors, bibliography, chart, formatting, timeline, vocabulary

from helpers import TESTS, copy_fixture, replace_in

PACKAGE = TESTS.parent / "explainer"


def test_the_site_reads_every_vocabulary_from_the_schemas():
    assert vocabulary.problems() == []
    assert bibliography.TYPE_ORDER == list(vocabulary.values(vocabulary.SOURCE_TYPE))
    assert bibliography.TYPE_ORDER[0] == "feature"  # the source article's type leads the page
    assert bibliography.TYPE_HEADING["news report"] == "News reports"
    assert list(actors.KIND_HEADING)[:2] == ["volunteer group", "person"]
    assert formatting.TYPE_LABEL["research estimate"] == "Research estimate"
    assert chart.SERIES["press report"] == ("series-press", "diamond", "Press reports")
    assert list(chart.SERIES) == list(vocabulary.values(vocabulary.FIGURE_TYPE))
    assert timeline.THEME_LABEL["suspensions"] == "Do suspensions work?"
    assert timeline.STATUS_LABEL == {"documented": "Documented", "claimed": "Claimed", "disputed": "Disputed"}


def test_a_label_missing_from_a_schema_shows_the_value_rather_than_vanishing(monkeypatch):
    node = vocabulary._node(vocabulary.THEME)
    monkeypatch.setitem(node, "x-labels", {k: v for k, v in node["x-labels"].items() if k != "context"})
    assert vocabulary.labels(vocabulary.THEME)["context"] == "Context"
    assert [str(p) for p in vocabulary.problems()] == [
        "explainer/schemas/timeline.schema.json: themes has no x-labels entry for theme 'context'; add one"
    ]


def test_check_names_a_status_the_stylesheet_does_not_colour(tmp_path, monkeypatch):
    stylesheet = tmp_path / "site.css"
    stylesheet.write_text(vocabulary.STYLESHEET.read_text().replace(".status--disputed {", ".x {"))
    monkeypatch.setattr(vocabulary, "STYLESHEET", stylesheet)
    assert [str(p) for p in vocabulary.problems()] == [
        "overrides/assets/stylesheets/site.css: no '.status--disputed' rule for status 'disputed'; "
        "add one with its colour"
    ]


# Renders the fixture's Sources and Timeline pages and the source downloads with the
# package found first on PYTHONPATH (the copy whose schemas have the new values).
RENDER = """
import json, pathlib, sys
import markdown
from explainer import data, downloads
from explainer.extension import ExplainerExtension
docs = pathlib.Path(sys.argv[1])
def page(name):
    site = ExplainerExtension(docs_dir=str(docs), page=name)
    return markdown.Markdown(extensions=["attr_list", "md_in_html", site]).convert((docs / name).read_text())
dataset = data.load(docs / "data")
print(json.dumps({"sources": page("sources.md"), "timeline": page("timeline.md"),
                  "csl": downloads.sources_csl_json(dataset), "csv": downloads.sources_csv(dataset)}))
"""


def test_a_new_schema_value_appears_everywhere_or_check_names_what_is_missing(tmp_path):
    package = tmp_path / "lib" / "explainer"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    schemas = package / "schemas"
    # A new source type with its label, a new theme without one, a new status with its label.
    replace_in(schemas / "sources.schema.json", '"reference work"],', '"reference work", "podcast"],')
    replace_in(schemas / "sources.schema.json", '"x-labels": {', '"x-labels": {\n"podcast": "Podcasts",')
    replace_in(
        schemas / "timeline.schema.json",
        '"platform-policy", "context"]',
        '"platform-policy", "context", "law"]',
    )
    replace_in(schemas / "timeline.schema.json", '"disputed"],', '"disputed", "retracted"],')
    replace_in(
        schemas / "timeline.schema.json",
        '"disputed": "Disputed"',
        '"disputed": "Disputed", "retracted": "Retracted"',
    )
    project = copy_fixture(tmp_path)
    data_dir = project / "docs" / "data"
    replace_in(data_dir / "sources.yml", "type: news report", "type: podcast")
    replace_in(
        data_dir / "timeline.yml",
        "status: claimed\n  themes: [numbers]",
        "status: retracted\n  themes: [law]",
    )
    env = {"PYTHONPATH": str(package.parent), "PATH": "/usr/bin:/bin"}

    result = run_check_with(project, env)
    assert "Traceback" not in result.stderr + result.stdout
    lines = (result.stdout + result.stderr).splitlines()
    for expected in (
        "explainer/downloads.py: CSL_TYPE has no entry for source type 'podcast'; add one",
        "explainer/argument_map.py: EVIDENCE_OF_SOURCE_TYPE has no entry for source type 'podcast'; add one",
        "explainer/schemas/timeline.schema.json: themes has no x-labels entry for theme 'law'; add one",
        "explainer/timeline.py: STATUS_SHAPE has no entry for status 'retracted'; add one",
    ):
        assert expected in lines
    assert result.returncode == 1

    rendered = subprocess.run(
        [sys.executable, "-c", RENDER, str(project / "docs")],
        cwd=tmp_path,  # not the repository, whose own package would come first
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert rendered.returncode == 0, rendered.stderr
    out = json.loads(rendered.stdout)
    assert ">Podcasts</h2>" in out["sources"] and ">Podcasts</option>" in out["sources"]
    assert '<option value="law">Law</option>' in out["timeline"]
    assert '<option value="retracted">Retracted</option>' in out["timeline"]
    assert "Retracted" in out["timeline"].split('data-status="retracted"')[1][:2000]
    podcast = next(item for item in json.loads(out["csl"]) if item["id"] == "group-claim-2015")
    assert podcast["type"] == "document"  # CSL's generic type until CSL_TYPE gets an entry
    assert ",podcast," in out["csv"]


def run_check_with(project, env):
    """`python -m explainer.check` as helpers.run_check runs it, with the copied package first."""
    return subprocess.run(
        [sys.executable, "-m", "explainer.check"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
