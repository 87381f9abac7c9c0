"""The state the app's screens pass between them. Pure Python: no Textual here.

A :class:`SessionController` is created when a briefing starts a session and handed from
screen to screen (session -> self-assessment -> debrief). :class:`AppState` is what lives
as long as the app: the library, results of this run, preferences. Persisting either (to
resume a session or list history) only needs these objects, not the screens.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from trainsim.tui.listing import ListingRow, fingerprint, read_cached, rows_from, write_cached

if TYPE_CHECKING:  # loaded when a session starts, not at start-up
    from trainsim.engine import Session
    from trainsim.engine.session import Coder
    from trainsim.library import Library, Loaded
    from trainsim.model import Rubric, Scenario
    from trainsim.model.record import Turn
    from trainsim.model.scorecard import Scorecard
    from trainsim.reports.debrief import Debrief

Clock = Callable[[], float]
Now = Callable[[], datetime]


class Mode(StrEnum):
    """How feedback is given during a session."""

    PRACTICE = "practice"
    ASSESSMENT = "assessment"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def explanation(self) -> str:
        if self is Mode.PRACTICE:
            return "feedback after every response; you can rewind a turn (u)"
        return "feedback at the debrief only; no rewinding, as in a real session"


class PausableClock:
    """Session time: the base clock's time since start, minus every paused interval."""

    def __init__(self, base: Clock = time.monotonic) -> None:
        self._base = base
        self._origin = base()
        self._paused_at: float | None = None
        self._paused_total = 0.0

    def __call__(self) -> float:
        now = self._paused_at if self._paused_at is not None else self._base()
        return now - self._origin - self._paused_total

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self) -> None:
        if self._paused_at is None:
            self._paused_at = self._base()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self._base() - self._paused_at
            self._paused_at = None


REWIND_REFUSED = ("Rewind is not available in assessment mode: as in a real session, "
                  "every response stands. You will see feedback on each one at the debrief.")


@dataclass
class SessionController:
    """One session in the app: the engine, its mode, its clock and the self-ratings."""

    scenario: Scenario
    rubrics: dict[str, Rubric]
    mode: Mode
    clock: PausableClock
    session: Session
    self_ratings: dict[str, str] = field(default_factory=dict)
    stopped: bool = False
    """The trainee ended the session from the pause screen."""
    debriefed: bool = False

    @classmethod
    def start(cls, scenario: Scenario, rubrics: Mapping[str, Rubric], mode: Mode,
              base_clock: Clock = time.monotonic,
              coder: Coder | None = None, seed: int = 0) -> SessionController:
        from trainsim.engine import Session

        scored = {r: rubrics[r] for r in scenario.rubrics if r in rubrics}
        clock = PausableClock(base_clock)
        session = Session(scenario, scored, clock=clock, coder=coder, seed=seed)
        return cls(scenario, scored, mode, clock, session)

    # -- reading ---------------------------------------------------------------------------
    @property
    def scored_rubrics(self) -> list[Rubric]:
        """The rubrics scored in this session, in the scenario's order."""
        return [self.rubrics[r] for r in self.scenario.rubrics if r in self.rubrics]

    @property
    def turns(self) -> tuple[Turn, ...]:
        return self.session.turns

    @property
    def finished(self) -> bool:
        return self.session.ending is not None

    @property
    def in_progress(self) -> bool:
        """Started and not yet debriefed or stopped: quitting would lose it."""
        return not self.debriefed and not self.stopped

    # -- acting ----------------------------------------------------------------------------
    def choose(self, ref: str | int) -> Turn:
        return self.session.choose(ref)

    def respond(self, text: str) -> Turn:
        return self.session.respond(text)

    def warm_coder(self) -> None:
        """Load the free-text coder ahead of the first typed response (run in a thread).

        Does nothing for a scenario without free text; a coder that fails here fails
        again, with its message, when the trainee types.
        """
        if any(node.free_text for node in self.scenario.nodes.values()):
            with contextlib.suppress(Exception):
                self.session.coder("Okay.", None)

    def rewind(self) -> Turn:
        from trainsim.engine import SessionError

        if self.mode is not Mode.PRACTICE:
            raise SessionError(REWIND_REFUSED)
        return self.session.rewind()

    def pause(self) -> None:
        self.clock.pause()

    def resume(self) -> None:
        self.clock.resume()

    def rate(self, rubric_id: str, band_label: str) -> None:
        self.self_ratings[rubric_id] = band_label

    def scorecard(self) -> Scorecard:
        from trainsim.scoring import score

        return score(self.session.turns, self.rubrics, self.scenario)

    def debrief(self, created: datetime | None = None) -> Debrief:
        from trainsim.reports.debrief import build_debrief

        return build_debrief(
            self.scenario, self.rubrics, self.session.turns, self.scorecard(), self.self_ratings,
            mode=self.mode.value, ending=self.session.ending, duration=self.clock(),
            created=created, seed=self.session.seed)


@dataclass(frozen=True)
class RunResult:
    """How a scenario went the last time it was completed in this run of the app."""

    mode: Mode
    ending_kind: str | None
    bands: dict[str, str | None]


@dataclass
class AppState:
    """What lives as long as the app: library, this run's results, preferences, clocks.

    Given no library, the bundled one is listed from the cache when it is fresh and loaded
    on first use (:meth:`load_library`, safe to call from a worker thread).
    """

    injected: Library | None = None
    clock: Clock = time.monotonic
    now: Now = datetime.now
    export_dir: Path | None = None
    coder: Coder | None = None
    """Codes typed responses; None: the bundled coder, loaded on first use."""
    seeds: Callable[[], int] = field(default=lambda: secrets.randbelow(2**31))
    """Gives each new session the seed of its option order (stored with the session)."""
    coach_visible: bool = True
    results: dict[str, RunResult] = field(default_factory=dict)
    active: SessionController | None = None
    listing: list[ListingRow] = field(default_factory=list)
    _library: Library | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        if self.injected is not None:
            self._library = self.injected
            self.listing = rows_from(self.injected)
            return
        key = fingerprint()
        cached = read_cached(key)
        if cached is None:
            self.listing = rows_from(self.load_library())
            write_cached(key, self.listing)
        else:
            self.listing = cached

    @property
    def library_loaded(self) -> bool:
        return self._library is not None

    def load_library(self) -> Library:
        """The library, loading the bundled one the first time (one loader at a time)."""
        with self._lock:
            if self._library is None:
                from trainsim.library import load_library

                self._library = load_library()
            return self._library

    @property
    def library(self) -> Library:
        return self.load_library()

    def entry(self, scenario_id: str) -> Loaded[Scenario] | None:
        return self.library.scenario(scenario_id)

    def start(self, scenario: Scenario, mode: Mode) -> SessionController:
        self.active = SessionController.start(scenario, self.library.rubrics, mode, self.clock,
                                              self.coder, self.seeds())
        return self.active

    @property
    def session_in_progress(self) -> bool:
        return self.active is not None and self.active.in_progress

    def record(self, controller: SessionController) -> None:
        """Remember a debriefed session's bands for the library listing."""
        card = controller.scorecard()
        self.results[controller.scenario.id] = RunResult(
            controller.mode, controller.session.ending.kind if controller.session.ending else None,
            {d: s.band for d, s in card.dimensions.items()})

    def finish(self, controller: SessionController) -> None:
        controller.debriefed = True
        self.record(controller)

    def stop(self, controller: SessionController) -> None:
        controller.stopped = True
        controller.clock.pause()
        if self.active is controller:
            self.active = None
