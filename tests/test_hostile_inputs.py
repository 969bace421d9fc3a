"""The red-team table: hostile edits a malicious pull request could make, each with its outcome.

Every entry of tests/hostile_inputs.yml edits a copy of the fixture project and says what
must happen (tools/hostile_table.py prints the table):

- rejected: `make check` (python -m explainer.check, run in-process here) prints exactly
  `message`, one line naming the file and line or field; with `stage: build` the strict
  build fails with that line instead, and never with a traceback;
- warned: `make check` passes but prints `message` as a warning;
- escaped / neutralised: `make check` passes and the strict build succeeds; the built file
  `output` contains each of `present` and none of `absent`.

Entries that need a build name a `group`: the edits of one group are applied to one copy
and built once (they must not overlap), so about a hundred inputs cost a handful of builds.
A checked entry's test makes its own copy; a group's copy and build are made once and
then only read (the checker's schema marks are written whole, see explainer.data).
"""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import subprocess

import pytest
import yaml

from explainer import check

from conftest import build_once, mkdocs_build
from helpers import copy_fixture

TABLE = pathlib.Path(__file__).parent / "hostile_inputs.yml"
OUTCOMES = ("rejected", "warned", "tolerated", "escaped", "neutralised")


TABLE_DATA = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
INPUTS = TABLE_DATA["inputs"]
CHECKED = [entry for entry in INPUTS if "group" not in entry]
BUILT = [entry for entry in INPUTS if "group" in entry]


def dated(text: str) -> str:
    """text with {next_year}, {year_after_next} and {today} filled in: the date rules move with today."""
    today = datetime.date.today()
    for name, value in (
        ("{next_year}", today.year + 1),
        ("{year_after_next}", today.year + 2),
        ("{today}", today.isoformat()),
    ):
        text = text.replace(name, str(value))
    return text


def project_copy(folder: pathlib.Path) -> pathlib.Path:
    """The fixture project with the table's setup: pages that show every data file."""
    project = copy_fixture(folder)
    apply(project, {"id": "setup", "edits": TABLE_DATA["setup"]})
    return project


def apply(project: pathlib.Path, entry: dict) -> None:
    """Make the entry's edits in the project copy."""
    for edit in entry["edits"]:
        edit = {key: dated(value) if isinstance(value, str) else value for key, value in edit.items()}
        path = project / edit["file"]
        if "symlink" in edit:
            path.symlink_to(edit["symlink"])
        elif "write" in edit:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(edit["write"].encode("utf-8"))
        elif "append" in edit:
            path.write_bytes(path.read_bytes() + edit["append"].encode("utf-8"))
        elif "prepend_hex" in edit:
            path.write_bytes(bytes.fromhex(edit["prepend_hex"]) + path.read_bytes())
        else:  # replace (in UTF-8) or insert raw bytes after a string
            raw, old = path.read_bytes(), edit["replace"].encode("utf-8")
            assert raw.count(old) == 1, f"{entry['id']}: {edit['replace']!r} is not once in {edit['file']}"
            new = bytes.fromhex(edit["hex"]) if "hex" in edit else edit["with"].encode("utf-8")
            path.write_bytes(raw.replace(old, old + new if "hex" in edit else new))


def check_lines(project: pathlib.Path) -> list[str]:
    """What `make check` prints for the project, one entry per problem (run from inside it)."""
    here = pathlib.Path.cwd()
    os.chdir(project)
    try:
        return [str(problem) for problem in check.run(project / "mkdocs.yml")]
    finally:
        os.chdir(here)


def assert_located(lines: list[str]) -> None:
    """Each line is one line that starts with a file and line or field."""
    for line in lines:
        assert "\n" not in line and "Traceback" not in line, line
        file, _, rest = line.partition(":")
        assert file.startswith("docs/") or file == "mkdocs.yml", line
        assert rest[:1].isdigit() or rest.startswith(" [") or rest.startswith(" is a"), line


def test_the_table_is_well_formed():
    ids = [entry["id"] for entry in INPUTS]
    assert len(ids) == len(set(ids)), "ids repeat"
    assert len(INPUTS) >= 100
    for entry in INPUTS:
        assert entry["expect"] in OUTCOMES and entry["tries"] and entry["edits"], entry["id"]
        if entry["expect"] in ("rejected", "warned"):
            assert entry["message"], entry["id"]
        elif entry["expect"] != "tolerated":
            assert "group" in entry and entry["output"] and (entry.get("absent") or entry.get("present"))


@pytest.mark.parametrize("entry", CHECKED, ids=[entry["id"] for entry in CHECKED])
def test_make_check_names_the_problem(tmp_path, entry):
    project = project_copy(tmp_path)
    apply(project, entry)
    lines = check_lines(project)
    errors = [line for line in lines if ": warning: " not in line]
    if entry["expect"] == "tolerated":
        assert not errors, errors
    else:
        assert dated(entry["message"]) in lines, "\n".join(lines)
    if entry["expect"] == "warned":
        assert not errors, errors
    assert_located(lines)


@pytest.fixture(scope="session")
def builds(tmp_path_factory):
    """{group: (project, site folder, strict build)}: each group is built once per test run,
    the first time any xdist worker asks for it; its project and site are then only read."""

    def build(group: str):
        def make(folder: pathlib.Path) -> None:
            project = project_copy(folder)
            for entry in BUILT:
                if entry["group"] == group:
                    apply(project, entry)
            result = mkdocs_build(folder / "site", cwd=project)
            outcome = json.dumps([result.returncode, result.stderr])
            (folder / "build.json").write_text(outcome, encoding="utf-8")

        folder = build_once(tmp_path_factory, f"hostile-{group}", make)
        returncode, stderr = json.loads((folder / "build.json").read_text(encoding="utf-8"))
        result = subprocess.CompletedProcess(["mkdocs", "build"], returncode, "", stderr)
        return folder / "project", folder / "site", result

    return build


@pytest.mark.parametrize("entry", BUILT, ids=[entry["id"] for entry in BUILT], indirect=False)
def test_the_build_prints_it_as_text(builds, entry):
    project, site, result = builds(entry["group"])
    if entry["expect"] == "rejected":
        assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
        assert entry["message"] in result.stderr, result.stderr[-2000:]
        return
    errors = [line for line in check_lines(project) if ": warning: " not in line]
    assert not errors, errors
    assert result.returncode == 0, result.stderr[-3000:]
    text = (site / entry["output"]).read_bytes().decode("utf-8")  # carriage returns kept
    for fragment in entry.get("present", []):
        assert fragment in text, f"{fragment!r} not in {entry['output']}"
    for fragment in entry.get("absent", []):
        assert fragment not in text, f"{fragment!r} in {entry['output']}"
