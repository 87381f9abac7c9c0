"""Fixtures for the app's tests: an injected library, clock, 'now' and export folder."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from tui_support import DATA, NOW, FakeClock, RecordingApp

from trainsim.library import Library, load_library

BROKEN_YAML = """\
id: broken
title: "A broken scenario"
summary: "Has errors on purpose."
difficulty: impossible
estimated_minutes: 5
client: {name: Sam, age: 30, pronouns: he/him, background: "x", presenting_concern: "y"}
content_notes: ["none"]
learning_objectives: ["none"]
rubrics: [open-questions]
start: hello
nodes:
  hello:
    client: "Hi."
    options:
      - {id: go, text: "Go on.", next: nowhere}
"""


AUTHORED_ORDER = 18
"""An option-order seed that happens to show tiny's options in the order they are written,
so the app's tests can press the numbers they name."""


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def good_library() -> Library:
    return load_library([DATA])


@pytest.fixture
def broken_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Library:
    """The good test content plus a scenario with validation errors, at relative paths
    (so the located errors read the same on every machine)."""
    lib = tmp_path / "lib"
    shutil.copytree(DATA, lib)
    (lib / "scenarios" / "broken.yaml").write_text(BROKEN_YAML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return load_library([Path("lib")])


@pytest.fixture
def make_app(clock: FakeClock, good_library: Library, tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(library: Library | None = None, **kwargs: Any) -> RecordingApp:
        kwargs.setdefault("export_dir", tmp_path / "exports")
        kwargs.setdefault("seeds", lambda: AUTHORED_ORDER)
        return RecordingApp(library=library or good_library, clock=clock, now=lambda: NOW,
                            **kwargs)
    return make
