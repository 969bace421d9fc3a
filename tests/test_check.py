"""`make check` reads pages without rendering them, and says exactly what the build would say.

Each case writes one page with a mistake into a copy of the fixture's docs, renders it
with the extensions (as the build does) and checks it with explainer.check (as `make
check` does): both must give the same file, line and message.
"""

import shutil

import pytest

from explainer import check, data
from explainer.blockbase import BLOCK_NAMES
from explainer.errors import ContentError

from helpers import FIXTURE, convert

FRONT = "---\ntitle: A page\ndescription: A page to check.\n---\n\n# A page\n\n"
SITE_EXTENSIONS = ("pymdownx.superfences",)  # fenced code as the site reads it
TIMELINE_OPTIONS = "actors, filters, ids, status, themes"
CASES = {
    "unknown option": (
        "/// timeline\nfilter: true\n///\n",
        "8: /// timeline: unknown option 'filter'; this block takes: " + TIMELINE_OPTIONS,
    ),
    "unknown theme": (
        "/// timeline\nthemes: [numbrs]\n///\n",
        "8: /// timeline: unknown theme 'numbrs' in option 'themes'; use one of: accuracy, context, "
        "counter-messaging, free-speech, hunters, intelligence, numbers, oversight, platform-policy, "
        "suspensions",
    ),
    "option that is not a list": (
        "/// timeline\nids: {a: 1}\n///\n",
        "8: /// timeline: option 'ids' must be a list, such as ids: [a, b]",
    ),
    "options that are not YAML": (
        "/// timeline\nids: [a\n///\n",
        "8: /// timeline: its options are not valid YAML (did not find expected ',' or ']'); write one "
        "'option: value' per line",
    ),
    "a body that is not options": (
        "/// figures\n- a\n///\n",
        "8: /// figures: its body must be options, one 'option: value' per line",
    ),
    "an alias in the options": (
        "/// timeline\nids: &a [group-total]\nstatus: *a\n///\n",
        "8: /// timeline: its options use a YAML anchor or alias (&name, *name); write each value out "
        "in full",
    ),
    "no event matches": (
        "/// timeline\nids: [group-total]\nstatus: [disputed]\n///\n",
        "8: /// timeline: no event matches these options; widen them or add events to docs/data/timeline.yml",
    ),
    "unknown source type": (
        "/// sources\ntypes: [podcast]\n///\n",
        "8: /// sources: unknown source type 'podcast' in option 'types'; use one of:",
    ),
    "unknown actor kind": (
        "/// actors\nkinds: [robot]\n///\n",
        "8: /// actors: unknown actor kind 'robot' in option 'kinds'; use one of:",
    ),
    "unknown figure id in the table": (
        "/// figures\nids: [nope]\n///\n",
        "8: /// figures: unknown figure id 'nope' in option 'ids'; use one of: census-min, group-removed",
    ),
    "an option on a block that takes none": (
        "/// figure-chart\nwidth: 3\n///\n",
        "8: /// figure-chart: unknown option 'width'; this block takes: none",
    ),
    "no glossary terms": (
        "/// glossary\n///\n",
        "8: /// glossary: no terms found in docs/includes/abbreviations.md; add lines like "
        "'*[DDoS]: Distributed ...'",
    ),
    "an argument in the header": (
        "/// timeline | all\n///\n",
        "8: /// timeline: the block was not recognised; check that its options are spelled as documented "
        "in CONTRIBUTING.md and that it ends with a line '///'",
    ),
    "an unknown header option": (
        "/// timeline\n    filter: true\n///\n",
        "8: /// timeline: the block was not recognised;",
    ),
    "unknown figure id inline": (
        "Text [fig:nope].\n",
        "8: unknown figure id 'nope' in [fig:nope]; use an id from docs/data/figures.yml",
    ),
    "unknown source key": (
        "Text [@berger-2015].\n",
        "8: unknown source key 'berger-2015'; known keys are listed in ",
    ),
    "malformed citation": (
        "Text [@Census 2015].\n",
        "8: malformed citation '[@Census 2015]' (at '@Census 2015'); write [@key], [@key, p. 12] or [@a; @b]",
    ),
    # Blocks after the first of their name report their own line (issue 12).
    "a second timeline's option": (
        "/// timeline\nids: [group-total]\n///\n\nText.\n\n/// timeline\nthemes: [numbrs]\n///\n",
        "14: /// timeline: unknown theme 'numbrs' in option 'themes'",
    ),
    "a second timeline's header": (
        "/// timeline\nids: [group-total]\n///\n\n/// timeline | all\n///\n",
        "12: /// timeline: the block was not recognised;",
    ),
    "a block after one shown as code": (
        "```\n/// timeline\nthemes: [numbrs]\n///\n```\n\n/// timeline\nthemes: [numbrs]\n///\n",
        "14: /// timeline: unknown theme 'numbrs' in option 'themes'",
    ),
}


@pytest.fixture
def docs(tmp_path):
    copy = tmp_path / "docs"
    shutil.copytree(FIXTURE / "docs", copy)
    return copy


def rendered_problems(docs, body) -> list[str]:
    (docs / "page.md").write_text(FRONT + body, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        convert(body, docs_dir=docs, page="page.md", extra_extensions=SITE_EXTENSIONS)
    return [str(problem) for problem in error.value.problems]


def checked_problems(docs, body) -> list[str]:
    path = docs / "page.md"
    path.write_text(FRONT + body, encoding="utf-8")
    return [str(problem) for problem in check.page_problems(path, FRONT + body, data.load(docs / "data"))]


@pytest.mark.parametrize("name", CASES)
def test_check_gives_the_message_and_line_the_renderer_gives(docs, name):
    body, expected = CASES[name]
    rendered = rendered_problems(docs, body)
    assert len(rendered) == 1 and f"page.md:{expected}" in rendered[0], rendered
    assert checked_problems(docs, body) == rendered


def test_check_reports_every_bad_block_on_a_page_at_its_own_line(docs):
    body = (
        "/// timeline\nthemes: [numbrs]\n///\n\n/// figures\ntypes: [rumour]\n///\n\n"
        "/// timeline\nfilter: 1\n///\n"
    )
    problems = checked_problems(docs, body)
    assert [problem.split(": /// ")[0].rsplit(":", 1)[1] for problem in problems] == ["8", "12", "16"]


def test_citations_and_figures_shown_as_code_are_not_checked(docs):
    body = "Code: `[@nope]` and `[fig:nope]`.\n\n```\n[@nope] [fig:nope]\n```\n\n~~~\n[@Bad key]\n~~~\n"
    assert checked_problems(docs, body) == []
    html = convert(body, docs_dir=docs, page="page.md", extra_extensions=SITE_EXTENSIONS)
    assert "[@nope]" in html and "[@Bad key]" in html  # left as code: the renderer agrees


def test_a_valid_page_with_every_kind_of_block_has_no_problems(docs):
    (docs / "includes").mkdir()
    (docs / "includes" / "abbreviations.md").write_text("*[DDoS]: Distributed denial of service.\n")
    required = {"page-list": "pages: [page.md]\n"}  # the one block that must name what it lists
    # The argument map reads the real debate pages, which the fixture lacks (test_argument_map).
    names = [name for name in BLOCK_NAMES if name != "argument-map"]
    body = (
        "".join(f"/// {name}\n{required.get(name, '')}///\n\n" for name in names)
        + "Cited [@census-2015], [fig:census-min].\n"
    )
    assert checked_problems(docs, body) == []


def test_check_knows_every_block_the_extensions_register():
    assert set(check.BLOCKS) == set(BLOCK_NAMES)
    assert all(name == block.NAME for name, block in check.BLOCKS.items())
