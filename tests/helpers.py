"""Small helpers for the tests: the fixture project and a Markdown converter."""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys

import markdown

TESTS = pathlib.Path(__file__).resolve().parent
FIXTURE = TESTS / "fixtures" / "project"
EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "explainer.citations",
    "explainer.timeline",
    "explainer.bibliography",
    "explainer.actors",
    "explainer.figures",
    "explainer.chart",
    "explainer.glossary",
    "explainer.corrections",
    "explainer.argument_map",
]


def convert(
    text: str,
    docs_dir: pathlib.Path = FIXTURE / "docs",
    page: str = "index.md",
    extra_extensions: tuple[str, ...] = (),
) -> str:
    """HTML of text rendered as docs/<page> with the site's extensions and the given docs."""
    configs = {name: {"docs_dir": str(docs_dir)} for name in EXTENSIONS if name.startswith("explainer")}
    md = markdown.Markdown(extensions=[*EXTENSIONS, *extra_extensions], extension_configs=configs)
    md.explainer_page = page
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


def replace_in(path: pathlib.Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
