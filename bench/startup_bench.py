"""Benchmarks for the terminal app, headless (run_test), in one run.

1. Start-up: until the Home screen is ready (library table filled, and a frame composed
   showing it), against a minimal Textual app showing one Label; median of several
   repetitions each; prints the ratio (target <= 1.5x). Measured two ways:
   - cold: a fresh interpreter per repetition, from spawning it (Python start-up, imports,
     loading the bundled library, the app) -- what a trainee waits for after `trainsim`;
   - warm: in this process, from constructing the app (imports and library already
     loaded) -- the cost of the screens and widgets alone.
2. Response: from the key press choosing an option to the first frame that shows the
   client's reply, over many presses driven by Pilot; prints median and p95
   (target p95 <= 50 ms).

Run: PYTHONPATH=src python bench/startup_bench.py [--reps N] [--presses N]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Label

from trainsim.library import Library, Loaded, load_library
from trainsim.model import Rubric, Scenario
from trainsim.tui.app import TrainsimApp
from trainsim.tui.screens.home import HomeScreen
from trainsim.tui.screens.session import SessionScreen

ROOT = Path(__file__).resolve().parents[1]
SIZE = (100, 30)


class FrameClock:
    """Mixin: note when each frame is composed (headless apps still compose them), and the
    first frame composed while ``ready(app)`` holds."""

    frames: list[float]
    ready: Any = None
    ready_at: float | None = None

    def _display(self, screen: Any, renderable: Any) -> None:
        super()._display(screen, renderable)  # type: ignore[misc]
        if renderable is None:
            return
        now = time.perf_counter()
        self.frames.append(now)
        if self.ready_at is None and self.ready is not None and self.ready(self):
            self.ready_at = now


class MinimalApp(FrameClock, App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.frames = []

    def compose(self) -> ComposeResult:
        yield Label("Hello")


class TimedApp(FrameClock, TrainsimApp):
    """Also notes the first frame in which the reply to turn ``expect`` is laid out."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.frames = []
        self.expect: int | None = None
        self.shown_at: float | None = None

    def _display(self, screen: Any, renderable: Any) -> None:
        super()._display(screen, renderable)
        if self.expect is None or renderable is None or not isinstance(screen, SessionScreen):
            return
        transcript = screen.transcript
        lines = transcript.lines
        last = lines[-1] if lines else None
        if (last is not None and last.turn == self.expect and last.kind == "client"
                and transcript.rendered == len(lines)):
            self.shown_at = self.frames[-1]
            self.expect = None


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


# -- start-up --------------------------------------------------------------------------------
async def first_frame(make: Any, ready: Any) -> float:
    """Seconds from constructing the app to the first frame composed while ``ready(app)``."""
    start = time.perf_counter()
    app = make()
    app.ready = ready
    async with app.run_test(size=SIZE) as pilot:
        while app.ready_at is None:
            await asyncio.sleep(0.001)
        done = app.ready_at
        await pilot.pause()
    return done - start


def home_ready(app: TrainsimApp) -> bool:
    screen = app.screen
    return (isinstance(screen, HomeScreen) and screen.is_mounted
            and screen.table.row_count == len(app.state.library.scenario_files))


async def startup(library: Library, reps: int) -> tuple[float, float]:
    minimal, ours = [], []
    # one warm-up each: imports and first-use caches are not what we measure
    await first_frame(MinimalApp, lambda app: app.screen.is_mounted)
    await first_frame(lambda: TimedApp(library=library), home_ready)
    for _ in range(reps):
        gc.collect()
        minimal.append(await first_frame(MinimalApp, lambda app: app.screen.is_mounted))
        gc.collect()
        ours.append(await first_frame(lambda: TimedApp(library=library), home_ready))
    return statistics.median(minimal), statistics.median(ours)


# -- cold start-up, one fresh interpreter per repetition -------------------------------------
_CHILD_COMMON = """
import asyncio, time
def watch(app_class, ready):
    class Watched(app_class):
        def _display(self, screen, renderable):
            super()._display(screen, renderable)
            if renderable is not None and not getattr(self, "_seen", False) and ready(self):
                self._seen = True
                print(f"READY {time.time():.6f}", flush=True)
                self.exit()
    return Watched
async def main(app):
    async with app.run_test(size=(100, 30)) as pilot:
        while not getattr(app, "_seen", False):
            await asyncio.sleep(0.001)
"""

_CHILD_MINIMAL = _CHILD_COMMON + """
from textual.app import App
from textual.widgets import Label
class Minimal(App):
    def compose(self):
        yield Label("Hello")
asyncio.run(main(watch(Minimal, lambda app: app.screen.is_mounted)()))
"""

_CHILD_TRAINSIM = _CHILD_COMMON + """
from trainsim.tui.app import TrainsimApp
from trainsim.tui.screens.home import HomeScreen
def ready(app):
    s = app.screen
    return (isinstance(s, HomeScreen) and s.is_mounted
            and s.table.row_count == len(app.state.listing))
asyncio.run(main(watch(TrainsimApp, ready)()))   # the bundled library, as `trainsim` does
"""


def cold_once(code: str, cache: str) -> float:
    env = {**os.environ, "TRAINSIM_CACHE_DIR": cache, "PYTHONPATH": os.pathsep.join(
        [str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    start = time.time()
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                         text=True, env=env, check=True, timeout=120).stdout
    ready = next(line for line in out.splitlines() if line.startswith("READY "))
    return float(ready.split()[1]) - start


def import_cost(module: str, reps: int = 3) -> float:
    """Median seconds for a fresh interpreter to import ``module`` (Python start-up included)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}" if module else "pass"],
                       env=env, check=True, timeout=120)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold_startup(reps: int) -> tuple[float, float, float]:
    """Medians for the minimal app and for trainsim with its listing cache filled, and
    trainsim's very first launch (empty cache: the library is loaded before Home shows)."""
    minimal, ours = [], []
    with tempfile.TemporaryDirectory() as cache:
        first = cold_once(_CHILD_TRAINSIM, cache)
        for _ in range(reps):
            minimal.append(cold_once(_CHILD_MINIMAL, cache))
            ours.append(cold_once(_CHILD_TRAINSIM, cache))
    return statistics.median(minimal), statistics.median(ours), first


# -- response --------------------------------------------------------------------------------
def loop_library() -> Library:
    """A scenario that never ends: two nodes whose options lead to each other."""
    rubric = Rubric.model_validate({
        "id": "open-questions", "title": "Open questions", "description": "bench",
        "indicators": ["bench"],
        "bands": [{"lower": x, "label": f"B{i}", "descriptor": "d", "tip": "t"}
                  for i, x in enumerate((0.0, 0.4, 0.65, 0.85))]})

    def node(other: str, n: int) -> dict[str, Any]:
        return {
            "client": [f"Reply {n}: something the client says, long enough to wrap on a "
                       "narrow terminal so the layout has real work to do.", "And a second line."],
            "narration": "They pause and look at the floor.",
            "options": [{"id": f"o{i}", "text": f"Response {i} to node {n}: an open question?",
                         "codes": ["open_question"], "evidence": {"open-questions": i},
                         "effects": {"trust": 1 if i == 1 else -1}, "feedback": f"Feedback {i}.",
                         "next": other} for i in (1, 2, 3)],
        }

    scenario = Scenario.model_validate({
        "id": "bench-loop", "title": "Bench loop", "summary": "Never ends.",
        "difficulty": "introductory", "estimated_minutes": 5,
        "client": {"name": "Bea", "age": 40, "pronouns": "she/her", "background": "b",
                   "presenting_concern": "c"},
        "content_notes": ["none"], "learning_objectives": ["speed"],
        "rubrics": ["open-questions"],
        "state": {"trust": {"initial": 5, "min": 0, "max": 10},
                  "distress": {"initial": 3, "min": 0, "max": 10}},
        "start": "a", "nodes": {"a": node("b", 1), "b": node("a", 2)},
    })
    library = Library()
    library.scenario_files = [Loaded(Path("bench-loop.yaml"), scenario)]
    library.context_rubrics = {"open-questions": rubric}
    return library


async def responses(presses: int) -> list[float]:
    app = TimedApp(library=loop_library(), clock=lambda: 0.0)
    latencies: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        app.open_by_id("bench-loop")
        await pilot.press("a", "enter")
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.pause()
        for i in range(presses):
            turns = len(screen.controller.turns)
            app.expect, app.shown_at = turns, None
            start = time.perf_counter()
            await pilot.press(str(1 + i % 3))
            while app.shown_at is None:
                await pilot.pause()
            assert len(screen.controller.turns) == turns + 1
            latencies.append(app.shown_at - start)
    return latencies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=9, help="start-up repetitions (median)")
    parser.add_argument("--presses", type=int, default=200, help="option key presses")
    args = parser.parse_args(argv)

    t = time.perf_counter()
    library = load_library([ROOT / "tests" / "tui" / "data"])
    load_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    bundled = load_library()
    bundled_ms = (time.perf_counter() - t) * 1000

    print(f"start-up to a ready first screen, median of {args.reps} (headless, "
          f"{SIZE[0]}x{SIZE[1]}; target ratio <= 1.5x):")
    minimal, ours, first = cold_startup(args.reps)
    print(f"  cold (fresh interpreter; bundled library, {len(bundled.scenario_files)} "
          f"scenario(s)):")
    print(f"    minimal Textual app (one Label)  {minimal * 1000:7.1f} ms")
    print(f"    trainsim to Home ready           {ours * 1000:7.1f} ms  (listing cached)")
    print(f"    ratio                            {ours / minimal:7.2f}x")
    print(f"    trainsim first launch            {first * 1000:7.1f} ms  (no cache yet: "
          f"{first / minimal:.2f}x)")
    costs = {m: import_cost(m) for m in ("", "textual.app", "trainsim.library",
                                             "trainsim.tui.app")}
    print("    where the cold time goes, fresh interpreter importing only: "
          + ", ".join(f"{m or 'nothing'} {t * 1000:.0f} ms" for m, t in costs.items()))
    minimal, ours = asyncio.run(startup(library, args.reps))
    print("  warm (in process; imports done, test library already loaded):")
    print(f"    minimal Textual app (one Label)  {minimal * 1000:7.1f} ms")
    print(f"    trainsim to Home ready           {ours * 1000:7.1f} ms")
    print(f"    ratio                            {ours / minimal:7.2f}x")
    print(f"  (library loading in process: test library {load_ms:.1f} ms, bundled library "
          f"{bundled_ms:.1f} ms)")

    latencies = asyncio.run(responses(args.presses))
    ms = [x * 1000 for x in latencies]
    print(f"key press -> client reply on screen, {len(ms)} presses:")
    print(f"  median {statistics.median(ms):6.1f} ms   p95 {percentile(ms, 95):6.1f} ms   "
          f"max {max(ms):6.1f} ms   (target p95 <= 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
