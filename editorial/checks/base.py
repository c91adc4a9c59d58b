"""The result of one content check: an error that blocks publishing, or a warning to weigh."""

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class ContentCheck:
    """One problem found in a page, with a sentence that tells the editor what to do."""

    level: Level
    message: str
    # The page field the problem is in (e.g. "science", "references"), or None for the page
    # as a whole; lets a caller point the editor at the right tab.
    field: str | None = None

    @property
    def is_error(self) -> bool:
        return self.level == "error"


def error(message: str, field: str | None = None) -> ContentCheck:
    """A problem that must be fixed before the page is published."""
    return ContentCheck("error", message, field)


def warning(message: str, field: str | None = None) -> ContentCheck:
    """A problem an editor should weigh; it does not block publishing."""
    return ContentCheck("warning", message, field)


def errors_first(checks: list[ContentCheck]) -> list[ContentCheck]:
    """The checks with errors before warnings, each group in the order it was found."""
    return sorted(checks, key=lambda check: not check.is_error)
