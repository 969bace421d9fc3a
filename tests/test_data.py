"""explainer.data and `make check`: each bad input fails with file, line, value and fix.

Every case edits one thing in a copy of the fixture project, runs the checker as a
contributor would, and asserts both the exact message and the non-zero exit.
"""

import pytest

from helpers import copy_fixture, replace_in, run_check

CASES = {
    "malformed YAML": (
        "data/sources.yml",
        "  title: The ISIS Twitter Census",
        "  title: [The ISIS Twitter Census",
        "docs/data/sources.yml:7: YAML syntax error: did not find expected ',' or ']'",
    ),
    "unknown key in a page citation": (
        "index.md",
        "[@census-2015]",
        "[@berger-2015]",
        "docs/index.md:8: unknown source key 'berger-2015'; known keys are listed in docs/data/sources.yml",
    ),
    "unknown key in an event's sources": (
        "data/timeline.yml",
        "sources: [census-2015]",
        "sources: [census-2051]",
        "docs/data/timeline.yml:19: [1].sources[0]: unknown key 'census-2051' (did you mean "
        "'census-2015'?); use a key from docs/data/sources.yml or add an entry there",
    ),
    "unknown key in an event's actors": (
        "data/timeline.yml",
        "actors: [researchers]",
        "actors: [researcher]",
        "docs/data/timeline.yml:18: [1].actors[0]: unknown key 'researcher' (did you mean 'researchers'?)",
    ),
    "duplicate key": (
        "data/actors.yml",
        "- key: researchers",
        "- key: volunteer-group",
        "docs/data/actors.yml:7: [1].key: duplicate key 'volunteer-group' (first used at line 1); "
        "every key must be unique",
    ),
    "duplicate id": (
        "data/timeline.yml",
        "- id: census-window",
        "- id: group-total",
        "docs/data/timeline.yml:10: [1].id: duplicate id 'group-total'",
    ),
    "date that is not a real date": (
        "data/timeline.yml",
        '"2015-11-19"',
        '"2015-02-30"',
        "docs/data/timeline.yml:3: [0].date: '2015-02-30' is not a real date; check the month (01-12) and the day",
    ),
    "date not in an allowed form": (
        "data/sources.yml",
        'date: "2015-03"',
        'date: "March 2015"',
        "docs/data/sources.yml:8: [0].date: 'March 2015' is not a date in an allowed form; write "
        '"YYYY", "YYYY-MM" or "YYYY-MM-DD"',
    ),
    "unquoted date": (
        "data/sources.yml",
        'date: "2015-11-19"',
        "date: 2015-11-19",
        None,
    ),  # accepted: the loader keeps dates as text
    "event with no source": (
        "data/timeline.yml",
        "sources: [group-claim-2015]",
        "sources: []",
        "docs/data/timeline.yml:9: [0].sources: needs at least one source key from docs/data/sources.yml",
    ),
    "source URL that is not https": (
        "data/sources.yml",
        '"https://example.org/census"',
        '"http://example.org/census"',
        "docs/data/sources.yml:9: [0].url: 'http://example.org/census' is not https://; use the "
        "https:// address, or add http_ok: true only if the research recorded this exact http:// address",
    ),
    "unknown field (a typo)": (
        "data/timeline.yml",
        "sources: [census-2015]",
        "soruces: [census-2015]",
        "docs/data/timeline.yml:19: [1].soruces: unknown field 'soruces' (did you mean 'sources'?); allowed "
        "fields are: actors, circa, date, date_note, id, sources, status, summary, themes, title",
    ),
    "theme not in the list": (
        "data/timeline.yml",
        "themes: [numbers]",
        "themes: [numbrs]",
        "docs/data/timeline.yml:7: [0].themes[0]: 'numbrs' is not allowed here (did you mean 'numbers'?); use one of:",
    ),
    "missing required field": (
        "data/actors.yml",
        "  role: Counted accounts.\n",
        "",
        "docs/data/actors.yml:7: [1]: missing required field 'role'; add it",
    ),
    "invented quotation": (
        "index.md",
        '"at least 46,000"',
        '"at least 90,000"',
        'docs/index.md:8: quotation "at least 90,000" matches no excerpt of census-2015; record the exact '
        "words as an excerpt of one of them in docs/data/sources.yml; if it is not a quotation, mark a title "
        "with *italics* and a term or name with ‘single quotes’",
    ),
    "quotation with no citation beside it": (
        "timeline.md",
        "# Timeline",
        '# Timeline\n\nThe volunteers said "we are everywhere".',
        'docs/timeline.md:8: quotation "we are everywhere" has no citation beside it; cite the source whose '
        "excerpt holds these words; if it is not a quotation, mark a title with *italics* and a term or "
        "name with ‘single quotes’",
    ),
    "over-long excerpt": (
        "data/sources.yml",
        'were used by ISIS supporters"',
        "were used by ISIS supporters between "
        "September and December 2014, according to the sample that the two authors drew from the network "
        'for this census"',
        "docs/data/sources.yml:14: [0].excerpts[0].text: the excerpt runs to 30 words; keep the words the "
        "site quotes, at most 25",
    ),
    "source with a withheld link and an address": (
        "data/sources.yml",
        "  language: en\n  annotation: A count",
        "  link_withheld: The page lists accounts.\n  language: en\n  annotation: A count",
        "docs/data/sources.yml:9: [0].url: the source has link_withheld but also url; remove the address, "
        "or remove link_withheld",
    ),
    "correction of a page that does not exist": (
        "data/corrections.yml",
        "page: timeline.md",
        "page: home.md",
        "docs/data/corrections.yml:3: [0].page: page 'home.md' does not exist; give the corrected page's "
        "path under docs/, such as debate/who-should-decide.md",
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_fails_with_an_actionable_line(tmp_path, name):
    file, old, new, expected = CASES[name]
    project = copy_fixture(tmp_path)
    replace_in(project / "docs" / file, old, new)
    result = run_check(project)
    if expected is None:
        assert result.returncode == 0, result.stdout + result.stderr
        return
    assert result.returncode == 1, result.stdout
    assert expected in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_source_nobody_uses_is_a_warning_not_an_error(tmp_path):
    project = copy_fixture(tmp_path)
    replace_in(
        project / "docs" / "index.md", ' Its authors wrote of "at least 46,000" accounts [@census-2015].', ""
    )
    replace_in(project / "docs" / "index.md", "[@census-2015]", "")
    replace_in(
        project / "docs" / "data" / "corrections.yml", "sources: [census-2015]", "sources: [group-claim-2015]"
    )
    replace_in(
        project / "docs" / "data" / "figures.yml", "sources: [census-2015]", "sources: [group-claim-2015]"
    )
    replace_in(
        project / "docs" / "data" / "actors.yml", "sources: [census-2015]", "sources: [group-claim-2015]"
    )
    replace_in(
        project / "docs" / "data" / "timeline.yml", "sources: [census-2015]", "sources: [group-claim-2015]"
    )
    result = run_check(project)
    assert result.returncode == 0
    assert (
        "docs/data/sources.yml:1: warning: source 'census-2015' is not cited on any page or used "
        "by any event, actor or figure; cite it or remove it"
    ) in result.stdout


def test_a_page_without_a_description_is_an_error_naming_the_page(tmp_path):
    project = copy_fixture(tmp_path)
    replace_in(project / "docs" / "timeline.md", "description: The fixture's timeline.\n", "")
    result = run_check(project)
    assert result.returncode == 1
    assert (
        "docs/timeline.md:1: front matter has no 'description:'; add a one-sentence description"
        in result.stdout
    )


def test_a_bad_block_option_names_the_page_and_line(tmp_path):
    project = copy_fixture(tmp_path)
    replace_in(project / "docs" / "timeline.md", "filters: true", "filter: true")
    result = run_check(project)
    assert result.returncode == 1
    assert (
        "docs/timeline.md:8: /// timeline: unknown option 'filter'; this block takes: "
        "actors, filters, ids, status, themes"
    ) in result.stdout


def test_the_valid_fixture_passes(tmp_path):
    result = run_check(copy_fixture(tmp_path))
    assert result.returncode == 0, result.stdout
    assert "check: data and pages are valid (0 warning(s))." in result.stdout
