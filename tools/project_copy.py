"""Copy the project as a source archive holds it: no git history, builds or caches.

Used by the tests (a build from an archive, a broken copy for Zensical) and by
bench/build.py (the synthetic sites), so all agree on what a project copy leaves out.
"""

from __future__ import annotations

import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
LEFT_OUT = (
    ".git",
    ".venv",
    "site",
    "site-offline",
    "*.zip",
    "*.tmp.*",
    "*.zip.*",
    "*.lock",
    ".site-tmp",
    ".site-offline-tmp",
    ".zensical-build",
    ".cache",
    "*.egg-info",
    "node_modules",
    ".pytest_cache",
    "__pycache__",
)


def copy_project(destination: pathlib.Path, *also_leave_out: str) -> pathlib.Path:
    """Copy ROOT to destination without LEFT_OUT (and any further patterns); return destination."""
    shutil.copytree(ROOT, destination, ignore=shutil.ignore_patterns(*LEFT_OUT, *also_leave_out))
    return destination
