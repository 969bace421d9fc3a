"""What git knows about the pages: the one place that runs git, for the footer and the feed.

Every caller gets None (or its own empty answer) when git or the history is missing, as
in a copy of the project without .git, so a build never depends on git being there.
"""

from __future__ import annotations

import pathlib
import subprocess


def git(docs_dir: pathlib.Path, *args: str) -> str | None:
    """The output of `git ARGS` run in docs_dir, or None when git or its history is missing."""
    try:
        return subprocess.run(
            ["git", *args], cwd=docs_dir, capture_output=True, text=True, timeout=60, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
