"""Small helpers for the tests: the fixture project and a Markdown converter."""

from __future__ import annotations

import contextlib
import io
import os
import pathlib
import shutil
import subprocess
import sys

import markdown

from explainer.extension import ExplainerExtension

TESTS = pathlib.Path(__file__).resolve().parent
FIXTURE = TESTS / "fixtures" / "project"
EXTENSIONS = ["attr_list", "md_in_html"]


# What describes the page file as a whole: its reading time, its footer (whose date and
# revision come from git) and the search spellings. convert() leaves them out unless kept.
PAGE_PARTS = ("reading-time", "page-footer", "search-terms")


def convert(
    text: str,
    docs_dir: pathlib.Path = FIXTURE / "docs",
    page: str = "index.md",
    extra_extensions: tuple[str, ...] = (),
    keep: tuple[str, ...] = (),
) -> str:
    """HTML of text rendered as docs/<page> with the site's extension and the given docs,
    without the PAGE_PARTS not named in keep, so a test sees the rendering of text alone."""
    site = ExplainerExtension(docs_dir=str(docs_dir), page=page)
    md = markdown.Markdown(extensions=[*EXTENSIONS, site, *extra_extensions])
    for name in set(PAGE_PARTS) - set(keep):
        md.treeprocessors.deregister(name)
    return md.convert(text)


def copy_fixture(tmp_path: pathlib.Path) -> pathlib.Path:
    """A writable copy of the fixture project (its hook path made absolute)."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    hook = TESTS.parent / "explainer" / "mkdocs_files.py"
    config.write_text(config.read_text().replace("../../../explainer/mkdocs_files.py", str(hook)))
    return project


def run_check(project: pathlib.Path) -> subprocess.CompletedProcess:
    """`python -m explainer.check` on a project, run from inside it as a contributor would."""
    return subprocess.run(
        [sys.executable, "-m", "explainer.check"], cwd=project, capture_output=True, text=True, timeout=120
    )


def check_in_process(project: pathlib.Path) -> subprocess.CompletedProcess:
    """What run_check gives (exit status, stdout, stderr), from explainer.check.main called in
    this process: the same code and output without starting Python and importing the package
    again for each case. An exception escapes as the test's error, as a traceback would show."""
    from explainer import check

    out, err, here = io.StringIO(), io.StringIO(), pathlib.Path.cwd()
    os.chdir(project)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = check.main([])
    finally:
        os.chdir(here)
    return subprocess.CompletedProcess(["explainer.check"], status, out.getvalue(), err.getvalue())


def replace_in(path: pathlib.Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def docs_with_source_fields(tmp_path: pathlib.Path, fields: str) -> pathlib.Path:
    """A copy of the fixture's docs/ whose first source has the given YAML fields (each line
    indented two spaces, ending in a newline) before its language."""
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURE / "docs", docs)
    anchor = "  language: en\n  annotation: Reports a volunteer"
    replace_in(docs / "data" / "sources.yml", anchor, fields + anchor)
    return docs
