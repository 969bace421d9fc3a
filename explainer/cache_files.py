"""Files the build keeps in the project's .cache/ (beside mkdocs.yml), written whole.

Several builds can share one project (`make serve` beside `make build`, the test
workers), so a file there is written under a name of its own and then renamed: a
reader finds the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import pathlib
from collections.abc import Callable


def write_whole(target: pathlib.Path, content: bytes) -> pathlib.Path:
    """Writes content to target in one step; returns target."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}")
    temporary.write_bytes(content)
    os.replace(temporary, target)
    return target


def kept(target: pathlib.Path, make: Callable[[], bytes]) -> pathlib.Path:
    """target, written whole from make() only if it is not there yet: for a file named by
    what it is made from (a hash), so one that exists is already the right one."""
    return target if target.is_file() else write_whole(target, make())
