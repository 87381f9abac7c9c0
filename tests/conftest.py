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
