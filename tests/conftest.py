"""Shared fixtures: the real site built once per test run, strictly, and shared.

`make test` has just built site/ strictly from this tree; it passes that build in
(BUILT_SITE), so the tests read it instead of rendering every page again. Run alone,
pytest builds the site once into its temporary folder. Either way the tests never
touch site/ itself: they read a hard-linked snapshot, which a later `make build`
swapping site/ cannot change. Under pytest-xdist every worker shares the one build:
the first worker to ask builds it under a lock, the others wait and reuse it.
Each build runs the project's own mkdocs (the virtual environment the Makefile made).
"""

from __future__ import annotations

import fcntl
import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))  # zensical_build, project_copy
BIN = pathlib.Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BUILT_SITE = "BUILT_SITE"  # set by `make test`: the strict build of mkdocs.yml it just made


def unshare_unavailable() -> str | None:
    """Why `unshare -n` (no network) cannot run here, or None if it can."""
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True)
    return None if probe.returncode == 0 else f"unshare -n is not permitted here: {probe.stderr.strip()}"


def mkdocs_build(
    site_dir: pathlib.Path,
    config: str = "mkdocs.yml",
    cwd: pathlib.Path = ROOT,
    extra: tuple = (),
    no_network: bool = False,
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict`; returns the finished process (check returncode yourself).
    With no_network, under `unshare -n` (the caller checks unshare_unavailable() first)."""
    return subprocess.run(
        [
            *(["unshare", "-n"] if no_network else []),
            str(BIN / "mkdocs"),
            "build",
            "--strict",
            "--config-file",
            config,
            "--site-dir",
            str(site_dir),
            *extra,
        ],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )


def built_pages(site_dir: pathlib.Path) -> list[pathlib.Path]:
    """Every HTML page of a build, except the 404 page and theme assets."""
    return sorted(
        p
        for p in site_dir.rglob("*.html")
        if p.name != "404.html" and "assets" not in p.relative_to(site_dir).parts
    )


def shared_folder(tmp_path_factory) -> pathlib.Path:
    """A temporary folder every xdist worker of this run sees (each worker's own is below it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def build_once(tmp_path_factory, name: str, make) -> pathlib.Path:
    """The file or folder `name` made by make(path) once per test run, whichever worker asks first.

    make returns an error message, or None on success. A failure is recorded too, so
    every worker fails at once with the same message instead of making it again.
    """
    shared = shared_folder(tmp_path_factory)
    path, failure = shared / name, shared / f"{name}.failed"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists() and not failure.exists():
            error = make(path)
            if error:
                failure.write_text(error, encoding="utf-8")
                shutil.rmtree(path, ignore_errors=True)
    if failure.exists():
        pytest.fail(failure.read_text(encoding="utf-8"), pytrace=False)
    return path


NO_NETWORK_MARK = ".built-without-network"  # left in a build made under `unshare -n`


def strict_build(config: str, what: str, cwd: pathlib.Path = ROOT):
    """A make() for build_once: the strict build, without network where unshare permits it
    (marked by NO_NETWORK_MARK), so the shared builds also prove the build needs none."""

    def make(folder: pathlib.Path) -> str | None:
        no_network = unshare_unavailable() is None
        result = mkdocs_build(folder, config=config, cwd=cwd, no_network=no_network)
        if result.returncode != 0:
            return f"{what} failed:\n{result.stderr[-4000:]}"
        if no_network:
            (folder / NO_NETWORK_MARK).touch()
        return None

    return make


def link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:  # another file system
        shutil.copy2(source, destination)


def snapshot_of(built: pathlib.Path):
    """Hard links to the files of a finished build: instant, and unchanged if it is replaced."""

    def make(folder: pathlib.Path) -> str | None:
        if not (built / "index.html").is_file():
            return f"{BUILT_SITE}={built} is not a finished build: unset it or run `make build`"
        shutil.copytree(built, folder, copy_function=link_or_copy)
        return None

    return make


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> pathlib.Path:
    """The strict build of mkdocs.yml: `make test`'s own (BUILT_SITE), else built once here."""
    given = os.environ.get(BUILT_SITE)
    if given:
        return build_once(tmp_path_factory, "site", snapshot_of(pathlib.Path(given).resolve()))
    return build_once(tmp_path_factory, "site", strict_build("mkdocs.yml", "strict build"))


@pytest.fixture(scope="session")
def offline_site_dir(tmp_path_factory) -> pathlib.Path:
    return build_once(tmp_path_factory, "site-offline", strict_build("mkdocs.offline.yml", "offline build"))


# A page whose title and description try to break out of <head> (test_site). make check
# refuses them; the build alone must still escape them. (The navigation prints titles as
# HTML, so this title shows unescaped in every page's nav: test_share builds apart.)
HOSTILE_TITLES = {
    "about/licence.md": (
        'Licence "quoted" & </title><script>alert(1)</script>',
        'He said "stop" & left."><script>alert(1)</script><meta name="x',
    ),
}


@pytest.fixture(scope="session")
def copy_project_site(tmp_path_factory) -> pathlib.Path:
    """The strict build of a source-archive copy of the project (no git history) whose
    HOSTILE_TITLES page carries hostile front matter, run from a folder outside the copy and
    without network (NO_NETWORK_MARK) where unshare permits: one build for test_site's tests
    of each (a build from elsewhere, without network, without git, escaping front matter)."""
    from project_copy import copy_project

    def make(folder: pathlib.Path) -> str | None:
        project = copy_project(folder.parent / "copy-project")
        elsewhere = folder.parent / "copy-project-elsewhere"
        elsewhere.mkdir()
        for name, (title, description) in HOSTILE_TITLES.items():
            page = project / "docs" / name
            lines = page.read_text(encoding="utf-8").splitlines()
            assert lines[1].startswith("title: ") and lines[2].startswith("description: "), name
            lines[1:3] = [f"title: {json.dumps(title)}", f"description: {json.dumps(description)}"]
            page.write_text("\n".join(lines) + "\n", encoding="utf-8")
        config = str(project / "mkdocs.yml")
        return strict_build(config, "copy project build (from another folder)", elsewhere)(folder)

    return build_once(tmp_path_factory, "copy-project-site", make)


@pytest.fixture(scope="session")
def docs_pages() -> list[pathlib.Path]:
    from explainer.usage import page_files

    return page_files(ROOT / "docs")
