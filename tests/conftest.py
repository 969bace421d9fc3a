"""Shared fixtures: the real site built once per test session, strictly.

Builds go to a temporary folder so tests never touch site/. Each build runs the
project's own mkdocs (the virtual environment the Makefile made).
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))  # zensical_build, project_copy
BIN = pathlib.Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(
    site_dir: pathlib.Path, config: str = "mkdocs.yml", cwd: pathlib.Path = ROOT, extra: tuple = ()
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict`; returns the finished process (check returncode yourself)."""
    return subprocess.run(
        [
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


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> pathlib.Path:
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr[-4000:]}"
    return site


@pytest.fixture(scope="session")
def offline_site_dir(tmp_path_factory) -> pathlib.Path:
    site = tmp_path_factory.mktemp("site-offline")
    result = mkdocs_build(site, config="mkdocs.offline.yml")
    assert result.returncode == 0, f"offline build failed:\n{result.stderr[-4000:]}"
    return site


@pytest.fixture(scope="session")
def docs_pages() -> list[pathlib.Path]:
    from explainer.usage import page_files

    return page_files(ROOT / "docs")
