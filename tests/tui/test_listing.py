"""The library listing cache that lets the app open without loading the library."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tui_support import RecordingApp

from trainsim.library import catalog
from trainsim.tui.listing import fingerprint, read_cached, rows_from, write_cached
from trainsim.tui.screens.briefing import BriefingScreen
from trainsim.tui.screens.home import HomeScreen

ROOT = Path(__file__).parents[2]


def test_rows_round_trip_through_the_cache(good_library, tmp_path: Path) -> None:
    rows = rows_from(good_library)
    assert [(r.id, r.title, r.client, r.minutes, r.ok) for r in rows] == [
        ("tiny", "Tiny test client", "Test", 3, True)]
    path = tmp_path / "listing.json"
    write_cached("key-1", rows, path)
    assert read_cached("key-1", path) == rows
    assert read_cached("key-2", path) is None  # stale
    path.write_text("{not json", encoding="utf-8")
    assert read_cached("key-1", path) is None  # damaged: ignored, never fatal


def test_unwritable_cache_is_skipped(good_library, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    write_cached("k", rows_from(good_library), blocker / "sub" / "listing.json")  # no raise
    assert not (blocker / "sub").exists()


def test_fingerprint_follows_the_files(tmp_path: Path) -> None:
    (tmp_path / "scenarios").mkdir()
    scenario = tmp_path / "scenarios" / "a.yaml"
    scenario.write_text("id: a\n", encoding="utf-8")
    first = fingerprint([tmp_path])
    assert fingerprint([tmp_path]) == first
    scenario.write_text("id: a\ntitle: changed\n", encoding="utf-8")
    assert fingerprint([tmp_path]) != first


def test_app_module_loads_no_models_or_graphs() -> None:
    """Start-up pays for Textual and the listing only: pydantic, networkx and YAML wait."""
    code = ("import sys, trainsim.tui.app; "
            "print(sorted(m for m in ('pydantic', 'networkx', 'yaml') if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True, timeout=120).stdout
    assert out.strip() == "[]"


async def test_app_lists_from_the_cache_and_loads_the_library_once(
        good_library, monkeypatch, clock) -> None:
    write_cached(fingerprint(), rows_from(good_library))
    calls: list[int] = []

    def load(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(1)
        return good_library

    monkeypatch.setattr(catalog, "load_library", load)
    app = RecordingApp(clock=clock)
    assert not app.state.library_loaded and calls == []
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.table.row_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        await app.workers.wait_for_complete()
    assert calls == [1]
