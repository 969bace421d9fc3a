"""Problems found in the site's content, reported as one actionable line each.

Every check in the package reports a `Problem` (file, line, field, message with the fix)
and raises `ContentError` with all of them, so a contributor sees every mistake at once
and never a traceback.
"""

from __future__ import annotations

import dataclasses
import os
import pathlib
import sys

try:  # MkDocs prints a ClickException's message without a traceback.
    from mkdocs.exceptions import BuildError as _BuildBase
except ImportError:  # Zensical, or the checker without MkDocs installed.
    _BuildBase = Exception


@dataclasses.dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str
    field: str = ""
    level: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        prefix = "warning: " if self.level == "warning" else ""
        return f"{where}:{field} {prefix}{self.message}"


class ContentError(_BuildBase):
    """Raised with every problem found; its message lists them one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: pathlib.Path) -> str:
    """The path relative to the working folder when it is inside it, as contributors see it."""
    path = pathlib.Path(path).resolve()
    try:
        return str(path.relative_to(pathlib.Path.cwd()))
    except ValueError:
        return str(path)


def line_of(path: pathlib.Path, token: str) -> int | None:
    """The first line of a file that contains token, to point a contributor at a mistake."""
    try:
        for number, line in enumerate(pathlib.Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if token in line:
                return number
    except OSError:
        return None
    return None


def exit_cleanly_on_error(md) -> None:
    """Under Zensical, print a ContentError's lines and stop, instead of its traceback.

    Zensical reports any Python exception from rendering with a traceback, so this
    instance's convert() prints our message and ends the process with status 1.
    """
    convert = md.convert

    def guarded(source: str) -> str:
        try:
            return convert(source)
        except ContentError as error:
            print(error, file=sys.stderr, flush=True)
            sys.stdout.flush()
            os._exit(1)

    md.convert = guarded
