"""Problems found in the site's content, reported as one actionable line each.

Every check in the package reports a `Problem` (file, line, field, message with the fix)
and raises `ContentError` with all of them, so a contributor sees every mistake at once
and never a traceback.
"""

from __future__ import annotations

import dataclasses
import pathlib

from .page_context import ReportedError


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


class ContentError(ReportedError):
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


def read_utf8(path: pathlib.Path) -> str:
    """A content file's text; a byte-order mark is dropped, bytes that are not UTF-8 are one Problem.

    Raises ContentError naming the file and line of the first bad byte, or the reason the
    file cannot be read, so a contributor never sees a traceback.
    """
    file = display_path(path)
    try:
        raw = pathlib.Path(path).read_bytes()
    except OSError as error:
        raise ContentError(
            [Problem(file, None, f"cannot read the file ({error.strerror}); restore it from git")]
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise ContentError(
            [
                Problem(
                    file,
                    line,
                    f"byte 0x{raw[error.start]:02x} at column {column} is "
                    "not UTF-8; save the file as UTF-8 (retype the "
                    "character if it still looks wrong)",
                )
            ]
        ) from None


def line_of(path: pathlib.Path, token: str) -> int | None:
    """The first line of a file that contains token, to point a contributor at a mistake."""
    try:
        for number, line in enumerate(
            pathlib.Path(path).read_text(encoding="utf-8-sig", errors="replace").splitlines(), 1
        ):
            if token in line:
                return number
    except OSError:
        return None
    return None
