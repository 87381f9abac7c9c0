"""The message shown instead of a broken layout when the terminal is too small."""

from __future__ import annotations

from textual import events
from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 80, 24
TOO_SMALL_MESSAGE = f"Please enlarge the terminal to at least {MIN_WIDTH}x{MIN_HEIGHT}"


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmall(Static):
    """Covers the screen (see app.tcss) while the screen has the ``-too-small`` class."""

    def __init__(self) -> None:
        super().__init__(
            f"{TOO_SMALL_MESSAGE}.\n\nThe app will reappear as soon as there is room.",
            id="too-small")


class SizeGuard:
    """Screen mixin: toggles the ``-too-small`` class on every resize.

    Each screen yields a :class:`TooSmall` last in its ``compose``, so it sits on top.
    """

    def _guard(self, width: int, height: int) -> None:
        self.set_class(too_small(width, height), "-too-small")  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        size = self.app.size  # type: ignore[attr-defined]
        self._guard(size.width, size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._guard(event.size.width, event.size.height)
