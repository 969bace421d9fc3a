"""explainer.data and `make check`: each bad input fails with file, line, value and fix.

Every case edits one thing in a copy of the fixture project, runs the checker, and asserts
both the exact message and the non-zero exit. The checker runs in this process
(check_in_process); the valid fixture and the alias bomb run it as a contributor would,
`python -m explainer.check` in a new process.
"""

import datetime

import pytest

from explainer import dates

from helpers import check_in_process, copy_fixture, replace_in, run_check

TODAY = datetime.date.today()
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
        "docs/data/actors.yml:8: [1].key: duplicate key 'volunteer-group' (first used at line 1); "
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
        "docs/data/timeline.yml:3: [0].date: '2015-02-30' is not a real date; check the month (01-12) "
        "and the day",
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
    "javascript: address": (
        "data/sources.yml",
        '"https://example.org/census"',
        '"javascript:alert(1)"',
        "docs/data/sources.yml:9: [0].url: 'javascript:alert(1)' is not a web address; write one "
        "address starting with https://, with no spaces or line breaks",
    ),
    "data: address": (
        "data/sources.yml",
        '"https://example.org/census"',
        '"data:text/html,<script>alert(1)</script>"',
        "docs/data/sources.yml:9: [0].url: 'data:text/html,<script>alert(1)</script>' is not a web "
        "address; write one address starting with https://, with no spaces or line breaks",
    ),
    "address ending in a line break": (
        "data/sources.yml",
        '"https://example.org/census"',
        '"https://example.org/census\\n"',
        "docs/data/sources.yml:9: [0].url: 'https://example.org/census\\n' is not a web address; write "
        "one address starting with https://, with no spaces or line breaks",
    ),
    "address with a space": (
        "data/sources.yml",
        '"https://example.org/census"',
        '"https://example.org/ census"',
        "docs/data/sources.yml:9: [0].url: 'https://example.org/ census' is not a web address; write "
        "one address starting with https://, with no spaces or line breaks",
    ),
    "YAML anchor and alias": (
        "data/timeline.yml",
        "sources: [census-2015]",
        "sources: &refs [census-2015]",
        "docs/data/timeline.yml:19: YAML anchors and aliases (&name, *name) are not allowed; write each "
        "value out in full",
    ),
    "infinite number": (
        "data/figures.yml",
        "value: 46000",
        "value: .inf",
        "docs/data/figures.yml:2: [0].value: 'inf' is not a finite number; write the figure in digits",
    ),
    "not a number": (
        "data/figures.yml",
        "value: 46000",
        "value: .nan",
        "docs/data/figures.yml:2: [0].value: 'nan' is not a finite number; write the figure in digits",
    ),
    "negative count": (
        "data/figures.yml",
        "low: 60000",
        "low: -60000",
        "docs/data/figures.yml:15: [1].value.low: '-60000' is negative; a figure counts something, so "
        "write 0 or more",
    ),
    "date after today": (
        "data/timeline.yml",
        '"2015-11-19"',
        f'"{TODAY.year + 1}-12-31"',
        f"docs/data/timeline.yml:3: [0].date: warning: '{TODAY.year + 1}-12-31' is after today "
        f"({TODAY.isoformat()}); check the date",
    ),
    "year before 2000": (
        "data/timeline.yml",
        '"2015-11-19"',
        '"1999-11-19"',
        f"docs/data/timeline.yml:3: [0].date: '1999-11-19' is outside the years this site covers (2000 to "
        f"{TODAY.year + 1}); check the year",
    ),
    "year after next year": (
        "data/sources.yml",
        'date: "2015-03"',
        f'date: "{TODAY.year + 2}"',
        f"docs/data/sources.yml:8: [0].date: '{TODAY.year + 2}' is outside the years this site covers "
        f"(2000 to {TODAY.year + 1}); check the year",
    ),
    "direction control in a key": (
        "data/actors.yml",
        "- key: researchers",
        '- key: "research\u202eers"',
        "docs/data/actors.yml:8: [1].key: 'research\\u202eers' contains an invisible character "
        "(U+202E RIGHT-TO-LEFT OVERRIDE); delete it",
    ),
    "direction isolate in an id": (
        "data/timeline.yml",
        "- id: census-window",
        '- id: "census-window\u2066"',
        "docs/data/timeline.yml:10: [1].id: 'census-window\\u2066' contains an invisible character "
        "(U+2066 LEFT-TO-RIGHT ISOLATE); delete it",
    ),
    "zero-width space in a title": (
        "data/sources.yml",
        "title: The ISIS Twitter Census",
        'title: "The ISIS\u200b Twitter Census"',
        "docs/data/sources.yml:6: [0].title: 'The ISIS\\u200b Twitter Census' contains an invisible "
        "character (U+200B ZERO WIDTH SPACE); delete it",
    ),
    "direction control in an address": (
        "data/sources.yml",
        '"https://example.org/census"',
        '"https://example.org/\u202ecensus"',
        "docs/data/sources.yml:9: [0].url: 'https://example.org/\\u202ecensus' contains an invisible "
        "character (U+202E RIGHT-TO-LEFT OVERRIDE); delete it",
    ),
    "text that is only spaces": (
        "data/sources.yml",
        "annotation: A count of pro-ISIS accounts.",
        'annotation: "   "',
        "docs/data/sources.yml:11: [0].annotation: is empty; write the text or remove the field",
    ),
    "range whose end is a whole year": (
        "data/timeline.yml",
        'start: "2014-09"\n    end: "2014-12"',
        'start: "2014-08"\n    end: "2014"',
        "docs/data/timeline.yml:11: [1].date: the range's end (2014) is less precise than its start "
        "(2014-08) and begins before it; write the end as precisely as the start",
    ),
    "range that runs backwards": (
        "data/timeline.yml",
        'start: "2014-09"\n    end: "2014-12"',
        'start: "2015"\n    end: "2014-08"',
        "docs/data/timeline.yml:11: [1].date: the range starts (2015) after it ends (2014-08); swap start "
        "and end",
    ),
    "unknown field (a typo)": (
        "data/timeline.yml",
        "sources: [census-2015]",
        "soruces: [census-2015]",
        "docs/data/timeline.yml:19: [1].soruces: unknown field 'soruces' (did you mean 'sources'?); allowed "
        "fields are: actors, circa, date, date_note, id, lanes, sources, status, summary, themes, title",
    ),
    "theme not in the list": (
        "data/timeline.yml",
        "themes: [numbers]",
        "themes: [numbrs]",
        "docs/data/timeline.yml:7: [0].themes[0]: 'numbrs' is not allowed here (did you mean "
        "'numbers'?); use one of:",
    ),
    "missing required field": (
        "data/actors.yml",
        "  role: Counted accounts.\n",
        "",
        "docs/data/actors.yml:8: [1]: missing required field 'role'; add it",
    ),
    "et al. as an author": (
        "data/sources.yml",
        "    - Jonathon Morgan\n",
        "    - et al.\n",
        "docs/data/sources.yml:5: [0].authors[1]: 'et al.' is not an author; list every author the source "
        "names, or only the ones you could read",
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
        "were used by ISIS supporters between September and December 2014, according to the sample that "
        'the two authors drew from the network for this census"',
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
def test_bad_input_fails_with_an_actionable_line(tmp_path, monkeypatch, name):
    # The messages name today's date: the check sees the same day even across midnight.
    monkeypatch.setattr(dates, "today", lambda: TODAY)
    file, old, new, expected = CASES[name]
    project = copy_fixture(tmp_path)
    replace_in(project / "docs" / file, old, new)
    result = check_in_process(project)
    if expected is None:
        assert result.returncode == 0, result.stdout + result.stderr
        return
    assert expected in result.stdout, result.stdout
    assert result.returncode == (0 if "warning:" in expected else 1), result.stdout
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
    result = check_in_process(project)
    assert result.returncode == 0
    assert (
        "docs/data/sources.yml:1: warning: source 'census-2015' is not cited on any page or used "
        "by any event, actor or figure; cite it or remove it"
    ) in result.stdout


def test_a_page_without_a_description_is_an_error_naming_the_page(tmp_path):
    project = copy_fixture(tmp_path)
    replace_in(project / "docs" / "timeline.md", "description: The fixture's timeline.\n", "")
    result = check_in_process(project)
    assert result.returncode == 1
    assert (
        "docs/timeline.md:1: front matter has no 'description:'; add a one-sentence description"
        in result.stdout
    )


def test_a_bad_block_option_names_the_page_and_line(tmp_path):
    project = copy_fixture(tmp_path)
    replace_in(project / "docs" / "timeline.md", "filters: true", "filter: true")
    result = check_in_process(project)
    assert result.returncode == 1
    assert (
        "docs/timeline.md:8: /// timeline: unknown option 'filter'; this block takes: "
        "actors, filters, ids, status, themes"
    ) in result.stdout


def test_the_valid_fixture_passes(tmp_path):
    result = run_check(copy_fixture(tmp_path))
    assert result.returncode == 0, result.stdout
    assert "check: data and pages are valid (0 warning(s))." in result.stdout


ALIAS_BOMB = (
    "\n".join(
        ["- a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        + [f"  {chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    )
    + "\n"
)


def test_an_alias_bomb_fails_at_once_with_one_line(tmp_path):
    """~600 bytes that expand to 9**9 values: refused from the parser's events, never built."""
    assert len(ALIAS_BOMB) < 700
    project = copy_fixture(tmp_path)
    (project / "docs" / "data" / "sources.yml").write_text(ALIAS_BOMB, encoding="utf-8")
    result = run_check(project)  # its timeout (120 s) would fail the test; it takes about a second
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "docs/data/sources.yml:1: YAML anchors and aliases "
        "(&name, *name) are not allowed; write each value out in full"
    )


def test_an_alias_in_front_matter_is_refused(tmp_path):
    project = copy_fixture(tmp_path)
    replace_in(project / "docs" / "index.md", "title: Home\n", "title: &t Home\ndescription2: *t\n")
    result = check_in_process(project)
    assert result.returncode == 1
    assert (
        "docs/index.md:2: front matter: YAML anchors and aliases (&name, *name) are not allowed; "
        "write each value out in full"
    ) in result.stdout


@pytest.mark.parametrize(
    "file, expected",
    [
        (
            "data/sources.yml",
            "docs/data/sources.yml:6: byte 0xff at column 10 is not UTF-8; save the file as "
            "UTF-8 (retype the character if it still looks wrong)",
        ),
        (
            "index.md",
            "docs/index.md:2: byte 0xff at column 8 is not UTF-8; save the file as UTF-8 (retype "
            "the character if it still looks wrong)",
        ),
    ],
)
def test_bytes_that_are_not_utf8_name_the_file_and_line(tmp_path, file, expected):
    project = copy_fixture(tmp_path)
    path = project / "docs" / file
    old = b"The ISIS" if file.startswith("data") else b"Home"
    path.write_bytes(path.read_bytes().replace(old, b"\xff" + old, 1))
    result = check_in_process(project)
    assert result.returncode == 1
    assert expected in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_byte_order_mark_is_tolerated_in_data_and_front_matter(tmp_path):
    project = copy_fixture(tmp_path)
    for file in ("data/sources.yml", "data/timeline.yml", "index.md", "timeline.md"):
        path = project / "docs" / file
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = check_in_process(project)
    assert result.returncode == 0, result.stdout
    assert "check: data and pages are valid (0 warning(s))." in result.stdout


def test_data_nested_too_deeply_is_one_line_not_a_traceback(tmp_path):
    project = copy_fixture(tmp_path)
    (project / "docs" / "data" / "actors.yml").write_text("[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = check_in_process(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.startswith("docs/data/actors.yml"), result.stdout


def test_a_front_matter_title_with_markup_is_refused(tmp_path):
    project = copy_fixture(tmp_path)
    replace_in(project / "docs" / "index.md", "title: Home\n", "title: Home <script>alert(1)</script>\n")
    result = check_in_process(project)
    assert result.returncode == 1
    assert (
        "docs/index.md:2: front matter title 'Home <script>alert(1)</script>' contains '<' or '>'; "
        "the navigation prints titles as HTML, so write the title as plain text"
    ) in result.stdout


def test_block_options_refuse_anchors_and_aliases(tmp_path):
    project = copy_fixture(tmp_path)
    replace_in(project / "docs" / "timeline.md", "filters: true", "ids: &a [group-total]\nstatus: *a")
    result = check_in_process(project)
    assert result.returncode == 1
    assert (
        "docs/timeline.md:8: /// timeline: its options use a YAML anchor or alias (&name, *name); "
        "write each value out in full"
    ) in result.stdout


@pytest.mark.parametrize("link", ["docs/leak.md", "docs/data/sources.yml", "overrides/leak.txt"])
def test_a_symbolic_link_in_a_published_folder_is_refused_before_anything_is_read(tmp_path, link):
    project = copy_fixture(tmp_path)
    path = project / link
    (project / "overrides").mkdir(exist_ok=True)
    if path.exists():
        path.unlink()
    path.symlink_to("/etc/hostname")
    result = check_in_process(project)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"{link}: is a symbolic link; put the file itself here (a link could publish files from "
        "outside the project)"
    )


def test_a_front_matter_title_with_a_direction_control_is_refused(tmp_path):
    project = copy_fixture(tmp_path)
    replace_in(project / "docs" / "index.md", "title: Home\n", 'title: "Ho\\u202eme"\n')
    result = check_in_process(project)
    assert result.returncode == 1
    assert (
        "docs/index.md:2: front matter title 'Ho\\u202eme' contains an invisible character (U+202E); "
        "delete it"
    ) in result.stdout


def test_the_data_is_read_once_whatever_its_folder_is_called_and_again_after_an_edit(tmp_path, monkeypatch):
    import os

    from explainer import data

    project = copy_fixture(tmp_path)
    monkeypatch.chdir(project)
    first = data.load("docs/data")
    assert data.load(project / "docs" / "data") is first
    assert data.load(project / "docs" / ".." / "docs" / "data") is first
    sources = project / "docs" / "data" / "sources.yml"
    changed = sources.stat().st_mtime_ns + 1_000_000_000
    os.utime(sources, ns=(changed, changed))
    assert data.load("docs/data") is not first


def test_a_file_that_passed_the_schema_unchanged_skips_it_and_an_edit_checks_it_again(tmp_path, monkeypatch):
    from explainer import data

    project = copy_fixture(tmp_path)
    timeline = project / "docs" / "data" / "timeline.yml"
    assert not data._validate_file("timeline", timeline.parent)[3]
    mark = project / ".cache" / data.SCHEMA_PASSED / "timeline"
    assert mark.is_file()  # the hash of the schema and of this exact text

    def no_schema(name):
        raise AssertionError("the schema ran again on unchanged text")

    with monkeypatch.context() as patched:
        patched.setattr(data, "_validator", no_schema)
        assert not data._validate_file("timeline", timeline.parent)[3]
    # An edit changes the hash: the schema runs, and a failing file leaves the old mark.
    recorded = mark.read_text()
    replace_in(timeline, "status: documented", "status: rumoured")
    problems = data._validate_file("timeline", timeline.parent)[3]
    assert any("rumoured" in problem.message for problem in problems)
    assert mark.read_text() == recorded
