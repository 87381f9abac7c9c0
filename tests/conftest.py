"""Shared fixtures: paths to test content."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def good_dir() -> Path:
    return DATA / "good"


@pytest.fixture
def bad_dir() -> Path:
    return DATA / "bad"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the app's listing cache out of the user's cache folder."""
    monkeypatch.setenv("TRAINSIM_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
