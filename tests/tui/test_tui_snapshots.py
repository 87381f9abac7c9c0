"""Snapshots of every screen at 100x30 and 80x24, and the too-small message.

Deterministic: injected library (relative paths), a hand-moved clock, a fixed 'now', no
notifications shown. Regenerate with ``pytest tests/tui --snapshot-update`` after a
deliberate change, and look at the SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from tui_support import FakeClock

SIZES = [pytest.param((100, 30), id="100x30"), pytest.param((80, 24), id="80x24")]

Steps = Callable[[Pilot, FakeClock], Awaitable[None]]


async def to_session(pilot: Pilot, clock: FakeClock) -> None:
    await pilot.press("enter", "a", "enter")
    clock.advance(20)
    await pilot.press("1")


async def to_ending(pilot: Pilot, clock: FakeClock) -> None:
    await to_session(pilot, clock)
    clock.advance(45)
    await pilot.press("1")


async def to_self_assessment(pilot: Pilot, clock: FakeClock) -> None:
    await to_ending(pilot, clock)
    await pilot.press("enter", "3")


async def to_debrief(pilot: Pilot, clock: FakeClock) -> None:
    await to_self_assessment(pilot, clock)
    await pilot.press("2", "1", "enter")


async def nothing(pilot: Pilot, clock: FakeClock) -> None:
    await pilot.pause()


def keys(*pressed: str, then: Steps | None = None) -> Steps:
    async def run(pilot: Pilot, clock: FakeClock) -> None:
        if then is not None:
            await then(pilot, clock)
        await pilot.press(*pressed)
    return run


SCREENS: dict[str, tuple[bool, Steps]] = {
    # name: (use the library with a broken scenario, steps)
    "home": (True, nothing),
    "scenario_errors": (True, keys("enter")),
    "briefing": (False, keys("enter")),
    "session": (False, to_session),
    "session_ended": (False, to_ending),
    "pause": (False, keys("p", then=to_session)),
    "help": (False, keys("f1", then=to_session)),
    "confirm_quit": (False, keys("q", then=to_session)),
    "self_assessment": (False, to_self_assessment),
    "debrief": (False, to_debrief),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen(name, size, snap_compare, make_app, broken_library, clock) -> None:
    broken, steps = SCREENS[name]
    app = make_app(broken_library) if broken else make_app()

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()  # let the library table fill before the first key
        await steps(pilot, clock)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_too_small(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(60, 20))
