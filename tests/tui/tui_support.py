"""Helpers for the app's tests: a hand-moved clock, an app that records notifications."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from trainsim.tui.app import TrainsimApp

DATA = Path(__file__).parent / "data"
"""A frozen copy of tests/data/good (scenario 'tiny', four rubrics): the app's tests and
snapshots must not move when the shared test content grows."""
NOW = datetime(2025, 3, 14, 9, 30, 0, tzinfo=UTC)


@dataclass
class FakeClock:
    """A base clock the tests move by hand (seconds)."""

    now: float = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class RecordingApp(TrainsimApp):
    """The app, remembering every notification's message for assertions."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notices: list[str] = []

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        self.notices.append(str(message))
        super().notify(message, *args, **kwargs)
