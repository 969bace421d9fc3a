"""The argument map is read from the debate pages: every question, side and argument, once."""

from __future__ import annotations

import re
import shutil

import pytest

from explainer import argument_map, data, vocabulary
from explainer.errors import ContentError

from helpers import TESTS, convert

DOCS = TESTS.parent / "docs"
DATASET = data.load(DOCS / "data")
QUESTIONS = argument_map.read_questions(DOCS, DATASET)
# A source type for each kind of evidence, from the schema's vocabulary via the mapping.
SOURCE_TYPES = [
    next(t for t, kind in argument_map.EVIDENCE_OF_SOURCE_TYPE.items() if kind == wanted)
    for wanted in vocabulary.values(vocabulary.FIGURE_TYPE)
    if wanted in argument_map.EVIDENCE_OF_SOURCE_TYPE.values()
]


def test_the_map_has_every_question_the_debate_index_lists_in_its_order():
    index = (DOCS / "debate" / "index.md").read_text(encoding="utf-8")
    listed = re.findall(r"^## \[.+?\]\((.+?)\)", index, re.M)
    assert [q.page for q in QUESTIONS] == [f"debate/{page}" for page in listed]
    assert len(QUESTIONS) == 8


def test_every_argument_on_every_page_is_on_the_map_under_its_side():
    for question in QUESTIONS:
        text = (DOCS / question.page).read_text(encoding="utf-8")
        assert [side.anchor for side in question.sides] == re.findall(r"\{ #(side-[a-z0-9-]+) \}", text)
        mapped = [arg.anchor for side in question.sides for arg in side.arguments]
        assert mapped == re.findall(r"^#### .+ \{ #(arg-[a-z0-9-]+)", text, re.M), question.page
        assert all(len(side.arguments) >= 1 for side in question.sides), question.page


def test_each_argument_names_who_argues_it_and_its_voice():
    for question in QUESTIONS:
        for side in question.sides:
            for argument in side.arguments:
                assert argument.argued_by, argument.anchor
                assert "[@" not in argument.argued_by, "citations are taken out of the names"
                assert argument.voice in argument_map.VOICES


def test_every_source_type_in_the_schema_has_an_evidence_kind_and_kinds_are_figure_types():
    assert set(argument_map.EVIDENCE_OF_SOURCE_TYPE) == set(vocabulary.values(vocabulary.SOURCE_TYPE))
    kinds = set(vocabulary.values(vocabulary.FIGURE_TYPE))
    assert set(argument_map.EVIDENCE_OF_SOURCE_TYPE.values()) <= kinds
    assert set(argument_map.INDEPENDENT_EVIDENCE) <= kinds


def test_evidence_comes_from_the_cited_sources_and_figures():
    key = next(k for k, s in DATASET.sources.items() if s["type"] == "journal article")
    figure = next(f for f, entry in DATASET.figures.items() if entry["type"] == "claim")
    assert argument_map.evidence_kinds(f"Text [@{key}].", "independent", DATASET) == ["research estimate"]
    assert argument_map.evidence_kinds(f"[fig:{figure}]", "independent", DATASET) == ["claim"]


def test_a_sources_own_evidence_kind_wins_over_its_type():
    """A platform's own blog post is its statement, not an independent press report."""
    overridden = {k: s for k, s in DATASET.sources.items() if s.get("evidence")}
    assert overridden["microsoft-2017-gifct-first-meeting"]["type"] == "blog post"
    for key, source in overridden.items():
        assert source["evidence"] in vocabulary.values(vocabulary.FIGURE_TYPE)
        assert argument_map.evidence_kinds(f"[@{key}]", "independent", DATASET) == [source["evidence"]]
    assert argument_map.evidence_of({"type": "blog post"}) == "press report"


def test_an_unknown_evidence_kind_is_a_data_error(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DOCS / "data", folder)
    sources = folder / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    text = text.replace("  evidence: platform statement", "  evidence: rumour", 1)
    sources.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        data.load(folder)
    assert "sources.yml" in str(error.value) and "evidence" in str(error.value)


def test_a_partys_words_relayed_by_the_press_are_its_claim():
    news = next(k for k, s in DATASET.sources.items() if s["type"] == "news report")
    assert argument_map.evidence_kinds(f"[@{news}]", "party", DATASET) == ["claim"]
    assert argument_map.evidence_kinds(f"[@{news}]", "mixed", DATASET) == ["claim", "press report"]
    assert argument_map.evidence_kinds(f"[@{news}]", "unnamed", DATASET) == ["press report"]


def test_the_filter_keeps_research_and_press_evidence_only():
    args = [arg for q in QUESTIONS for side in q.sides for arg in side.arguments]
    for arg in args:
        assert arg.independent_evidence == bool({"research estimate", "press report"} & set(arg.evidence))
    assert 0 < sum(arg.independent_evidence for arg in args) < len(args)


def write_debate(tmp_path, heading: str):
    docs = tmp_path / "docs"
    (docs / "debate").mkdir(parents=True)
    (docs / "debate" / "index.md").write_text("# Q\n\n## [A question?](a.md)\n", encoding="utf-8")
    (docs / "debate" / "a.md").write_text(
        '# A question?\n\n<section class="side" markdown>\n\n### Yes { #side-yes }\n\n'
        f"{heading}\n\n**Argued by:** Someone\n\nText.\n\n</section>\n",
        encoding="utf-8",
    )
    return docs


def test_an_argument_without_a_voice_is_an_error_with_its_line(tmp_path):
    docs = write_debate(tmp_path, "#### A point { #arg-point }")
    with pytest.raises(ContentError) as error:
        argument_map.read_questions(docs, DATASET)
    (problem,) = error.value.problems
    assert problem.line == 7
    assert "arg-point" in problem.message and ".voice-KIND" in problem.message
    assert "independent, party, mixed, unnamed" in problem.message


def test_the_block_links_each_argument_and_escapes_page_text(tmp_path):
    docs = write_debate(tmp_path, "#### A <b>point</b> { #arg-point .voice-party }")
    (docs / "data").symlink_to(DOCS / "data", target_is_directory=True)
    html = convert("/// argument-map\n///\n", docs_dir=docs, page="debate/map.md")
    assert '<a href="a.md#arg-point">A &lt;b&gt;point&lt;/b&gt;</a>' in html
    assert '<a href="a.md#side-yes">Yes</a>' in html
    assert "Party to the dispute" in html and '<dd class="map-argued">Someone</dd>' in html
    assert 'data-independent-evidence="no"' in html
    assert '<form class="map-filter" hidden="">' in html, "the filter needs site.js, so it starts hidden"


def test_each_kind_of_evidence_shows_as_its_labelled_badge(tmp_path):
    """Claim, research estimate, platform statement, press report and government statement:
    each from the schema's labels, in its order, as the figures' own badge."""
    first = {kind: next(k for k, s in DATASET.sources.items() if s["type"] == kind) for kind in SOURCE_TYPES}
    claim = next(f for f, entry in DATASET.figures.items() if entry["type"] == "claim")
    cited = "".join(f"[@{key}]" for key in first.values())
    docs = write_debate(tmp_path, "#### A point { #arg-point .voice-independent }")
    page = docs / "debate" / "a.md"
    page.write_text(page.read_text().replace("Text.", f"Text [fig:{claim}] {cited}."), encoding="utf-8")
    (docs / "data").symlink_to(DOCS / "data", target_is_directory=True)
    html = convert("/// argument-map\n///\n", docs_dir=docs, page="debate/map.md")
    evidence = re.search(r'<dd class="map-evidence">(.*?)</dd>', html).group(1)
    labels = vocabulary.labels(vocabulary.FIGURE_TYPE)
    assert evidence == " ".join(
        f'<span class="figure-type figure-type--{kind.replace(" ", "-")}">{label}</span>'
        for kind, label in labels.items()
    )
    assert list(labels.values()) == [
        "Claim",
        "Research estimate",
        "Platform statement",
        "Press report",
        "Government statement",
    ]
    assert 'data-independent-evidence="yes"' in html
    assert "(a research estimate or a press report)" in html


def test_an_argument_citing_nothing_says_so(tmp_path):
    docs = write_debate(tmp_path, "#### A point { #arg-point .voice-party }")
    (docs / "data").symlink_to(DOCS / "data", target_is_directory=True)
    html = convert("/// argument-map\n///\n", docs_dir=docs, page="debate/map.md")
    assert '<dd class="map-evidence">none cited</dd>' in html


def test_a_jump_bar_links_each_side_of_a_debate_page():
    html = convert(
        '<div class="sides" markdown>\n<section class="side" markdown>\n\n### Yes { #side-yes }\n\n'
        'Text.\n\n</section>\n<section class="side" markdown>\n\n### No { #side-no }\n\nText.\n\n'
        "</section>\n</div>\n"
    )
    nav = html[html.index("<nav") : html.index("</nav>")]
    assert 'aria-label="Sides of this question"' in nav
    assert re.findall(r'href="#(side-[a-z]+)">(\w+)<', nav) == [("side-yes", "Yes"), ("side-no", "No")]
    assert html.index("</nav>") < html.index('<div class="sides">')


def test_make_check_reports_an_argument_without_a_voice_at_its_line(tmp_path):
    from explainer import check

    docs = write_debate(tmp_path, "#### A point { #arg-point }")
    shutil.copytree(DOCS / "data", docs / "data")
    page = docs / "argument-map.md"
    page.write_text("---\ntitle: Map\ndescription: All arguments.\n---\n\n/// argument-map\n///\n")
    (problem,) = check.page_problems(page, page.read_text(), data.load(docs / "data"))
    assert problem.file.endswith("debate/a.md") and problem.line == 7
